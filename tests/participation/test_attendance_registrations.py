"""Registrations at the door: only while check-in is open, validated, limited by address;
accepted as a new actor, linked to an existing one (with the merge's duplicate reasons), or
rejected — and the contacts typed at the door kept only until then."""

import pytest
from django.core.exceptions import ValidationError

from phakhi.actors.models import Actor
from phakhi.actors.services import actor_create
from phakhi.participation.attendance import check_in_open
from phakhi.participation.attendance_selectors import (
    registration_candidates,
    registrations_pending,
)
from phakhi.participation.models import Attendance, Registration, Role
from phakhi.participation.registrations import (
    RegistrationLimited,
    registration_accept,
    registration_create,
    registration_link,
    registration_reject,
)
from tests.participation.attendance_support import make_activity


@pytest.fixture
def activity(author, workspace):
    found = make_activity(workspace)
    check_in_open(author, found)
    return found


def test_only_while_check_in_is_open(author, workspace):
    closed = make_activity(workspace, key="closed")
    with pytest.raises(ValidationError, match="closed"):
        registration_create(closed, name="สมใจ รักดี")


def test_validation_names_the_field(activity):
    with pytest.raises(ValidationError) as error:
        registration_create(activity, name="  ")
    assert error.value.message_dict == {"name": ["This field is required."]}
    with pytest.raises(ValidationError) as error:
        registration_create(activity, name="สมใจ", phone="12")
    assert "not a valid phone number" in error.value.message_dict["phone"][0]
    with pytest.raises(ValidationError) as error:
        registration_create(activity, name="สมใจ", email="somjai@")
    assert "not a valid e-mail address" in error.value.message_dict["email"][0]
    with pytest.raises(ValidationError) as error:
        registration_create(activity, name="สมใจ", sector="media")
    assert "not a sector" in error.value.message_dict["sector"][0]
    assert not Registration.objects.exists()


def test_the_same_name_twice_is_one_registration(activity):
    first = registration_create(activity, name="นางสมใจ รักดี", phone="081-234-5678")
    again = registration_create(activity, name="สมใจ  รักดี", organization_name="อสม.บ้านโนน")
    assert again.pk == first.pk
    again.refresh_from_db()
    assert (again.phone, again.organization_name) == ("+66812345678", "อสม.บ้านโนน")
    assert list(registrations_pending(activity.workspace)) == [again]


def test_an_address_is_limited(activity, settings):
    settings.PHAKHI_REGISTRATION_LIMIT = 2
    registration_create(activity, name="หนึ่ง", address="10.0.0.1")
    registration_create(activity, name="สอง", address="10.0.0.1")
    with pytest.raises(RegistrationLimited):
        registration_create(activity, name="สาม", address="10.0.0.1")
    registration_create(activity, name="สาม", address="10.0.0.2")
    stored = set(Registration.objects.values_list("address", flat=True))
    assert "10.0.0.1" not in stored and len(stored) == 2  # a keyed hash, not the address


def test_accept_makes_an_actor_who_arrived(author, workspace, activity):
    organization = actor_create(
        author, workspace, key="org", name="โรงพยาบาลส่งเสริมสุขภาพตำบลโนน", kind="organization"
    )
    registration = registration_create(
        activity,
        name="นางสาวอรุณี แสงทอง",
        organization_name="โรงพยาบาลส่งเสริมสุขภาพตำบลโนน",
        sector="government",
        email="arunee@example.org",
        role=Role.SPEAKER,
        address="10.0.0.9",
    )
    actor = registration_accept(author, registration)
    assert (actor.name, actor.sector, actor.email) == (
        "นางสาวอรุณี แสงทอง",
        "government",
        "arunee@example.org",
    )
    assert actor.organization == organization
    attendance = Attendance.objects.get(activity=activity, actor=actor)
    assert attendance.source == Attendance.Source.WALK_IN and attendance.role == Role.SPEAKER
    assert attendance.checked_in_at == registration.registered_at
    registration.refresh_from_db()
    assert registration.status == Registration.Status.ACCEPTED and registration.actor == actor
    # The contacts are on the actor now; the registration keeps none, nor the address.
    assert (registration.email, registration.phone, registration.address) == ("", "", "")
    with pytest.raises(ValidationError, match="already reviewed"):
        registration_accept(author, registration)
    assert not registrations_pending(workspace).exists()


def test_an_unknown_organisation_is_kept_as_an_attribute(author, activity):
    registration = registration_create(activity, name="ลุงแดง", organization_name="ชมรมผู้สูงอายุ")
    actor = registration_accept(author, registration)
    assert actor.organization is None
    assert actor.attributes == {"organisation at the door": "ชมรมผู้สูงอายุ"}


def test_candidates_and_link(author, workspace, activity):
    known = actor_create(author, workspace, key="p-9", name="นายประเสริฐ ดีมาก", phone="0812345678")
    registration = registration_create(activity, name="ประเสริฐ ดีมาก", phone="081 234 5678")
    candidates = registration_candidates(registration)
    assert [(actor, reason) for actor, reason in candidates] == [
        (known, "same phone number, same name")
    ]
    registration_link(author, registration, known)
    attendance = Attendance.objects.get(activity=activity)
    assert attendance.actor == known and attendance.checked_in_at is not None
    registration.refresh_from_db()
    assert registration.status == Registration.Status.LINKED and registration.actor == known
    assert Actor.objects.filter(workspace=workspace).count() == 1


def test_link_to_another_workspace_is_refused(author, other_workspace, activity):
    stranger = actor_create(author, other_workspace, key="x", name="คนนอก")
    registration = registration_create(activity, name="คนนอก")
    with pytest.raises(ValidationError, match="another workspace"):
        registration_link(author, registration, stranger)


def test_reject_adds_nothing_and_forgets_the_contacts(author, activity):
    registration = registration_create(activity, name="ทดสอบ", phone="0812345678")
    registration_reject(author, registration)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.REJECTED and registration.phone == ""
    assert not Attendance.objects.exists()


def test_the_same_name_from_another_address_is_another_person(activity):
    first = registration_create(activity, name="สมใจ รักดี", address="10.0.0.1")
    second = registration_create(activity, name="สมใจ รักดี", address="10.0.0.2")
    assert first.pk != second.pk
