"""The REST API v1: what an integration built on it depends on — CRUD with a token, filters and
pages, the same permissions as the pages, and clear 4xx errors for bad input."""

import datetime as dt
import json
import re
from typing import Any

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from openapi_spec_validator import validate

from phakhi.accounts.services import token_create
from phakhi.actors.models import Actor
from phakhi.actors.services import actor_create
from phakhi.analysis.services import analysis_request
from phakhi.core.models import AuditEvent
from phakhi.networks.models import Membership
from phakhi.networks.services import membership_set, network_create
from phakhi.ties.models import Tie
from phakhi.ties.services import tie_create
from tests.accounts_support import AUTHOR, client_for, user_with_role

API = "/api/v1"


def token_client(user: Any, language: str = "en") -> Client:
    _, token = token_create(AUTHOR, user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_ACCEPT_LANGUAGE=language)


def send(client: Client, method: str, path: str, body: Any = None) -> Any:
    call = getattr(client, method)
    return call(f"{API}{path}", data=json.dumps(body), content_type="application/json")


@pytest.fixture
def admin(data: dict[str, Any]) -> Client:
    return token_client(user_with_role(data["workspace"], "admin"))


@pytest.fixture
def viewer(data: dict[str, Any]) -> Client:
    return token_client(user_with_role(data["workspace"], "viewer"))


def fields(response: Any) -> dict[str | None, str]:
    return {error["field"]: error["message"] for error in response.json()["errors"]}


# --- authentication --------------------------------------------------------------------------


