"""Admin for the agency's own projects (โครงการ)."""

from typing import Any

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from phakhi.core.admin_base import AuditedAdmin, AuditedForm, check_dates_in_order
from phakhi.core.dates import show_date
from phakhi.projects.models import Project


class ProjectForm(AuditedForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        check_dates_in_order(self, cleaned, "starts_on", "ends_on", strict=False)
        return cleaned


@admin.register(Project)
class ProjectAdmin(AuditedAdmin):
    form = ProjectForm
    list_display = (
        "name",
        "slug",
        "network",
        "lead_actor",
        "starts_display",
        "ends_display",
        "workspace",
    )
    list_filter = ("workspace",)
    list_select_related = ("network", "lead_actor", "workspace")
    raw_id_fields = ("lead_actor",)
    search_fields = ("name", "slug")
    fields = (
        "workspace",
        "slug",
        "name",
        "description",
        "network",
        "lead_actor",
        "starts_on",
        "ends_on",
        "created_display",
        "updated_display",
    )
    readonly_fields = ("created_display", "updated_display")

    @admin.display(description=_("starts"), ordering="starts_on")
    def starts_display(self, obj: Project) -> str | None:
        return show_date(obj.starts_on)

    @admin.display(description=_("ends"), ordering="ends_on")
    def ends_display(self, obj: Project) -> str | None:
        return show_date(obj.ends_on)
