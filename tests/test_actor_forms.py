"""Adding and editing actors in the browser, the duplicate warning, and merging two records."""

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from phakhi.actors.models import Actor
from phakhi.actors.services import actor_create
from phakhi.core.models import AuditEvent
from phakhi.imports.merge import other_links
from phakhi.networks.models import Membership
from phakhi.networks.services import membership_set, network_create
from phakhi.ties.services import tie_create
from tests.accounts_support import AUTHOR, client_for, user_with_role


def _url(workspace: Any, name: str, actor: Actor | None = None) -> str:
    kwargs = {"workspace": workspace.slug} | ({"pk": actor.pk} if actor else {})
    return reverse(name, kwargs=kwargs)


def _text(response: Any) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _form(**changes: Any) -> dict[str, Any]:
    return {"kind": "person", "name": "นางสมใจ รักดี", "key": "p-9", **changes}


@pytest.fixture
def coordinator(data: dict[str, Any]) -> Client:
    return client_for(user_with_role(data["workspace"], "coordinator"))


def test_a_coordinator_adds_an_actor_with_organization_area_issues_and_network(
    data: dict[str, Any], coordinator: Client
) -> None:
    workspace = data["workspace"]
    assert "Add actor" in _text(coordinator.get(_url(workspace, "web:directory")))
    assert coordinator.get(_url(workspace, "web:actor-add")).status_code == 200
    form = _form(
        sector="civil",
        subsector="ชุมชน",
        province="50",
        district="เมืองเชียงใหม่",
        organization="เพื่อนชุมชน",  # part of the organization's name
        phone="089-999-1234",
        tags="เกษตร, สุขภาพ",
        networks=[data["network"].pk],
    )

    response = coordinator.post(_url(workspace, "web:actor-add"), form, follow=True)

    actor = Actor.objects.get(workspace=workspace, key="p-9")
    assert response.redirect_chain[-1][0] == _url(workspace, "web:actor", actor)
    assert "นางสมใจ รักดี has been added." in _text(response)
    assert (actor.organization, actor.province_code, actor.district_code) == (
        data["org"],
        "50",
        "5001",
    )
    assert actor.phone == "+66899991234" and actor.sector == "civil"
    assert set(actor.tags.values_list("name", flat=True)) == {"เกษตร", "สุขภาพ"}
    assert Membership.objects.filter(actor=actor, network=data["network"]).exists()


def test_bad_contacts_are_refused_with_thai_messages_next_to_the_fields(
    data: dict[str, Any], coordinator: Client
) -> None:
    response = coordinator.post(
        _url(data["workspace"], "web:actor-add"),
        _form(email="somjai@", phone="12345"),
        headers={"Accept-Language": "th"},
    )

    assert response.status_code == 400
    page = _text(response)
    assert "“somjai@” ไม่ใช่อีเมลที่ถูกต้อง" in page
    assert "“12345” ไม่ใช่เบอร์โทรศัพท์ที่ถูกต้อง" in page
    assert not Actor.objects.filter(key="p-9").exists()


def test_a_taken_key_and_an_unknown_organization_are_shown_on_the_form(
    data: dict[str, Any], coordinator: Client
) -> None:
    url = _url(data["workspace"], "web:actor-add")
    assert "is taken in this workspace" in _text(coordinator.post(url, _form(key="p-2")))
    page = _text(coordinator.post(url, _form(organization="ไม่มีองค์กรนี้")))
    assert "No organization in this workspace has this key or name." in page


def test_a_possible_duplicate_is_shown_before_the_actor_is_created_anyway(
    data: dict[str, Any], coordinator: Client
) -> None:
    url = _url(data["workspace"], "web:actor-add")
    twin = _form(name="สมชาย ใจดี", phone="081 234 5678")

    warned = coordinator.post(url, twin)

    assert warned.status_code == 200
    page = _text(warned)
    assert "This actor may be in the directory already" in page
    assert "นายสมชาย ใจดี" in page and "same phone number" in page
    assert _url(data["workspace"], "web:actor", data["person"]) in warned.content.decode()
    assert not Actor.objects.filter(key="p-9").exists()

    created = coordinator.post(url, {**twin, "confirm": "1"})

    assert created.status_code == 302
    assert Actor.objects.filter(key="p-9", phone="+66812345678").exists()


