"""The network map's data: what the payload holds, its filters, that it carries no contact
details, that it stays inside its workspace, and that its query count does not grow with the
network."""

import datetime as dt
import itertools
import json
from typing import Any

import networkx as nx
import pytest
from django.core.exceptions import ValidationError

from phakhi.accounts.models import Role
from phakhi.accounts.permissions import Access
from phakhi.actors.services import actor_create
from phakhi.analysis.models import AnalysisRun
from phakhi.analysis.services import analysis_request
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.networks.services import membership_set, network_create
from phakhi.ties.services import tie_create
from tests.map_support import EMAIL, LINE, PHONE, map_payload, node_of, pairs, viewer


def test_payload_has_every_actor_with_layout_measures_and_one_edge_per_pair(
    workspace: Workspace, analysed: AnalysisRun
) -> None:
    payload = map_payload(workspace, access=viewer(workspace))
    nodes, edges = payload["nodes"], payload["edges"]
    assert sorted(nodes["key"]) == ["A1", "A2", "A3", "A4", "B1", "B2", "C", "H"]
    assert payload["counts"] == {"nodes": 8, "edges": 8}
    assert all(len(column) == 8 for column in nodes.values())
    assert all(len(column) == 8 for column in edges.values())
    hub = node_of(payload, "H")
    assert nodes["label"][hub] == "ภาคี H"
    assert nodes["sector"][hub] == "government" and nodes["kind"][hub] == "organization"
    assert nodes["sector"][node_of(payload, "C")] == "none"
    assert payload["provinces"][nodes["province"][hub]] == "Chiang Mai"  # in the UI language
    assert nodes["degree"][hub] == 4 and nodes["hub"][hub] in (0, 1)
    assert all(0 <= v <= 1000 for v in nodes["x"] + nodes["y"])
    assert payload["layout"] == "stored" and payload["needs_analysis"] is False
    assert payload["run"]["id"] == analysed.pk
    assert payload["run"]["shape"] == analysed.results["structure"]["shape"]
    # H–A1 twice (strength 4 and 2) is one edge of strength 4; the ended A2–A3 tie is not shown.
    by_pair = pairs(payload)
    assert edges["strength"][by_pair[frozenset(("H", "A1"))]] == 4
    assert frozenset(("A2", "A3")) not in by_pair
    tagged = {nodes["key"][n] for n, t in zip(payload["tag_links"]["node"],
                                               payload["tag_links"]["tag"], strict=True)
              if payload["tags"][t] == "สุขภาพ"}  # fmt: skip
    assert tagged == {"H", "B1"}


def test_bridges_directions_and_articulation_points(
    workspace: Workspace, analysed: AnalysisRun
) -> None:
    payload = map_payload(workspace, access=viewer(workspace))
    edges, by_pair = payload["edges"], pairs(payload)
    bridges = {pair for pair, i in by_pair.items() if edges["bridge"][i]}
    expected = [("H", "A3"), ("H", "A4"), ("A1", "B1"), ("B1", "B2"), ("B2", "C")]
    assert bridges == {frozenset(p) for p in expected}
    one_way = by_pair[frozenset(("B2", "C"))]
    keys = payload["nodes"]["key"]
    assert edges["directed"][one_way] == 1
    assert (keys[edges["source"][one_way]], keys[edges["target"][one_way]]) == ("B2", "C")
    assert sum(edges["directed"]) == 1
    articulation = {k for k, a in zip(keys, payload["nodes"]["articulation"], strict=True) if a}
    assert articulation == {"H", "A1", "B1", "B2"}


def test_legend_names_every_sector_in_thai_and_english_with_a_colour(
    workspace: Workspace, analysed: AnalysisRun
) -> None:
    legend = map_payload(workspace, access=viewer(workspace))["legend"]
    sectors = {row["value"]: row for row in legend["sectors"]}
    assert set(sectors) == {"civil", "academic", "government", "none"}
    assert sectors["government"]["th"] == "ภาครัฐ" and sectors["government"]["en"] == "government"
    assert sectors["civil"]["count"] == 4 and sectors["none"]["count"] == 1
    assert all(row["colour"].startswith("#") for row in sectors.values())
    assert [s["value"] for s in legend["strengths"]] == [1, 2, 3, 4]


def test_no_contact_details_travel_with_the_map(
    workspace: Workspace, analysed: AnalysisRun
) -> None:
    text = json.dumps(map_payload(workspace, access=viewer(workspace)), ensure_ascii=False)
    for secret in (PHONE, "+6681", "812345678", EMAIL, LINE):
        assert secret not in text
    payload = map_payload(workspace, access=Access(None, workspace, Role.ADMIN))
    assert not {"phone", "email", "line_id", "address"} & set(payload["nodes"])


