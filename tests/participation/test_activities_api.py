"""The activities API: addressed by key, the page's filters, IAP2 levels as numbers with their
names, organisers and speakers by key, ETag and If-Match with 409 conflicts, the same errors as
the rest of API v1, and a coordinator limited to some networks kept to them."""

from typing import Any

from phakhi.core.models import AuditEvent
from phakhi.networks.services import network_create
from phakhi.participation.models import Activity, Attendance
from tests.accounts_support import AUTHOR, user_with_role
from tests.api_support import API, fields, role_client, send, token_client

W = "/workspaces/khon-kaen"


def _create(client: Any, **body: Any) -> Any:
    body = {"key": "ACT-1", "title": "เวทีประชาคมแผนสุขภาพ", "starts_on": "2026-11-20", **body}
    response = send(client, "post", f"{W}/activities", body)
    assert response.status_code == 201, response.content
    return response.json()


def _post(client: Any, **extra: Any) -> Any:
    body = {"key": "X", "title": "x", "starts_on": "2026-11-20", **extra}
    return send(client, "post", f"{W}/activities", body)


def test_create_read_and_list(data: dict[str, Any]) -> None:
    client = role_client(data["workspace"], "coordinator")
    made = _create(
        client, kind="forum", start_time="09:30", province="ขอนแก่น", district="เมืองขอนแก่น",
        networks=["health"], project="clinic", iap2_planned=2, iap2_achieved=3,
        stage="planning", forms=["views", "informed"], organizers=[data["person"].key],
        speakers=[data["third"].key], public_civil=40, satisfaction=4.25,
    )  # fmt: skip
    assert made["kind"] == "forum" and made["kind_name"] == "community forum"
    assert (made["iap2_planned"], made["iap2_planned_name"]) == (2, "consult")
    assert (made["iap2_achieved"], made["iap2_achieved_name"]) == (3, "involve")
    assert made["forms"] == ["informed", "views"]
    assert (made["province_code"], made["district_code"]) == ("40", "4001")
    assert made["start_time"] == "09:30" and made["satisfaction"] == 4.25
    assert [a["key"] for a in made["organizers"]] == [data["person"].key]
    assert [a["key"] for a in made["speakers"]] == [data["third"].key]
    assert made["registered"] == 2
    assert made["o25_missing"] == [
        "o25_issue", "o25_participants", "o25_results", "o25_results_used",
    ]  # fmt: skip
    read = client.get(f"{API}{W}/activities/ACT-1")
    assert read.status_code == 200 and read["ETag"] == '"1"'
    thai = token_client(user_with_role(data["workspace"], "viewer"), "th")
    assert thai.get(f"{API}{W}/activities/ACT-1").json()["iap2_planned_name"] == "ปรึกษาหารือ"
    listed = client.get(f"{API}{W}/activities").json()
    assert listed["total"] == 1 and listed["items"][0]["key"] == "ACT-1"


def test_list_filters(data: dict[str, Any]) -> None:
    client = role_client(data["workspace"], "coordinator")
    _create(client, key="A", starts_on="2024-09-30", networks=["health"], iap2_planned=1)
    _create(client, key="B", starts_on="2024-10-01", kind="training", iap2_planned=2,
            o25_issue="ร่างแผน")  # fmt: skip
    _create(client, key="C", starts_on="2025-05-01", project="clinic", title="ลงพื้นที่โนนทัน")

    def keys(**query: Any) -> list[str]:
        response = client.get(f"{API}{W}/activities", query)
        assert response.status_code == 200, response.content
        return [item["key"] for item in response.json()["items"]]

    assert keys() == ["C", "B", "A"]
    assert keys(network="health") == ["A"]
    assert keys(project="clinic") == ["C"]
    assert keys(kind="training") == ["B"]
    assert keys(planned=2) == ["B"]
    assert keys(planned=0) == ["C"]
    assert keys(fiscal_year=2568) == ["C", "B"]
    assert keys(start="2024-10-01", end="2024-12-31") == ["B"]
    assert keys(q="โนนทัน") == ["C"]
    assert keys(o25_missing="true") == ["B"]
    assert keys(page_size=1, page=2) == ["B"]
    assert client.get(f"{API}{W}/activities", {"network": "nowhere"}).status_code == 422


