"""The activity pages: the list with its filters in Buddhist-era dates, a new activity with its
organisers and speakers, an activity's page with the IAP2 levels explained and its o25 items,
an edit that meets a colleague's change, delete, the project's tab, the network's and the
actor's lists — and what a viewer may do."""

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from phakhi.core.audit import Author
from phakhi.participation.models import Activity, Attendance
from phakhi.participation.services import activity_create, activity_update
from tests.accounts_support import client_for, user_with_role
from tests.forms_support import form_values

BOB = Author("test:bob")


def _text(response: Any) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _url(name: str, **kwargs: Any) -> str:
    return reverse(f"web:{name}", kwargs={"workspace": "khon-kaen", **kwargs})


@pytest.fixture
def admin(data: dict[str, Any]) -> Client:
    return client_for(user_with_role(data["workspace"], "admin"))


@pytest.fixture
def viewer(data: dict[str, Any]) -> Client:
    return client_for(user_with_role(data["workspace"], "viewer"))


@pytest.fixture
def forum(data: dict[str, Any], author: Author) -> Activity:
    return activity_create(
        author, data["workspace"], key="ACT-1", title="เวทีประชาคมแผนสุขภาพ", kind="forum",
        starts_on="2026-11-20", start_time="09:00", networks=[data["network"]],
        project=data["project"], iap2_planned=3, iap2_achieved=2, place="ศาลาประชาคม",
        province_code="ขอนแก่น", organizers=[data["org"]], speakers=[data["third"]],
        public_civil=30,
    )  # fmt: skip


def test_the_list_in_thai_with_its_filters(
    admin: Client, forum: Activity, data: dict[str, Any], author: Author
) -> None:
    activity_create(author, data["workspace"], key="ACT-2", title="ประชุมคณะทำงาน",
                    starts_on="2025-03-01", iap2_planned=1)  # fmt: skip
    page = admin.get(_url("activities"), HTTP_ACCEPT_LANGUAGE="th")
    text = _text(page)
    assert page.status_code == 200
    assert "20 พ.ย. 2569" in text and "1 มี.ค. 2568" in text
    assert "3 · ให้เข้ามามีบทบาท" in text and "2 · ปรึกษาหารือ" in text
    assert "o25 ยังไม่ครบ" in text  # planned involve, nothing published
    assert "2 กิจกรรม" in text

    def titles(**query: Any) -> list[str]:
        html = admin.get(_url("activities"), query).content.decode()
        return re.findall(r'id="activity-\d+-title"><a href="[^"]+">([^<]+)</a>', html)

    assert titles(network=data["network"].pk) == ["เวทีประชาคมแผนสุขภาพ"]
    assert titles(fy="2568") == ["ประชุมคณะทำงาน"]
    assert titles(fy="๒๕๗๐") == ["เวทีประชาคมแผนสุขภาพ"]
    assert titles(planned="1") == ["ประชุมคณะทำงาน"]
    assert titles(achieved="0") == ["ประชุมคณะทำงาน"]
    assert titles(kind="forum", q="แผน") == ["เวทีประชาคมแผนสุขภาพ"]
    assert titles(o25="missing") == ["เวทีประชาคมแผนสุขภาพ"]
    assert titles(**{"from": "01/01/2569"}) == ["เวทีประชาคมแผนสุขภาพ"]
    bad = admin.get(_url("activities"), {"from": "31/02/2569"})
    assert bad.status_code == 200 and "not a real date" in _text(bad)


def test_the_list_pages_in_a_fixed_number_of_queries(
    admin: Client, data: dict[str, Any], author: Author, django_assert_max_num_queries: Any
) -> None:
    for n in range(30):
        activity_create(author, data["workspace"], key=f"M{n:02d}", title=f"ประชุม {n}",
                        starts_on="2026-01-01", networks=[data["network"]],
                        project=data["project"], organizers=[data["person"]])  # fmt: skip
    admin.get(_url("activities"))  # sessions and caches warmed
    with django_assert_max_num_queries(14):
        page = admin.get(_url("activities"))
    assert page.status_code == 200
    assert "Page 1 of 2" in _text(page)
    assert "M00" in _text(admin.get(_url("activities"), {"page": "2"}))  # the earliest made, last


