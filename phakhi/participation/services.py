"""Writes of activities (กิจกรรม): each checks its fields (``phakhi.participation.validation``),
writes in one transaction and records the audit event; edits carry the version they read
(``phakhi.core.versions``). A change of dates, or a delete, changes which activities people
shared when, so the co-participation ties of everyone who took part are brought up to date in
the same transaction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core import audit, versions
from phakhi.core.models import AuditEvent, Workspace
from phakhi.participation.attendance import (
    attendance_add,
    attendance_remove,
    attendance_set_role,
)
from phakhi.participation.coparticipation import coparticipation_refresh
from phakhi.participation.models import Activity, Attendance, Role
from phakhi.participation.validation import clean_activity

# Fields whose change moves an activity in time: co-participation ties carry the date of the
# last activity two actors shared.
DATE_FIELDS = frozenset({"starts_on", "ends_on"})


def _network_ids(networks: Iterable[Any]) -> list[int]:
    return sorted(network.pk for network in networks)


def _participant_ids(activity: Activity) -> set[int]:
    return set(Attendance.objects.filter(activity=activity).values_list("actor_id", flat=True))


def activity_create(
    author: audit.Author,
    workspace: Workspace,
    *,
    organizers: Iterable[Actor] = (),
    speakers: Iterable[Actor] = (),
    **fields: Any,
) -> Activity:
    """A new activity of ``workspace``. Required: ``key``, ``title``, ``starts_on``; the other
    fields as ``phakhi.participation.validation.ACTIVITY_FIELDS`` (values typed or as text).
    ``organizers`` and ``speakers`` (วิทยากร) are actors of the directory, who take part in
    those roles."""
    organizers, speakers = list(organizers), list(speakers)
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
        if organizers or speakers:
            activity_set_hosts(author, activity, organizers=organizers, speakers=speakers)
    return activity


def activity_update(
    author: audit.Author,
    activity: Activity,
    *,
    version: int | None = None,
    organizers: Iterable[Actor] | None = None,
    speakers: Iterable[Actor] | None = None,
    **changes: Any,
) -> Activity:
    """Change the given fields as the next version of the activity. An edit from an older
    ``version`` is refused (``versions.EditConflict``) only when someone else changed one of
    the same fields since; otherwise it merges. ``organizers`` and ``speakers``, when given,
    become the activity's hosts (``activity_set_hosts``)."""
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
        if organizers is not None or speakers is not None:
            hosts = _hosts(current)
            activity_set_hosts(
                author,
                current,
                organizers=hosts[Role.ORGANIZER] if organizers is None else organizers,
                speakers=hosts[Role.SPEAKER] if speakers is None else speakers,
            )
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


def _hosts(activity: Activity) -> dict[str, list[Actor]]:
    hosts: dict[str, list[Actor]] = {Role.ORGANIZER: [], Role.SPEAKER: []}
    rows = Attendance.objects.filter(activity=activity, role__in=list(hosts))
    for row in rows.select_related("actor"):
        hosts[row.role].append(row.actor)
    return hosts


def activity_set_hosts(
    author: audit.Author,
    activity: Activity,
    *,
    organizers: Iterable[Actor],
    speakers: Iterable[Actor],
) -> None:
    """Make ``organizers`` and ``speakers`` the activity's hosts, through the attendance
    services (each change audited there, co-participation kept up to date). A host who is no
    longer one stays as a participant if they arrived, and is taken off the list if not."""
    organizers, speakers = list(organizers), list(speakers)
    both = {a.pk for a in organizers} & {a.pk for a in speakers}
    if both:
        names = ", ".join(str(a) for a in organizers if a.pk in both)
        raise ValidationError(
            {"speakers": _("%(names)s cannot be both organiser and speaker.") % {"names": names}}
        )
    wanted = {a.pk: (a, Role.ORGANIZER) for a in organizers}
    wanted.update({a.pk: (a, Role.SPEAKER) for a in speakers})
    with transaction.atomic():
        rows = {
            row.actor_id: row
            for row in Attendance.objects.select_for_update().filter(activity=activity)
        }
        for actor_id, row in rows.items():
            if row.role == Role.PARTICIPANT or actor_id in wanted:
                continue
            if row.checked_in_at is not None:
                attendance_set_role(author, row, Role.PARTICIPANT)
            else:
                attendance_remove(author, row)
        for actor_id, (actor, role) in wanted.items():
            found = rows.get(actor_id)
            if found is None or found.role != role:
                attendance_add(author, activity, actor, role=role)
