"""The REST API v1 for ties, networks and memberships: create, list with filters, change, end."""

from typing import Any

import pytest
from django.test import Client

from phakhi.core.models import AuditEvent
from tests.api_support import API, fields, role_client, send


@pytest.fixture
def admin(data: dict[str, Any]) -> Client:
    return role_client(data["workspace"], "admin")


# --- ties -----------------------------------------------------------------------------------


def test_tie_create_list_filter_change_and_end(admin: Client, data: dict[str, Any]) -> None:
    person, third, org = data["person"], data["third"], data["org"]
    created = send(admin, "post", "/workspaces/khon-kaen/ties",
                   {"source": third.pk, "target": person.pk, "strength": 2, "kind": "ทุน",
                    "since": "2024-01-01"})  # fmt: skip
    assert created.status_code == 201, created.content
    tie = created.json()
    assert tie["strength_label"] == "coordinate" and tie["since"] == "2024-01-01"

    def listed(query: str) -> set[int]:
        answer = admin.get(f"{API}/workspaces/khon-kaen/ties?{query}").json()
        return {tie["id"] for tie in answer["items"]}

    assert listed(f"actor={third.pk}") == {tie["id"]}
    assert listed(f"actor={person.pk}") == {tie["id"], data["tie"].pk}
    assert listed("min_strength=3") == {data["tie"].pk}
    assert listed("active_on=2023-06-01") == {data["tie"].pk}

    stronger = send(admin, "patch", f"/workspaces/khon-kaen/ties/{tie['id']}", {"strength": 4})
    assert stronger.json()["strength"] == 4
    ended = send(admin, "post", f"/workspaces/khon-kaen/ties/{tie['id']}/end",
                 {"until": "2025-06-30"})  # fmt: skip
    assert ended.status_code == 200 and ended.json()["until"] == "2025-06-30"
    assert listed("active_on=2025-07-01") == {data["tie"].pk}
    assert admin.get(f"{API}/workspaces/khon-kaen/ties/{tie['id']}").json()["strength"] == 4
    same = send(admin, "post", "/workspaces/khon-kaen/ties",
                {"source": org.pk, "target": person.pk, "kind": "ข้อมูล"})  # fmt: skip
    assert same.status_code == 422 and "already have a tie" in fields(same)["target"]


# --- networks and memberships ---------------------------------------------------------------


def test_network_create_change_and_memberships(admin: Client, data: dict[str, Any]) -> None:
    created = send(admin, "post", "/workspaces/khon-kaen/networks",
                   {"slug": "elders", "name": "ผู้สูงอายุ", "kind": "issue",
                    "parent": "health"})  # fmt: skip
    assert created.status_code == 201, created.content
    assert created.json()["parent"] == "health" and created.json()["membership_count"] == 0
    changed = send(admin, "patch", "/workspaces/khon-kaen/networks/elders",
                   {"vision": "ผู้สูงอายุมีสุขภาวะ", "goals": "1. ชมรมทุกตำบล"})  # fmt: skip
    assert changed.status_code == 200
    assert changed.json()["vision"] == "ผู้สูงอายุมีสุขภาวะ" and changed.json()["name"] == "ผู้สูงอายุ"
    assert AuditEvent.objects.filter(object_type="networks.network", action="update").exists()
    bad = send(admin, "patch", "/workspaces/khon-kaen/networks/elders", {"kind": "galaxy"})
    assert bad.status_code == 422 and "kind" in fields(bad)

    person = data["person"].pk
    joined = send(admin, "post", "/workspaces/khon-kaen/networks/elders/memberships",
                  {"actor": person, "role": "mentor", "since": "2024-02-01"})  # fmt: skip
    assert joined.status_code == 201 and joined.json()["role_label"] == "mentor"
    promoted = send(admin, "post", "/workspaces/khon-kaen/networks/elders/memberships",
                    {"actor": person, "role": "core_leader"})  # fmt: skip
    assert promoted.status_code == 200
    assert promoted.json()["since"] == "2024-02-01"  # dates not sent are kept
    ended = send(admin, "post",
                 f"/workspaces/khon-kaen/networks/elders/memberships/{person}/end",
                 {"until": "2025-01-31"})  # fmt: skip
    assert ended.json()["until"] == "2025-01-31" and ended.json()["role"] == "core_leader"
    members = admin.get(f"{API}/workspaces/khon-kaen/networks/elders/memberships").json()
    assert [m["actor"]["key"] for m in members["items"]] == ["p-1"] and members["total"] == 1
    role = send(admin, "post", "/workspaces/khon-kaen/networks/elders/memberships",
                {"actor": person, "role": "boss"})  # fmt: skip
    assert role.status_code == 422 and "role" in fields(role)
    nobody = send(admin, "post", f"/workspaces/khon-kaen/networks/elders/memberships/"
                  f"{data['third'].pk}/end", {"until": "2025-01-31"})  # fmt: skip
    assert nobody.status_code == 404
    listed = admin.get(f"{API}/workspaces/khon-kaen/networks").json()
    assert {n["slug"] for n in listed["items"]} == {"health", "elders"} and listed["total"] == 2
