"""Admin for activities, and read-only lists of their attendance and of the registrations made
at the door (those change through the attendance pages, which keep co-participation ties up to
date). An activity edited here whose dates change, or that is deleted, refreshes the ties of
those who took part, as the services do."""

from typing import Any

from django.contrib import admin
from django.db import router, transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from phakhi.core.admin_base import AuditedAdmin
from phakhi.core.dates import show_date
from phakhi.participation.coparticipation import coparticipation_refresh
from phakhi.participation.models import Activity, Attendance, Registration
from phakhi.participation.vocabulary import level_name, o25_missing


def _participants(activity: Activity) -> set[int]:
    return set(Attendance.objects.filter(activity=activity).values_list("actor_id", flat=True))


@admin.register(Activity)
class ActivityAdmin(AuditedAdmin):
    list_display = (
        "key",
        "title",
        "starts_display",
        "kind",
        "levels_display",
        "o25_display",
        "workspace",
    )
    list_filter = ("workspace", "kind", "iap2_planned", "iap2_achieved")
    list_select_related = ("workspace",)
    search_fields = ("key", "title", "place")
    date_hierarchy = "starts_on"
    raw_id_fields = ("project",)
    filter_horizontal = ("networks",)
    fieldsets = (
        (None, {"fields": ("workspace", "key", "title", "kind", "description")}),
        (
            _("When and where"),
            {
                "fields": (
                    "starts_on",
                    "start_time",
                    "ends_on",
                    "end_time",
                    "province_code",
                    "district_code",
                    "place",
                )
            },
        ),
        (_("Networks and project"), {"fields": ("networks", "project")}),
        (
            _("Public participation"),
            {"fields": ("iap2_planned", "iap2_achieved", "stage", "forms")},
        ),
        (
            _("Published for ITA o25"),
            {"fields": ("o25_issue", "o25_participants", "o25_results", "o25_results_used")},
        ),
        (
            _("Outcomes"),
            {
                "fields": (
                    "decisions",
                    "outcomes",
                    "public_civil",
                    "public_academic",
                    "public_government",
                    "public_unknown",
                    "satisfaction",
                )
            },
        ),
        (None, {"fields": ("check_in_code", "created_display", "updated_display")}),
    )
    readonly_fields = ("check_in_code", "created_display", "updated_display")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        with transaction.atomic(using=router.db_for_write(self.model)):
            super().save_model(request, obj, form, change)
            if change and {"starts_on", "ends_on"} & set(form.changed_data):
                participants = _participants(obj)
                if participants:
                    coparticipation_refresh(obj.workspace, participants)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with transaction.atomic(using=router.db_for_write(self.model)):
            participants, workspace = _participants(obj), obj.workspace
            super().delete_model(request, obj)
            if participants:
                coparticipation_refresh(workspace, participants)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        with transaction.atomic(using=router.db_for_write(self.model)):
            touched: dict[Any, set[int]] = {}
            for activity in queryset.select_related("workspace"):
                touched.setdefault(activity.workspace, set()).update(_participants(activity))
            super().delete_queryset(request, queryset)
            for workspace, participants in touched.items():
                if participants:
                    coparticipation_refresh(workspace, participants)

    @admin.display(description=_("starts"), ordering="starts_on")
    def starts_display(self, obj: Activity) -> str | None:
        return show_date(obj.starts_on)

    @admin.display(description=_("IAP2 planned → achieved"))
    def levels_display(self, obj: Activity) -> str:
        return f"{level_name(obj.iap2_planned) or '–'} → {level_name(obj.iap2_achieved) or '–'}"

    @admin.display(description=_("o25 complete"), boolean=True)
    def o25_display(self, obj: Activity) -> bool | None:
        if obj.iap2_planned is None and obj.iap2_achieved is None:
            return None
        return not o25_missing(obj)


class _ReadOnly(admin.ModelAdmin):
    """Listed and shown, changed only through the attendance pages."""

    show_full_result_count = False  # half a million rows at a national programme's scale
    list_per_page = 50

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Attendance)
class AttendanceAdmin(_ReadOnly):
    list_display = ("actor", "activity", "role", "checked_in_display", "source", "workspace")
    list_filter = ("workspace", "role", "source")
    list_select_related = ("actor", "activity", "workspace")
    search_fields = ("actor__name", "activity__title", "activity__key")
    raw_id_fields = ("actor", "activity")

    @admin.display(description=_("checked in at"), ordering="checked_in_at")
    def checked_in_display(self, obj: Attendance) -> str | None:
        return show_date(obj.checked_in_at)


@admin.register(Registration)
class RegistrationAdmin(_ReadOnly):
    list_display = ("name", "organization_name", "activity", "status", "registered_display")
    list_filter = ("workspace", "status")
    list_select_related = ("activity",)
    search_fields = ("name", "organization_name", "activity__title")
    raw_id_fields = ("actor", "activity")
    exclude = ("phone", "email")  # contacts are seen where the review of registrations shows them

    @admin.display(description=_("registered at"), ordering="registered_at")
    def registered_display(self, obj: Registration) -> str | None:
        return show_date(obj.registered_at)
