"""Worksheet 1 in API v1: assessments and stakeholders listed, read, created, changed (the grid's
placement too, versioned with ETag and If-Match) and taken out; the contact person masked for
viewers; errors in the common shape, naming the field."""

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client

from phakhi.core.audit import Author
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.services import assessment_create, stakeholder_add
from tests.api_support import API, fields, role_client, send
from tests.fixtures_stakeholders import EXAMPLE_CARD, add_example_card

SOMSRI = Author("somsri")
BASE = "/workspaces/khon-kaen/projects/clinic/assessments"


@pytest.fixture
def admin(data: dict) -> Client:
    return role_client(data["workspace"], "admin")


@pytest.fixture
def mayor(data: dict) -> Stakeholder:
    return add_example_card(SOMSRI, data["project"])


def _path(stakeholder: Stakeholder) -> str:
    return f"{BASE}/{stakeholder.assessment_id}/stakeholders/{stakeholder.pk}"


def test_assessments_are_created_as_a_copy_and_listed_newest_first(
    admin: Client, mayor: Stakeholder
) -> None:
    made = send(admin, "post", BASE, {"held_on": "2027-03-01", "title": "รอบสอง"})
    assert made.status_code == 201, made.json()
    body = made.json()
    assert (body["previous"], body["stakeholder_count"], body["title"]) == (
        mayor.assessment_id,
        1,
        "รอบสอง",
    )
    listed = admin.get(f"{API}{BASE}").json()
    assert [item["held_on"] for item in listed["items"]] == ["2027-03-01", "2026-11-20"]
    empty = send(admin, "post", BASE, {"held_on": "2027-04-01", "copy_last": False})
    assert empty.json()["stakeholder_count"] == 0 and empty.json()["previous"] is None
    bad = send(admin, "post", BASE, {"held_on": "1/4/2570"})
    assert bad.status_code == 422 and "held_on" in fields(bad)


def test_a_stakeholder_is_read_with_its_card_and_etag(admin: Client, mayor: Stakeholder) -> None:
    read = admin.get(f"{API}{_path(mayor)}")
    assert read.status_code == 200 and read.headers["ETag"] == '"1"'
    body = read.json()
    for field, value in EXAMPLE_CARD.items():
        assert body[field] == value
    assert body["quadrant"] == "high-high" and body["groups"] == ["influences_us"]
    assert body["contact_masked"] is False
    assert body["screening"]["lives_with_problem"] is None


def test_viewers_get_the_contact_person_masked(data: dict, mayor: Stakeholder) -> None:
    viewer = role_client(data["workspace"], "viewer")
    body = viewer.get(f"{API}{_path(mayor)}").json()
    assert body["contact_masked"] is True and "0879998888" not in json.dumps(body)
    listed = viewer.get(f"{API}{BASE}/{mayor.assessment_id}/stakeholders").content.decode()
    assert "0879998888" not in listed
    refused = send(viewer, "patch", _path(mayor), {"can_help": "x"})
    assert refused.status_code == 403


def test_adding_reads_the_worksheets_words_and_links_an_actor(
    data: dict, admin: Client, mayor: Stakeholder
) -> None:
    path = f"{BASE}/{mayor.assessment_id}/stakeholders"
    made = send(
        admin,
        "post",
        path,
        {"name": "ผู้บริโภค", "kind": "กลุ่ม", "sector": "ประชาชน", "groups": ["ได้รับผลกระทบ"],
         "influence": "น้อย", "interest": "มาก", "interest_score": 5},
    )  # fmt: skip
    assert made.status_code == 201, made.json()
    body = made.json()
    assert (body["kind"], body["sector"], body["quadrant"], body["groups"]) == (
        "group",
        "civil",
        "low-high",
        ["affected_by_us"],
    )
    linked = send(admin, "post", path, {"actor": data["org"].pk})
    assert linked.status_code == 201 and linked.json()["name"] == data["org"].name
    assert linked.json()["actor"]["key"] == "org-1"
    names = [item["name"] for item in admin.get(f"{API}{path}").json()["items"]]
    assert names == ["นายก ทม.", "ผู้บริโภค", "มูลนิธิเพื่อนชุมชน"]  # Thai order