def test_a_new_activity_with_its_hosts(admin: Client, data: dict[str, Any]) -> None:
    form = admin.get(_url("activity-add"), {"project": data["project"].pk})
    assert form.status_code == 200
    assert "What the IAP2 levels mean" in _text(form)
    assert "not the tie level มีส่วนร่วม" in _text(form)
    sent = admin.post(_url("activity-add"), {
        "key": "ACT-9", "title": "อบรมแกนนำ", "kind": "training", "starts_on": "15/01/2569",
        "start_time": "๙.๓๐", "province_code": "40", "district_code": "เมืองขอนแก่น",
        "networks": [str(data["network"].pk)], "project": str(data["project"].pk),
        "organizer_add": data["org"].key, "speaker_add": data["third"].name,
        "iap2_planned": "2", "iap2_achieved": "2", "stage": "planning",
        "forms": ["views", "informed"], "o25_issue": "หลักสูตรอบรม", "public_civil": "12",
        "satisfaction": "4.5",
    })  # fmt: skip
    activity = Activity.objects.get(key="ACT-9")
    assert sent.status_code == 302 and sent["Location"] == _url("activity", activity=activity.pk)
    assert str(activity.starts_on) == "2026-01-15" and str(activity.start_time) == "09:30:00"
    assert activity.district_code == "4001" and activity.forms == ["informed", "views"]
    roles = dict(Attendance.objects.filter(activity=activity).values_list("actor_id", "role"))
    assert roles == {data["org"].pk: "organizer", data["third"].pk: "speaker"}
    page = _text(admin.get(sent["Location"]))
    assert "Published for ITA indicator o25" in page and "3 items are still missing" in page
    assert data["org"].name in page and data["third"].name in page


def test_a_new_activity_refused_names_the_fields(admin: Client, data: dict[str, Any]) -> None:
    sent = admin.post(_url("activity-add"), {
        "key": "ACT-9", "title": "อบรม", "kind": "training", "starts_on": "2026-11-20",
        "ends_on": "2026-11-01", "organizer_add": "ไม่มีใครชื่อนี้", "satisfaction": "9",
    })  # fmt: skip
    assert sent.status_code == 400
    text = _text(sent)
    assert "No actor in this workspace has this key or name" in text
    assert not Activity.objects.exists()
    sent = admin.post(_url("activity-add"), {
        "key": "ACT-9", "title": "อบรม", "kind": "training", "starts_on": "2026-11-20",
        "ends_on": "2026-11-01", "satisfaction": "9",
    })  # fmt: skip
    text = _text(sent)
    assert sent.status_code == 400
    assert "before it starts" in text and "from 1 to 5" in text


def test_the_activity_page(viewer: Client, forum: Activity) -> None:
    page = viewer.get(_url("activity", activity=forum.pk))
    text = _text(page)
    assert page.status_code == 200
    assert "3 · involve" in text and "2 · consult" in text and "below the plan" in text
    assert "a committee with citizen representatives" in text  # the help panel's methods
    assert "2 registered participants" in text and "30 people of the public" in text
    assert "4 items are still missing" in text
    assert _url("activity-edit", activity=forum.pk) not in page.content.decode()
    assert _url("activity-attendance", activity=forum.pk) in page.content.decode()


def test_a_viewer_may_not_change(viewer: Client, forum: Activity) -> None:
    assert viewer.get(_url("activity-edit", activity=forum.pk)).status_code == 403
    assert (
        viewer.post(_url("activity-delete", activity=forum.pk), {"confirm": "on"}).status_code
        == 403
    )
    assert Activity.objects.filter(pk=forum.pk).exists()