def test_no_token_or_a_wrong_one_is_401_with_the_common_error_shape(data: dict[str, Any]) -> None:
    for client in (Client(), Client(HTTP_AUTHORIZATION="Bearer not-a-token")):
        response = client.get(f"{API}/workspaces/khon-kaen/actors", HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 401
        assert response.json() == {
            "detail": "Send an API token (Authorization: Bearer <token>) or log in.",
            "errors": [],
        }
        assert response["WWW-Authenticate"] == "Bearer"


def test_workspaces_lists_the_callers_workspaces_with_their_role(
    data: dict[str, Any], other_workspace: Any
) -> None:
    user = user_with_role(data["workspace"], "coordinator")
    response = token_client(user).get(f"{API}/workspaces")
    assert response.status_code == 200
    assert response.json() == [
        {"slug": "khon-kaen", "name": "เครือข่ายสุขภาพขอนแก่น", "role": "coordinator",
         "role_label": "coordinator"}
    ]  # fmt: skip


def test_a_browser_session_reads_and_writes_with_the_csrf_token(data: dict[str, Any]) -> None:
    user = user_with_role(data["workspace"], "admin")
    browser = client_for(user)
    browser.handler.enforce_csrf_checks = True
    assert browser.get(f"{API}/workspaces/khon-kaen/actors").status_code == 200
    body = {"key": "s-1", "name": "สมหญิง"}
    refused = send(browser, "post", "/workspaces/khon-kaen/actors", body)
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    browser.get(f"{API}/docs")  # the interactive docs hand the browser its CSRF token
    token = browser.cookies["csrftoken"].value
    created = browser.post(
        f"{API}/workspaces/khon-kaen/actors",
        data=json.dumps(body),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert created.status_code == 201


# --- actors ---------------------------------------------------------------------------------


def test_actor_create_read_update_with_a_token_is_audited_as_the_api_user(
    admin: Client, data: dict[str, Any]
) -> None:
    body = {
        "key": "a-9",
        "name": "ดร.สมพร ใจงาม",
        "kind": "บุคคล",
        "sector": "วิชาการ",
        "province": "ขอนแก่น",
        "organization": "org-1",
        "phone": "081-111-2222",
        "email": "somporn@example.org",
        "tags": ["การศึกษา", "สุขภาพ"],
        "attributes": {"ตำแหน่ง": "อาจารย์"},
    }
    created = send(admin, "post", "/workspaces/khon-kaen/actors", body)
    assert created.status_code == 201, created.content
    actor = created.json()
    assert actor["kind"] == "person" and actor["sector"] == "academic"
    assert actor["province_code"] == "40" and actor["province"] == "Khon Kaen"
    assert actor["organization"]["key"] == "org-1"
    assert actor["contacts"]["phone"] == "+66811112222" and not actor["contacts_masked"]
    assert actor["tags"] == ["การศึกษา", "สุขภาพ"]
    assert actor["attributes"] == {"ตำแหน่ง": "อาจารย์"}

    read = admin.get(f"{API}/workspaces/khon-kaen/actors/{actor['id']}").json()
    assert read == actor

    changed = send(admin, "patch", f"/workspaces/khon-kaen/actors/{actor['id']}",
                   {"sector": "government", "tags": ["สุขภาพ"], "line_id": None})  # fmt: skip
    assert changed.status_code == 200
    assert changed.json()["sector"] == "government" and changed.json()["tags"] == ["สุขภาพ"]
    assert changed.json()["name"] == "ดร.สมพร ใจงาม"  # fields not sent keep their values
    events = AuditEvent.objects.filter(object_type="actors.actor", object_id=str(actor["id"]))
    assert [e.by for e in events] == ["api:admin-khon-kaen", "api:admin-khon-kaen"]


def test_patching_organization_to_null_clears_it(admin: Client, data: dict[str, Any]) -> None:
    path = f"/workspaces/khon-kaen/actors/{data['person'].pk}"
    response = send(admin, "patch", path, {"organization": None})
    assert response.status_code == 200 and response.json()["organization"] is None


def test_actor_list_pages_with_a_total(admin: Client, data: dict[str, Any], author: Any) -> None:
    for i in range(30):
        actor_create(author, data["workspace"], key=f"x-{i:02}", name=f"ภาคี {i:02}")
    first = admin.get(f"{API}/workspaces/khon-kaen/actors?page_size=10").json()
    assert (first["total"], first["pages"], first["page"], len(first["items"])) == (33, 4, 1, 10)
    last = admin.get(f"{API}/workspaces/khon-kaen/actors?page_size=10&page=4").json()
    assert len(last["items"]) == 3
    beyond = admin.get(f"{API}/workspaces/khon-kaen/actors?page_size=10&page=9").json()
    assert beyond["page"] == 4 and len(beyond["items"]) == 3  # past the end: the last page
    seen = {a["key"] for p in range(1, 5) for a in admin.get(
        f"{API}/workspaces/khon-kaen/actors?page_size=10&page={p}").json()["items"]}  # fmt: skip
    assert len(seen) == 33
    by_kind = admin.get(f"{API}/workspaces/khon-kaen/actors?sort=kind&page_size=1").json()
    assert by_kind["items"][0]["key"] == "org-1"  # organization before person


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("q=สมชาย", {"p-1"}),
        ("kind=organization", {"org-1"}),
        ("sector=government", {"p-1"}),
        ("province=เชียงใหม่", {"org-1", "p-1"}),
        ("network=health", {"p-1"}),
        ("tag=สุขภาพ", {"p-1"}),
        ("province=Chiang Mai&kind=person", {"p-1"}),
        ("province=50&kind=องค์กร", {"org-1"}),
        ("q=มูลนิธิ", {"org-1", "p-1"}),  # people are found by their organization's name too
    ],
)
def test_actor_list_filters(admin: Client, query: str, keys: set[str]) -> None:
    response = admin.get(f"{API}/workspaces/khon-kaen/actors?{query}")
    assert response.status_code == 200
    assert {actor["key"] for actor in response.json()["items"]} == keys


def test_unknown_filter_values_are_named(admin: Client) -> None:
    response = admin.get(f"{API}/workspaces/khon-kaen/actors?sector=aliens&province=Atlantis")
    assert response.status_code == 422
    assert set(fields(response)) == {"sector", "province"}
    for name in ("network", "tag", "sort"):
        unknown = admin.get(f"{API}/workspaces/khon-kaen/actors?{name}=nowhere")
        assert unknown.status_code == 422 and name in fields(unknown)


def test_actor_list_queries_do_not_grow_with_the_page(
    admin: Client, data: dict[str, Any], author: Any, django_assert_max_num_queries: Any
) -> None:
    for i in range(40):
        actor_create(author, data["workspace"], key=f"n-{i}", name=f"ภาคี {i}", tags="a; b",
                     organization="org-1")  # fmt: skip
    with django_assert_max_num_queries(12):
        response = admin.get(f"{API}/workspaces/khon-kaen/actors?page_size=40")
    assert len(response.json()["items"]) == 40


