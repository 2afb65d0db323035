"""Writes of who took part in an activity (การเข้าร่วม): registered actors with their role
(organiser, speaker or participant), their arrival, the head counts of the unregistered public,
and check-in at the door by QR code.

Every write is validated (the message names the field), runs in one transaction and is audited.
Every write that changes who took part calls ``coparticipation_refresh`` for the actors it
touched, inside its transaction, so that co-participation ties follow the attendance.
Registrations of people not found at the door are in ``phakhi.participation.registrations``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core import audit, versions
from phakhi.core.codes import new_code, normalize_code
from phakhi.core.models import AuditEvent
from phakhi.core.periods import active_on
from phakhi.networks.models import Membership
from phakhi.participation.coparticipation import coparticipation_refresh
from phakhi.participation.models import Activity, Attendance, Role

Source = Attendance.Source
DOOR = audit.Author.system("door")  # a phone at the door changes attendance under this name

COUNT_FIELDS = ("public_civil", "public_academic", "public_government", "public_unknown")
COUNT_LIMIT = 1_000_000


def _role(value: Any) -> str:
    if value not in Role.values:
        raise ValidationError(
            {
                "role": _("“%(value)s” is not a role; use one of: %(roles)s.")
                % {"value": value, "roles": ", ".join(Role.values)}
            }
        )
    return str(value)


def _source(value: Any) -> str:
    if value not in Source.values:
        raise ValidationError(
            {
                "source": _("“%(value)s” is not a source; use one of: %(sources)s.")
                % {"value": value, "sources": ", ".join(Source.values)}
            }
        )
    return str(value)


def _same_workspace(activity: Activity, actor: Actor) -> None:
    if actor.workspace_id != activity.workspace_id:
        raise ValidationError(
            {"actor": _("“%(actor)s” belongs to another workspace.") % {"actor": actor}}
        )


def _values(attendance: Attendance) -> dict[str, Any]:
    return {
        "activity": attendance.activity_id,
        "actor": attendance.actor_id,
        "role": attendance.role,
        "source": attendance.source,
        "checked_in_at": attendance.checked_in_at,
    }


def _event(
    author: audit.Author,
    action: str,
    attendance: Attendance,
    changes: Mapping[str, Any],
    batch: str = "",
) -> AuditEvent:
    return audit.event(
        author,
        action,
        attendance,
        changes=changes,
        object_repr=f"{attendance.actor.name} @ {attendance.activity.title}",
        batch=batch,
    )


def _update(author: audit.Author, attendance: Attendance, **wanted: Any) -> Attendance:
    """Set ``wanted`` on the attendance and record what changed (nothing when nothing did)."""
    old = {name: getattr(attendance, name) for name in wanted}
    changes = audit.diff(old, wanted)
    if changes:
        for name, value in wanted.items():
            setattr(attendance, name, value)
        attendance.save(update_fields=sorted(wanted))
        _event(author, AuditEvent.Action.UPDATE, attendance, changes).save()
    return attendance


def attendance_add(
    author: audit.Author,
    activity: Activity,
    actor: Actor,
    *,
    role: str = Role.PARTICIPANT,
    source: str = Source.REGISTERED,
    checked_in: bool = False,
    checked_in_at: dt.datetime | None = None,
) -> Attendance:
    """Register ``actor`` as taking part in ``activity``. When the actor is already there, its
    role is set (and its arrival, when ``checked_in``): never a second row."""
    _same_workspace(activity, actor)
    role, source = _role(role), _source(source)
    arrived = (checked_in_at or timezone.now()) if checked_in else None
    with transaction.atomic():
        found = (
            Attendance.objects.select_for_update()
            .select_related("actor", "activity")
            .filter(activity=activity, actor=actor)
            .first()
        )
        if found is not None:
            wanted: dict[str, Any] = {"role": role}
            if arrived and found.checked_in_at is None:
                wanted["checked_in_at"] = arrived
            return _update(author, found, **wanted)
        attendance = Attendance.objects.create(
            workspace_id=activity.workspace_id,
            activity=activity,
            actor=actor,
            role=role,
            source=source,
            checked_in_at=arrived,
        )
        _event(
            author, AuditEvent.Action.CREATE, attendance, audit.diff({}, _values(attendance))
        ).save()
        coparticipation_refresh(activity.workspace, {actor.pk})
    return attendance


@dataclass
class AddedMany:
    """What ``attendance_add_many`` did: the actors it added, and those already there."""

    added: list[Attendance] = field(default_factory=list)
    already: list[Attendance] = field(default_factory=list)


def attendance_add_many(
    author: audit.Author,
    activity: Activity,
    actors: Iterable[Actor],
    *,
    role: str = Role.PARTICIPANT,
    source: str = Source.REGISTERED,
) -> AddedMany:
    """Register several actors at once (the picker's list), all or none. Those already there
    keep their row and take the role given; the result says which they were."""
    wanted = list({actor.pk: actor for actor in actors}.values())
    for actor in wanted:
        _same_workspace(activity, actor)
    role, source = _role(role), _source(source)
    result = AddedMany()
    with transaction.atomic():
        existing = {
            row.actor_id: row
            for row in Attendance.objects.select_for_update()
            .select_related("actor", "activity")
            .filter(activity=activity, actor__in=[a.pk for a in wanted])
        }
        new = [
            Attendance(
                workspace_id=activity.workspace_id,
                activity=activity,
                actor=actor,
                role=role,
                source=source,
            )
            for actor in wanted
            if actor.pk not in existing
        ]
        Attendance.objects.bulk_create(new)
        # bulk_create gives ids on PostgreSQL and SQLite ≥ 3.35; read them back to be sure.
        made = Attendance.objects.filter(
            activity=activity, actor__in=[row.actor_id for row in new]
        ).select_related("actor", "activity")
        batch = audit.new_batch_id() if len(new) > 1 else ""
        result.added = sorted(made, key=lambda row: row.actor.sort_key)
        audit.record_many(
            _event(author, AuditEvent.Action.CREATE, row, audit.diff({}, _values(row)), batch)
            for row in result.added
        )
        for actor in wanted:
            if actor.pk in existing:
                result.already.append(_update(author, existing[actor.pk], role=role))
        if new:
            coparticipation_refresh(activity.workspace, {row.actor_id for row in new})
    return result


def attendance_remove(author: audit.Author, attendance: Attendance) -> None:
    """Take an actor off an activity's attendance."""
    with transaction.atomic():
        current = (
            Attendance.objects.select_for_update()
            .select_related("actor", "activity", "activity__workspace")
            .filter(pk=attendance.pk)
            .first()
        )
        if current is None:
            return  # already removed: removing twice is harmless
        _event(author, AuditEvent.Action.DELETE, current, audit.diff(_values(current), {})).save()
        actor_id, workspace = current.actor_id, current.activity.workspace
        current.delete()
        # With the activity: one fewer may bring it back under the limit (51 → 50 makes ties).
        coparticipation_refresh(workspace, {actor_id}, resized={current.activity_id})


def _locked(attendance: Attendance) -> Attendance:
    current = (
        Attendance.objects.select_for_update()
        .select_related("actor", "activity")
        .filter(pk=attendance.pk)
        .first()
    )
    if current is None:
        raise ValidationError(_("This participant is no longer on the activity's list."))
    return current


def attendance_set_role(author: audit.Author, attendance: Attendance, role: str) -> Attendance:
    role = _role(role)
    with transaction.atomic():
        return _update(author, _locked(attendance), role=role)


def attendance_check_in(
    author: audit.Author, attendance: Attendance, *, at: dt.datetime | None = None
) -> Attendance:
    """Mark a registered participant as arrived; marking twice keeps the first time."""
    with transaction.atomic():
        current = _locked(attendance)
        if current.checked_in_at is not None:
            return current
        return _update(author, current, checked_in_at=at or timezone.now())


def attendance_check_in_undo(author: audit.Author, attendance: Attendance) -> Attendance:
    """Take back an arrival marked by mistake: the participant stays registered."""
    with transaction.atomic():
        return _update(author, _locked(attendance), checked_in_at=None)


def _count(name: str, value: Any) -> int:
    try:
        number = int(value or 0)
    except (TypeError, ValueError):
        raise ValidationError({name: _("Give a whole number of people.")}) from None
    if number < 0 or number > COUNT_LIMIT:
        raise ValidationError(
            {name: _("Give a number from 0 to %(limit)s.") % {"limit": f"{COUNT_LIMIT:,}"}}
        )
    return number


def _satisfaction(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise ValidationError(
            {"satisfaction": _("Give the score as a number from 1 to 5.")}
        ) from None
    if not Decimal(1) <= number <= Decimal(5):
        raise ValidationError({"satisfaction": _("The satisfaction score is from 1 to 5.")})
    return number


def activity_counts_set(
    author: audit.Author,
    activity: Activity,
    *,
    version: int | None = None,
    **values: Any,
) -> Activity:
    """Set the head counts of the unregistered public by sector (``public_civil``,
    ``public_academic``, ``public_government``, ``public_unknown``) and the satisfaction score
    (1–5, or None), as the next version of the activity. Fields not given stay as they are."""
    unknown = sorted(set(values) - {*COUNT_FIELDS, "satisfaction"})
    if unknown:
        raise ValueError(f"not a head count: {', '.join(unknown)}")
    wanted: dict[str, Any] = {
        name: _count(name, value) for name, value in values.items() if name in COUNT_FIELDS
    }
    if "satisfaction" in values:
        wanted["satisfaction"] = _satisfaction(values["satisfaction"])
    with transaction.atomic():
        current = versions.locked(activity)
        old = {name: getattr(current, name) for name in wanted}
        versions.check(current, version, wanted, old)
        changes = audit.diff(old, wanted)
        for name, value in wanted.items():
            setattr(current, name, value)
        versions.save_changes(author, current, changes, sorted(changes))
    return current


def check_in_open(author: audit.Author, activity: Activity) -> str:
    """Open check-in at the door: a new short code for the QR on the projector (the one already
    there while it is open)."""
    with transaction.atomic():
        current = versions.locked(activity)
        if current.check_in_code:
            return current.check_in_code
        code = new_code()
        while Activity.objects.filter(check_in_code=code).exists():
            code = new_code()  # 21⁶ codes: a second draw is rare, a third rarer
        versions.change(author, current, {"check_in_code": code}, None)
    activity.check_in_code = current.check_in_code
    activity.version = current.version
    return code


def check_in_close(author: audit.Author, activity: Activity) -> None:
    """Close check-in: the code no longer works; who arrived stays recorded."""
    with transaction.atomic():
        current = versions.locked(activity)
        versions.change(author, current, {"check_in_code": ""}, None)
    activity.check_in_code = ""
    activity.version = current.version


def open_activity(code: str) -> Activity | None:
    """The activity whose check-in is open under ``code`` (as typed or scanned)."""
    normalized = normalize_code(code)
    if not normalized:
        return None
    return Activity.objects.filter(check_in_code=normalized).select_related("workspace").first()


def on_door_list(activity: Activity, actor_id: int) -> bool:
    """Whether a phone at the door may check this actor in: registered for the activity, or a
    member of one of its networks today."""
    if Attendance.objects.filter(activity=activity, actor_id=actor_id).exists():
        return True
    members = Membership.objects.filter(
        active_on(timezone.localdate()),
        network__in=activity.networks.all(),
        actor_id=actor_id,
    )
    return members.exists()


def door_check_in(code: str, actor_id: int) -> Attendance:
    """A phone at the door checks ``actor_id`` in to the activity whose check-in is open under
    ``code``: a registered participant is marked arrived, a member of one of the activity's
    networks is added as a participant who checked in. Tapping twice is harmless."""
    activity = open_activity(code)
    if activity is None:
        raise ValidationError(_("Check-in for this activity is closed, or the code is wrong."))
    if not on_door_list(activity, actor_id):
        raise ValidationError(_("This name is not on the activity's list."))
    actor = Actor.objects.get(pk=actor_id, workspace_id=activity.workspace_id)
    return attendance_add(
        DOOR,
        activity,
        actor,
        role=_role_of(activity, actor_id),
        source=Source.CHECK_IN,
        checked_in=True,
    )


def _role_of(activity: Activity, actor_id: int) -> str:
    found = Attendance.objects.filter(activity=activity, actor_id=actor_id).first()
    return found.role if found is not None else Role.PARTICIPANT