def test_an_edit_meets_a_colleagues_change(admin: Client, forum: Activity) -> None:
    url = _url("activity-edit", activity=forum.pk)
    values = form_values(admin.get(url), "title")
    activity_update(BOB, forum, place="วัดโนนทัน")  # Bob saved first
    mine = {**values, "place": "โรงเรียนบ้านโนนทัน", "outcomes": "ได้ร่างแผน"}
    sent = admin.post(url, mine)
    assert sent.status_code == 409
    assert "Someone else changed this record" in _text(sent)
    forum.refresh_from_db()
    assert forum.place == "วัดโนนทัน" and forum.outcomes == ""
    again = form_values(sent, "title")
    assert again["version"] == str(forum.version)
    assert admin.post(url, {**again, "resolve-place": "theirs"}).status_code == 302
    forum.refresh_from_db()
    assert (forum.place, forum.outcomes) == ("วัดโนนทัน", "ได้ร่างแผน")
    # The hosts stayed as they were.
    assert Attendance.objects.filter(activity=forum).count() == 2


def test_an_edit_takes_off_a_host(admin: Client, forum: Activity, data: dict[str, Any]) -> None:
    url = _url("activity-edit", activity=forum.pk)
    values = form_values(admin.get(url), "title")
    values.pop("speakers")  # the speaker's box unticked
    assert admin.post(url, values).status_code == 302
    roles = dict(Attendance.objects.filter(activity=forum).values_list("actor_id", "role"))
    assert roles == {data["org"].pk: "organizer"}


def test_delete_asks_first(admin: Client, forum: Activity) -> None:
    url = _url("activity-delete", activity=forum.pk)
    page = admin.get(url)
    assert page.status_code == 200 and "2 people" in _text(page)
    assert admin.post(url, {}).status_code == 400
    assert Activity.objects.filter(pk=forum.pk).exists()
    sent = admin.post(url, {"confirm": "on", "version": str(forum.version)})
    assert sent.status_code == 302 and sent["Location"] == _url("activities")
    assert not Activity.objects.filter(pk=forum.pk).exists()


def test_project_tab_network_and_actor_pages(
    viewer: Client, admin: Client, forum: Activity, data: dict[str, Any]
) -> None:
    tab = admin.get(_url("project-activities", project=data["project"].slug))
    assert tab.status_code == 200
    assert forum.title in _text(tab) and "New activity for this project" in _text(tab)
    assert f"?project={data['project'].pk}" in tab.content.decode()
    assert "New activity for this project" not in _text(
        viewer.get(_url("project-activities", project=data["project"].slug))
    )
    network = viewer.get(_url("network", slug=data["network"].slug))
    assert forum.title in _text(network)
    add = f"{_url('activity-add')}?network={data['network'].pk}"
    assert add not in network.content.decode()
    assert add in admin.get(_url("network", slug=data["network"].slug)).content.decode()
    ticked = form_values(admin.get(add), "title")
    assert ticked["networks"] == str(data["network"].pk)
    actor = _text(viewer.get(_url("actor", pk=data["third"].pk)))
    assert forum.title in actor and "speaker (วิทยากร)" in actor


def test_a_limited_coordinator_is_told_why(forum: Activity, data: dict[str, Any]) -> None:
    from phakhi.networks.services import network_create

    youth = network_create(BOB, data["workspace"], slug="youth", name="เครือข่ายเยาวชน")
    limited = client_for(
        user_with_role(data["workspace"], "coordinator", "limited", networks=(youth,))
    )
    refused = limited.get(_url("activity-edit", activity=forum.pk))
    assert refused.status_code == 403
    assert "An activity is changed by the coordinators of one of its networks" in _text(refused)
    form = limited.get(_url("activity-add"))
    assert form.status_code == 200
    offered = re.findall(r'name="networks" value="(\d+)"', form.content.decode())
    assert offered == [str(youth.pk)]


def test_an_edit_keeps_a_host_added_meanwhile(
    admin: Client, forum: Activity, data: dict[str, Any], author: Author
) -> None:
    from phakhi.participation.attendance import attendance_add

    url = _url("activity-edit", activity=forum.pk)
    values = form_values(admin.get(url), "title")
    # A colleague makes the person a speaker on the attendance page meanwhile.
    attendance_add(BOB, forum, data["person"], role="speaker")
    assert admin.post(url, {**values, "outcomes": "ได้ร่างแผน"}).status_code == 302
    roles = dict(Attendance.objects.filter(activity=forum).values_list("actor_id", "role"))
    assert roles == {
        data["org"].pk: "organizer", data["third"].pk: "speaker", data["person"].pk: "speaker",
    }  # fmt: skip
