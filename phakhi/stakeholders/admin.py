"""Admin for worksheet 1: assessments and their stakeholders (every write audited)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from phakhi.core.admin_base import AuditedAdmin
from phakhi.core.dates import show_date
from phakhi.core.thai import sort_key
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.services import name_key_of


@admin.register(Assessment)
class AssessmentAdmin(AuditedAdmin):
    list_display = ("__str__", "project", "held_display", "workspace")
    list_filter = ("workspace",)
    list_select_related = ("project", "workspace")
    search_fields = ("title", "project__name", "project__slug")
    raw_id_fields = ("project", "previous")
    fields = (
        "workspace",
        "project",
        "held_on",
        "title",
        "previous",
        "created_display",
        "updated_display",
    )
    readonly_fields = ("created_display", "updated_display")

    @admin.display(description=_("date"), ordering="held_on")
    def held_display(self, obj: Assessment) -> str | None:
        return show_date(obj.held_on)


@admin.register(Stakeholder)
class StakeholderAdmin(AuditedAdmin):
    list_display = ("name", "assessment", "kind", "sector", "influence", "interest", "workspace")
    list_filter = ("workspace", "sector", "influence", "interest")
    list_select_related = ("assessment", "assessment__project", "workspace")
    search_fields = ("name", "contact_person")
    raw_id_fields = ("assessment", "actor", "previous")
    readonly_fields = ("created_display", "updated_display")
    fieldsets = (
        (
            None,
            {"fields": ("workspace", "assessment", "actor", "name", "kind", "sector", "subsector")},
        ),
        (
            _("Groups"),
            {"fields": ("influences_us", "affected_by_us", "interested_in_outcome", "priority")},
        ),
        (
            _("Grid"),
            {"fields": ("influence", "interest", "influence_score", "interest_score")},
        ),
        (
            _("Card"),
            {
                "fields": (
                    "contact_person",
                    "impact",
                    "influence_how",
                    "what_matters",
                    "can_help",
                    "may_obstruct",
                    "how_to_reach",
                )
            },
        ),
        (
            _("Screening"),
            {
                "fields": (
                    "lives_with_problem",
                    "knows_problem",
                    "voices_need",
                    "visibly_committed",
                    "host_who",
                    "host_how_far",
                    "host_support",
                )
            },
        ),
        (_("Other"), {"fields": ("previous", "created_display", "updated_display")}),
    )

    def prepare(self, obj: Stakeholder) -> None:
        obj.name_key = name_key_of(obj.name, obj.kind)
        obj.sort_key = sort_key(obj.name_key)
