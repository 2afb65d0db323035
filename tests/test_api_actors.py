"""The REST API v1 for actors: create, read and change with a token, the directory's filters and
pages, and contacts masked as the caller's role requires."""

from typing import Any

import pytest
from django.test import Client

from phakhi.actors import search_plan
from phakhi.actors.models import Actor
from phakhi.actors.services import actor_create
from phakhi.core.models import AuditEvent
from tests.accounts_support import user_with_role
from tests.api_support import API, fields, role_client, send, token_client


@pytest.fixture
def admin(data: dict[str, Any]) -> Client:
    return role_client(data["workspace"], "admin")


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


def test_a_partly_counted_list_never_puts_the_page_past_the_pages(
    admin: Client, data: dict[str, Any], author: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(12):
        actor_create(author, data["workspace"], key=f"x-{i:02}", name=f"ภาคี {i:02}")
    monkeypatch.setattr(search_plan, "COUNT_LIMIT", 5)
    second = admin.get(f"{API}/workspaces/khon-kaen/actors?page_size=5&page=2").json()
    assert second["total_exact"] is False and second["total"] == 5
    assert second["page"] == 2 and second["pages"] >= 2 and len(second["items"]) == 5


def test_a_client_can_page_through_every_actor_past_the_count(
    admin: Client, data: dict[str, Any], author: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(12):
        actor_create(author, data["workspace"], key=f"x-{i:02}", name=f"ภาคี {i:02}")
    every = set(Actor.objects.filter(workspace=data["workspace"]).values_list("key", flat=True))
    monkeypatch.setattr(search_plan, "COUNT_LIMIT", 5)
    keys: list[str] = []
    for page in range(1, 20):
        body = admin.get(f"{API}/workspaces/khon-kaen/actors?page_size=4&page={page}").json()
        assert body["page"] == page and body["pages"] >= page
        if not body["items"]:
            break
        keys += [item["key"] for item in body["items"]]
    assert sorted(keys) == sorted(every) and len(keys) == len(every)


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
