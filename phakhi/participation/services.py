"""Writes of activities (กิจกรรม): each checks its fields (``phakhi.participation.validation``),
writes in one transaction and records the audit event; edits carry the version they read
(``phakhi.core.versions``). A change of dates, or a delete, changes which activities people
shared when, so the co-participation ties of everyone who took part are brought up to date in
the same transaction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from phakhi.actors.models import Actor
from phakhi.core import audit, versions
from phakhi.core.models import AuditEvent, Workspace
from phakhi.participation.coparticipation import coparticipation_refresh
from phakhi.participation.models import Activity, Attendance
from phakhi.participation.validation import clean_activity

# Fields whose change moves an activity in time: co-participation ties carry the date of the
# last activity two actors shared.
DATE_FIELDS = frozenset({"starts_on", "ends_on"})


def _network_ids(networks: Iterable[Any]) -> list[int]:
    return sorted(network.pk for network in networks)


def _participant_ids(activity: Activity) -> set[int]:
    return set(Attendance.objects.filter(activity=activity).values_list("actor_id", flat=True))


def activity_create(author: audit.Author, workspace: Workspace, **fields: Any) -> Activity:
    """A new activity of ``workspace``. Required: ``key``, ``title``, ``starts_on``; the other
    fields as ``phakhi.participation.validation.ACTIVITY_FIELDS`` (values typed or as text)."""
    with transaction.atomic():
        cleaned = clean_activity(workspace, fields, creating=True)
        networks = cleaned.pop("networks", [])
        activity = Activity.objects.create(workspace=workspace, **cleaned)
        if networks:
            activity.networks.set(networks)
        changes = audit.diff(
            {}, {**cleaned, **({"networks": _network_ids(networks)} if networks else {})}
        )
        audit.record(author, AuditEvent.Action.CREATE, activity, changes=changes)
    return activity


def activity_update(
    author: audit.Author, activity: Activity, *, version: int | None = None, **changes: Any
) -> Activity:
    """Change the given fields as the next version of the activity. An edit from an older
    ``version`` is refused (``versions.EditConflict``) only when someone else changed one of
    the same fields since; otherwise it merges."""
    with transaction.atomic():
        current = versions.locked(activity)
        cleaned = clean_activity(current.workspace, changes, current=current)
        networks = cleaned.pop("networks", None)
        wanted = dict(cleaned)
        stored = {name: getattr(current, name) for name in cleaned}
        if networks is not None:
            stored["networks"] = _network_ids(current.networks.all())
            wanted["networks"] = _network_ids(networks)
        versions.check(current, version, wanted, stored)
        diff = audit.diff(stored, wanted)
        for name, value in cleaned.items():
            setattr(current, name, value)
        if networks is not None and "networks" in diff:
            current.networks.set(networks)
        versions.save_changes(author, current, diff, sorted(n for n in diff if n != "networks"))
        if DATE_FIELDS & set(diff):
            participants = _participant_ids(current)
            if participants:
                coparticipation_refresh(current.workspace, participants)
    activity.refresh_from_db()
    return activity


def activity_delete(
    author: audit.Author, activity: Activity, *, version: int | None = None
) -> None:
    """Delete an activity with its attendance and registrations at the door (the trail keeps
    what it was and how many took part); the ties its participants shared are made again
    without it."""
    with transaction.atomic():
        current = versions.locked(activity)
        if version is not None and version != current.version:
            stale = versions.FieldConflict("version", current.version, version, "", None)
            raise versions.EditConflict(current, current.version, [stale])
        participants = _participant_ids(current)
        registrations = current.registrations.count()
        audit.record(
            author,
            AuditEvent.Action.DELETE,
            current,
            changes={
                "key": [current.key, None],
                "title": [current.title, None],
                "starts_on": [current.starts_on.isoformat(), None],
                "attendance": [len(participants), 0],
                "registrations": [registrations, 0],
            },
        )
        workspace = current.workspace
        current.delete()
        if participants:
            coparticipation_refresh(workspace, participants)


def hosts_of(activity: Activity) -> dict[str, list[Actor]]:
    """The activity's organisers and speakers (วิทยากร), each list in Thai name order."""
    rows = (
        Attendance.objects.filter(activity=activity, role__in=["organizer", "speaker"])
        .select_related("actor")
        .order_by("actor__sort_key", "actor_id")
    )
    hosts: dict[str, list[Actor]] = {"organizer": [], "speaker": []}
    for row in rows:
        hosts[row.role].append(row.actor)
    return hosts
