"""The attendance API: an activity's attendance by key (list with counts, add one or many with
those already there reported, role and arrival, remove), the registrations at the door with
their candidates (accept, link, reject), the error shape, and a viewer's masked registrations."""

from typing import Any

import pytest

from phakhi.participation.attendance import check_in_open
from phakhi.participation.models import Attendance, Registration
from phakhi.participation.registrations import registration_create
from tests.api_support import API, fields, role_client, send
from tests.participation.attendance_support import make_activity

pytestmark = pytest.mark.django_db
PATH = "/workspaces/khon-kaen/activities/forum-1/attendance"


@pytest.fixture
def activity(data: dict[str, Any]) -> Any:
    return make_activity(data["workspace"], networks=(data["network"],))


def test_add_list_change_remove(data, activity) -> None:
    client = role_client(data["workspace"], "coordinator")
    added = send(client, "post", PATH, {"actors": ["p-1", "p-2"], "role": "speaker"})
    assert added.status_code == 200, added.content
    assert [row["actor"]["key"] for row in added.json()["added"]] == ["p-1", "p-2"]
    again = send(client, "post", PATH, {"actors": ["p-2", "org-1"], "arrived": True}).json()
    assert [row["actor"]["key"] for row in again["already"]] == ["p-2"]
    assert again["already"][0]["role"] == "participant" and again["already"][0]["checked_in_at"]
    listed = client.get(API + PATH).json()
    assert (listed["registered"], listed["arrived"], listed["total"]) == (3, 2, 3)
    assert "phone" not in listed["items"][0]  # contacts are on the actor's own page
    changed = send(client, "patch", PATH + "/p-1", {"role": "organizer", "arrived": True}).json()
    assert changed["role"] == "organizer" and changed["checked_in_at"]
    assert send(client, "delete", PATH + "/p-1").status_code == 204
    assert not Attendance.objects.filter(actor=data["person"]).exists()
    missing = send(client, "post", PATH, {"actors": ["nobody"]})
    assert missing.status_code == 422 and "nobody" in fields(missing)["actors"]
    wrong = send(client, "patch", PATH + "/p-2", {"role": "chair"})
    assert wrong.status_code == 422 and "is not a role" in fields(wrong)["role"]
    assert client.get(API + "/workspaces/khon-kaen/activities/nope/attendance").status_code == 404


def test_registrations_review(data, activity, author) -> None:
    check_in_open(author, activity)
    same = registration_create(activity, name="สมชาย ใจดี", phone="081-234-5678")
    new = registration_create(activity, name="นางอรุณี แสงทอง", email="arunee@example.org")
    joke = registration_create(activity, name="ทดสอบ")
    viewer = role_client(data["workspace"], "viewer")
    listed = viewer.get(API + "/workspaces/khon-kaen/registrations?activity=forum-1").json()
    assert listed["total"] == 3
    first = listed["items"][0]
    assert first["candidates"][0]["actor"]["key"] == "p-1"
    assert "same phone number" in first["candidates"][0]["reason"]
    assert "+66812345678" not in str(listed) and "arunee@example.org" not in str(listed)
    client = role_client(data["workspace"], "coordinator")
    base = "/workspaces/khon-kaen/registrations"
    linked = send(client, "post", f"{base}/{same.pk}/link", {"actor": "p-1"}).json()
    assert linked["status"] == "linked" and linked["actor"]["key"] == "p-1"
    accepted = send(client, "post", f"{base}/{new.pk}/accept").json()
    assert accepted["status"] == "accepted" and accepted["actor"]["name"] == "นางอรุณี แสงทอง"
    assert send(client, "post", f"{base}/{joke.pk}/reject").json()["status"] == "rejected"
    twice = send(client, "post", f"{base}/{joke.pk}/reject")
    assert twice.status_code == 422 and "already reviewed" in twice.json()["errors"][0]["message"]
    assert set(Registration.objects.values_list("status", flat=True)) == {
        "linked",
        "accepted",
        "rejected",
    }
    refused = send(viewer, "post", f"{base}/{joke.pk}/accept")
    assert refused.status_code == 403