@pytest.mark.parametrize(
    ("filters", "keys"),
    [
        ({"sector": "civil"}, {"A1", "A2", "A3", "A4"}),
        ({"sector": ["academic", "none"]}, {"B1", "B2", "C"}),
        ({"province": "ลำพูน"}, {"B1", "B2"}),
        ({"province": "51"}, {"B1", "B2"}),  # the DOPA code of Lamphun
        ({"tag": "สุขภาพ"}, {"H", "B1"}),
        ({"sector": "civil", "province": "เชียงใหม่"}, {"A1", "A2", "A3", "A4"}),
    ],
)
def test_filters_narrow_the_actors_and_keep_the_ties_among_them(
    workspace: Workspace, analysed: AnalysisRun, filters: dict[str, Any], keys: set[str]
) -> None:
    payload = map_payload(workspace, access=viewer(workspace), **filters)
    assert set(payload["nodes"]["key"]) == keys
    shown = set(payload["nodes"]["key"])
    assert all(pair <= shown for pair in pairs(payload))
    assert payload["nodes"]["degree"][0] is not None  # measures still come from the run


def test_minimum_strength_drops_weaker_ties_but_keeps_the_actors(
    workspace: Workspace, analysed: AnalysisRun
) -> None:
    payload = map_payload(workspace, access=viewer(workspace), min_strength=3)
    assert payload["counts"]["nodes"] == 8
    assert set(pairs(payload)) == {frozenset(("H", "A1")), frozenset(("H", "A2"))}


def test_ego_network_of_radius_one_and_two(workspace: Workspace, actors: dict[str, Any]) -> None:
    access = viewer(workspace)
    near = map_payload(workspace, access=access, ego=actors["B1"], radius=1)
    assert set(near["nodes"]["key"]) == {"A1", "B1", "B2"}
    assert near["counts"]["edges"] == 2
    far = map_payload(workspace, access=access, ego=actors["B1"], radius=2)
    assert set(far["nodes"]["key"]) == {"H", "A1", "A2", "B1", "B2", "C"}
    # The ego network is taken after the other filters: academic only leaves B1's own side.
    narrowed = map_payload(workspace, access=access, ego=actors["B1"], radius=2,
                           sector="academic")  # fmt: skip
    assert set(narrowed["nodes"]["key"]) == {"B1", "B2"}


