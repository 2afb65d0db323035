"""The API does what its OpenAPI schema says: a date is a date written YYYY-MM-DD (not a number
read as seconds since 1970), and a field the schema lets be null is one whose null is accepted."""

from typing import Any

import pytest
from django.test import Client

from tests.api_support import API, fields, role_client, send


@pytest.fixture
def admin(data: dict[str, Any]) -> Client:
    return role_client(data["workspace"], "admin")


@pytest.mark.parametrize("value", ["0", "1700000000", "20240101", "2024-1-1"])
def test_a_date_filter_that_is_not_an_iso_date_is_refused_naming_the_field(
    admin: Client, value: str
) -> None:
    answer = admin.get(f"{API}/workspaces/khon-kaen/ties?active_on={value}")
    assert answer.status_code == 422, answer.content
    assert "active_on" in fields(answer)


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/workspaces/khon-kaen/ties", {"source": 1, "target": 2, "since": 0}),
        ("/workspaces/khon-kaen/networks/health/memberships", {"actor": 1, "until": "0"}),
    ],
)
def test_a_date_in_a_body_that_is_not_an_iso_date_is_refused(
    admin: Client, data: dict[str, Any], path: str, body: dict[str, Any]
) -> None:
    body = {k: data["person"].pk if k == "actor" else v for k, v in body.items()}
    if "source" in body:
        body |= {"source": data["person"].pk, "target": data["third"].pk}
    answer = send(admin, "post", path, body)
    assert answer.status_code == 422, answer.content
    assert {"since", "until"} & set(fields(answer))


def test_a_well_written_date_still_filters(admin: Client, data: dict[str, Any]) -> None:
    answer = admin.get(f"{API}/workspaces/khon-kaen/ties?active_on=2023-06-01")
    assert answer.status_code == 200
    assert [tie["id"] for tie in answer.json()["items"]] == [data["tie"].pk]


def _patch_schema(admin: Client, name: str) -> dict[str, Any]:
    schema = admin.get(f"{API}/openapi.json").json()
    return dict(schema["components"]["schemas"][name]["properties"])


def _nullable(prop: dict[str, Any]) -> bool:
    return prop.get("type") == "null" or any(o.get("type") == "null" for o in prop.get("anyOf", []))


@pytest.mark.parametrize("field", ["name", "kind"])
def test_a_network_patch_refuses_null_for_what_cannot_be_empty_as_its_schema_says(
    admin: Client, data: dict[str, Any], field: str
) -> None:
    assert not _nullable(_patch_schema(admin, "NetworkPatch")[field])
    answer = send(admin, "patch", "/workspaces/khon-kaen/networks/health", {field: None})
    assert answer.status_code == 422 and field in fields(answer)
    data["network"].refresh_from_db()
    assert data["network"].name == "เครือข่ายสุขภาพ" and data["network"].kind == "other"


@pytest.mark.parametrize("field", ["description", "vision", "goals"])
def test_a_network_patch_clears_a_text_with_null_as_its_schema_says(
    admin: Client, data: dict[str, Any], field: str
) -> None:
    assert _nullable(_patch_schema(admin, "NetworkPatch")[field])
    send(admin, "patch", "/workspaces/khon-kaen/networks/health", {field: "ข้อความ"})
    answer = send(admin, "patch", "/workspaces/khon-kaen/networks/health", {field: None})
    assert answer.status_code == 200 and answer.json()[field] == ""


def test_an_actor_patch_refuses_a_null_name_as_its_schema_says(
    admin: Client, data: dict[str, Any]
) -> None:
    assert not _nullable(_patch_schema(admin, "ActorPatch")["name"])
    answer = send(
        admin, "patch", f"/workspaces/khon-kaen/actors/{data['person'].pk}", {"name": None}
    )
    assert answer.status_code == 422 and "name" in fields(answer)
