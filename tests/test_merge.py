"""Merging two records of one actor: ties, memberships, people, issues, fields and history move
to the kept actor, and the merge is recorded."""

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from phakhi.actors.models import Actor
from phakhi.actors.services import actor_create, actor_update
from phakhi.core.audit import Author
from phakhi.core.models import AuditEvent, Workspace
from phakhi.imports.merge import actors_merge, merge_candidates
from phakhi.networks.models import Membership
from phakhi.networks.services import membership_set, network_create
from phakhi.ties.models import Tie
from phakhi.ties.services import tie_create
from tests.api_support import fields, role_client, send


@pytest.fixture
def twin(data: dict[str, Any], author: Author, workspace: Workspace) -> Actor:
    """A second record of the person of ``data`` (p-1), as an import might leave it."""
    return actor_create(
        author,
        workspace,
        key="p-1-dup",
        name="สมชาย ใจดี",
        email="somchai@example.org",
        line_id="somchai",
        tags="สุขภาพ; เกษตร",
    )


def test_the_merged_actors_ties_move_to_the_kept_actor(
    data: dict[str, Any], twin: Actor, author: Author, workspace: Workspace
) -> None:
    tie = tie_create(author, workspace, twin, data["third"], strength=2, kind="ทรัพยากร")

    result = actors_merge(author, data["person"], twin)

    tie.refresh_from_db()
    assert {tie.source_id, tie.target_id} == {data["person"].pk, data["third"].pk}
    assert result.ties_moved == 1
    assert not Actor.objects.filter(pk=twin.pk).exists()


def test_a_tie_both_have_with_the_same_actor_is_combined_into_one(
    data: dict[str, Any], twin: Actor, author: Author, workspace: Workspace
) -> None:
    kept_tie = data["tie"]  # org–person, strength 3, kind ข้อมูล, open
    Tie.objects.filter(pk=kept_tie.pk).update(since=dt.date(2022, 1, 1), attributes={"a": "1"})
    other = tie_create(
        author,
        workspace,
        data["org"],
        twin,
        strength=4,
        kind="ข้อมูล",
        since=dt.date(2020, 5, 1),
        until=dt.date(2023, 1, 1),
    )
    Tie.objects.filter(pk=other.pk).update(attributes={"b": "2"})

    result = actors_merge(author, data["person"], twin)

    ties = list(Tie.objects.filter(workspace=workspace))
    assert len(ties) == 1
    combined = ties[0]
    assert combined.pk == kept_tie.pk
    assert combined.strength == 4
    assert combined.since == dt.date(2020, 5, 1)
    assert combined.until is None  # open in the kept tie
    assert combined.attributes == {"a": "1", "b": "2"}
    assert result.ties_combined == 1


def test_the_tie_between_the_two_is_dropped(
    data: dict[str, Any], twin: Actor, author: Author, workspace: Workspace
) -> None:
    tie_create(author, workspace, data["person"], twin, strength=4)

    result = actors_merge(author, data["person"], twin)

    assert result.ties_dropped == 1
    assert not Tie.objects.filter(source=data["person"], target=data["person"]).exists()
    assert Tie.objects.filter(workspace=workspace).count() == 1  # only org–person is left


def test_ties_held_through_the_merged_actor_are_held_through_the_kept_one(
    data: dict[str, Any], twin: Actor, author: Author, workspace: Workspace
) -> None:
    brokered = tie_create(author, workspace, data["org"], data["third"], via=twin)
    own_end = tie_create(author, workspace, data["person"], data["third"], via=twin)
    # The merged actor's tie, brokered by the kept one: once moved, the kept actor is an end.
    moved_end = tie_create(author, workspace, twin, data["org"], kind="ทุน", via=data["person"])

    result = actors_merge(author, data["person"], twin)

    for tie in (brokered, own_end, moved_end):
        tie.refresh_from_db()
    assert brokered.via_id == data["person"].pk
    assert own_end.via_id is None  # the kept actor is one of its ends: no broker
    assert moved_end.via_id is None and data["person"].pk in (
        moved_end.source_id,
        moved_end.target_id,
    )
    assert result.via_moved == 1


def test_memberships_move_and_a_clash_keeps_the_more_central_role_and_earlier_start(
    data: dict[str, Any], twin: Actor, author: Author, workspace: Workspace
) -> None:
    youth = network_create(author, workspace, slug="youth", name="เครือข่ายเยาวชน")
    membership_set(author, youth, twin, role="ally")
    membership_set(author, data["network"], twin, role="core_leader", since=dt.date(2020, 1, 1))

    result = actors_merge(author, data["person"], twin)

    roles = {
        m.network.slug: (m.role, m.since)
        for m in Membership.objects.filter(actor=data["person"]).select_related("network")
    }
    assert roles == {"health": ("core_leader", dt.date(2020, 1, 1)), "youth": ("ally", None)}
    assert data["membership"].pk == Membership.objects.get(network=data["network"]).pk
    assert (result.memberships_moved, result.memberships_combined) == (1, 1)


def test_a_clash_keeps_the_kept_actors_more_central_role(
    data: dict[str, Any], twin: Actor, author: Author
) -> None:
    membership_set(author, data["network"], twin, role="member", since=dt.date(2025, 1, 1))

    actors_merge(author, data["person"], twin)

    membership = Membership.objects.get(network=data["network"], actor=data["person"])
    assert (membership.role, membership.since) == ("coordinator", dt.date(2024, 3, 15))


def test_the_people_of_a_merged_organization_move_to_the_kept_one(
    data: dict[str, Any], author: Author, workspace: Workspace
) -> None:
    twin_org = actor_create(author, workspace, key="org-1b", name="มูลนิธิ เพื่อนชุมชน")
    actor_update(author, data["third"], organization="org-1b")

    result = actors_merge(author, data["org"], twin_org)

    data["third"].refresh_from_db()
    assert data["third"].organization_id == data["org"].pk
    assert result.people_moved == 1