def test_a_viewer_sees_contacts_masked_and_a_member_sees_them(data: dict[str, Any]) -> None:
    path = f"{API}/workspaces/khon-kaen/actors/{data['person'].pk}"
    masked = token_client(user_with_role(data["workspace"], "viewer")).get(path).json()
    assert masked["contacts"]["phone"] == "081-xxx-x678" and masked["contacts_masked"]
    listed = token_client(user_with_role(data["workspace"], "viewer", "v2")).get(
        f"{API}/workspaces/khon-kaen/actors?q=สมชาย").json()["items"][0]  # fmt: skip
    assert listed["contacts"]["phone"] == "081-xxx-x678"
    real = token_client(user_with_role(data["workspace"], "member")).get(path).json()
    assert real["contacts"]["phone"] == "+66812345678" and not real["contacts_masked"]


def test_address_is_a_contact_and_is_masked_not_listed_among_attributes(
    data: dict[str, Any], author: Any
) -> None:
    actor = actor_create(author, data["workspace"], key="addr", name="บ้าน",
                         attributes={"ที่อยู่": "99 ถนนมิตรภาพ"})  # fmt: skip
    viewer = token_client(user_with_role(data["workspace"], "viewer"))
    read = viewer.get(f"{API}/workspaces/khon-kaen/actors/{actor.pk}").json()
    assert read["contacts"]["address"] == "9•••••" and read["attributes"] == {}


# --- permissions -----------------------------------------------------------------------------


def test_a_viewer_cannot_write_anything(viewer: Client, data: dict[str, Any]) -> None:
    actor, tie = data["person"], data["tie"]
    attempts = [
        ("post", "/workspaces/khon-kaen/actors", {"key": "v", "name": "v"}),
        ("patch", f"/workspaces/khon-kaen/actors/{actor.pk}", {"name": "v"}),
        ("post", "/workspaces/khon-kaen/ties", {"source": actor.pk, "target": data["third"].pk}),
        ("patch", f"/workspaces/khon-kaen/ties/{tie.pk}", {"strength": 1}),
        ("post", f"/workspaces/khon-kaen/ties/{tie.pk}/end", {"until": "2025-01-01"}),
        ("post", "/workspaces/khon-kaen/networks", {"slug": "n", "name": "n"}),
        ("patch", "/workspaces/khon-kaen/networks/health", {"vision": "v"}),
        ("post", "/workspaces/khon-kaen/networks/health/memberships", {"actor": actor.pk}),
        ("post", f"/workspaces/khon-kaen/networks/health/memberships/{actor.pk}/end",
         {"until": "2025-01-01"}),
    ]  # fmt: skip
    for method, path, body in attempts:
        response = send(viewer, method, path, body)
        assert response.status_code == 403, (path, response.content)
        assert response.json()["detail"] == (
            "Your role (viewer) cannot change data in this workspace."
        )
    assert not AuditEvent.objects.filter(by__startswith="api:").exists()


