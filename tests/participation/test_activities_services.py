"""Writing activities: the checks name the field, every write is audited and versioned, an edit
from an old version merges or conflicts, and changes of dates or a delete refresh the
participants' co-participation ties."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from phakhi.core import versions
from phakhi.core.audit import Author
from phakhi.core.models import AuditEvent, Workspace
from phakhi.networks.services import network_create
from phakhi.participation import services
from phakhi.participation.models import Activity, Attendance, Form, Registration
from phakhi.participation.services import activity_create, activity_delete, activity_update
from tests.participation.attendance_support import make_people

BOB = Author("test:bob")


def _new(author: Author, workspace: Workspace, **fields: Any) -> Activity:
    fields = {"key": "ACT-1", "title": "เวทีประชาคมแผนสุขภาพตำบล", "starts_on": "2026-11-20",
              **fields}  # fmt: skip
    return activity_create(author, workspace, **fields)


def test_create_reads_the_sheets_words(author: Author, workspace: Workspace) -> None:
    network = network_create(author, workspace, slug="health", name="เครือข่ายสุขภาพ")
    activity = _new(
        author,
        workspace,
        kind="เวทีประชาคม",
        starts_on="20/11/2569",
        start_time="๙.๓๐ น.",
        end_time="12:00",
        province_code="ขอนแก่น",
        district_code="เมืองขอนแก่น",
        place=" ศาลาประชาคม   บ้านโนนทัน ",
        networks=["health"],
        iap2_planned="ปรึกษาหารือ",
        iap2_achieved="ระดับที่ ๓",
        stage="วางแผน",
        forms="การร่วมแสดงทัศนะ; การรับรู้ข้อมูล",
        public_civil="๑,๒๐๐",
        satisfaction="4.456",
    )
    activity.refresh_from_db()
    assert activity.kind == "forum"
    assert activity.starts_on == dt.date(2026, 11, 20)
    assert activity.start_time == dt.time(9, 30)
    assert activity.province_code == "40"
    assert activity.district_code == "4001"
    assert activity.place == "ศาลาประชาคม บ้านโนนทัน"
    assert list(activity.networks.all()) == [network]
    assert (activity.iap2_planned, activity.iap2_achieved) == (2, 3)
    assert activity.stage == "planning"
    assert activity.forms == [Form.INFORMED, Form.VIEWS]
    assert activity.public_civil == 1200
    assert activity.satisfaction == Decimal("4.46")
    assert activity.version == 1
    event = AuditEvent.objects.get(object_type="participation.activity", action="create")
    assert event.by == author.label
    assert event.object_version == 1
    assert event.changes["networks"] == [None, [network.pk]]
    assert event.changes["iap2_planned"] == [None, 2]


def test_a_district_alone_gives_its_province(author: Author, workspace: Workspace) -> None:
    activity = _new(author, workspace, district_code="4001")
    assert (activity.province_code, activity.district_code) == ("40", "4001")


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"key": " "}, "key", "needs a key"),
        ({"title": ""}, "title", "needs a title"),
        ({"starts_on": "31/02/2569"}, "starts_on", "not a real date"),
        ({"starts_on": ""}, "starts_on", "Give the date"),
        ({"ends_on": "2026-11-19"}, "ends_on", "ends (2026-11-19) before it starts"),
        ({"start_time": "14:00", "end_time": "9:00"}, "end_time", "before it starts"),
        ({"start_time": "25:00"}, "start_time", "not a time"),
        ({"province_code": "ขอนแกน"}, "province_code", "Did you mean “ขอนแก่น”"),
        ({"province_code": "ขอนแก่น", "district_code": "1001"}, "district_code", "not a district"),
        ({"iap2_planned": "6"}, "iap2_planned", "not an IAP2 level"),
        ({"iap2_achieved": "มีส่วนร่วม"}, "iap2_achieved", "not an IAP2 level"),
        ({"kind": "ปาร์ตี้"}, "kind", "not a kind of activity"),
        ({"stage": "x"}, "stage", "stage of participation"),
        ({"forms": "ร้องเพลง"}, "forms", "form of participation"),
        ({"satisfaction": "6"}, "satisfaction", "from 1 to 5"),
        ({"satisfaction": "ดี"}, "satisfaction", "from 1 to 5"),
        ({"public_academic": "-3"}, "public_academic", "head count"),
        ({"public_unknown": "สิบ"}, "public_unknown", "head count"),
        ({"networks": ["nowhere"]}, "networks", "no network “nowhere”"),
        ({"project": "nothing"}, "project", "no project “nothing”"),
        ({"title": "ก" * 301}, "title", "Longer than 300"),
        ({"colour": "red"}, "colour", "no field"),
    ],
)
def test_bad_input_is_refused_naming_the_field(
    author: Author, workspace: Workspace, fields: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _new(author, workspace, **fields)
    assert field in caught.value.message_dict
    assert words in " ".join(caught.value.message_dict[field])
    assert not Activity.objects.exists()
    assert not AuditEvent.objects.filter(object_type="participation.activity").exists()


def test_create_needs_key_title_and_start(author: Author, workspace: Workspace) -> None:
    with pytest.raises(ValidationError) as caught:
        activity_create(author, workspace, kind="ประชุม")
    assert set(caught.value.message_dict) == {"key", "title", "starts_on"}


def test_keys_are_unique_in_a_workspace_only(
    author: Author, workspace: Workspace, other_workspace: Workspace
) -> None:
    _new(author, workspace)
    with pytest.raises(ValidationError, match="already has the key"):
        _new(author, workspace)
    assert _new(author, other_workspace).key == "ACT-1"


def test_networks_of_another_workspace_are_refused(
    author: Author, workspace: Workspace, other_workspace: Workspace
) -> None:
    theirs = network_create(author, other_workspace, slug="theirs", name="Theirs")
    with pytest.raises(ValidationError) as caught:
        _new(author, workspace, networks=[theirs])
    assert "another workspace" in caught.value.message_dict["networks"][0]


def test_update_versions_audits_and_merges(author: Author, workspace: Workspace) -> None:
    activity = _new(author, workspace, iap2_planned=2)
    activity_update(author, activity, version=1, title="เวทีประชาคม ครั้งที่ 2")
    assert activity.version == 2
    # Bob opened version 1 and changes another field: his edit merges.
    activity_update(BOB, activity, version=1, iap2_achieved="consult")
    activity.refresh_from_db()
    assert (activity.title, activity.iap2_achieved, activity.version) == (
        "เวทีประชาคม ครั้งที่ 2",
        2,
        3,
    )
    event = AuditEvent.objects.filter(object_type="participation.activity").latest("id")
    assert event.changes == {"iap2_achieved": [None, 2]}
    assert event.by == BOB.label and event.object_version == 3


def test_update_from_an_old_version_conflicts_on_the_same_field(
    author: Author, workspace: Workspace
) -> None:
    activity = _new(author, workspace)
    activity_update(author, activity, version=1, place="วัดโนนทัน")
    with pytest.raises(versions.EditConflict) as caught:
        activity_update(BOB, activity, version=1, place="โรงเรียนบ้านโนนทัน")
    conflict = caught.value.conflicts[0]
    assert (conflict.field, conflict.theirs, conflict.yours) == (
        "place",
        "วัดโนนทัน",
        "โรงเรียนบ้านโนนทัน",
    )
    assert conflict.by == author.label
    activity.refresh_from_db()
    assert activity.place == "วัดโนนทัน" and activity.version == 2


def test_update_checks_dates_against_what_is_stored(author: Author, workspace: Workspace) -> None:
    activity = _new(author, workspace, ends_on="2026-11-21")
    with pytest.raises(ValidationError) as caught:
        activity_update(author, activity, starts_on="2026-11-22")
    assert "ends_on" in caught.value.message_dict


def test_networks_change_as_a_set(author: Author, workspace: Workspace) -> None:
    a = network_create(author, workspace, slug="a", name="เครือข่ายเอ")
    b = network_create(author, workspace, slug="b", name="เครือข่ายบี")
    activity = _new(author, workspace, networks=[a])
    activity_update(author, activity, networks=[a])  # the same: no new version
    assert activity.version == 1
    activity_update(author, activity, networks=[b.pk, a.pk])
    assert set(activity.networks.all()) == {a, b}
    event = AuditEvent.objects.filter(object_type="participation.activity").latest("id")
    assert event.changes == {"networks": [[a.pk], sorted([a.pk, b.pk])]}


def test_nothing_changed_writes_nothing(author: Author, workspace: Workspace) -> None:
    activity = _new(author, workspace)
    activity_update(author, activity, title="เวทีประชาคมแผนสุขภาพตำบล", kind="meeting")
    assert activity.version == 1
    assert AuditEvent.objects.filter(object_type="participation.activity").count() == 1


def _watch_refresh(monkeypatch: pytest.MonkeyPatch) -> list[set[int]]:
    calls: list[set[int]] = []
    monkeypatch.setattr(
        services, "coparticipation_refresh", lambda workspace, ids: calls.append(set(ids))
    )
    return calls


def test_new_dates_refresh_the_participants_ties(
    author: Author, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    activity = _new(author, workspace)
    people = make_people(author, workspace, ["สมชาย ใจดี", "สมศรี มีสุข"])
    for person in people:
        Attendance.objects.create(workspace=workspace, activity=activity, actor=person)
    calls = _watch_refresh(monkeypatch)
    activity_update(author, activity, title="เวทีใหม่")
    assert calls == []
    activity_update(author, activity, starts_on="2026-12-01")
    assert calls == [{p.pk for p in people}]


def test_delete_removes_attendance_audits_and_refreshes(
    author: Author, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    activity = _new(author, workspace)
    person = make_people(author, workspace, ["สมชาย ใจดี"])[0]
    Attendance.objects.create(workspace=workspace, activity=activity, actor=person)
    Registration.objects.create(workspace=workspace, activity=activity, name="นายมา ใหม่")
    calls = _watch_refresh(monkeypatch)
    activity_delete(author, activity)
    assert not Activity.objects.exists() and not Attendance.objects.exists()
    assert not Registration.objects.exists()
    assert calls == [{person.pk}]
    event = AuditEvent.objects.get(object_type="participation.activity", action="delete")
    assert event.changes["attendance"] == [1, 0]
    assert event.changes["key"] == ["ACT-1", None]


def test_delete_from_an_old_version_is_refused(author: Author, workspace: Workspace) -> None:
    activity = _new(author, workspace)
    activity_update(author, activity, title="เปลี่ยนชื่อ")
    with pytest.raises(versions.EditConflict):
        activity_delete(BOB, activity, version=1)
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_organisers_and_speakers_take_part_in_their_roles(
    author: Author, workspace: Workspace
) -> None:
    host, speaker, guest = make_people(author, workspace, ["สมชาย ใจดี", "ดร.สมศรี มีสุข", "มานี"])
    activity = _new(author, workspace, organizers=[host], speakers=[speaker])
    roles = dict(Attendance.objects.filter(activity=activity).values_list("actor_id", "role"))
    assert roles == {host.pk: "organizer", speaker.pk: "speaker"}
    # The guest arrived as a participant; the speaker never came.
    Attendance.objects.create(workspace=workspace, activity=activity, actor=guest)
    Attendance.objects.filter(actor=host).update(
        checked_in_at=dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.UTC)
    )
    activity_update(author, activity, organizers=[guest], speakers=[])
    roles = dict(Attendance.objects.filter(activity=activity).values_list("actor_id", "role"))
    # The old organiser arrived, so stays as a participant; the speaker who did not is taken off.
    assert roles == {host.pk: "participant", guest.pk: "organizer"}
    events = AuditEvent.objects.filter(object_type="participation.attendance")
    assert events.filter(action="delete").count() == 1


def test_a_host_has_one_role(author: Author, workspace: Workspace) -> None:
    person = make_people(author, workspace, ["สมชาย ใจดี"])[0]
    with pytest.raises(ValidationError) as caught:
        _new(author, workspace, organizers=[person], speakers=[person])
    assert "both organiser and speaker" in caught.value.message_dict["speakers"][0]
    assert not Activity.objects.exists()


def test_hosts_of_another_workspace_are_refused(
    author: Author, workspace: Workspace, other_workspace: Workspace
) -> None:
    stranger = make_people(author, other_workspace, ["คนอื่น"])[0]
    with pytest.raises(ValidationError):
        _new(author, workspace, organizers=[stranger])
    assert not Activity.objects.exists()
