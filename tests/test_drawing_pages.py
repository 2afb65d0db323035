"""Worksheet 3, drawing the map: the project's map page and the endpoints its script calls (JSON)
and the ties fragment (htmx), with what each role may do."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from phakhi.actors.models import Actor
from phakhi.actors.services import actor_create
from phakhi.core.models import AuditEvent
from phakhi.networks.models import Membership
from phakhi.networks.services import membership_set, network_create
from phakhi.projects.drawing import project_tie_draw
from phakhi.projects.models import ProjectPlacement, ProjectTie
from phakhi.projects.services import project_create
from phakhi.ties.models import Origin, Tie
from tests.accounts_support import AUTHOR, client_for, user_with_role


@pytest.fixture
def kit(workspace):
    organic = network_create(AUTHOR, workspace, slug="organic", name="กลุ่มเกษตรอินทรีย์")
    project = project_create(
        AUTHOR, workspace, slug="organic-2569", name="ตลาดเกษตรอินทรีย์", network=organic
    )
    actors = {}
    for key, name in (("a", "นายชาคริต ดีงาม"), ("b", "กลุ่มแม่บ้านบ้านนา"), ("c", "รพ.สต.บ้านนา")):
        actors[key] = actor_create(AUTHOR, workspace, key=key, name=name)
        membership_set(AUTHOR, organic, actors[key])
    return {"workspace": workspace, "project": project, "network": organic, **actors}


def _url(kit, name, *args):
    return reverse(f"web:{name}", args=[kit["workspace"].slug, kit["project"].slug, *args])


@pytest.fixture
def coordinator(kit):
    return client_for(user_with_role(kit["workspace"], "coordinator"))


def test_the_tab_opens_the_map_of_the_lead_network_with_the_drawing_tools(kit, coordinator):
    page = coordinator.get(_url(kit, "project-map")).content.decode()
    assert 'id="map-draw"' in page and "Add an actor" in page and "Draw a tie by name" in page
    assert 'aria-current="page">Draw the map</a>' in page
    config = json.loads(page.split('id="map-config" type="application/json">')[1].split("<")[0])
    assert config["drawing"]["tie_url"] == _url(kit, "project-map-tie-add")
    assert config["share"]["title"] == "ตลาดเกษตรอินทรีย์"
    assert [level["value"] for level in config["share"]["levels"]] == [4, 3, 2, 1]
    thai = coordinator.get(_url(kit, "project-map"), headers={"Accept-Language": "th"})
    text = thai.content.decode()
    assert "แน่นแฟ้น" in text and "หลวม ๆ" in text and "รู้จัก" in text


def test_a_viewer_reads_the_map_and_shares_it_but_draws_nothing(kit):
    viewer = client_for(user_with_role(kit["workspace"], "viewer"))
    page = viewer.get(_url(kit, "project-map")).content.decode()
    assert 'id="map-draw"' not in page and '"drawing"' not in page
    assert "Share the picture (PNG)" in page
    response = viewer.post(_url(kit, "project-map-tie-add"), {"source": "a", "target": "b"})
    assert response.status_code == 403 and not Tie.objects.exists()
    youth = network_create(AUTHOR, kit["workspace"], slug="youth", name="เครือข่ายเยาวชน")
    elsewhere = client_for(
        user_with_role(kit["workspace"], "coordinator", "youth", networks=(youth,))
    )
    script = elsewhere.post(
        _url(kit, "project-map-tie-add"), {"source": "a", "target": "b"},
        headers={"Accept": "application/json"},
    )  # fmt: skip
    assert script.status_code == 403
    assert script.json()["errors"]["__all__"] == [
        "Only the admins and the coordinators of the project's lead network draw on its map."
    ]


def test_the_data_are_the_lead_networks_whatever_the_query_says(kit, coordinator, workspace):
    outsider = actor_create(AUTHOR, workspace, key="out", name="สำนักงานเกษตรจังหวัด")
    ProjectPlacement.objects.create(
        workspace=workspace, project=kit["project"], actor=kit["a"], x=-50.0, y=30.0
    )
    ProjectPlacement.objects.create(
        workspace=workspace, project=kit["project"], actor=kit["b"], x=50.0, y=30.0
    )
    data = coordinator.get(_url(kit, "project-map-data") + "?network=").json()
    nodes = data["nodes"]
    assert sorted(nodes["key"]) == ["a", "b", "c"] and outsider.pk not in nodes["id"]
    assert nodes["editable"] == [1, 1, 1]
    a, b = nodes["key"].index("a"), nodes["key"].index("b")
    frame = data["frame"]  # the map's coordinates map back to where they were put
    for i, x in ((a, -50.0), (b, 50.0)):
        assert frame["x0"] + nodes["x"][i] * frame["scale"] == pytest.approx(x, abs=0.1)
        assert frame["y0"] + nodes["y"][i] * frame["scale"] == pytest.approx(30.0, abs=0.1)


def test_an_actor_added_from_the_map_joins_the_network_where_it_was_put(kit, coordinator):
    response = coordinator.post(
        _url(kit, "project-map-actor-add"),
        {"kind": "group", "name": "ผู้บริโภค", "sector": "civil", "x": "7.5", "y": "-2"},
    )
    assert response.status_code == 201, response.content
    actor = Actor.objects.get(pk=response.json()["id"])
    assert (actor.key, actor.kind, actor.sector) == ("organic-2569-1", "group", "civil")
    assert Membership.objects.filter(actor=actor, network=kit["network"]).exists()
    assert ProjectPlacement.objects.get(actor=actor).x == 7.5
    again = coordinator.post(
        _url(kit, "project-map-actor-add"), {"kind": "group", "name": "ผู้บริโภค", "x": "0"}
    )
    assert again.status_code == 409  # the same name: the directory's actor is offered first
    assert again.json()["duplicates"] == [
        {"id": actor.pk, "name": "ผู้บริโภค", "key": "organic-2569-1", "on_map": True}
    ]
    confirmed = coordinator.post(
        _url(kit, "project-map-actor-add"),
        {"kind": "group", "name": "ผู้บริโภค", "confirm": "True"},
    )
    assert confirmed.status_code == 201 and confirmed.json()["key"] == "organic-2569-2"
    empty = coordinator.post(_url(kit, "project-map-actor-add"), {"kind": "group", "name": ""})
    assert empty.status_code == 400 and "name" in empty.json()["errors"]


def test_a_tie_drawn_between_two_actors_is_a_workshop_tie_of_the_project(kit, coordinator):
    response = coordinator.post(
        _url(kit, "project-map-tie-add"),
        {"source": "x", "source_key": "a", "target_key": "b", "target": "y", "strength": "2",
         "via": "รพ.สต."},
    )  # fmt: skip
    assert response.status_code == 201, response.content
    tie = Tie.objects.get(pk=response.json()["id"])
    assert (tie.origin, tie.strength, tie.via) == (Origin.WORKSHOP, 2, kit["c"])
    assert ProjectTie.objects.get(tie=tie).project == kit["project"]
    twice = coordinator.post(
        _url(kit, "project-map-tie-add"),
        {"source_key": "b", "source": "b", "target_key": "a", "target": "a", "strength": "4"},
    )
    assert twice.status_code == 400
    assert twice.json()["errors"] == {"target": ["These actors already have a tie of this kind."]}
    no_level = coordinator.post(_url(kit, "project-map-tie-add"), {"source": "a", "target": "c"})
    assert no_level.json()["errors"]["strength"] == ["Choose how close the tie is."]


def test_a_tie_to_an_actor_off_the_map_is_refused_with_the_reason(kit, coordinator, workspace):
    actor_create(AUTHOR, workspace, key="out", name="สำนักงานเกษตรจังหวัด")
    response = coordinator.post(
        _url(kit, "project-map-tie-add"), {"source": "a", "target": "out", "strength": "1"}
    )
    assert response.status_code == 400
    assert "is not a member of กลุ่มเกษตรอินทรีย์" in response.json()["errors"]["target"][0]


def test_a_limited_coordinator_draws_only_from_actors_they_may_edit(kit, workspace):
    """They coordinate the lead network, but "c" is also in a network that is not theirs."""
    other = network_create(AUTHOR, workspace, slug="other", name="เครือข่ายอื่น")
    membership_set(AUTHOR, other, kit["c"])
    membership_set(AUTHOR, other, kit["b"])
    limited = client_for(
        user_with_role(workspace, "coordinator", "limited", networks=(kit["network"],))
    )
    refused = limited.post(
        _url(kit, "project-map-tie-add"), {"source": "b", "target": "c", "strength": "3"}
    )
    assert refused.status_code == 403 and not Tie.objects.exists()
    drawn = limited.post(
        _url(kit, "project-map-tie-add"), {"source": "a", "target": "c", "strength": "3"}
    )
    assert drawn.status_code == 201
    data = limited.get(_url(kit, "project-map-data")).json()
    editable = dict(zip(data["nodes"]["key"], data["nodes"]["editable"], strict=True))
    assert editable == {"a": 1, "b": 0, "c": 0}


def test_the_ties_between_two_actors_are_changed_and_ended_with_their_version(kit, coordinator):
    tie = project_tie_draw(AUTHOR, kit["project"], source=kit["a"], target=kit["b"], strength=4)
    fragment = coordinator.get(_url(kit, "project-map-ties", kit["b"].pk, kit["a"].pk))
    text = fragment.content.decode()
    assert "Ties between กลุ่มแม่บ้านบ้านนา and นายชาคริต ดีงาม" in text
    assert "Tight — collaborate (4)" in text and "workshop" in text and "End the tie" in text
    prefix = f"tie-{tie.pk}"
    changed = coordinator.post(
        _url(kit, "project-map-tie-change", tie.pk),
        {f"{prefix}-version": "1", f"{prefix}-strength": "3", f"{prefix}-via_key": "c",
         f"{prefix}-via": "c"},
    )  # fmt: skip
    assert changed["HX-Trigger"] == "phakhi:map-changed"
    tie.refresh_from_db()
    assert (tie.strength, tie.via, tie.version) == (3, kit["c"], 2)
    stale = coordinator.post(
        _url(kit, "project-map-tie-change", tie.pk),
        {f"{prefix}-version": "1", f"{prefix}-strength": "2", f"{prefix}-via": ""},
    )
    assert "changed" in stale.content.decode() and "nothing was saved" in stale.content.decode()
    assert "HX-Trigger" not in stale
    tie.refresh_from_db()
    assert tie.strength == 3
    ended = coordinator.post(
        _url(kit, "project-map-tie-end", tie.pk),
        {f"{prefix}-end-version": "2", f"{prefix}-end-until": "2026-01-31"},
    )
    assert "The tie has been ended." in ended.content.decode()
    tie.refresh_from_db()
    assert tie.until == dt.date(2026, 1, 31)
    assert "No tie in force between them." in ended.content.decode()
    assert AuditEvent.objects.filter(object_type="ties.tie", action="update").count() == 2


def test_a_viewer_reads_the_ties_without_their_forms(kit):
    project_tie_draw(AUTHOR, kit["project"], source=kit["a"], target=kit["b"], strength=1)
    viewer = client_for(user_with_role(kit["workspace"], "viewer"))
    text = viewer.get(_url(kit, "project-map-ties", kit["a"].pk, kit["b"].pk)).content.decode()
    assert ">Know each other — networking (1)</h3>" in text and 'type="radio"' not in text
    assert "End the tie" not in text and "Change the tie" not in text


def test_a_project_without_a_lead_network_draws_on_the_whole_workspace(kit, coordinator):
    open_project = project_create(AUTHOR, kit["workspace"], slug="open", name="โครงการเปิด")
    outsider = actor_create(AUTHOR, kit["workspace"], key="out", name="สำนักงานเกษตรจังหวัด")
    url = reverse("web:project-map", args=[kit["workspace"].slug, open_project.slug])
    assert coordinator.get(url).status_code == 200
    data = coordinator.get(f"{url}data/").json()
    assert set(data["nodes"]["key"]) == {"a", "b", "c", "out"}
    drawn = coordinator.post(f"{url}ties/new/", {"source": "out", "target": "a", "strength": "4"})
    assert drawn.status_code == 201
    assert ProjectTie.objects.get(tie_id=drawn.json()["id"]).project == open_project
    assert not Membership.objects.filter(actor=outsider).exists()  # nobody joins a network


def test_the_directorys_actor_the_room_meant_is_put_on_the_map(kit, coordinator, workspace):
    office = actor_create(AUTHOR, workspace, key="out", name="สำนักงานเกษตรจังหวัด", kind="group")
    offered = coordinator.post(
        _url(kit, "project-map-actor-add"),
        {"kind": "group", "name": "สำนักงานเกษตรจังหวัด", "x": "5", "y": "6"},
    )
    assert offered.status_code == 409
    assert offered.json()["duplicates"] == [
        {"id": office.pk, "name": "สำนักงานเกษตรจังหวัด", "key": "out", "on_map": False}
    ]
    joined = coordinator.post(_url(kit, "project-map-join", office.pk), {"x": "5", "y": "6"})
    assert joined.status_code == 201 and joined.json()["key"] == "out"
    assert Membership.objects.filter(actor=office, network=kit["network"]).count() == 1
    assert ProjectPlacement.objects.get(actor=office).y == 6.0
    again = coordinator.post(_url(kit, "project-map-join", office.pk), {"x": "7", "y": "8"})
    assert again.status_code == 201  # on the map already: moved, no second membership
    assert Membership.objects.filter(actor=office, network=kit["network"]).count() == 1
    assert Actor.objects.filter(workspace=workspace, name="สำนักงานเกษตรจังหวัด").count() == 1
