"""The one place that decides who may do what in a workspace. Pure reads: nothing is written.

Roles, from most to least: admin (everything, including users), coordinator (edits, imports and
analyses; may be limited to some networks), member (reads everything, contacts included) and
viewer (reads, with contact details masked). Superusers are admins of every workspace.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from phakhi.accounts.models import Role, WorkspaceMember
from phakhi.core.models import Workspace
from phakhi.networks.models import Membership

PERMISSIONS = ("view", "edit", "import", "analyze", "manage_users")
_EDITORS = frozenset({Role.ADMIN, Role.COORDINATOR})


@dataclass(frozen=True)
class Access:
    """What one user may do in one workspace. ``network_ids`` is None for all networks."""

    user: Any
    workspace: Workspace
    role: Role
    network_ids: frozenset[int] | None = None

    @property
    def can_see_contacts(self) -> bool:
        return self.role != Role.VIEWER

    @property
    def can_edit(self) -> bool:
        return self.role in _EDITORS

    @property
    def can_import(self) -> bool:
        """An import may change any actor or tie of the workspace, so a coordinator limited to
        some networks edits one record at a time instead."""
        return self.role in _EDITORS and not self.is_restricted

    @property
    def can_analyze(self) -> bool:
        return self.role in _EDITORS

    @property
    def can_manage_users(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def is_restricted(self) -> bool:
        """A coordinator limited to some networks."""
        return self.role == Role.COORDINATOR and self.network_ids is not None

    def can_edit_network(self, network_id: int) -> bool:
        if not self.can_edit:
            return False
        return not self.is_restricted or network_id in (self.network_ids or ())

    def can_edit_actor(self, actor_id: int) -> bool:
        """Restricted coordinators edit the actors who are members of one of their networks."""
        if not self.can_edit:
            return False
        if not self.is_restricted:
            return True
        return Membership.objects.filter(
            workspace=self.workspace, actor_id=actor_id, network_id__in=self.network_ids or ()
        ).exists()

    def allows(self, permission: str) -> bool:
        """``permission`` is one of ``PERMISSIONS``; an unknown name is a programming error."""
        if permission == "view":
            return True
        if permission not in PERMISSIONS:
            raise ValueError(f"unknown permission {permission!r}")
        return bool(getattr(self, f"can_{permission}"))


def _signed_in(user: Any) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def access_for(user: Any, workspace: Workspace) -> Access | None:
    """The user's access to the workspace, or None when they have no role there."""
    if not _signed_in(user):
        return None
    if user.is_superuser:
        return Access(user, workspace, Role.ADMIN)
    rows = list(
        WorkspaceMember.objects.filter(user=user, workspace=workspace).values_list(
            "role", "networks__id"
        )
    )  # one row per network of the member (one row with None when there are none)
    if not rows:
        return None
    role = Role(rows[0][0])
    networks = frozenset(network for _, network in rows if network is not None)
    limited = role == Role.COORDINATOR and bool(networks)
    return Access(user, workspace, role, networks if limited else None)


def workspaces_for(user: Any) -> list[tuple[Workspace, Role]]:
    """The workspaces the user may open, by name, with their role in each."""
    if not _signed_in(user):
        return []
    if user.is_superuser:
        return [(workspace, Role.ADMIN) for workspace in Workspace.objects.order_by("name")]
    members = (
        WorkspaceMember.objects.filter(user=user)
        .select_related("workspace")
        .order_by("workspace__name")
    )
    return [(member.workspace, Role(member.role)) for member in members]