def test_editing_sends_only_the_changed_fields(data: dict[str, Any], coordinator: Client) -> None:
    workspace, org = data["workspace"], data["org"]
    url = _url(workspace, "web:actor-edit", org)
    page = coordinator.get(url)
    assert page.status_code == 200 and 'value="มูลนิธิเพื่อนชุมชน"' in page.content.decode()
    form = dict(page.context["form"].initial)
    form.update(subsector="มูลนิธิ", line_id="friends")

    response = coordinator.post(url, form, follow=True)

    assert "The changes to มูลนิธิเพื่อนชุมชน have been saved." in _text(response)
    org.refresh_from_db()
    assert (org.subsector, org.line_id, org.kind) == ("มูลนิธิ", "friends", "organization")
    event = AuditEvent.objects.filter(object_id=str(org.pk)).order_by("-id").first()
    assert event is not None and set(event.changes) == {"subsector", "line_id"}


def test_an_edit_with_a_bad_district_says_so(data: dict[str, Any], coordinator: Client) -> None:
    person = data["person"]
    url = _url(data["workspace"], "web:actor-edit", person)
    form = dict(coordinator.get(url).context["form"].initial)

    response = coordinator.post(url, {**form, "district": "ไม่มีอำเภอนี้"})

    assert response.status_code == 400 and "is not a district of" in _text(response)
    person.refresh_from_db()
    assert person.district_code == "5001"


@pytest.fixture
def twin(data: dict[str, Any]) -> Actor:
    twin = actor_create(AUTHOR, data["workspace"], key="p-1-dup", name="สมชาย ใจดี")
    tie_create(AUTHOR, data["workspace"], twin, data["third"], strength=2)
    membership_set(AUTHOR, data["network"], twin, role="core_leader")
    return twin


def test_two_actors_are_merged_through_the_web(
    data: dict[str, Any], twin: Actor, coordinator: Client
) -> None:
    workspace, person = data["workspace"], data["person"]
    actor_page = _text(coordinator.get(_url(workspace, "web:actor", person)))
    assert "Possible duplicates" in actor_page and "สมชาย ใจดี" in actor_page
    url = _url(workspace, "web:actor-merge", person)
    chooser = _text(coordinator.get(url, {"q": "p-1-dup"}))
    assert "Search results" in chooser and "(p-1-dup)" in chooser

    preview = coordinator.get(url, {"other": twin.pk})

    page = _text(preview)
    assert "1 tie" in page and "1 network membership" in page and "1 change in the history" in page
    assert 'name="field_name"' in preview.content.decode()  # both have a name: choose

    response = coordinator.post(url, {"other": twin.pk, "field_name": "merged"}, follow=True)

    assert response.redirect_chain[-1][0] == _url(workspace, "web:actor", person)
    page = _text(response)
    assert "สมชาย ใจดี (p-1-dup) has been merged into" in page
    assert "Merged with" in page  # the change history says what moved
    assert not Actor.objects.filter(pk=twin.pk).exists()
    person.refresh_from_db()
    assert person.name == "สมชาย ใจดี"
    assert Membership.objects.get(actor=person).role == "core_leader"


@pytest.mark.parametrize("role", ["viewer", "member"])
def test_readers_may_not_add_edit_or_merge(data: dict[str, Any], twin: Actor, role: str) -> None:
    workspace, person = data["workspace"], data["person"]
    client = client_for(user_with_role(workspace, role))
    assert "Add actor" not in _text(client.get(_url(workspace, "web:directory")))
    assert "Merge with" not in _text(client.get(_url(workspace, "web:actor", person)))
    for url in (
        _url(workspace, "web:actor-add"),
        _url(workspace, "web:actor-edit", person),
        _url(workspace, "web:actor-merge", person),
    ):
        assert client.get(url).status_code == 403
        assert client.post(url, {**_form(), "other": twin.pk}).status_code == 403
    assert Actor.objects.filter(pk=twin.pk).exists()
    assert not Actor.objects.filter(key="p-9").exists()


