"""The attendance pages a coordinator uses: adding participants (one, several, a network's
members), role and arrival with htmx, removing, head counts, opening check-in and the door's
page, reviewing registrations at the door; and what a viewer sees (no contacts, no controls)."""

from typing import Any

import pytest
from django.urls import reverse

from phakhi.actors.services import actor_create
from phakhi.participation.attendance import attendance_add, check_in_open
from phakhi.participation.models import Activity, Attendance, Registration
from phakhi.participation.registrations import registration_create
from tests.accounts_support import client_for, user_with_role
from tests.participation.attendance_support import make_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(data: dict[str, Any]) -> Activity:
    return make_activity(data["workspace"], networks=(data["network"],))


@pytest.fixture
def coordinator(data: dict[str, Any]) -> Any:
    return client_for(user_with_role(data["workspace"], "coordinator"))


def _url(name: str, activity: Activity, **kwargs: Any) -> str:
    return reverse(
        f"web:{name}", kwargs={"workspace": "khon-kaen", "activity": activity.pk, **kwargs}
    )


def test_add_one_several_and_a_network(data, activity, coordinator) -> None:
    url = _url("activity-attendance-add", activity)
    response = coordinator.post(url, {"actor": "", "actor_key": "p-2", "role": "speaker"})
    assert response.status_code == 302
    assert Attendance.objects.get(activity=activity).role == "speaker"
    response = coordinator.post(url, {"several": "org-1\nนางสาวสมศรี มีสุข\n", "role": "participant"})
    assert response.status_code == 302
    page = coordinator.get(response["Location"]).content.decode()
    assert "1 participant added." in page and "Already on the list" in page
    coordinator.post(url, {"network": data["network"].pk, "role": "participant"})
    assert set(Attendance.objects.values_list("actor__key", flat=True)) == {"p-1", "p-2", "org-1"}
    refused = coordinator.post(url, {"several": "ไม่มีคนนี้", "role": "participant"})
    assert refused.status_code == 400
    assert "“ไม่มีคนนี้”: no actor has this key or name." in refused.content.decode()
    empty = coordinator.post(url, {"role": "participant"})
    assert "Choose an actor, list several, or choose a network." in empty.content.decode()


def test_role_arrival_and_removal_with_htmx(data, activity, author, coordinator) -> None:
    row = attendance_add(author, activity, data["person"])
    htmx = {"HTTP_HX_REQUEST": "true"}
    answer = coordinator.post(
        _url("attendance-arrived", activity, attendance=row.pk), {"arrived": "1"}, **htmx
    )
    text = answer.content.decode()
    assert answer.status_code == 200 and text.startswith("<tr") and 'aria-pressed="true"' in text
    row.refresh_from_db()
    assert row.checked_in_at is not None
    coordinator.post(_url("attendance-arrived", activity, attendance=row.pk), {"arrived": "0"})
    row.refresh_from_db()
    assert row.checked_in_at is None
    answer = coordinator.post(
        _url("attendance-role", activity, attendance=row.pk), {"role": "organizer"}, **htmx
    )
    assert '<option value="organizer" selected>' in answer.content.decode()
    coordinator.post(_url("attendance-remove", activity, attendance=row.pk))
    assert not Attendance.objects.exists()


def test_head_counts(activity, coordinator) -> None:
    url = _url("activity-counts", activity)
    values = {
        "public_civil": "120",
        "public_academic": "3",
        "public_government": "15",
        "public_unknown": "7",
        "satisfaction": "4.25",
        "version": str(activity.version),
    }
    assert coordinator.post(url, values).status_code == 302
    activity.refresh_from_db()
    assert (activity.public_civil, activity.public_unknown, str(activity.satisfaction)) == (
        120,
        7,
        "4.25",
    )
    page = coordinator.get(_url("activity-attendance", activity)).content.decode()
    assert "<strong>145</strong> public counted by sector" in page
    stale = coordinator.post(url, {**values, "public_civil": "1"})  # the version read before
    assert stale.status_code == 409 and "Someone changed these counts" in stale.content.decode()
    wrong = coordinator.post(url, {**values, "satisfaction": "7", "version": "2"})
    assert wrong.status_code == 400


def test_open_check_in_shows_the_door(activity, coordinator) -> None:
    response = coordinator.post(_url("activity-check-in-open", activity))
    assert response["Location"] == _url("activity-door", activity)
    activity.refresh_from_db()
    code = activity.check_in_code
    door = coordinator.get(response["Location"]).content.decode()
    assert "<svg" in door and f"{code[:3]} {code[3:]}" in door
    assert reverse("web:door", kwargs={"code": code}) not in door or "/c/" in door
    count = coordinator.get(_url("activity-door-count", activity)).content.decode()
    assert "0</strong> arrivals" in count
    coordinator.post(_url("activity-check-in-close", activity))
    activity.refresh_from_db()
    assert activity.check_in_code == ""


