"""Reading users, roles, invitations and API tokens."""

import hashlib
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import F, Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.accounts.models import ApiToken, Invitation, WorkspaceMember
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.networks.models import Network


def token_hash(token: str) -> str:
    """The SHA-256 kept in place of an invitation or API token."""
    return hashlib.sha256(token.encode()).hexdigest()


def user_get(username: str) -> Any:
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise NotFound(_("There is no user “%(user)s”.") % {"user": username})
    return user


def members_of(workspace: Workspace) -> QuerySet[WorkspaceMember]:
    """A workspace's members with their users and networks (two queries however many)."""
    networks = Prefetch("networks", queryset=Network.objects.only("id", "name", "slug"))
    return (
        WorkspaceMember.objects.filter(workspace=workspace)
        .select_related("user")
        .prefetch_related(networks)
        .order_by("user__username")
    )


def invitations_pending(workspace: Workspace) -> QuerySet[Invitation]:
    """Invitations neither accepted nor expired, newest first, with who sent them."""
    return (
        Invitation.objects.filter(
            workspace=workspace, accepted_at__isnull=True, expires_at__gt=timezone.now()
        )
        .select_related("invited_by")
        .order_by("-created_at")
    )


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation a link carries, accepted or not, or None when the link is unknown."""
    return (
        Invitation.objects.select_related("workspace").filter(token_hash=token_hash(token)).first()
    )


def invitation_problem(invitation: Invitation | None) -> str | None:
    """Why an invitation link cannot be used (unknown, used or expired), or None when it can."""
    if invitation is None:
        return _("This invitation link is not valid. Ask for a new invitation.")
    if invitation.accepted_at is not None:
        return _("This invitation has been used already. Log in instead.")
    if invitation.expires_at <= timezone.now():
        return _("This invitation has expired. Ask for a new invitation.")
    return None


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    """The user's API tokens, active ones first, newest first (one query)."""
    return ApiToken.objects.filter(user=user).order_by(
        F("revoked_at").desc(nulls_first=True), "-created_at", "-pk"
    )


def token_of(user: Any, token_id: int) -> ApiToken:
    """One of the user's API tokens; another user's token is as unknown as a missing one."""
    token = ApiToken.objects.filter(user=user, pk=token_id).first()
    if token is None:
        raise NotFound(_("You have no such API token."))
    return token