def test_a_restricted_coordinator_works_only_on_its_networks_actors(
    data: dict[str, Any], twin: Actor
) -> None:
    workspace, person, third = data["workspace"], data["person"], data["third"]
    elsewhere = network_create(AUTHOR, workspace, slug="elsewhere", name="อีกเครือข่าย")
    client = client_for(user_with_role(workspace, "coordinator", networks=(data["network"],)))

    assert client.get(_url(workspace, "web:actor-edit", person)).status_code == 200
    assert client.get(_url(workspace, "web:actor-edit", third)).status_code == 403
    merge = _url(workspace, "web:actor-merge", person)
    assert client.get(merge, {"other": third.pk}).status_code == 403
    assert client.post(merge, {"other": third.pk}).status_code == 403
    # A merge deletes an actor from every network: not theirs to do, even between two of its own.
    assert client.get(merge, {"other": twin.pk}).status_code == 403

    add = _url(workspace, "web:actor-add")
    choices = client.get(add).context["form"].fields["networks"].choices
    assert choices == [(data["network"].pk, data["network"].name)]
    assert client.post(add, _form(networks=[elsewhere.pk])).status_code == 400
    assert client.post(add, _form()).status_code == 400  # must join one of its networks
    assert client.post(add, _form(networks=[data["network"].pk])).status_code == 302


def test_another_workspaces_actors_are_not_found(
    data: dict[str, Any], other_workspace: Any, coordinator: Client
) -> None:
    workspace = data["workspace"]
    stranger = actor_create(AUTHOR, other_workspace, key="x-1", name="นายสมชาย ใจดี")
    for name in ("web:actor-edit", "web:actor-merge"):
        url = reverse(name, kwargs={"workspace": workspace.slug, "pk": stranger.pk})
        assert coordinator.get(url).status_code == 404
    merge = _url(workspace, "web:actor-merge", data["person"])
    assert coordinator.get(merge, {"other": stranger.pk}).status_code == 404
    assert coordinator.post(merge, {"other": stranger.pk}).status_code == 404
    assert "x-1" not in _text(coordinator.get(merge, {"q": "สมชาย"}))
    assert Actor.objects.filter(pk=stranger.pk).exists()


def test_the_pages_read_a_bounded_number_of_queries(
    data: dict[str, Any], twin: Actor, coordinator: Client, django_assert_max_num_queries: Any
) -> None:
    workspace, person = data["workspace"], data["person"]
    for n in range(30):
        other = actor_create(AUTHOR, workspace, key=f"x-{n}", name=f"ภาคี {n}", tags=f"t{n}")
        tie_create(AUTHOR, workspace, twin, other, kind="ข้อมูล")
        network = network_create(AUTHOR, workspace, slug=f"n{n}", name=f"เครือข่าย {n}")
        membership_set(AUTHOR, network, twin)
    with django_assert_max_num_queries(12):
        assert coordinator.get(_url(workspace, "web:actor-add")).status_code == 200
    with django_assert_max_num_queries(12):
        assert coordinator.get(_url(workspace, "web:actor-edit", twin)).status_code == 200
    merge = _url(workspace, "web:actor-merge", person)
    # 18, and one count for each model that may name an actor (the preview's "other records").
    with django_assert_max_num_queries(18 + len(list(other_links()))):
        assert coordinator.get(merge, {"other": twin.pk}).status_code == 200
    # 42, one or two for each model that may name an actor (projects, stakeholders, plan rows,
    # lessons, attendance…: phakhi.imports.merge.other_links), and the merge hooks' own (the
    # kept actor's co-participation ties refreshed: some 14; the survey roster rows compared, a
    # report naming oneself dropped, the kept actor's survey ties: some 8, 13 on PostgreSQL
    # where they are written by COPY through a temporary table) — none for each of
    # its 30 ties.
    with django_assert_max_num_queries(42 + 2 * len(list(other_links())) + 14 + 13):
        assert coordinator.post(merge, {"other": twin.pk}).status_code == 302
    assert Membership.objects.filter(actor=person).count() == 31
