"""The networks pages: list, create, edit, members (add, change, end), who may do what, and
the membership_end service."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from phakhi.actors.services import actor_create
from phakhi.analysis.services import analysis_request
from phakhi.core.models import AuditEvent
from phakhi.networks.models import Membership, Network
from phakhi.networks.services import membership_end, membership_set, network_create
from phakhi.ties.services import tie_create
from tests.accounts_support import AUTHOR, client_for, user_with_role


def _url(workspace, name="web:networks", **kwargs) -> str:
    return reverse(name, kwargs={"workspace": workspace.slug, **kwargs})


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def _page(client: Client, url: str, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return _text(response)


def _events(action: str, object_type: str) -> int:
    return AuditEvent.objects.filter(action=action, object_type=object_type).count()


@pytest.fixture
def admin(data) -> Client:
    return client_for(user_with_role(data["workspace"], "admin"))


# --- list and create ----------------------------------------------------------------------------


def test_the_list_shows_hierarchy_sectors_and_projects(data, admin):
    workspace = data["workspace"]
    child = network_create(
        AUTHOR, workspace, slug="elders", name="ชมรมผู้สูงอายุ", parent=data["network"]
    )
    membership_set(AUTHOR, child, data["org"], role="member")
    membership_set(AUTHOR, child, data["third"], role="ally", until=dt.date(2020, 1, 1))
    response = admin.get(_url(workspace))
    body = response.content.decode().split("<tbody>")[1].split("</tbody>")[0]
    rows = [_text_of(row) for row in body.split("<tr>")[1:]]
    assert [row.split(" other ")[0].strip(" ↳") for row in rows] == [
        "เครือข่ายสุขภาพ",
        "ชมรมผู้สูงอายุ",
    ]  # the child under its parent, marked as part of it
    health, elders = rows
    assert "1 member" in health and "government: 1" in health  # the coordinator
    assert health.endswith(" 1")  # the clinic project
    assert "เครือข่ายสุขภาพ" in elders.split(" other ")[1]  # part of
    assert "people, civil society and private: 1" in elders  # the member; the ally left
    assert elders.endswith(" 0")
    assert "New network" in _text(response)


def test_a_network_is_created_with_a_slug_made_from_a_latin_name(data, admin):
    workspace = data["workspace"]
    form = _page(admin, _url(workspace, "web:networks-add"))
    assert "Slug" in form and "Part of" in form
    response = admin.post(
        _url(workspace, "web:networks-add"),
        {
            "name": "Khon Kaen Elders",
            "kind": "area",
            "parent": data["network"].pk,
            "vision": "ผู้สูงอายุมีสุขภาวะ",
            "goals": "ชมรมทุกตำบล\nอาสาสมัครทุกหมู่บ้าน",
        },
    )
    assert response.status_code == 302
    network = Network.objects.get(workspace=workspace, slug="khon-kaen-elders")
    assert response["Location"] == _url(workspace, "web:network", slug="khon-kaen-elders")
    assert network.parent == data["network"] and network.kind == "area"
    assert _events("create", "networks.network") == 2  # the fixture's and this one
    page = _page(admin, response["Location"])
    assert "The network Khon Kaen Elders has been created." in page
    assert "ชมรมทุกตำบล" in page and "อาสาสมัครทุกหมู่บ้าน" in page


def test_a_thai_name_needs_a_slug_and_errors_show_in_thai(data, admin):
    workspace = data["workspace"]
    url = _url(workspace, "web:networks-add")
    thai = {"HTTP_ACCEPT_LANGUAGE": "th"}
    unnamed = admin.post(url, {"name": "เครือข่ายเยาวชน", "kind": "issue"})
    assert unnamed.status_code == 400 and "A name in Thai needs a slug" in _text(unnamed)
    bad = admin.post(url, {"name": "เครือข่ายเยาวชน", "kind": "issue", "slug": "Youth!"}, **thai)
    assert bad.status_code == 400
    assert "ใช้อักษรภาษาอังกฤษตัวพิมพ์เล็ก a–z" in _text(bad)  # the slug validator, in Thai
    nameless = admin.post(url, {"name": "", "kind": "issue", "slug": "youth"}, **thai)
    assert "ต้องกรอกช่องนี้" in _text(nameless)  # "This field is required."
    taken = admin.post(url, {"name": "ซ้ำ", "kind": "issue", "slug": "health"}, **thai)
    assert taken.status_code == 400 and "มีเครือข่าย “health” อยู่แล้ว" in _text(taken)
    assert not Network.objects.filter(workspace=workspace, slug="youth").exists()


def test_a_parent_of_another_workspace_is_refused(data, admin, other_workspace):
    stranger = network_create(AUTHOR, other_workspace, slug="theirs", name="Theirs")
    response = admin.post(
        _url(data["workspace"], "web:networks-add"),
        {"name": "Mine", "kind": "other", "parent": stranger.pk},
    )
    assert response.status_code == 400
    assert not Network.objects.filter(slug="mine").exists()


# --- the network page ---------------------------------------------------------------------------


def test_the_network_page_shows_design_members_by_role_links_and_analysis(data, admin):
    workspace, network = data["workspace"], data["network"]
    Network.objects.filter(pk=network.pk).update(vision="สุขภาพดีถ้วนหน้า", goals="ลดโรคเรื้อรัง")
    membership_set(AUTHOR, network, data["org"], role="core_leader", since=dt.date(2023, 1, 1))
    membership_set(
        AUTHOR,
        network,
        data["third"],
        role="ally",
        since=dt.date(2020, 1, 1),
        until=dt.date(2022, 1, 1),
    )
    url = _url(workspace, "web:network", slug="health")
    page = _page(admin, url)
    assert "สุขภาพดีถ้วนหน้า" in page and "ลดโรคเรื้อรัง" in page
    assert "Core leaders (1)" in page and "มูลนิธิเพื่อนชุมชน" in page
    assert "Coordinators (1)" in page and "Chiang Mai" in page  # the person's province
    assert "นางสาวสมศรี มีสุข" not in page  # a former member is not listed by default
    former = _page(admin, url, status="former")
    assert "นางสาวสมศรี มีสุข" in former and "มูลนิธิเพื่อนชุมชน" not in former
    raw = admin.get(url).content.decode()
    assert f"{_url(workspace, 'web:directory')}?network={network.pk}" in raw
    assert f"{_url(workspace, 'web:map')}?network=health" in raw
    assert "has not been analysed yet" in page
    thai = _text(admin.get(url, HTTP_ACCEPT_LANGUAGE="th"))
    assert "15 มี.ค. 2567" in thai  # พ.ศ. dates
    tie_create(AUTHOR, workspace, data["org"], data["third"], strength=2)
    analysis_request(AUTHOR, workspace, network=network, background=False)
    assert "Structure:" in _page(admin, url)


def test_a_large_role_is_capped_with_a_show_all_and_pages(data, admin, author):
    workspace, network = data["workspace"], data["network"]
    for n in range(130):
        actor = actor_create(author, workspace, key=f"m-{n:03}", name=f"สมาชิก {n:03}")
        membership_set(author, network, actor, role="member")
    url = _url(workspace, "web:network", slug="health")
    page = _page(admin, url)
    assert "สมาชิก 019" in page and "สมาชิก 020" not in page
    assert "Show all 130 Members" in page
    first = _page(admin, url, role="member")
    assert "สมาชิก 099" in first and "สมาชิก 100" not in first and "Page 1 of 2" in first
    assert "Coordinators" not in first
    assert "สมาชิก 129" in _page(admin, url, role="member", page=2)


# --- edit and members ---------------------------------------------------------------------------


def test_vision_and_goals_are_edited(data, admin):
    workspace = data["workspace"]
    url = _url(workspace, "web:network-edit", slug="health")
    assert "Vision" in _page(admin, url)
    fields = {"name": "เครือข่ายสุขภาพ", "kind": "issue", "vision": "ชุมชนพึ่งตนเอง", "goals": "1"}
    response = admin.post(url, fields)
    assert response.status_code == 302
    network = Network.objects.get(pk=data["network"].pk)
    assert network.vision == "ชุมชนพึ่งตนเอง" and network.kind == "issue"
    assert _events("update", "networks.network") == 1
    bad = admin.post(url, {**fields, "name": ""})
    assert bad.status_code == 400 and "This field is required." in _text(bad)


def test_members_are_added_changed_and_ended(data, admin):
    workspace, network = data["workspace"], data["network"]
    add = _url(workspace, "web:network-member-add", slug="health")
    by_name = admin.post(add, {"actor": "สมศรี", "role": "mentor", "since": "01/02/2567"})
    assert by_name.status_code == 302
    membership = Membership.objects.get(network=network, actor=data["third"])
    assert membership.role == "mentor" and membership.since == dt.date(2024, 2, 1)
    assert "has joined the network as mentor" in _page(admin, by_name["Location"])
    by_key = admin.post(add, {"actor": "org-1", "role": "ally"})
    assert by_key.status_code == 302
    again = admin.post(add, {"actor": "org-1", "role": "member"})
    assert again.status_code == 400 and "in this network already" in _text(again)
    several = admin.post(add, {"actor": "สม", "role": "member"})
    assert "Several actors match" in _text(several) and "(p-2)" in _text(several)
    nobody = admin.post(add, {"actor": "ไม่มีใคร", "role": "member"})
    assert "No actor in this workspace has this key or name." in _text(nobody)

    change = _url(workspace, "web:network-member", slug="health", membership_id=membership.pk)
    assert "Role and dates" in _page(admin, change)
    changed = admin.post(change, {"role": "core_leader", "since": "2024-02-01", "until": ""})
    assert changed.status_code == 302
    membership.refresh_from_db()
    assert membership.role == "core_leader"
    wrong = admin.post(
        change, {"role": "core_leader", "since": "2024-02-01", "until": "2023-01-01"}
    )
    assert wrong.status_code == 400 and "The end date must be after the start date." in _text(wrong)

    end = _url(workspace, "web:network-member-end", slug="health", membership_id=membership.pk)
    early = admin.post(end, {"until": "2024-01-01"})
    assert early.status_code == 400 and "after the start date" in _text(early)
    ended = admin.post(end, {"until": "31/01/2568"})
    assert ended.status_code == 302
    membership.refresh_from_db()
    assert membership.until == dt.date(2025, 1, 31) and membership.role == "core_leader"
    assert "has left the network" in _page(admin, ended["Location"])
    twice = admin.post(end, {"until": "2025-06-01"})
    assert twice.status_code == 400 and "already ended on 31 Jan 2025" in _text(twice)
    assert _events("create", "networks.membership") == 3  # the fixture's and the two added
    assert _events("update", "networks.membership") == 2  # the change and the end


# --- who may do what ----------------------------------------------------------------------------


def _posts(workspace, membership) -> list[tuple[str, dict]]:
    member = {"slug": "health", "membership_id": membership.pk}
    return [
        (_url(workspace, "web:networks-add"), {"name": "New", "kind": "other"}),
        (_url(workspace, "web:network-edit", slug="health"), {"name": "X", "kind": "other"}),
        (
            _url(workspace, "web:network-member-add", slug="health"),
            {"actor": "p-2", "role": "ally"},
        ),
        (_url(workspace, "web:network-member", **member), {"role": "ally"}),
        (_url(workspace, "web:network-member-end", **member), {"until": "2030-01-01"}),
    ]


@pytest.mark.parametrize("role", ["viewer", "member"])
def test_readers_see_the_pages_and_get_403_on_every_post(data, role):
    workspace = data["workspace"]
    client = client_for(user_with_role(workspace, role))
    assert "New network" not in _page(client, _url(workspace))
    page = _page(client, _url(workspace, "web:network", slug="health"))
    assert "Add a member" not in page and "Edit the network" not in page
    for url, fields in _posts(workspace, data["membership"]):
        assert client.post(url, fields).status_code == 403, url
    assert not Network.objects.filter(slug="new").exists()
    assert Network.objects.get(slug="health").name == "เครือข่ายสุขภาพ"


def test_a_restricted_coordinator_edits_its_network_only_and_cannot_create(data, author):
    workspace = data["workspace"]
    other = network_create(author, workspace, slug="youth", name="เยาวชน")
    coordinator = client_for(user_with_role(workspace, "coordinator", networks=(data["network"],)))
    assert "New network" not in _page(coordinator, _url(workspace))
    assert coordinator.get(_url(workspace, "web:networks-add")).status_code == 403
    new = {"name": "New", "kind": "other"}
    assert coordinator.post(_url(workspace, "web:networks-add"), new).status_code == 403
    mine = _url(workspace, "web:network-edit", slug="health")
    assert coordinator.post(mine, {"name": "สุขภาพ", "kind": "issue"}).status_code == 302
    theirs = _url(workspace, "web:network-edit", slug="youth")
    assert coordinator.get(theirs).status_code == 403
    assert coordinator.post(theirs, {"name": "X", "kind": "issue"}).status_code == 403
    add = _url(workspace, "web:network-member-add", slug="youth")
    assert coordinator.post(add, {"actor": "p-2", "role": "ally"}).status_code == 403
    assert not other.memberships.exists()
    assert "Add a member" not in _page(coordinator, _url(workspace, "web:network", slug="youth"))


def test_another_workspaces_network_is_not_found(data, admin, other_workspace, author):
    network_create(author, other_workspace, slug="theirs", name="Theirs")
    stranger = actor_create(author, other_workspace, key="x-1", name="คนนอก")
    theirs = Network.objects.get(slug="theirs")
    outside = membership_set(author, theirs, stranger)
    workspace = data["workspace"]
    assert admin.get(_url(workspace, "web:network", slug="theirs")).status_code == 404
    assert admin.post(_url(workspace, "web:network-edit", slug="theirs"), {}).status_code == 404
    foreign = _url(workspace, "web:network-member", slug="health", membership_id=outside.pk)
    assert admin.get(foreign).status_code == 404
    add = _url(workspace, "web:network-member-add", slug="health")
    assert admin.post(add, {"actor": "x-1", "role": "ally"}).status_code == 400  # not found


# --- bounded queries ----------------------------------------------------------------------------


def test_queries_on_the_list_do_not_grow_with_the_networks(
    data, admin, author, django_assert_max_num_queries
):
    workspace = data["workspace"]
    parent = data["network"]
    for n in range(30):
        network = network_create(author, workspace, slug=f"n-{n}", name=f"N {n}", parent=parent)
        membership_set(author, network, data["person"], role="member")
        parent = network if n % 3 else data["network"]
    with django_assert_max_num_queries(12):
        assert admin.get(_url(workspace)).status_code == 200


def test_queries_on_the_network_page_do_not_grow_with_the_members(
    data, admin, author, django_assert_max_num_queries
):
    workspace, network = data["workspace"], data["network"]
    roles = ["core_leader", "coordinator", "mentor", "member", "ally"]
    for n in range(150):
        actor = actor_create(
            author, workspace, key=f"m-{n:03}", name=f"สมาชิก {n:03}", province="ขอนแก่น"
        )
        membership_set(author, network, actor, role=roles[n % 5], since=dt.date(2024, 1, 1))
    url = _url(workspace, "web:network", slug="health")
    # A fixed number: the members, their roles and actors, and one query each for the page's
    # blocks (the network's surveys, its open risk alerts, …), never one a member.
    with django_assert_max_num_queries(22):
        assert admin.get(url).status_code == 200
    with django_assert_max_num_queries(22):
        assert admin.get(url, {"role": "member", "status": "all"}).status_code == 200


# --- the membership_end service -----------------------------------------------------------------


def test_membership_end_records_the_date_and_refuses_bad_ones(data, author):
    membership = data["membership"]  # since 2024-03-15
    with pytest.raises(ValidationError) as early:
        membership_end(author, membership, dt.date(2024, 3, 15))
    assert early.value.message_dict == {"until": ["The end date must be after the start date."]}
    membership_end(author, membership, dt.date(2025, 1, 31))
    membership.refresh_from_db()
    assert membership.until == dt.date(2025, 1, 31) and membership.role == "coordinator"
    event = AuditEvent.objects.filter(object_type="networks.membership", action="update").get()
    assert event.changes == {"until": [None, "2025-01-31"]}
    with pytest.raises(ValidationError) as twice:
        membership_end(author, membership, dt.date(2025, 6, 1))
    assert twice.value.message_dict == {"until": ["This membership already ended on 31 Jan 2025."]}
    membership.refresh_from_db()
    assert membership.until == dt.date(2025, 1, 31)