def test_review_shows_candidates_and_decides(data, activity, author, coordinator) -> None:
    check_in_open(author, activity)
    same_phone = registration_create(activity, name="สมชาย ใจดี", phone="081-234-5678")
    new = registration_create(activity, name="นางอรุณี แสงทอง")
    joke = registration_create(activity, name="ทดสอบ")
    page = coordinator.get(_url("activity-registrations", activity)).content.decode()
    assert "same phone number" in page and "This is นายสมชาย ใจดี" in page
    everywhere = coordinator.get(reverse("web:registrations", kwargs={"workspace": "khon-kaen"}))
    assert "นางอรุณี แสงทอง" in everywhere.content.decode()
    review = {"workspace": "khon-kaen"}
    coordinator.post(
        reverse("web:registration-link", kwargs={**review, "registration": same_phone.pk}),
        {"actor_id": data["person"].pk},
    )
    coordinator.post(reverse("web:registration-accept", kwargs={**review, "registration": new.pk}))
    coordinator.post(reverse("web:registration-reject", kwargs={**review, "registration": joke.pk}))
    statuses = dict(Registration.objects.values_list("name", "status"))
    assert statuses == {"สมชาย ใจดี": "linked", "นางอรุณี แสงทอง": "accepted", "ทดสอบ": "rejected"}
    arrived = Attendance.objects.filter(activity=activity, checked_in_at__isnull=False)
    assert set(arrived.values_list("actor__name", flat=True)) == {"นายสมชาย ใจดี", "นางอรุณี แสงทอง"}


def test_a_viewer_sees_the_list_without_contacts_or_controls(data, activity, author) -> None:
    attendance_add(author, activity, data["person"])
    check_in_open(author, activity)
    registration_create(activity, name="นางอรุณี แสงทอง", email="arunee@example.org")
    viewer = client_for(user_with_role(data["workspace"], "viewer"))
    page = viewer.get(_url("activity-attendance", activity)).content.decode()
    assert "นายสมชาย ใจดี" in page
    assert "+66812345678" not in page and "Open check-in" not in page and "Remove" not in page
    assert activity.check_in_code not in page.replace(" ", "")  # the viewer does not get the code
    review = viewer.get(_url("activity-registrations", activity)).content.decode()
    assert "นางอรุณี แสงทอง" in review and "arunee@example.org" not in review
    assert "Accept as a new actor" not in review
    assert viewer.get(_url("activity-door", activity)).status_code == 403


def test_a_limited_coordinator_manages_only_their_networks_activities(data, author) -> None:
    from phakhi.networks.services import network_create

    youth = network_create(author, data["workspace"], slug="youth", name="เยาวชน")
    limited = client_for(user_with_role(data["workspace"], "coordinator", networks=(youth,)))
    theirs = make_activity(data["workspace"], key="youth-camp", networks=(youth,))
    others = make_activity(data["workspace"], key="health-forum", networks=(data["network"],))
    actor_create(author, data["workspace"], key="y-1", name="นายวัยรุ่น ใจกล้า")
    ok = limited.post(
        _url("activity-attendance-add", theirs), {"actor": "y-1", "role": "participant"}
    )
    assert ok.status_code == 302
    refused = limited.post(_url("activity-attendance-add", others), {"actor": "y-1"})
    assert refused.status_code == 403


def test_the_page_makes_the_same_queries_for_many_participants(
    data, activity, author, coordinator
) -> None:
    from phakhi.participation.attendance import attendance_add_many
    from tests.participation.attendance_support import make_people

    def queries(count: int) -> int:
        people = make_people(author, data["workspace"], [f"ผู้เข้าร่วม {n}" for n in range(count)])
        attendance_add_many(author, activity, people)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert coordinator.get(_url("activity-attendance", activity)).status_code == 200
        Attendance.objects.filter(activity=activity).delete()
        from phakhi.actors.models import Actor

        Actor.objects.filter(key__startswith="person-").delete()
        return len(captured)

    queries(1)  # the first request of the client reads its session and caches
    assert queries(5) == queries(40) <= 12


def test_a_large_list_comes_in_pages(data, activity, author, coordinator) -> None:
    from phakhi.participation.attendance import attendance_add_many
    from phakhi.web.views.attendance import PAGE_SIZE
    from tests.participation.attendance_support import make_people

    names = [f"ผู้เข้าร่วม {n:03d}" for n in range(PAGE_SIZE + 5)]
    attendance_add_many(author, activity, make_people(author, data["workspace"], names))
    first = coordinator.get(_url("activity-attendance", activity)).content.decode()
    assert f"<strong>{PAGE_SIZE + 5}</strong> registered" in first
    assert "ผู้เข้าร่วม 000" in first and "ผู้เข้าร่วม 104" not in first and "Page 1 of 2" in first
    second = coordinator.get(_url("activity-attendance", activity), {"page": "2"}).content.decode()
    assert "ผู้เข้าร่วม 104" in second and "ผู้เข้าร่วม 000" not in second
