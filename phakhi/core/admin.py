"""The Django admin — the UI until the web UI lands — for the core models: workspaces and the
read-only audit trail. The machinery every app's admin shares is in ``admin_base``."""

from typing import Any

from django.apps import apps
from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from phakhi.core.admin_base import AuditedAdmin
from phakhi.core.dates import show_date
from phakhi.core.models import AuditEvent, Workspace

admin.site.site_header = "Phakhi (ภาคี)"
admin.site.site_title = "Phakhi (ภาคี)"
admin.site.index_title = _("Network administration")


@admin.register(Workspace)
class WorkspaceAdmin(AuditedAdmin):
    list_display = ("name", "slug", "created_display")
    search_fields = ("name", "slug")
    fields = ("slug", "name", "created_display")
    readonly_fields = ("created_display",)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit trail can be read, never written, changed or deleted here."""

    list_display = ("at_display", "by", "action", "object_type", "object_repr", "workspace")
    list_filter = ("action", "workspace")
    list_select_related = ("workspace",)
    search_fields = ("object_repr", "by", "=object_id", "=batch")
    search_help_text = _("Search by object, by who made the change, or by object id or batch.")
    show_full_result_count = False
    list_per_page = 50
    fields = (
        "at_display",
        "workspace",
        "by",
        "user",
        "action",
        "object_type",
        "object_id",
        "object_repr",
        "changes_table",
        "batch",
    )
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=_("time"), ordering="at")
    def at_display(self, obj: AuditEvent) -> str | None:
        return show_date(obj.at)

    @admin.display(description=_("changes"))
    def changes_table(self, obj: AuditEvent) -> SafeString | str:
        changes = obj.changes if isinstance(obj.changes, dict) else {}
        if not changes:
            return "—"
        rows = format_html_join(
            "",
            "<tr><th>{}</th><td>{}</td><td>{}</td></tr>",
            (
                (self._field_label(obj.object_type, name), _cell(values, 0), _cell(values, 1))
                for name, values in changes.items()
            ),
        )
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>"
            "<tbody>{}</tbody></table>",
            _("field"),
            _("old value"),
            _("new value"),
            rows,
        )

    @staticmethod
    def _field_label(object_type: str, name: str) -> str:
        try:
            model = apps.get_model(object_type)
            return str(model._meta.get_field(name).verbose_name)
        except (LookupError, ValueError, FieldDoesNotExist):
            return name


def _cell(values: Any, index: int) -> str:
    if isinstance(values, list | tuple) and len(values) > index:
        value = values[index]
        return "—" if value in (None, "") else str(value)
    return str(values) if index == 1 else ""
