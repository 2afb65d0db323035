"""Admin for roles, invitations and API tokens: for looking, and for revoking tokens. Roles and
invitations are changed on the workspace's People page, where the rules are checked."""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from phakhi.accounts.models import ApiToken, Invitation, WorkspaceMember
from phakhi.accounts.services import token_revoke
from phakhi.core.admin_base import author_of
from phakhi.core.dates import show_date


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(WorkspaceMember)
class WorkspaceMemberAdmin(ReadOnlyAdmin):
    list_display = ("user", "workspace", "role")
    list_filter = ("role", "workspace")
    list_select_related = ("user", "workspace")
    search_fields = ("user__username", "user__email")


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ("email", "workspace", "role", "expires_display", "accepted_by")
    list_filter = ("role", "workspace")
    list_select_related = ("workspace", "accepted_by")
    search_fields = ("email",)
    exclude = ("token_hash",)

    @admin.display(description=_("expires at"), ordering="expires_at")
    def expires_display(self, obj: Invitation) -> str | None:
        return show_date(obj.expires_at)


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = ("name", "prefix", "user", "created_display", "used_display", "revoked_display")
    list_select_related = ("user",)
    search_fields = ("name", "prefix", "user__username")
    exclude = ("key_hash",)
    actions = ["revoke"]

    @admin.display(description=_("created at"), ordering="created_at")
    def created_display(self, obj: ApiToken) -> str | None:
        return show_date(obj.created_at)

    @admin.display(description=_("last used at"), ordering="last_used_at")
    def used_display(self, obj: ApiToken) -> str | None:
        return show_date(obj.last_used_at)

    @admin.display(description=_("revoked at"), ordering="revoked_at")
    def revoked_display(self, obj: ApiToken) -> str | None:
        return show_date(obj.revoked_at)

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset.filter(revoked_at__isnull=True):
            token_revoke(author_of(request), token)
        messages.success(request, _("The tokens are revoked."))
