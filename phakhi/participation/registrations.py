"""Registrations at the door (ลงทะเบียนหน้างาน): a person who checks in without finding their
name leaves what they typed — a :class:`Registration`, pending, kept apart from the directory —
until a coordinator accepts it as a new actor, links it to an actor already there (a duplicate),
or rejects it.

A phone may register only while check-in is open; one network address may leave only so many
registrations in a while (a whole room may share one router, so the limit is generous). The
address is kept as a keyed hash, and only until the registration is reviewed; so are the phone
number and e-mail address, which go to the new actor (or nowhere) once reviewed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor, Kind, Sector
from phakhi.actors.services import actor_create
from phakhi.actors.validation import actor_name_key
from phakhi.core import audit
from phakhi.core.contacts import ContactError, normalize_email, normalize_phone
from phakhi.core.models import AuditEvent
from phakhi.core.thai import clean_text, name_key
from phakhi.participation.attendance import _role, attendance_add
from phakhi.participation.models import Activity, Attendance, Registration, Role

Status = Registration.Status
REGISTRATION_LIMIT = 200  # settings.PHAKHI_REGISTRATION_LIMIT: from one address (a venue's Wi-Fi)…
WINDOW = dt.timedelta(minutes=15)  # settings.PHAKHI_REGISTRATION_WINDOW: …in this long
NAME_LIMIT = 300
ORGANIZATION_KEY = "organisation at the door"  # the attribute that keeps an unknown organisation


class RegistrationLimited(ValidationError):
    """Too many registrations from one network address lately."""


def _limit() -> int:
    return int(getattr(settings, "PHAKHI_REGISTRATION_LIMIT", REGISTRATION_LIMIT))


def window() -> dt.timedelta:
    return getattr(settings, "PHAKHI_REGISTRATION_WINDOW", WINDOW)


def hashed_address(address: str | None) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, (address or "unknown").encode(), hashlib.sha256).hexdigest()


def _line(name: str, value: Any, *, required: bool = False) -> str:
    text = clean_text(str(value or ""))
    if required and not text:
        raise ValidationError({name: _("This field is required.")})
    if len(text) > NAME_LIMIT:
        raise ValidationError(
            {name: _("Keep it within %(limit)d characters.") % {"limit": NAME_LIMIT}}
        )
    return text


def _contact(name: str, value: Any) -> str:
    text = str(value or "").strip()
    if not text:
        return ""
    normalize = normalize_phone if name == "phone" else normalize_email
    try:
        return normalize(text)
    except ContactError as error:
        raise ValidationError({name: str(error)}) from None


def _sector(value: Any) -> str:
    if value in (None, ""):
        return ""
    if value not in Sector.values:
        raise ValidationError(
            {"sector": _("“%(value)s” is not a sector; use one of: %(sectors)s.")
             % {"value": value, "sectors": ", ".join(Sector.values)}}
        )  # fmt: skip
    return str(value)


def registration_create(
    activity: Activity,
    *,
    name: str,
    organization_name: str = "",
    sector: str = "",
    phone: str = "",
    email: str = "",
    role: str = Role.PARTICIPANT,
    address: str | None = None,
) -> Registration:
    """A person at the door who did not find their name leaves a pending registration. The same
    name registered again for the activity from the same address while pending updates that one
    (tapping twice is harmless). Refused while check-in is closed, and from an address that left
    too many lately (``RegistrationLimited``)."""
    values = {
        "name": _line("name", name, required=True),
        "organization_name": _line("organization_name", organization_name),
        "sector": _sector(sector),
        "phone": _contact("phone", phone),
        "email": _contact("email", email),
        "role": _role(role),
    }
    key = name_key(values["name"])
    if not key:
        raise ValidationError({"name": _("Write your name in letters.")})
    hashed = hashed_address(address)
    with transaction.atomic():
        current = Activity.objects.select_for_update().filter(pk=activity.pk).first()
        if current is None or not current.check_in_code:
            raise ValidationError(_("Check-in for this activity is closed."))
        since = timezone.now() - window()
        recent = Registration.objects.filter(address=hashed, registered_at__gte=since)
        if recent.count() >= _limit():
            raise RegistrationLimited(
                _("Too many registrations came from this network. Please ask the organisers.")
            )
        # The same name again from the same address: a second tap, not a second person.
        found = Registration.objects.filter(
            activity=current, name_key=key, status=Status.PENDING, address=hashed
        ).first()
        if found is not None:
            for name_, value in values.items():
                if value or name_ in ("name", "role"):
                    setattr(found, name_, value)
            found.save()
            return found
        registration = Registration.objects.create(
            workspace_id=current.workspace_id,
            activity=current,
            name_key=key,
            address=hashed,
            **values,
        )
        audit.record(
            audit.Author.system("door"),
            AuditEvent.Action.CREATE,
            registration,
            changes=audit.diff({}, {"activity": current.pk, "name": registration.name}),
        )
    return registration


def _pending(registration: Registration) -> Registration:
    current = (
        Registration.objects.select_for_update()
        .select_related("activity", "activity__workspace")
        .filter(pk=registration.pk)
        .first()
    )
    if current is None:
        raise ValidationError(_("This registration no longer exists."))
    if current.status != Status.PENDING:
        raise ValidationError(
            _("This registration was already reviewed: %(status)s.")
            % {"status": current.get_status_display()}
        )
    return current


def _reviewed(
    author: audit.Author, registration: Registration, status: str, actor: Actor | None
) -> None:
    """Close the review: the outcome, who and when; the contacts and the address go (they are
    on the new actor, or were not wanted)."""
    old = {"status": registration.status, "actor": registration.actor_id}
    registration.status = status
    registration.actor = actor
    registration.reviewed_by_id = author.user_id
    registration.reviewed_at = timezone.now()
    registration.phone = registration.email = registration.address = ""
    registration.save()
    audit.record(
        author,
        AuditEvent.Action.UPDATE,
        registration,
        changes=audit.diff(old, {"status": status, "actor": actor.pk if actor else None}),
    )


def _free_key(registration: Registration) -> str:
    """A key for the actor made from a registration: ``door-<id>``, unless taken."""
    base = f"door-{registration.pk}"
    taken = set(
        Actor.objects.filter(
            workspace_id=registration.workspace_id, key__startswith=base
        ).values_list("key", flat=True)
    )
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    return key


def organization_for(registration: Registration) -> Actor | None:
    """The organisation (or group) of the directory the registration names, when exactly one
    has that name."""
    if not registration.organization_name:
        return None
    found = list(
        Actor.objects.filter(
            workspace_id=registration.workspace_id,
            kind__in=(Kind.ORGANIZATION, Kind.GROUP),
            name_key__in={
                actor_name_key(registration.organization_name, Kind.ORGANIZATION),
                actor_name_key(registration.organization_name, Kind.GROUP),
            },
        )[:2]
    )
    return found[0] if len(found) == 1 else None


def _attend(author: audit.Author, registration: Registration, actor: Actor) -> Attendance:
    return attendance_add(
        author,
        registration.activity,
        actor,
        role=registration.role,
        source=Attendance.Source.WALK_IN,
        checked_in=True,
        checked_in_at=registration.registered_at,
    )


def registration_accept(author: audit.Author, registration: Registration) -> Actor:
    """Add the person as a new actor of the directory (with the organisation, when the
    directory has it, else its name as an attribute), taking part in the activity as arrived."""
    with transaction.atomic():
        current = _pending(registration)
        organization = organization_for(current)
        attributes = {}
        if current.organization_name and organization is None:
            attributes[ORGANIZATION_KEY] = current.organization_name
        actor = actor_create(
            author,
            current.activity.workspace,
            key=_free_key(current),
            name=current.name,
            kind=Kind.PERSON,
            sector=current.sector,
            phone=current.phone,
            email=current.email,
            organization=organization,
            attributes=attributes,
        )
        _attend(author, current, actor)
        _reviewed(author, current, Status.ACCEPTED, actor)
    registration.refresh_from_db()
    return actor


def registration_link(author: audit.Author, registration: Registration, actor: Actor) -> Actor:
    """The person is ``actor`` of the directory (a duplicate): the actor takes part in the
    activity as arrived; the registration keeps the link."""
    if actor.workspace_id != registration.workspace_id:
        raise ValidationError(
            {"actor": _("“%(actor)s” belongs to another workspace.") % {"actor": actor}}
        )
    with transaction.atomic():
        current = _pending(registration)
        _attend(author, current, actor)
        _reviewed(author, current, Status.LINKED, actor)
    registration.refresh_from_db()
    return actor


def registration_reject(author: audit.Author, registration: Registration) -> None:
    """Not a participant (a test, a joke, someone counted already): nothing is added."""
    with transaction.atomic():
        current = _pending(registration)
        _reviewed(author, current, Status.REJECTED, None)
    registration.refresh_from_db()