def per_node(payload: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    """Each node's measures and issues, by key."""
    nodes, links = payload["nodes"], payload["tag_links"]
    issues = {key: set() for key in nodes["key"]}
    for node, tag in zip(links["node"], links["tag"], strict=True):
        issues[nodes["key"][node]].add(payload["tags"][tag])
    return {
        key: (nodes["degree"][i], nodes["betweenness"][i], nodes["community"][i], issues[key])
        for i, key in enumerate(nodes["key"])
    }


def test_ego_maps_are_networkx_ego_graphs_of_the_map_they_narrow(
    workspace: Workspace, author: Author, actors: dict[str, Any], analysed: AnalysisRun
) -> None:
    """An ego map reads its ties outward from the ego, and its actors' measures and issues by
    id; it must show what networkx's ego graph of the same map without an ego shows: its
    actors, every tie among them, and the same measures and issues for each."""
    for left, right, strength in [("C", "A2", 1), ("A1", "B2", 3), ("H", "C", 1)]:
        tie_create(author, workspace, actors[left], actors[right], strength=strength)
    access = viewer(workspace)
    for filters in [{}, {"min_strength": 2}, {"sector": "academic"}, {"min_strength": 3}]:
        whole = map_payload(workspace, access=access, **filters)
        graph = nx.Graph(tuple(pair) for pair in pairs(whole))
        graph.add_nodes_from(whole["nodes"]["key"])
        for key in whole["nodes"]["key"]:
            for radius in (1, 2):
                ego = map_payload(workspace, access=access, ego=actors[key], radius=radius,
                                  **filters)  # fmt: skip
                expected = nx.ego_graph(graph, key, radius=radius)
                assert set(ego["nodes"]["key"]) == set(expected.nodes), (filters, key, radius)
                assert set(pairs(ego)) == {frozenset(e) for e in expected.edges}, (filters, key)
                shown = per_node(ego)
                assert shown == {k: v for k, v in per_node(whole).items() if k in shown}, key


def test_community_filter_keeps_one_cluster_of_the_run(
    workspace: Workspace, analysed: AnalysisRun
) -> None:
    access = viewer(workspace)
    full = map_payload(workspace, access=access)
    community = full["nodes"]["community"][node_of(full, "H")]
    same = {k for k, c in zip(full["nodes"]["key"], full["nodes"]["community"], strict=True)
            if c == community}  # fmt: skip
    payload = map_payload(workspace, access=access, community=community)
    assert set(payload["nodes"]["key"]) == same
    assert community in full["communities"]


def test_a_network_map_shows_its_current_members_and_prefers_its_own_run(
    workspace: Workspace, author: Author, actors: dict[str, Any], analysed: AnalysisRun
) -> None:
    network = network_create(author, workspace, slug="core", name="แกนนำ")
    for key in ("H", "A1", "A2"):
        membership_set(author, network, actors[key])
    membership_set(author, network, actors["B1"], until=dt.date(2021, 1, 1))  # left long ago
    payload = map_payload(workspace, network=network, access=viewer(workspace))
    assert set(payload["nodes"]["key"]) == {"H", "A1", "A2"}
    assert payload["run"]["id"] == analysed.pk and payload["run"]["of_whole_workspace"] is True
    own = analysis_request(author, workspace, network=network, background=False)
    payload = map_payload(workspace, network=network, access=viewer(workspace))
    assert payload["run"]["id"] == own.pk and payload["run"]["of_whole_workspace"] is False
    assert payload["filters"]["network"] == "core"


def test_without_an_analysis_the_map_still_draws_and_asks_for_one(
    workspace: Workspace, actors: dict[str, Any]
) -> None:
    payload = map_payload(workspace, access=Access(None, workspace, Role.COORDINATOR))
    assert payload["run"] is None and payload["needs_analysis"] is True
    assert payload["can_analyze"] is True and payload["layout"] == "none"
    assert payload["counts"] == {"nodes": 8, "edges": 8}
    assert payload["nodes"]["degree"] == [None] * 8
    points = set(zip(payload["nodes"]["x"], payload["nodes"]["y"], strict=True))
    assert len(points) == 8  # every actor has a place of its own
    assert map_payload(workspace, access=viewer(workspace))["can_analyze"] is False


def test_an_actor_added_after_the_run_is_placed_next_to_its_partner(
    workspace: Workspace, author: Author, actors: dict[str, Any], analysed: AnalysisRun
) -> None:
    newcomer = actor_create(author, workspace, key="N", name="ภาคีใหม่")
    tie_create(author, workspace, actors["B2"], newcomer, strength=2)
    payload = map_payload(workspace, access=viewer(workspace))
    assert payload["layout"] == "placed"
    nodes = payload["nodes"]
    n, b2 = node_of(payload, "N"), node_of(payload, "B2")
    assert nodes["degree"][n] is None  # not in the run: no measures
    distance = abs(nodes["x"][n] - nodes["x"][b2]) + abs(nodes["y"][n] - nodes["y"][b2])
    assert distance < 100  # of a 1,000-unit map


def test_bad_filters_are_refused_with_the_field_named(workspace: Workspace) -> None:
    access = viewer(workspace)
    for filters, field in (
        ({"min_strength": 5}, "min_strength"),
        ({"radius": 3}, "radius"),
        ({"sector": "media"}, "sector"),
        ({"province": "Atlantis"}, "province"),
        ({"community": 0}, "community"),  # no run yet: no clusters
    ):
        with pytest.raises(ValidationError) as error:
            map_payload(workspace, access=access, **filters)
        assert field in error.value.message_dict


def test_another_workspaces_network_or_actor_is_not_found(
    workspace: Workspace, other_workspace: Workspace, author: Author, actors: dict[str, Any]
) -> None:
    theirs = network_create(author, other_workspace, slug="theirs", name="Theirs")
    with pytest.raises(NotFound):
        map_payload(workspace, network=theirs, access=viewer(workspace))
    with pytest.raises(NotFound):
        map_payload(other_workspace, ego=actors["H"], access=viewer(other_workspace))
    assert map_payload(other_workspace, access=viewer(other_workspace))["counts"]["nodes"] == 0


def test_query_count_does_not_grow_with_the_network(
    workspace: Workspace, author: Author, actors: dict[str, Any], analysed: AnalysisRun,
    django_assert_max_num_queries: Any,
) -> None:  # fmt: skip
    access = viewer(workspace)
    with django_assert_max_num_queries(8):
        map_payload(workspace, access=access)
    more = [actor_create(author, workspace, key=f"X{i}", name=f"X{i}", tags="สุขภาพ")
            for i in range(40)]  # fmt: skip
    for left, right in itertools.pairwise(more):
        tie_create(author, workspace, left, right, strength=2)
    analysis_request(author, workspace, background=False)
    with django_assert_max_num_queries(8):
        assert map_payload(workspace, access=access)["counts"]["nodes"] == 48
    # An ego map reads outward from the ego: three queries a step, whatever the workspace.
    with django_assert_max_num_queries(10):
        map_payload(workspace, access=access, ego=actors["H"], radius=2, tag="สุขภาพ")