def test_issues_are_united_and_empty_fields_filled_from_the_merged_actor(
    data: dict[str, Any], twin: Actor, author: Author
) -> None:
    result = actors_merge(author, data["person"], twin)

    kept = Actor.objects.get(pk=data["person"].pk)
    assert set(kept.tags.values_list("name", flat=True)) == {"เกษตร", "สุขภาพ"}
    assert kept.email == "somchai@example.org"  # was empty
    assert kept.line_id == "somchai"
    assert kept.name == "นายสมชาย ใจดี"  # both had one: the kept actor's stays
    assert kept.phone == "+66812345678"
    assert result.tags_added == 1


def test_fields_says_whose_value_stays(
    data: dict[str, Any], twin: Actor, author: Author, workspace: Workspace
) -> None:
    actor_update(author, twin, province="ขอนแก่น", sector="civil")

    actors_merge(author, data["person"], twin, fields={"name": "merged", "area": "merged"})

    kept = Actor.objects.get(pk=data["person"].pk)
    assert kept.name == "สมชาย ใจดี"
    assert kept.province_code == "40" and kept.district_code == ""  # the area moves whole
    assert kept.sector == "government"  # not chosen: the kept actor's value


def test_an_unknown_field_choice_is_refused(
    data: dict[str, Any], twin: Actor, author: Author
) -> None:
    with pytest.raises(ValidationError):
        actors_merge(author, data["person"], twin, fields={"key": "merged"})
    assert Actor.objects.filter(pk=twin.pk).exists()


def test_the_history_moves_and_the_merge_is_recorded_on_the_kept_actor(
    data: dict[str, Any], twin: Actor, author: Author
) -> None:
    actor_update(author, twin, subsector="ชุมชน")
    person_type = Actor._meta.label_lower

    result = actors_merge(author, data["person"], twin)

    assert result.history_moved == 2  # created and updated
    assert not AuditEvent.objects.filter(object_type=person_type, object_id=str(twin.pk)).exists()
    events = AuditEvent.objects.filter(object_type=person_type, object_id=str(data["person"].pk))
    assert events.count() == 2 + 2  # its own creation, the twin's two events, the merge
    merge = events.order_by("-id").first()
    assert merge is not None and merge.action == AuditEvent.Action.UPDATE
    merged = merge.changes["merged"][1]
    assert (merged["key"], merged["name"], merged["history_moved"]) == ("p-1-dup", twin.name, 2)
    assert merge.changes["email"] == ["", "somchai@example.org"]


def test_actors_of_two_workspaces_cannot_be_merged(
    data: dict[str, Any], author: Author, other_workspace: Workspace
) -> None:
    stranger = actor_create(author, other_workspace, key="x", name="นายสมชาย ใจดี")

    with pytest.raises(ValidationError):
        actors_merge(author, data["person"], stranger)
    with pytest.raises(ValidationError):
        actors_merge(author, data["person"], data["person"])
    assert Actor.objects.filter(pk=stranger.pk).exists()


def test_undirected_ties_stay_stored_with_the_lower_id_first(
    data: dict[str, Any], author: Author, workspace: Workspace
) -> None:
    early = data["org"]  # the lowest id: kept
    late = actor_create(author, workspace, key="late", name="ภาคีใหม่")
    tie_create(author, workspace, data["third"], late, kind="x")
    tie_create(author, workspace, late, data["person"], directed=True, kind="y")

    actors_merge(author, early, late)

    assert Tie.objects.filter(workspace=workspace).count() == 3
    for tie in Tie.objects.filter(workspace=workspace, directed=False):
        assert tie.source_id < tie.target_id
    directed = Tie.objects.get(directed=True)
    assert (directed.source_id, directed.target_id) == (early.pk, data["person"].pk)


def test_possible_duplicates_name_their_reason(
    data: dict[str, Any], twin: Actor, author: Author, workspace: Workspace
) -> None:
    actor_update(author, twin, phone="081-234-5678")

    found = dict(merge_candidates(workspace, data["person"]))

    assert set(found) == {twin}
    assert "same phone number" in found[twin] and "same name" in found[twin]


# --- API ------------------------------------------------------------------------------------


def test_the_api_merges_a_duplicate_and_says_what_moved(
    data: dict[str, Any], twin: Actor, author: Author, workspace: Workspace
) -> None:
    admin = role_client(workspace, "admin")
    tie_create(author, workspace, twin, data["third"])
    path = f"/workspaces/khon-kaen/actors/{data['person'].pk}/merge"

    response = send(admin, "post", path, {"merged": twin.pk, "keep_from_merged": ["name"]})

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["kept"]["name"] == "สมชาย ใจดี"  # chosen from the merged actor
    assert body["kept"]["contacts"]["email"] == "somchai@example.org"  # was empty
    assert body["merged"] == {"id": twin.pk, "key": "p-1-dup", "name": "สมชาย ใจดี"}
    assert body["moved"]["ties_moved"] == 1
    assert not Actor.objects.filter(pk=twin.pk).exists()
    again = send(admin, "post", path, {"merged": twin.pk})
    assert again.status_code == 422 and "merged" in fields(again)
    itself = send(admin, "post", path, {"merged": data["person"].pk})
    assert itself.status_code == 422
    wrong = send(admin, "post", path, {"merged": data["third"].pk, "keep_from_merged": ["key"]})
    assert wrong.status_code == 422
    viewer = role_client(workspace, "viewer")
    assert send(viewer, "post", path, {"merged": data["third"].pk}).status_code == 403
