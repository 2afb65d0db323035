"""Check-in at the door on a phone, without an account: the code, finding one's name (names and
organisations only — never a phone number or an e-mail address), "that's me", registering when
not on the list, the closed and unknown codes, the limits by address, CSRF."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from phakhi.actors.models import Actor
from phakhi.actors.services import actor_create
from phakhi.networks.services import membership_set
from phakhi.participation.attendance import attendance_add, check_in_close, check_in_open
from phakhi.participation.models import Attendance, Registration
from phakhi.workshops.models import JoinFailure
from tests.participation.attendance_support import make_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def door(data: dict[str, Any], author: Any) -> dict[str, Any]:
    """An activity of the "health" network: สมชาย (with a phone number) is a member, สมศรี is
    registered; check-in is open."""
    activity = make_activity(data["workspace"], networks=(data["network"],))
    attendance_add(author, activity, data["third"])
    code = check_in_open(author, activity)
    return {**data, "activity": activity, "code": code}


def _url(name: str, code: str) -> str:
    return reverse(f"web:{name}", kwargs={"code": code})


def test_a_phone_finds_its_name_and_checks_in(door: dict[str, Any]) -> None:
    phone = Client()
    code = door["code"]
    typed = f" {code[:3].lower()}-{code[3:]} "
    response = phone.post(reverse("web:door-code"), {"code": typed})
    assert response.status_code == 302 and response["Location"] == _url("door", code)
    page = phone.get(_url("door", code), {"q": "สมชาย"}).content.decode()
    assert "นายสมชาย ใจดี" in page and "มูลนิธิเพื่อนชุมชน" in page  # name and organisation
    assert "081" not in page and "+66" not in page  # never the phone number
    person = door["person"]
    response = phone.post(_url("door-check-in", code), {"actor": person.pk})
    assert response.status_code == 302 and response["Location"] == _url("door-done", code)
    cookie = response.cookies[f"phakhi_door_{code}"]
    assert cookie["httponly"] and cookie["path"] == _url("door", code)
    done = phone.get(_url("door-done", code)).content.decode()
    assert "Welcome, นายสมชาย ใจดี" in done and "You are checked in" in done
    arrived = Attendance.objects.get(activity=door["activity"], actor=person)
    assert arrived.checked_in_at is not None and arrived.source == "check_in"
    # Tapping twice is harmless.
    phone.post(_url("door-check-in", code), {"actor": person.pk})
    assert Attendance.objects.filter(activity=door["activity"], actor=person).count() == 1
    again = phone.get(_url("door", code)).content.decode()
    assert "This phone checked in นายสมชาย ใจดี" in again


def test_the_search_needs_two_letters_and_lists_only_the_activitys_people(
    door: dict[str, Any], author: Any
) -> None:
    actor_create(author, door["workspace"], key="out", name="นายสมชาย นอกรายชื่อ")
    phone = Client()
    page = phone.get(_url("door", door["code"]), {"q": "ส"}).content.decode()
    assert "Type at least two letters." in page
    page = phone.get(_url("door", door["code"]), {"q": "สม"}).content.decode()
    assert "นายสมชาย ใจดี" in page and "นางสาวสมศรี มีสุข" in page
    assert "นอกรายชื่อ" not in page  # neither registered nor a member
    response = phone.post(
        _url("door-check-in", door["code"]), {"actor": Actor.objects.get(key="out").pk}
    )
    assert response.status_code == 400
    assert "not on the activity" in response.content.decode()


def test_not_on_the_list_registers(door: dict[str, Any]) -> None:
    phone = Client()
    form = phone.get(_url("door-register", door["code"])).content.decode()
    assert "What is kept, and why" in form
    response = phone.post(
        _url("door-register", door["code"]),
        {"name": "นางอรุณี แสงทอง", "organization_name": "อสม.", "sector": "civil",
         "phone": "12"},
    )  # fmt: skip
    assert response.status_code == 400 and "not a valid phone number" in response.content.decode()
    response = phone.post(
        _url("door-register", door["code"]),
        {"name": "นางอรุณี แสงทอง", "organization_name": "อสม.", "sector": "civil",
         "phone": "089-111-2222"},
    )  # fmt: skip
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == "pending" and registration.phone == "+66891112222"
    assert registration.actor is None and not Attendance.objects.filter(actor__name="นางอรุณี แสงทอง")
    done = phone.get(_url("door-done", door["code"])).content.decode()
    assert "Thank you, นางอรุณี แสงทอง" in done and "will confirm" in done


def test_closed_and_unknown_codes(door: dict[str, Any], author: Any) -> None:
    phone = Client()
    phone.post(_url("door-check-in", door["code"]), {"actor": door["third"].pk})
    check_in_close(author, door["activity"])
    closed = phone.get(_url("door", door["code"]))
    assert closed.status_code == 410 and "Check-in has closed" in closed.content.decode()
    stranger = Client()
    unknown = stranger.get(_url("door", door["code"]))
    assert unknown.status_code == 404 and "No check-in is open" in unknown.content.decode()
    assert JoinFailure.objects.count() == 1
    assert stranger.get(_url("door", "not a code")).status_code == 404


def test_wrong_codes_are_limited_by_address(door: dict[str, Any], settings: Any) -> None:
    settings.PHAKHI_JOIN_FAILURE_LIMIT = 2
    guesser = Client(REMOTE_ADDR="10.1.1.1")
    for _n in range(2):
        assert guesser.post(reverse("web:door-code"), {"code": "AAAAAA"}).status_code == 404
    # Even the right code waits now: the limit must not answer a guesser.
    assert guesser.get(_url("door", door["code"])).status_code == 429
    assert Client(REMOTE_ADDR="10.1.1.2").get(_url("door", door["code"])).status_code == 200


def test_registrations_are_limited_by_address(door: dict[str, Any], settings: Any) -> None:
    settings.PHAKHI_REGISTRATION_LIMIT = 1
    phone = Client(REMOTE_ADDR="10.2.2.2")
    url = _url("door-register", door["code"])
    assert phone.post(url, {"name": "หนึ่ง"}).status_code == 302
    refused = phone.post(url, {"name": "สอง"})
    assert refused.status_code == 429 and "Too many registrations" in refused.content.decode()


def test_csrf_stays_on(door: dict[str, Any]) -> None:
    phone = Client(enforce_csrf_checks=True)
    response = phone.post(_url("door-check-in", door["code"]), {"actor": door["third"].pk})
    assert response.status_code == 403
    assert Attendance.objects.get(actor=door["third"]).checked_in_at is None


def test_thai_first(door: dict[str, Any]) -> None:
    page = Client(HTTP_ACCEPT_LANGUAGE="").get(_url("door", door["code"])).content.decode()
    assert 'lang="th"' in page


def test_members_of_other_networks_cannot_be_checked_in(door: dict[str, Any], author: Any) -> None:
    from phakhi.networks.services import network_create

    other = network_create(author, door["workspace"], slug="youth-2", name="เยาวชน")
    outsider = actor_create(author, door["workspace"], key="y1", name="นายวัยรุ่น ใจกล้า")
    membership_set(author, other, outsider)
    response = Client().post(_url("door-check-in", door["code"]), {"actor": outsider.pk})
    assert response.status_code == 400
    assert not Attendance.objects.filter(actor=outsider).exists()


def test_typing_lists_the_names_alone(door: dict[str, Any]) -> None:
    phone = Client()
    page = phone.get(_url("door", door["code"])).content.decode()
    assert f'hx-get="{_url("door", door["code"])}"' in page and 'hx-target="#door-results"' in page
    answer = phone.get(_url("door", door["code"]), {"q": "สมศรี"}, HTTP_HX_REQUEST="true")
    text = answer.content.decode()
    assert "<html" not in text and "นางสาวสมศรี มีสุข" in text and "csrfmiddlewaretoken" in text
