"""Admin for self-assessments, their answers and evidence (audited like every admin write).
The lists themselves are code (templates.py), not rows."""

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from phakhi.assessments.models import Answer, Evidence, SelfAssessment
from phakhi.core.admin_base import AuditedAdmin
from phakhi.core.dates import show_date


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

    @admin.display(description=_("date"), ordering="held_on")
    def held_display(self, obj: SelfAssessment) -> str | None:
        return show_date(obj.held_on)


@admin.register(Answer)
class AnswerAdmin(AuditedAdmin):
    """One item's answer. (Not an inline of the assessment: the admin's inline forms of
    workspace rows refuse their own id as "a row pointing to itself".)"""

    list_display = ("__str__", "score", "assessment", "workspace")
    list_filter = ("workspace", "template")
    list_select_related = ("assessment", "workspace")
    raw_id_fields = ("assessment",)
    search_fields = ("notes", "assessment__title")
    fields = ("workspace", "assessment", "template", "item", "score", "notes")
    readonly_fields = ("template", "item")


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

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if isinstance(db_field, models.URLField):
            kwargs["assume_scheme"] = "https"  # Django 6's default, asked for now
        return super().formfield_for_dbfield(db_field, request, **kwargs)
