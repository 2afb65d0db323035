"""The REST API v1 for projects: list (paginated), read, create, change with If-Match, and the
same error shape as the rest of the API."""

from typing import Any

import pytest
from django.test import Client

from phakhi.core.models import AuditEvent
from phakhi.networks.services import network_create
from phakhi.projects.models import Project
from phakhi.projects.services import project_create, project_update
from tests.accounts_support import AUTHOR, user_with_role
from tests.api_support import API, fields, role_client, send, token_client

PROJECTS = "/workspaces/khon-kaen/projects"


@pytest.fixture
def admin(data: dict[str, Any]) -> Client:
    return role_client(data["workspace"], "admin")


def test_create_read_and_list(admin: Client, data: dict[str, Any]) -> None:
    created = send(admin, "post", PROJECTS, {
        "slug": "organic-farming", "name": "โครงการเกษตรอินทรีย์", "network": "health",
        "lead_actor": data["org"].pk, "starts_on": "2025-01-01", "ends_on": "2025-12-31",
    })  # fmt: skip
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["network"] == "health" and body["version"] == 1
    assert body["lead_actor"] == {"id": data["org"].pk, "key": "org-1", "name": "มูลนิธิเพื่อนชุมชน"}
    read = admin.get(f"{API}{PROJECTS}/organic-farming")
    assert read.status_code == 200 and read["ETag"] == '"1"'
    assert read.json()["starts_on"] == "2025-01-01" and read.json()["description"] == ""
    listed = admin.get(f"{API}{PROJECTS}", {"page_size": 1}).json()
    assert listed["total"] == 2 and [p["slug"] for p in listed["items"]] == ["clinic"]
    second = admin.get(f"{API}{PROJECTS}", {"page_size": 1, "page": 2}).json()
    assert [p["slug"] for p in second["items"]] == ["organic-farming"]
    project_create(AUTHOR, data["workspace"], slug="unled", name="ไม่มีเครือข่ายนำ")
    led = admin.get(f"{API}{PROJECTS}", {"network": "health"}).json()
    assert [p["slug"] for p in led["items"]] == ["clinic", "organic-farming"]
    nowhere = admin.get(f"{API}{PROJECTS}", {"network": "nowhere"})
    assert nowhere.status_code == 422 and "network" in fields(nowhere)


def test_bad_input_is_refused_naming_the_field(
    admin: Client, data: dict[str, Any], other_workspace
) -> None:
    taken = send(admin, "post", PROJECTS, {"slug": "clinic", "name": "อีกโครงการ"})
    assert taken.status_code == 422 and "slug" in fields(taken)
    late = {"slug": "late", "name": "Late", "starts_on": "2025-06-01", "ends_on": "2025-01-01"}
    backwards = send(admin, "post", PROJECTS, late)
    assert backwards.status_code == 422 and "ends_on" in fields(backwards)
    nowhere = send(admin, "post", PROJECTS, {"slug": "x", "name": "X", "network": "nowhere"})
    assert nowhere.status_code == 422 and "network" in fields(nowhere)
    network_create(AUTHOR, other_workspace, slug="theirs", name="Theirs")
    theirs = send(admin, "post", PROJECTS, {"slug": "x", "name": "X", "network": "theirs"})
    assert theirs.status_code == 422 and "network" in fields(theirs)
    ghost = send(admin, "post", PROJECTS, {"slug": "x", "name": "X", "lead_actor": 999999})
    assert ghost.status_code == 422 and "lead_actor" in fields(ghost)
    extra = send(admin, "post", PROJECTS, {"slug": "x", "name": "X", "colour": "green"})
    assert extra.status_code == 422
    reserved = send(admin, "post", PROJECTS, {"slug": "new", "name": "X"})
    assert reserved.status_code == 422 and "slug" in fields(reserved)
    assert not Project.objects.filter(slug__in=["late", "x", "new"]).exists()
    assert admin.get(f"{API}{PROJECTS}/nothing").status_code == 404


def test_patch_with_if_match_merges_or_refuses(admin: Client, data: dict[str, Any]) -> None:
    path = f"{PROJECTS}/clinic"
    body = {"description": "คลินิกในชุมชน", "lead_actor": data["org"].pk}
    changed = admin.patch(f"{API}{path}", data=body,
                          content_type="application/json", HTTP_IF_MATCH='"1"')  # fmt: skip
    assert changed.status_code == 200, changed.content
    assert changed["ETag"] == '"2"' and changed.json()["lead_actor"]["key"] == "org-1"
    assert AuditEvent.objects.filter(object_type="projects.project", action="update").count() == 1
    project_update(AUTHOR, data["project"], name="ชื่อใหม่จากเพื่อน")  # version 3
    # From version 2: the name changed since, the end date did not.
    refused = admin.patch(f"{API}{path}", data={"name": "ชื่อของฉัน"},
                          content_type="application/json", HTTP_IF_MATCH='"2"')  # fmt: skip
    assert refused.status_code == 409
    merged = admin.patch(f"{API}{path}", data={"ends_on": "2026-03-31"},
                         content_type="application/json", HTTP_IF_MATCH='"2"')  # fmt: skip
    assert merged.status_code == 200 and merged.json()["name"] == "ชื่อใหม่จากเพื่อน"
    cleared = send(admin, "patch", path, {"network": None, "lead_actor": None, "description": None})
    assert cleared.status_code == 200
    assert (cleared.json()["network"], cleared.json()["lead_actor"]) == (None, None)
    assert cleared.json()["description"] == ""


def test_a_limited_coordinator_changes_only_projects_their_network_leads(
    data: dict[str, Any],
) -> None:
    workspace = data["workspace"]
    youth = network_create(AUTHOR, workspace, slug="youth", name="เยาวชน")
    project_create(AUTHOR, workspace, slug="camp", name="ค่ายเยาวชน", network=youth)
    limited = token_client(user_with_role(workspace, "coordinator", "limited", networks=(youth,)))
    assert (
        send(limited, "patch", f"{PROJECTS}/camp", {"description": "ค่ายสามวัน"}).status_code == 200
    )
    assert send(limited, "patch", f"{PROJECTS}/clinic", {"description": "x"}).status_code == 403
    moved = send(limited, "patch", f"{PROJECTS}/camp", {"network": "health"})
    assert moved.status_code == 403 and "projects your networks lead" in moved.json()["detail"]
    orphan = send(limited, "post", PROJECTS, {"slug": "mine", "name": "Mine"})
    assert orphan.status_code == 403
    led = send(limited, "post", PROJECTS, {"slug": "mine", "name": "Mine", "network": "youth"})
    assert led.status_code == 201
    viewer = role_client(workspace, "viewer")
    assert viewer.get(f"{API}{PROJECTS}/clinic").status_code == 200
    assert send(viewer, "patch", f"{PROJECTS}/clinic", {"description": "x"}).status_code == 403
