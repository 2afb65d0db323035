"""Reading users, roles, invitations and tokens."""

import hashlib
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from phakhi.accounts.models import ApiToken, Invitation, WorkspaceMember
from phakhi.core.models import Workspace
from phakhi.networks.models import Network


def token_hash(token: str) -> str:
    """The SHA-256 kept in place of an invitation or API token."""
    return hashlib.sha256(token.encode()).hexdigest()


def members_of(workspace: Workspace) -> QuerySet[WorkspaceMember]:
    """A workspace's members with their users and networks (three queries however many)."""
    networks = Prefetch("networks", queryset=Network.objects.only("id", "name", "slug"))
    return (
        WorkspaceMember.objects.filter(workspace=workspace)
        .select_related("user")
        .prefetch_related(networks)
        .order_by("user__username")
    )


def invitations_pending(workspace: Workspace) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        workspace=workspace, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("-created_at")


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation a link carries, accepted or not, or None when the link is unknown."""
    return (
        Invitation.objects.select_related("workspace").filter(token_hash=token_hash(token)).first()
    )


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")
