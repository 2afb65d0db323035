"""Worksheet 3, drawing the map: the services behind the drawn map (phakhi/projects/drawing.py)
and the ties' changes they share with the actor page (phakhi/ties/services.py)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from phakhi.actors.services import actor_create
from phakhi.core.audit import Author
from phakhi.core.models import AuditEvent
from phakhi.core.versions import EditConflict
from phakhi.networks.models import Membership
from phakhi.networks.services import membership_set, network_create
from phakhi.projects.drawing import project_actor_draw, project_actor_place, project_tie_draw
from phakhi.projects.drawing_demo import load_drawn_map
from phakhi.projects.drawing_selectors import placements_of, ties_between
from phakhi.projects.models import ProjectPlacement, ProjectTie
from phakhi.projects.services import project_create
from phakhi.ties.models import Origin, Tie
from phakhi.ties.services import tie_end, tie_update

DRAWER = Author("web:facilitator", None)


@pytest.fixture
def kit(workspace, author):
    organic = network_create(author, workspace, slug="organic", name="กลุ่มเกษตรอินทรีย์")
    project = project_create(
        author, workspace, slug="organic-2569", name="ตลาดเกษตรอินทรีย์", network=organic
    )
    people = {}
    for key, name in (("a", "นายชาคริต ดีงาม"), ("b", "กลุ่มแม่บ้านบ้านนา"), ("c", "รพ.สต.บ้านนา")):
        people[key] = actor_create(author, workspace, key=key, name=name, kind="person")
        membership_set(author, organic, people[key])
    outsider = actor_create(author, workspace, key="out", name="สำนักงานเกษตรจังหวัด")
    return {"project": project, "network": organic, **people, "outsider": outsider}


def test_a_drawn_tie_is_a_workshop_tie_with_its_project_author_and_audit(kit):
    tie = project_tie_draw(
        DRAWER, kit["project"], source=kit["b"], target=kit["a"], strength=2, via=kit["c"]
    )
    assert tie.origin == Origin.WORKSHOP == "workshop"
    assert (tie.source, tie.target, tie.strength, tie.via) == (kit["a"], kit["b"], 2, kit["c"])
    link = ProjectTie.objects.get(tie=tie)
    assert link.project == kit["project"] and link.workspace_id == kit["project"].workspace_id
    events = AuditEvent.objects.filter(by="web:facilitator").order_by("id")
    assert [(e.object_type, e.action) for e in events] == [
        ("ties.tie", "create"),
        ("projects.projecttie", "create"),
    ]
    assert events[1].changes == {"project": [None, "organic-2569"], "tie": [None, tie.pk]}
    assert list(ties_between(kit["project"], kit["b"].pk, kit["a"].pk)) == [tie]


def test_a_tie_is_drawn_only_between_actors_on_the_projects_map(kit):
    with pytest.raises(ValidationError) as refused:
        project_tie_draw(
            DRAWER, kit["project"], source=kit["a"], target=kit["outsider"], strength=1
        )
    assert "สำนักงานเกษตรจังหวัด is not a member of กลุ่มเกษตรอินทรีย์" in str(
        refused.value.message_dict["target"]
    )
    assert not Tie.objects.exists() and not ProjectTie.objects.exists()


def test_a_tie_drawn_twice_or_to_itself_is_refused_and_nothing_is_left(kit):
    project_tie_draw(DRAWER, kit["project"], source=kit["a"], target=kit["b"], strength=4)
    with pytest.raises(ValidationError, match="already have a tie"):
        project_tie_draw(DRAWER, kit["project"], source=kit["b"], target=kit["a"], strength=1)
    with pytest.raises(ValidationError, match="two different actors"):
        project_tie_draw(DRAWER, kit["project"], source=kit["a"], target=kit["a"], strength=1)
    with pytest.raises(ValidationError, match="third actor"):
        project_tie_draw(
            DRAWER, kit["project"], source=kit["a"], target=kit["c"], strength=1, via=kit["a"]
        )
    assert Tie.objects.count() == 1 and ProjectTie.objects.count() == 1


def test_a_tie_that_ended_is_not_drawn_again_silently(kit):
    tie = project_tie_draw(DRAWER, kit["project"], source=kit["a"], target=kit["b"], strength=2)
    tie_end(DRAWER, tie, dt.date(2026, 1, 1))
    with pytest.raises(ValidationError, match="had a tie that ended"):
        project_tie_draw(DRAWER, kit["project"], source=kit["a"], target=kit["b"], strength=2)


def test_a_project_without_a_lead_network_draws_on_the_whole_workspace(kit, workspace, author):
    open_project = project_create(author, workspace, slug="open", name="โครงการเปิด")
    tie = project_tie_draw(
        DRAWER, open_project, source=kit["outsider"], target=kit["a"], strength=3
    )
    assert tie.origin == Origin.WORKSHOP and ProjectTie.objects.get().project == open_project


def test_an_actor_added_from_the_map_joins_the_lead_network_where_it_was_put(kit):
    actor = project_actor_draw(
        DRAWER, kit["project"], x=12.5, y=-3, kind="group", name="ผู้บริโภค", key="organic-1",
        sector="civil",
    )  # fmt: skip
    assert actor.kind == "group" and actor.sector == "civil"
    assert Membership.objects.filter(actor=actor, network=kit["network"]).exists()
    assert placements_of(kit["project"]) == {actor.pk: (12.5, -3.0)}
    assert AuditEvent.objects.filter(
        object_type="projects.projectplacement", action="create"
    ).exists()


def test_an_actor_that_cannot_be_added_leaves_nothing(kit):
    with pytest.raises(ValidationError) as refused:
        project_actor_draw(DRAWER, kit["project"], x=1, y=2, kind="group", name="", key="k-1")
    assert "name" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        project_actor_draw(
            DRAWER, kit["project"], x="far", y=2, kind="group", name="ผู้บริโภค", key="k-2"
        )
    assert refused.value.message_dict == {"x": ["A place on the map is a number."]}
    with pytest.raises(ValidationError, match="outside the map"):
        project_actor_draw(
            DRAWER, kit["project"], x=float("inf"), y=2, kind="group", name="ผู้บริโภค", key="k-3"
        )
    assert not ProjectPlacement.objects.exists()
    assert not kit["network"].memberships.filter(actor__key__startswith="k-").exists()


def test_moving_an_actor_keeps_one_place_and_audits_the_move(kit):
    project_actor_place(DRAWER, kit["project"], kit["a"], x=1, y=2)
    project_actor_place(DRAWER, kit["project"], kit["a"], x=5, y=6)
    project_actor_place(DRAWER, kit["project"], kit["a"], x=5, y=6)  # no change: no event
    assert placements_of(kit["project"]) == {kit["a"].pk: (5.0, 6.0)}
    moves = AuditEvent.objects.filter(object_type="projects.projectplacement").order_by("id")
    assert [(e.action, e.changes) for e in moves] == [
        ("create", {"x": [None, 1.0], "y": [None, 2.0]}),
        ("update", {"x": [1.0, 5.0], "y": [2.0, 6.0]}),
    ]
    with pytest.raises(ValidationError, match="not a member"):
        project_actor_place(DRAWER, kit["project"], kit["outsider"], x=0, y=0)


def test_tie_update_changes_level_and_broker_in_one_version_checked_against_the_one_read(kit):
    tie = project_tie_draw(DRAWER, kit["project"], source=kit["a"], target=kit["b"], strength=4)
    tie_update(DRAWER, tie, version=1, strength=3, via=kit["c"])
    assert (tie.strength, tie.via, tie.version) == (3, kit["c"], 2)
    event = AuditEvent.objects.filter(object_type="ties.tie", action="update").get()
    assert event.changes == {"strength": [4, 3], "via": [None, kit["c"].pk]}
    with pytest.raises(EditConflict):  # someone read version 1 and asks for another level
        tie_update(Author("web:other"), tie, version=1, strength=2)
    tie_update(DRAWER, tie, version=2, via=None)  # held directly again; strength stays
    assert (tie.strength, tie.via) == (3, None)
    with pytest.raises(ValidationError, match="third actor"):
        tie_update(DRAWER, tie, via=kit["a"])


def test_tie_update_refuses_a_broker_of_another_workspace(kit, other_workspace, author):
    tie = project_tie_draw(DRAWER, kit["project"], source=kit["a"], target=kit["b"], strength=1)
    stranger = actor_create(author, other_workspace, key="x", name="คนนอก")
    with pytest.raises(ValidationError, match="another workspace"):
        tie_update(DRAWER, tie, via=stranger)
    with pytest.raises(ValidationError, match="another workspace"):
        project_tie_draw(
            DRAWER, kit["project"], source=kit["a"], target=kit["c"], strength=1, via=stranger
        )


def test_the_demo_draws_its_example_ties_once_at_each_level(kit, author):
    person = actor_create(author, kit["project"].workspace, key="d", name="นางดวงใจ ธนสาร")
    membership_set(author, kit["network"], person)
    drawn = load_drawn_map(author, kit["project"])
    assert [tie.strength for tie in drawn] == [4, 3, 2, 2, 1][: len(drawn)] and len(drawn) == 5
    assert {tie.origin for tie in drawn} == {Origin.WORKSHOP}
    through = [tie for tie in drawn if tie.via is not None]
    assert len(through) == 1 and through[0].via.kind == "person"
    assert through[0].via.pk not in (through[0].source_id, through[0].target_id)
    assert load_drawn_map(author, kit["project"]) == []  # once
    assert ProjectTie.objects.filter(project=kit["project"]).count() == 5
