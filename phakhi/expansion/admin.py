"""Admin for expansion plans (ใบงาน 4) and their rows."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from phakhi.core.admin_base import AuditedAdmin
from phakhi.core.dates import show_date
from phakhi.expansion.models import ExpansionPlan, PlanRow


@admin.register(ExpansionPlan)
class ExpansionPlanAdmin(AuditedAdmin):
    list_display = ("title", "project", "network", "workspace", "updated_display")
    list_filter = ("workspace",)
    list_select_related = ("project", "network", "workspace")
    search_fields = ("title",)
    raw_id_fields = ("project", "network")
    fields = (
        "workspace",
        "project",
        "network",
        "title",
        "vision",
        "common_benefit",
        "created_display",
        "updated_display",
    )
    readonly_fields = ("created_display", "updated_display")


@admin.register(PlanRow)
class PlanRowAdmin(AuditedAdmin):
    list_display = ("target_name", "plan", "new_level", "status", "due_display", "workspace")
    list_filter = ("workspace", "status")
    list_select_related = ("plan", "workspace")
    search_fields = ("target_name", "plan__title")
    raw_id_fields = ("plan", "target_actor", "target_network", "owner_user", "strategy")
    fields = (
        "workspace",
        "plan",
        "position",
        "target_name",
        "target_actor",
        "target_network",
        "current_level",
        "current_via_name",
        "current_override",
        "new_level",
        "our_benefit",
        "their_benefit",
        "methods",
        "owner",
        "owner_user",
        "due_on",
        "status",
        "achieved_on",
        "strategy",
        "created_display",
        "updated_display",
    )
    readonly_fields = ("created_display", "updated_display")

    @admin.display(description=_("due"), ordering="due_on")
    def due_display(self, obj: PlanRow) -> str | None:
        return show_date(obj.due_on)
