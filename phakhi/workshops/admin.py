"""Admin for live workshop sessions, their participants and contributions."""

from django.contrib import admin

from phakhi.core.admin_base import AuditedAdmin
from phakhi.workshops.models import Contribution, Participant, WorkshopSession


@admin.register(WorkshopSession)
class WorkshopSessionAdmin(AuditedAdmin):
    list_display = ("code", "project", "step", "opened_at", "closed_at", "workspace")
    list_filter = ("workspace", "step")
    list_select_related = ("project", "workspace")
    search_fields = ("code", "project__name")
    fields = ("workspace", "project", "assessment", "code", "step", "opened_by", "opened_at",
              "closed_at")  # fmt: skip
    readonly_fields = ("code", "opened_by", "opened_at")
    raw_id_fields = ("project", "assessment")


@admin.register(Participant)
class ParticipantAdmin(AuditedAdmin):
    list_display = ("display_name", "sector", "session", "joined_at")
    list_filter = ("workspace", "sector")
    list_select_related = ("session",)
    search_fields = ("display_name",)
    # The token is the participant's secret: never shown.
    fields = ("workspace", "session", "display_name", "sector", "joined_at", "consent_shown")
    readonly_fields = ("session", "joined_at", "consent_shown")


@admin.register(Contribution)
class ContributionAdmin(AuditedAdmin):
    list_display = ("name", "status", "influence", "interest", "participant", "session")
    list_filter = ("workspace", "status")
    list_select_related = ("participant", "session")
    search_fields = ("name",)
    raw_id_fields = ("session", "participant", "merged_into", "stakeholder")