def test_another_workspace_is_not_found_by_slug_or_by_guessing_ids(
    admin: Client, data: dict[str, Any], other_workspace: Any, author: Any
) -> None:
    theirs = actor_create(author, other_workspace, key="b-1", name="ภาคีของคนอื่น")
    theirs_too = actor_create(author, other_workspace, key="b-2", name="อีกคน")
    their_tie = tie_create(author, other_workspace, theirs, theirs_too)
    network_create(author, other_workspace, slug="secret", name="ลับ")
    their_run = analysis_request(author, other_workspace, background=False)
    not_found = [
        "/workspaces/other/actors",
        "/workspaces/no-such-place/actors",
        f"/workspaces/khon-kaen/actors/{theirs.pk}",
        f"/workspaces/khon-kaen/ties/{their_tie.pk}",
        "/workspaces/khon-kaen/networks/secret",
        "/workspaces/khon-kaen/networks/secret/memberships",
        f"/workspaces/khon-kaen/analysis/runs/{their_run.pk}",
        f"/workspaces/khon-kaen/analysis/runs/{their_run.pk}/actors",
    ]
    for path in not_found:
        response = admin.get(f"{API}{path}")
        assert response.status_code == 404, path
        assert "ภาคีของคนอื่น" not in response.content.decode()
    unknown = admin.get(f"{API}/workspaces/other/actors").json()
    assert unknown == admin.get(f"{API}/workspaces/no-such-place/actors").json()
    # Using their ids in a write under our slug: refused, nothing changed.
    patch = send(admin, "patch", f"/workspaces/khon-kaen/actors/{theirs.pk}", {"name": "x"})
    assert patch.status_code == 404
    tie = send(admin, "post", "/workspaces/khon-kaen/ties",
               {"source": data["person"].pk, "target": theirs.pk})  # fmt: skip
    assert tie.status_code == 422 and "target" in fields(tie)
    end = send(admin, "post", f"/workspaces/khon-kaen/ties/{their_tie.pk}/end",
               {"until": "2030-01-01"})  # fmt: skip
    assert end.status_code == 404
    assert Actor.objects.get(pk=theirs.pk).name == "ภาคีของคนอื่น"
    assert Tie.objects.get(pk=their_tie.pk).until is None


def test_a_coordinator_limited_to_a_network_changes_only_that_network(
    data: dict[str, Any], author: Any
) -> None:
    other = network_create(author, data["workspace"], slug="youth", name="เยาวชน")
    client = token_client(
        user_with_role(data["workspace"], "coordinator", networks=(data["network"],))
    )
    assert send(client, "patch", "/workspaces/khon-kaen/networks/health",
                {"goals": "ลดโรค"}).status_code == 200  # fmt: skip
    refused = send(client, "patch", "/workspaces/khon-kaen/networks/youth", {"goals": "x"})
    assert refused.status_code == 403
    assert refused.json()["detail"] == "You may change only the networks you coordinate."
    member = send(client, "patch", f"/workspaces/khon-kaen/actors/{data['person'].pk}",
                  {"subsector": "อสม."})  # fmt: skip
    assert member.status_code == 200
    outsider = send(client, "patch", f"/workspaces/khon-kaen/actors/{data['third'].pk}",
                    {"subsector": "x"})  # fmt: skip
    assert outsider.status_code == 403
    assert send(client, "post", "/workspaces/khon-kaen/actors",
                {"key": "c-1", "name": "ใหม่"}).status_code == 403  # fmt: skip
    joined = send(client, "post", "/workspaces/khon-kaen/actors",
                  {"key": "c-1", "name": "ใหม่", "network": "health"})  # fmt: skip
    assert joined.status_code == 201
    assert Membership.objects.filter(network=data["network"], actor__key="c-1").exists()
    elsewhere = {"key": "c-2", "name": "ใหม่", "network": other.slug}
    assert send(client, "post", "/workspaces/khon-kaen/actors", elsewhere).status_code == 403
    assert send(client, "post", "/workspaces/khon-kaen/networks",
                {"slug": "new", "name": "ใหม่"}).status_code == 403  # fmt: skip


# --- bad input ------------------------------------------------------------------------------


def test_bad_actor_input_is_422_with_a_message_per_field(admin: Client) -> None:
    response = send(admin, "post", "/workspaces/khon-kaen/actors",
                    {"key": "z", "name": "z", "sector": "aliens", "email": "not-an-address",
                     "province": "Atlantis"})  # fmt: skip
    assert response.status_code == 422
    problems = fields(response)
    assert set(problems) == {"sector", "email", "province"}
    assert "is not a valid e-mail address" in problems["email"]
    assert not Actor.objects.filter(key="z").exists()


def test_schema_errors_name_their_field(admin: Client, data: dict[str, Any]) -> None:
    missing = send(admin, "post", "/workspaces/khon-kaen/actors", {"key": "k"})
    assert missing.status_code == 422
    assert fields(missing) == {"name": "This field is required."}
    unknown = send(admin, "post", "/workspaces/khon-kaen/actors",
                   {"key": "k", "name": "n", "colour": "red"})  # fmt: skip
    assert fields(unknown) == {"colour": "This field is not known."}
    strength = send(admin, "patch", f"/workspaces/khon-kaen/ties/{data['tie'].pk}",
                    {"strength": 7})  # fmt: skip
    assert fields(strength) == {"strength": "Enter a number of at most 4."}
    page = admin.get(f"{API}/workspaces/khon-kaen/actors?page=0")
    assert page.status_code == 422 and fields(page) == {"page": "Enter a number of at least 1."}
    taken = send(admin, "post", "/workspaces/khon-kaen/actors", {"key": "p-1", "name": "ซ้ำ"})
    assert taken.status_code == 422 and "is taken" in fields(taken)["key"]


