"""Attendance (การเข้าร่วม) of an activity, addressed by the activity's key: list with the head
counts, add one or many actors (by key), change a participant's role or arrival, remove; the
registrations at the door waiting for review, with their likely duplicates, and accepting,
linking or rejecting them. Changes are for those who may edit the activity (one of its networks
or its project). Actors' contacts are on their own pages, not here; what a person typed at
the door (a phone number, an e-mail address) is masked for viewers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor
from phakhi.api.access import workspace_access
from phakhi.api.auth import request_author
from phakhi.api.errors import ERROR_RESPONSES as ERRORS
from phakhi.api.errors import forbidden, not_found, unknown
from phakhi.api.lookups import ActorRef, actor_ref
from phakhi.api.pagination import PageMeta, PageParams, paginate
from phakhi.api.types import Id, Input, Text100
from phakhi.core.personal import mask_email, mask_phone, personal_view
from phakhi.participation.access import can_edit_activity
from phakhi.participation.attendance import (
    attendance_add_many,
    attendance_check_in,
    attendance_check_in_undo,
    attendance_remove,
    attendance_set_role,
)
from phakhi.participation.attendance_selectors import (
    attendance_counts,
    registration_candidates,
    registrations_pending,
)
from phakhi.participation.models import Activity, Attendance, Registration, Role
from phakhi.participation.registrations import (
    registration_accept,
    registration_link,
    registration_reject,
)

router = Router(tags=["attendance"])

RoleName = Annotated[str, Field(description="organizer, speaker or participant")]
MAX_ADDED = 1000


class AttendanceOut(Schema):
    actor: ActorRef
    organization: str = Field(description="the name of the actor's organisation")
    sector: str
    role: str
    source: str = Field(description="registered, check_in, walk_in or import")
    checked_in_at: dt.datetime | None = Field(description="when they arrived; null: not (yet)")


class PublicCounts(Schema):
    civil: int
    academic: int
    government: int
    unknown: int


class AttendancePage(PageMeta):
    activity: str = Field(description="the activity's key")
    registered: int
    arrived: int
    public: PublicCounts = Field(description="the unregistered public counted by sector")
    satisfaction: Decimal | None
    check_in_open: bool
    items: list[AttendanceOut]


class AttendanceAdd(Input):
    actors: Annotated[list[Text100], Field(min_length=1, max_length=MAX_ADDED)] = Field(
        description="the actors' keys"
    )
    role: RoleName = Role.PARTICIPANT
    arrived: bool = Field(False, description="also mark them as arrived")


class AddedOut(Schema):
    added: list[AttendanceOut]
    already: list[AttendanceOut] = Field(
        description="already on the list: their role is now the one sent"
    )


class AttendancePatch(Input):
    role: RoleName = None  # type: ignore[assignment]
    arrived: bool = Field(None, description="true: arrived now (if not yet); false: not arrived")  # type: ignore[assignment]


class Candidate(Schema):
    actor: ActorRef
    reason: str


class RegistrationOut(Schema):
    id: int
    activity: str = Field(description="the activity's key")
    name: str
    organization: str
    sector: str
    phone: str = Field(description="masked for viewers; deleted once reviewed")
    email: str = Field(description="masked for viewers; deleted once reviewed")
    role: str
    registered_at: dt.datetime
    status: str = Field(description="pending, accepted, linked or rejected")
    actor: ActorRef | None = Field(description="the actor it was accepted as or linked to")
    candidates: list[Candidate] = Field(description="actors it may be (pending ones only)")


class RegistrationPage(PageMeta):
    items: list[RegistrationOut]


class LinkIn(Input):
    actor: Text100 = Field(description="the key of the actor this person is")


def _activity(access: Access, key: str) -> Activity:
    found = (
        Activity.objects.filter(workspace=access.workspace, key=key)
        .select_related("project")
        .first()
    )
    if found is None:
        raise not_found(_("There is no activity “%(key)s” in this workspace.") % {"key": key})
    return found


def _require_edit(access: Access, activity: Activity) -> None:
    if not can_edit_activity(access, activity):
        raise forbidden(_("You may change only the attendance of activities you edit."))


def attendance_out(access: Access, row: Attendance) -> AttendanceOut:
    actor = row.actor
    return AttendanceOut(
        actor=actor_ref(actor),
        organization=actor.organization.name if actor.organization else "",
        sector=actor.sector,
        role=row.role,
        source=row.source,
        checked_in_at=row.checked_in_at,
    )


def _rows(activity: Activity) -> Any:
    return (
        Attendance.objects.filter(activity=activity)
        .select_related("actor", "actor__organization")
        .order_by("actor__sort_key", "actor_id")
    )


@router.get(
    "/{slug}/activities/{key}/attendance",
    response={200: AttendancePage, **ERRORS},
    summary="An activity's attendance",
)
def attendance_list(
    request: HttpRequest, slug: str, key: str, paging: PageParams
) -> dict[str, Any]:
    """Registered participants in Thai dictionary order of their names, with the counts."""
    access = workspace_access(request, slug)
    activity = _activity(access, key)
    page = paginate(_rows(activity), paging)
    registered, arrived = attendance_counts([activity.pk])[activity.pk]
    return {
        **page.meta,
        "activity": activity.key,
        "registered": registered,
        "arrived": arrived,
        "public": PublicCounts(
            civil=activity.public_civil,
            academic=activity.public_academic,
            government=activity.public_government,
            unknown=activity.public_unknown,
        ),
        "satisfaction": activity.satisfaction,
        "check_in_open": bool(activity.check_in_code),
        "items": [attendance_out(access, row) for row in page.items],
    }


def _actors_by_key(access: Access, keys: list[str], field: str) -> list[Actor]:
    found = {a.key: a for a in Actor.objects.filter(workspace=access.workspace, key__in=keys)}
    missing = [key for key in keys if key not in found]
    if missing:
        raise unknown(
            _("No actor of this workspace has the key: %(keys)s.")
            % {"keys": ", ".join(missing[:20])},
            field,
        )
    return [found[key] for key in keys]


@router.post(
    "/{slug}/activities/{key}/attendance",
    response={200: AddedOut, **ERRORS},
    summary="Add participants (one or many)",
)
def attendance_post(request: HttpRequest, slug: str, key: str, payload: AttendanceAdd) -> AddedOut:
    """All or none; those already there keep their row and take the role sent."""
    access = workspace_access(request, slug, "edit")
    activity = _activity(access, key)
    _require_edit(access, activity)
    actors = _actors_by_key(access, payload.actors, "actors")
    author = request_author(request)
    result = attendance_add_many(author, activity, actors, role=payload.role)
    if payload.arrived:
        for row in [*result.added, *result.already]:
            attendance_check_in(author, row)
    rows = {row.actor_id: row for row in _rows(activity).filter(actor__in=actors)}
    return AddedOut(
        added=[attendance_out(access, rows[row.actor_id]) for row in result.added],
        already=[attendance_out(access, rows[row.actor_id]) for row in result.already],
    )


def _attendance(access: Access, activity: Activity, actor_key: str) -> Attendance:
    found = _rows(activity).filter(actor__key=actor_key).first()
    if found is None:
        raise not_found(_("“%(actor)s” is not on the activity's list.") % {"actor": actor_key})
    return found


@router.patch(
    "/{slug}/activities/{key}/attendance/{actor_key}",
    response={200: AttendanceOut, **ERRORS},
    summary="Change a participant's role or arrival",
)
def attendance_patch(
    request: HttpRequest, slug: str, key: str, actor_key: str, payload: AttendancePatch
) -> AttendanceOut:
    access = workspace_access(request, slug, "edit")
    activity = _activity(access, key)
    _require_edit(access, activity)
    row = _attendance(access, activity, actor_key)
    fields = payload.model_dump(exclude_unset=True)
    author = request_author(request)
    if fields.get("role") is not None:
        attendance_set_role(author, row, fields["role"])
    if fields.get("arrived") is True:
        attendance_check_in(author, row)
    elif fields.get("arrived") is False:
        attendance_check_in_undo(author, row)
    return attendance_out(access, _attendance(access, activity, actor_key))


@router.delete(
    "/{slug}/activities/{key}/attendance/{actor_key}",
    response={204: None, **ERRORS},
    summary="Remove a participant",
)
def attendance_delete(request: HttpRequest, slug: str, key: str, actor_key: str) -> Status[None]:
    access = workspace_access(request, slug, "edit")
    activity = _activity(access, key)
    _require_edit(access, activity)
    attendance_remove(request_author(request), _attendance(access, activity, actor_key))
    return Status(204, None)


def registration_out(access: Access, registration: Registration) -> RegistrationOut:
    masked = personal_view(access).masked
    pending = registration.status == Registration.Status.PENDING
    return RegistrationOut(
        id=registration.pk,
        activity=registration.activity.key,
        name=registration.name,
        organization=registration.organization_name,
        sector=registration.sector,
        phone=mask_phone(registration.phone) if masked else registration.phone,
        email=mask_email(registration.email) if masked else registration.email,
        role=registration.role,
        registered_at=registration.registered_at,
        status=registration.status,
        actor=actor_ref(registration.actor) if registration.actor else None,
        candidates=[
            Candidate(actor=actor_ref(actor), reason=reason)
            for actor, reason in (registration_candidates(registration) if pending else [])
        ],
    )


@router.get(
    "/{slug}/registrations",
    response={200: RegistrationPage, **ERRORS},
    summary="Registrations at the door waiting for review",
)
def registration_list(
    request: HttpRequest, slug: str, paging: PageParams, activity: str = ""
) -> dict[str, Any]:
    """Oldest first; ``activity``: only those of the activity with this key."""
    access = workspace_access(request, slug)
    found = _activity(access, activity) if activity else None
    page = paginate(registrations_pending(access.workspace, found), paging)
    return {**page.meta, "items": [registration_out(access, r) for r in page.items]}


def _registration(access: Access, registration_id: int) -> Registration:
    found = (
        Registration.objects.filter(workspace=access.workspace, pk=registration_id)
        .select_related("activity", "activity__project", "actor")
        .first()
    )
    if found is None:
        raise not_found(
            _("There is no registration %(id)s in this workspace.") % {"id": registration_id}
        )
    _require_edit(access, found.activity)
    return found


def _reviewed(access: Access, registration: Registration) -> RegistrationOut:
    found = Registration.objects.select_related("activity", "actor").get(pk=registration.pk)
    return registration_out(access, found)


@router.post(
    "/{slug}/registrations/{registration_id}/accept",
    response={200: RegistrationOut, **ERRORS},
    summary="Accept a registration as a new actor",
)
def registration_accept_post(
    request: HttpRequest, slug: str, registration_id: Id
) -> RegistrationOut:
    access = workspace_access(request, slug, "edit")
    found = _registration(access, registration_id)
    registration_accept(request_author(request), found)
    return _reviewed(access, found)


@router.post(
    "/{slug}/registrations/{registration_id}/link",
    response={200: RegistrationOut, **ERRORS},
    summary="Link a registration to the actor it is",
)
def registration_link_post(
    request: HttpRequest, slug: str, registration_id: Id, payload: LinkIn
) -> RegistrationOut:
    access = workspace_access(request, slug, "edit")
    found = _registration(access, registration_id)
    actor = _actors_by_key(access, [payload.actor], "actor")[0]
    registration_link(request_author(request), found, actor)
    return _reviewed(access, found)


@router.post(
    "/{slug}/registrations/{registration_id}/reject",
    response={200: RegistrationOut, **ERRORS},
    summary="Reject a registration",
)
def registration_reject_post(
    request: HttpRequest, slug: str, registration_id: Id
) -> RegistrationOut:
    access = workspace_access(request, slug, "edit")
    found = _registration(access, registration_id)
    registration_reject(request_author(request), found)
    return _reviewed(access, found)