def test_patch_with_if_match_merges_or_conflicts(data: dict[str, Any]) -> None:
    client = role_client(data["workspace"], "coordinator")
    _create(client)
    changed = client.patch(
        f"{API}{W}/activities/ACT-1", data={"place": "วัดโนนทัน"},
        content_type="application/json", HTTP_IF_MATCH='"1"',
    )  # fmt: skip
    assert changed.status_code == 200 and changed["ETag"] == '"2"'
    # From version 1 again: another field merges, the same field conflicts.
    merged = client.patch(
        f"{API}{W}/activities/ACT-1", data={"iap2_achieved": 2},
        content_type="application/json", HTTP_IF_MATCH='"1"',
    )  # fmt: skip
    assert merged.status_code == 200 and merged.json()["version"] == 3
    refused = client.patch(
        f"{API}{W}/activities/ACT-1", data={"place": "โรงเรียน"},
        content_type="application/json", HTTP_IF_MATCH='"1"',
    )  # fmt: skip
    assert refused.status_code == 409
    conflict = refused.json()
    assert conflict["version"] == 3
    assert [(c["field"], c["theirs"], c["yours"]) for c in conflict["conflicts"]] == [
        ("place", "วัดโนนทัน", "โรงเรียน")
    ]


def test_patch_clears_and_renames(data: dict[str, Any]) -> None:
    client = role_client(data["workspace"], "coordinator")
    _create(client, place="วัด", iap2_planned=3, forms=["views"], networks=["health"])
    response = send(
        client, "patch", f"{W}/activities/ACT-1",
        {"key": "ACT-9", "place": None, "iap2_planned": None, "forms": None, "networks": None},
    )  # fmt: skip
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["key"], body["place"], body["iap2_planned"], body["forms"], body["networks"]) == (
        "ACT-9", "", None, [], [],
    )  # fmt: skip
    assert client.get(f"{API}{W}/activities/ACT-1").status_code == 404


def test_errors_name_the_field(data: dict[str, Any]) -> None:
    client = role_client(data["workspace"], "coordinator")
    bad = _post(client, iap2_planned=6)
    assert bad.status_code == 422 and "iap2_planned" in fields(bad)
    bad = _post(client, ends_on="2026-11-01")
    assert bad.status_code == 422 and "before it starts" in fields(bad)["ends_on"]
    bad = _post(client, province="ขอนแกน")
    assert bad.status_code == 422 and "ขอนแก่น" in fields(bad)["province_code"]
    bad = _post(client, organizers=["nobody"])
    assert bad.status_code == 422 and "nobody" in fields(bad)["organizers"]
    _create(client)
    again = send(client, "post", f"{W}/activities",
                 {"key": "ACT-1", "title": "x", "starts_on": "2026-11-20"})  # fmt: skip
    assert again.status_code == 422 and "already has the key" in fields(again)["key"]
    assert client.get(f"{API}{W}/activities/NOPE").status_code == 404


def test_delete_with_a_stale_version_is_refused(data: dict[str, Any]) -> None:
    client = role_client(data["workspace"], "coordinator")
    _create(client, organizers=[data["person"].key])
    send(client, "patch", f"{W}/activities/ACT-1", {"title": "ใหม่"})
    stale = client.delete(f"{API}{W}/activities/ACT-1", HTTP_IF_MATCH='"1"')
    assert stale.status_code == 409
    gone = client.delete(f"{API}{W}/activities/ACT-1", HTTP_IF_MATCH='"2"')
    assert gone.status_code == 204
    assert not Activity.objects.exists() and not Attendance.objects.exists()
    assert AuditEvent.objects.filter(object_type="participation.activity", action="delete").exists()


def test_a_limited_coordinator_keeps_to_their_networks(data: dict[str, Any]) -> None:
    workspace = data["workspace"]
    youth = network_create(AUTHOR, workspace, slug="youth", name="เครือข่ายเยาวชน")
    limited = token_client(user_with_role(workspace, "coordinator", "limited", networks=(youth,)))
    coordinator = role_client(workspace, "coordinator")
    _create(coordinator, key="H", networks=["health"])
    mine = _create(limited, key="Y", networks=["youth"])
    assert mine["networks"] == ["youth"]
    assert send(limited, "patch", f"{W}/activities/H", {"title": "x"}).status_code == 403
    # Not into a network that is not theirs, nor away from theirs to no network at all.
    moved = send(limited, "patch", f"{W}/activities/Y", {"networks": ["health"]})
    assert moved.status_code == 403
    assert send(limited, "patch", f"{W}/activities/Y", {"networks": []}).status_code == 403
    both = send(limited, "patch", f"{W}/activities/Y", {"networks": ["youth", "health"]})
    assert both.status_code == 200
    assert _post(limited, key="Z").status_code == 403
    assert limited.delete(f"{API}{W}/activities/H").status_code == 403
    viewer = role_client(workspace, "viewer")
    assert _post(viewer, key="V").status_code == 403
