"""The one place that decides who may do what in a workspace. Pure reads: nothing is written.

Roles, from most to least: admin (everything, including users), coordinator (edits, imports and
analyses; may be limited to some networks), member (reads everything, contacts included) and
viewer (reads, with contact details masked). Superusers are admins of every workspace.

A coordinator limited to some networks edits an actor only while every membership of it that
has not ended is in one of their networks and it holds one today (or they created it and it is
in no other network); they never merge. Adding an actor to their network is how they recruit,
and must not hand them an actor that another network still counts as its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.utils import timezone

from phakhi.accounts.models import Role, WorkspaceMember
from phakhi.actors.models import Actor
from phakhi.core.models import AuditEvent, Workspace
from phakhi.core.periods import active_on
from phakhi.networks.models import Membership

PERMISSIONS = ("view", "edit", "import", "analyze", "manage_users")
_EDITORS = frozenset({Role.ADMIN, Role.COORDINATOR})


def _not_ended(today: dt.date) -> Q:
    """A membership another network still counts: not ended (``until`` open or after today),
    whenever it starts — the network page's current members, planned ones included."""
    return Q(until__isnull=True) | Q(until__gt=today)


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

    def can_edit_project(self, lead_network_id: int | None) -> bool:
        """A project and its worksheets: a coordinator limited to some networks edits only the
        projects one of their networks leads."""
        if lead_network_id is None:
            return self.can_edit and not self.is_restricted
        return self.can_edit_network(lead_network_id)

    @property
    def can_merge_actors(self) -> bool:
        """A merge deletes one actor and moves its ties and memberships in every network, so a
        coordinator limited to some networks does not merge."""
        return self.can_edit and not self.is_restricted

    def can_edit_actor(self, actor_id: int) -> bool:
        return actor_id in self.editable_actors((actor_id,))

    def editable_actors(self, actor_ids: Iterable[int]) -> set[int]:
        """Which of these actors the user may edit, in one query for a limited coordinator.

        They may edit an actor that no network outside theirs counts (no membership elsewhere
        that has not ended, even one starting later) and that either is a member of one of
        their networks today or was created by them (its own creation event is theirs).
        Ended memberships never count, for or against."""
        ids = set(actor_ids)
        if not self.can_edit or not ids:
            return set()
        if not self.is_restricted:
            return ids
        today = timezone.localdate()
        mine = self.network_ids or frozenset()
        memberships = Membership.objects.filter(actor=OuterRef("pk"))
        elsewhere = memberships.filter(_not_ended(today)).exclude(network_id__in=mine)
        member_here = memberships.filter(active_on(today), network_id__in=mine)
        # A merge moves the merged actor's history, its creation included: the actor's own
        # creation is the one that recorded its key.
        created_by_them = (
            AuditEvent.objects.filter(
                workspace=self.workspace,
                object_type=Actor._meta.label_lower,
                object_id=Cast(OuterRef("pk"), CharField()),
                action=AuditEvent.Action.CREATE,
                user_id=self.user.pk,
            )
            .annotate(created_key=KT("changes__key__1"))
            .filter(created_key=OuterRef("key"))
        )
        editable = (
            Actor.objects.filter(workspace=self.workspace, pk__in=ids)
            .filter(~Exists(elsewhere))
            .filter(Exists(member_here) | Exists(created_by_them))
        )
        return set(editable.order_by().values_list("pk", flat=True))

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