def test_bad_values_come_back_naming_each_field(admin: Client, mayor: Stakeholder) -> None:
    path = f"{BASE}/{mayor.assessment_id}/stakeholders"
    bad = send(admin, "post", path, {"name": "ก", "sector": "ทหาร", "influence": "กลาง"})
    assert bad.status_code == 422
    assert set(fields(bad)) == {"sector", "influence"}
    twice = send(admin, "post", path, {"name": "นายก  ทม.", "kind": "person"})
    assert twice.status_code == 422 and "already in this assessment" in fields(twice)["name"]
    unknown = send(admin, "post", path, {"name": "ข", "colour": "red"})
    assert unknown.status_code == 422
    score = send(admin, "post", path, {"name": "ค", "interest_score": 7})
    assert score.status_code == 422 and "interest_score" in fields(score)
    missing = admin.get(f"{API}{BASE}/{mayor.assessment_id}/stakeholders/999999")
    assert missing.status_code == 404


def test_placing_through_a_patch_is_versioned(admin: Client, mayor: Stakeholder) -> None:
    moved = admin.patch(
        f"{API}{_path(mayor)}",
        data=json.dumps({"influence": "low", "interest": "high", "interest_score": 4}),
        content_type="application/json",
        HTTP_IF_MATCH='"1"',
    )
    assert moved.status_code == 200 and moved.headers["ETag"] == '"2"'
    assert moved.json()["quadrant"] == "low-high"
    stale = admin.patch(
        f"{API}{_path(mayor)}",
        data=json.dumps({"influence": "high"}),
        content_type="application/json",
        HTTP_IF_MATCH='"1"',
    )
    assert stale.status_code == 409
    merged = admin.patch(
        f"{API}{_path(mayor)}",
        data=json.dumps({"can_help": "ให้งบ", "lives_with_problem": True}),
        content_type="application/json",
        HTTP_IF_MATCH='"1"',
    )
    assert merged.status_code == 200  # nobody else changed these fields
    assert merged.json()["screening"]["lives_with_problem"] is True
    cleared = send(admin, "patch", _path(mayor), {"contact_person": None, "groups": []})
    assert cleared.json()["contact_person"] == "" and cleared.json()["groups"] == []


def test_a_limited_coordinator_may_read_but_not_change_another_networks_project(
    data: dict, mayor: Stakeholder
) -> None:
    from phakhi.networks.services import network_create
    from tests.accounts_support import user_with_role
    from tests.api_support import token_client

    youth = network_create(SOMSRI, data["workspace"], slug="youth", name="เยาวชน")
    limited = token_client(user_with_role(data["workspace"], "coordinator", networks=(youth,)))
    assert limited.get(f"{API}{_path(mayor)}").status_code == 200
    assert send(limited, "post", BASE, {"held_on": "2027-01-01"}).status_code == 403


def test_deleting_takes_it_out_of_this_assessment_only(
    data: dict, admin: Client, mayor: Stakeholder
) -> None:
    later = assessment_create(SOMSRI, data["project"], held_on=dt.date(2027, 1, 1))
    copy = later.stakeholders.get()
    gone = admin.delete(f"{API}{_path(copy)}")
    assert gone.status_code == 204
    assert not Stakeholder.objects.filter(pk=copy.pk).exists()
    assert Stakeholder.objects.filter(pk=mayor.pk).exists()


def test_another_workspaces_assessment_is_not_found(
    data: dict, admin: Client, other_workspace: Any
) -> None:
    from phakhi.projects.services import project_create

    theirs = project_create(SOMSRI, other_workspace, slug="clinic", name="อื่น")
    assessment = assessment_create(SOMSRI, theirs, held_on=dt.date(2026, 1, 1))
    stakeholder_add(SOMSRI, assessment, name="ลับ")
    assert admin.get(f"{API}{BASE}/{assessment.pk}/stakeholders").status_code == 404
    assert Assessment.objects.filter(project=data["project"]).count() == 0


def test_an_assessment_is_deleted_through_the_api(admin: Client, mayor: Stakeholder) -> None:
    gone = admin.delete(f"{API}{BASE}/{mayor.assessment_id}")
    assert gone.status_code == 204
    assert admin.get(f"{API}{BASE}/{mayor.assessment_id}").status_code == 404
    assert not Stakeholder.objects.filter(pk=mayor.pk).exists()