def test_a_body_that_is_not_json_is_400(admin: Client) -> None:
    response = admin.post(f"{API}/workspaces/khon-kaen/actors", data="{not json",
                          content_type="application/json")  # fmt: skip
    assert response.status_code == 400
    assert response.json() == {"detail": "The request body is not valid JSON.", "errors": []}


def test_text_with_a_nul_character_is_refused_not_a_server_error(admin: Client) -> None:
    response = send(admin, "post", "/workspaces/khon-kaen/actors", {"key": "a\x00", "name": "n"})
    assert response.status_code == 422 and "key" in fields(response)
    assert admin.get(f"{API}/workspaces/khon-kaen/actors?q=%00").status_code == 422


def test_messages_are_thai_by_default_and_english_on_request(data: dict[str, Any]) -> None:
    user = user_with_role(data["workspace"], "admin")
    path = f"/workspaces/khon-kaen/ties/{data['tie'].pk}/end"
    data["tie"].since = dt.date(2020, 1, 1)
    data["tie"].save()
    thai = send(token_client(user, language=""), "post", path, {"until": "2000-01-01"})
    english = send(token_client(user, language="en"), "post", path, {"until": "2000-01-01"})
    assert fields(english) == {"until": "The end date must be after the start date."}
    assert re.search("[ก-๙]", fields(thai)["until"])


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


# --- analysis -------------------------------------------------------------------------------


def test_analysis_runs_latest_detail_and_actor_measures(
    admin: Client, data: dict[str, Any], author: Any
) -> None:
    assert admin.get(f"{API}/workspaces/khon-kaen/analysis/runs/latest").status_code == 404
    membership_set(author, data["network"], data["org"])
    run = analysis_request(author, data["workspace"], background=False)
    runs = admin.get(f"{API}/workspaces/khon-kaen/analysis/runs").json()
    assert [r["id"] for r in runs["items"]] == [run.pk] and runs["items"][0]["status"] == "done"
    latest = admin.get(f"{API}/workspaces/khon-kaen/analysis/runs/latest").json()
    assert latest["id"] == run.pk and latest["results"] == run.results
    assert admin.get(f"{API}/workspaces/khon-kaen/analysis/runs/{run.pk}").json() == latest
    actors = admin.get(f"{API}/workspaces/khon-kaen/analysis/runs/{run.pk}/actors?page_size=2")
    page = actors.json()
    assert page["total"] == 3 and page["pages"] == 2
    assert [row["actor"]["key"] for row in page["items"]] == ["org-1", "p-1"]
    assert page["items"][0]["degree"] == 1
    none_for_network = admin.get(f"{API}/workspaces/khon-kaen/analysis/runs/latest?network=health")
    assert none_for_network.status_code == 404


def test_the_measures_schema_lists_every_measure_the_engine_stores() -> None:
    from phakhi.api.analysis import ActorMeasures
    from phakhi.engine import ACTOR_KEYS

    assert [name for name in ActorMeasures.model_fields if name != "actor"] == list(ACTOR_KEYS)


# --- schema and docs ------------------------------------------------------------------------


def test_the_openapi_schema_is_served_and_valid(db: None) -> None:
    response = Client().get(f"{API}/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert schema["info"]["version"] == "1"
    assert "/api/v1/workspaces/{slug}/actors/{actor_id}" in schema["paths"]
    assert {"BearerToken", "BrowserSession"} <= set(schema["components"]["securitySchemes"])


def test_the_docs_page_uses_only_local_assets(db: None) -> None:
    response = Client().get(f"{API}/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets and all(url.startswith("/static/") for url in assets), assets
    for url in assets:
        assert finders.find(url.removeprefix("/static/")), url
    assert '"validatorUrl": null' in html
