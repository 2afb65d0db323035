"""Admin for self-assessments, their answers and evidence (audited like every admin write).
The lists themselves are code (templates.py), not rows."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from phakhi.assessments.models import Answer, Evidence, SelfAssessment
from phakhi.core.admin_base import AuditedAdmin, AuditedInline
from phakhi.core.dates import show_date


class AnswerInline(AuditedInline):
    model = Answer
    fields = ("template", "item", "score", "notes")
    readonly_fields = ("template", "item")
    extra = 0
    can_delete = False


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(AuditedAdmin):
    list_display = ("title", "held_display", "network", "status", "workspace")
    list_filter = ("workspace", "status")
    list_select_related = ("network", "workspace")
    search_fields = ("title", "respondents")
    fields = (
        "workspace",
        "title",
        "held_on",
        "network",
        "templates",
        "answered_by",
        "respondents",
        "status",
        "finalised_at",
        "finalised_by",
    )
    readonly_fields = ("templates", "finalised_at", "finalised_by")
    inlines = (AnswerInline,)

    @admin.display(description=_("date"), ordering="held_on")
    def held_display(self, obj: SelfAssessment) -> str | None:
        return show_date(obj.held_on)


@admin.register(Evidence)
class EvidenceAdmin(AuditedAdmin):
    list_display = ("label", "kind", "answer", "workspace")
    list_filter = ("workspace", "kind")
    list_select_related = ("answer", "workspace")
    raw_id_fields = ("answer", "activity", "run")
    search_fields = ("label", "url", "file_name")
    fields = ("workspace", "answer", "kind", "label", "activity", "run", "url", "note",
              "file_name", "file_size", "stored_path")  # fmt: skip
    readonly_fields = ("file_name", "file_size", "stored_path")
