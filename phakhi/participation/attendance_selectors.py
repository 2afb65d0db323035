"""Reads of who took part: an activity's attendance in Thai name order, the counts other pages
list, the registrations waiting for review with their likely duplicates, and the search a phone
at the door makes among those it may check in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from phakhi.actors.models import Actor, Kind
from phakhi.actors.search import actor_search
from phakhi.core.models import Workspace
from phakhi.core.periods import active_on
from phakhi.core.thai import name_key, word_key
from phakhi.imports.merge import merge_candidates
from phakhi.networks.models import Membership
from phakhi.participation.models import Activity, Attendance, Registration, Role

DOOR_RESULTS = 20  # names a phone at the door lists for one search
DOOR_QUERY_MIN = 2  # characters of a name before a phone lists anyone


def attendance_of(activity: Activity) -> list[Attendance]:
    """The activity's registered participants in Thai dictionary order of their names, with
    their actor and the actor's organisation (organisers and speakers first)."""
    order: dict[str, int] = {Role.ORGANIZER: 0, Role.SPEAKER: 1, Role.PARTICIPANT: 2}
    rows = (
        Attendance.objects.filter(activity=activity)
        .select_related("actor", "actor__organization")
        .order_by("actor__sort_key", "actor_id")
    )
    return sorted(rows, key=lambda row: order.get(row.role, 3))


def attendance_counts(activity_ids: Iterable[int]) -> dict[int, tuple[int, int]]:
    """For each activity id: (registered participants, of whom arrived). Activities without
    any are (0, 0)."""
    ids = list(dict.fromkeys(activity_ids))
    counts = {pk: (0, 0) for pk in ids}
    rows = (
        Attendance.objects.filter(activity_id__in=ids)
        .values("activity_id")
        .annotate(
            registered=Count("id"),
            arrived=Count("id", filter=Q(checked_in_at__isnull=False)),
        )
        .order_by()
    )
    for row in rows:
        counts[row["activity_id"]] = (row["registered"], row["arrived"])
    return counts


def public_count(activity: Activity) -> int:
    """The unregistered public counted by sector, all sectors together."""
    return (
        activity.public_civil
        + activity.public_academic
        + activity.public_government
        + activity.public_unknown
    )


def registrations_pending(
    workspace: Workspace, activity: Activity | None = None
) -> QuerySet[Registration]:
    """Registrations at the door waiting for review, oldest first."""
    rows = Registration.objects.filter(workspace=workspace, status=Registration.Status.PENDING)
    if activity is not None:
        rows = rows.filter(activity=activity)
    return rows.select_related("activity").order_by("registered_at", "id")


def registration_as_actor(registration: Registration) -> Actor:
    """An unsaved actor with what the registration gives, for the duplicate search."""
    return Actor(
        workspace_id=registration.workspace_id,
        name=registration.name,
        name_key=registration.name_key,
        kind=Kind.PERSON,
        sector=registration.sector,
        phone=registration.phone,
        email=registration.email,
    )


def registration_candidates(registration: Registration, limit: int = 10) -> list[tuple[Actor, str]]:
    """Actors of the directory the registration may be (the same name, phone or e-mail), with
    why: the merge's own search (``phakhi.imports.merge.merge_candidates``)."""
    return merge_candidates(
        registration.activity.workspace, registration_as_actor(registration), limit=limit
    )


@dataclass(frozen=True)
class DoorName:
    """What a phone at the door shows of a person: the name and organisation, nothing else."""

    actor_id: int
    name: str
    organization: str
    arrived: bool


def _door_rows(actors: list[Actor], arrived: set[int]) -> list[DoorName]:
    organizations = dict(
        Actor.objects.filter(pk__in={a.organization_id for a in actors if a.organization_id})
        .values_list("pk", "name")
    )  # fmt: skip
    return [
        DoorName(
            actor.pk,
            actor.name,
            organizations.get(actor.organization_id, "") if actor.organization_id else "",
            actor.pk in arrived,
        )
        for actor in actors
    ]


def door_search(activity: Activity, query: str, limit: int = DOOR_RESULTS) -> list[DoorName]:
    """The people a phone at the door finds for ``query`` (part of a name, or of an
    organisation's): the activity's registered participants, then members of its networks
    today, each once, at most ``limit``. Fewer than two characters find nobody: the door never
    lists the whole membership."""
    if len(word_key(query or "")) < DOOR_QUERY_MIN:
        return []
    key = name_key(query) or word_key(query)
    registered = list(
        Attendance.objects.filter(activity=activity)
        .filter(
            Q(actor__name_key__contains=key)
            | Q(actor__organization__name_key__contains=word_key(query))
        )
        .select_related("actor")
        .order_by("actor__sort_key", "actor_id")[:limit]
    )
    found: dict[int, Actor] = {row.actor_id: row.actor for row in registered}
    arrived = {row.actor_id for row in registered if row.checked_in_at is not None}
    for network_id in activity.networks.values_list("pk", flat=True):
        if len(found) >= limit:
            break
        page = actor_search(activity.workspace, query, network=network_id, page_size=limit)
        members = set(
            Membership.objects.filter(
                active_on(timezone.localdate()),
                network_id=network_id,
                actor_id__in=[a.pk for a in page.rows],
            ).values_list("actor_id", flat=True)
        )
        for actor in page.rows:
            if actor.pk in members and actor.pk not in found and len(found) < limit:
                found[actor.pk] = actor
    newcomers = [pk for pk in found if pk not in {row.actor_id for row in registered}]
    if newcomers:
        arrived |= set(
            Attendance.objects.filter(
                activity=activity, actor_id__in=newcomers, checked_in_at__isnull=False
            ).values_list("actor_id", flat=True)
        )
    return _door_rows(list(found.values()), arrived)
