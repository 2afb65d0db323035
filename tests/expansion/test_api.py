"""API v1 for expansion plans and their rows: list, read, create, change with If-Match, the
map's reading in each row, suggestions, and the same permissions and errors as the rest."""

import json
from typing import Any

import pytest
from django.test import Client

from phakhi.expansion.examples import ORGANIC_FARMING_ROWS
from phakhi.expansion.models import PlanRow
from phakhi.expansion.services import plan_row_update
from tests.api_support import API, fields, role_client, send
from tests.expansion.conftest import AUTHOR, World
from tests.expansion.test_suggestions import known_bridges

PLANS = "/workspaces/khon-kaen/expansion-plans"


@pytest.fixture
def admin(world: World) -> Client:
    return role_client(world.workspace, "admin")


def test_start_a_plan_and_add_the_sources_rows(world: World, admin: Client) -> None:
    world.plan.delete()
    created = send(admin, "post", PLANS, {"project": "organic-plan", "title": "กลุ่มเกษตรอินทรีย์"})
    assert created.status_code == 201, created.content
    plan_id = created.json()["id"]
    assert created.json()["project"] == "organic-plan" and created.json()["network"] is None
    for row in ORGANIC_FARMING_ROWS:
        added = send(admin, "post", f"{PLANS}/{plan_id}/rows", row)
        assert added.status_code == 201, added.content
    listed = admin.get(f"{API}{PLANS}/{plan_id}/rows", {"page_size": 10}).json()
    assert listed["total"] == 6
    garden = listed["items"][5]
    assert garden["current_override"] == "หลวม ผ่านชาคริต"
    assert garden["new_level"] == 4 and garden["methods"] == ORGANIC_FARMING_ROWS[5]["methods"]
    assert garden["current"]["how"] == "unknown"  # a name only: the map cannot say
    plans = admin.get(f"{API}{PLANS}").json()
    assert plans["items"][0]["row_count"] == 6


def test_a_row_on_the_map_reads_its_relationship(world: World, admin: Client) -> None:
    world.actor("สมชาย", member=True, kind="person")
    world.actor("ชาคริต", kind="person")
    garden = world.actor("สวนผักคนเมือง")
    world.tie("สมชาย", "ชาคริต", 4)
    world.tie("ชาคริต", "สวนผักคนเมือง", 3)
    added = send(admin, "post", f"{PLANS}/{world.plan.pk}/rows",
                 {"target_actor": garden.pk, "new_level": "มีส่วนร่วม"})  # fmt: skip
    assert added.status_code == 201, added.content
    body = added.json()
    assert body["target_name"] == "สวนผักคนเมือง"
    assert body["current"] == {
        "how": "two_step",
        "level": 2,
        "via": "ชาคริต",
        "words": "coordinate through ชาคริต",
    }
    assert body["current_at_start"]["via"] == "ชาคริต"


def test_change_with_if_match(source_plan: World, admin: Client) -> None:
    row = source_plan.plan.rows.get(position=1)
    path = f"{API}{PLANS}/{source_plan.plan.pk}/rows/{row.pk}"
    read = admin.get(path)
    assert read["ETag"] == '"1"'
    changed = admin.patch(path, json.dumps({"status": "in_progress", "owner": "สมศรี"}),
                          content_type="application/json", HTTP_IF_MATCH='"1"')  # fmt: skip
    assert changed.status_code == 200 and changed["ETag"] == '"2"'
    plan_row_update(AUTHOR, row, owner="คนอื่น")
    refused = admin.patch(path, json.dumps({"owner": "สมชาย"}),
                          content_type="application/json", HTTP_IF_MATCH='"2"')  # fmt: skip
    assert refused.status_code == 409
    row.refresh_from_db()
    assert (row.owner, row.status) == ("คนอื่น", "in_progress")


def test_bad_input_names_the_field(world: World, admin: Client, other_workspace: Any) -> None:
    rows = f"{PLANS}/{world.plan.pk}/rows"
    bad = send(admin, "post", rows, {"target_name": "ก", "new_level": "ดีมาก"})
    assert bad.status_code == 422 and "new_level" in fields(bad)
    bad = send(admin, "post", rows, {"target_name": "ก", "new_level": 3, "current_override": "x"})
    assert bad.status_code == 422 and "current_override" in fields(bad)
    ghost = send(admin, "post", rows, {"target_actor": 999999, "new_level": 3})
    assert ghost.status_code == 422 and "target_actor" in fields(ghost)
    extra = send(admin, "post", rows, {"target_name": "ก", "new_level": 3, "colour": "red"})
    assert extra.status_code == 422
    again = send(admin, "post", PLANS, {"project": "organic-plan", "title": "อีกแผน"})
    assert again.status_code == 422 and "title" in fields(again)
    assert send(admin, "post", PLANS, {"title": "ไม่มีเจ้าของ"}).status_code == 422
    assert not PlanRow.objects.exists()
    assert admin.get(f"{API}{PLANS}/999999").status_code == 404


def test_a_viewer_reads_and_may_not_change(source_plan: World) -> None:
    viewer = role_client(source_plan.workspace, "viewer")
    rows = f"{PLANS}/{source_plan.plan.pk}/rows"
    assert viewer.get(f"{API}{rows}").status_code == 200
    assert send(viewer, "post", rows, {"target_name": "ก", "new_level": 3}).status_code == 403


def test_suggestions(world: World, admin: Client) -> None:
    empty = admin.get(f"{API}{PLANS}/{world.plan.pk}/suggestions").json()
    assert (empty["member_count"], empty["items"]) == (0, [])
    known_bridges(world)
    answer = admin.get(f"{API}{PLANS}/{world.plan.pk}/suggestions")
    assert answer.status_code == 200
    body = answer.json()
    assert (body["provinces"], body["member_count"], body["community_count"]) == (["40"], 6, 2)
    first = body["items"][0]
    assert first["actor"]["name"] == "X กองทุนตำบล" and first["communities"] == 2
    assert [(i["member"], i["through"]) for i in first["introducers"]] == [("A1", "p"), ("B1", "q")]
