"""Per-network figures worked out by hand: size and centralization, the structure verdict,
bridges, fragility, E–I indexes, the sector mix and the table of communities."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import networkx as nx
import numpy as np
import pytest

from phakhi.engine import Actors, Analysis, Options, Ties, analyze

NO_LAYOUT = Options(layout=False)


def run(
    edges: Sequence[tuple[Any, Any]],
    keys: Sequence[Any] | None = None,
    strength: int | Sequence[int] = 1,
    **attributes: Any,
) -> Analysis:
    """Analyse undirected ties ``edges``; actors are ``keys`` or the ends of the edges."""
    if keys is None:
        keys = list(dict.fromkeys(end for edge in edges for end in edge))
    strengths = [strength] * len(edges) if isinstance(strength, int) else list(strength)
    return analyze(
        Actors(keys=list(keys), **attributes),
        Ties(source=[u for u, _ in edges], target=[v for _, v in edges], strength=strengths),
        NO_LAYOUT,
    )


def run_graph(graph: nx.Graph, strength: int = 1) -> Analysis:
    graph = nx.convert_node_labels_to_integers(graph)
    return run(list(graph.edges), keys=list(graph.nodes), strength=strength)


def star(centre: str, leaves: int) -> list[tuple[str, str]]:
    return [(centre, f"{centre}-{i}") for i in range(leaves)]


# --- size, centralization, paths ---------------------------------------------------------------


@pytest.fixture(scope="module")
def star_and_isolate() -> Analysis:
    """h tied to four leaves, and z with no ties: n = 6, m = 4."""
    return run(star("h", 4), keys=["h", "h-0", "h-1", "h-2", "h-3", "z"])


def test_size_and_connectedness(star_and_isolate: Analysis) -> None:
    network = star_and_isolate.network
    assert network["nodes"] == 6
    assert network["ties"] == 4
    assert network["density"] == pytest.approx(2 * 4 / (6 * 5))
    assert network["average_degree"] == pytest.approx(8 / 6)
    assert network["components"] == 2
    assert network["largest_component"] == 5
    assert network["isolates"] == 1


def test_centralization_by_hand(star_and_isolate: Analysis) -> None:
    network = star_and_isolate.network
    # degrees 4, 1, 1, 1, 1, 0: Σ(4 − d) = 12 + 4 = 16 over (n − 1)(n − 2) = 20
    assert network["degree_centralization"] == pytest.approx(16 / 20)
    # h is on 6 of the C(5, 2) = 10 pairs of the others: betweenness 0.6, everyone else 0,
    # so Σ(0.6 − b) / (n − 1) = 5 × 0.6 / 5
    assert star_and_isolate.actors["betweenness"].tolist() == pytest.approx([0.6, 0, 0, 0, 0, 0])
    assert network["betweenness_centralization"] == pytest.approx(0.6)


def test_paths_and_clustering_by_hand(star_and_isolate: Analysis) -> None:
    network = star_and_isolate.network
    # largest component: 4 pairs at distance 1 (h to a leaf), 6 pairs of leaves at distance 2
    assert network["average_path_length"] == pytest.approx((4 * 1 + 6 * 2) / 10)
    assert network["diameter"] == 2
    assert network["transitivity"] == 0
    assert network["average_clustering"] == 0
    assert network["reciprocity"] is None  # no directed ties


def test_a_full_star_is_fully_centralized() -> None:
    network = run(star("h", 9)).network
    assert network["degree_centralization"] == pytest.approx(1.0)
    assert network["betweenness_centralization"] == pytest.approx(1.0)


def test_equal_degrees_are_not_centralized() -> None:
    network = run_graph(nx.cycle_graph(8)).network
    assert network["degree_centralization"] == 0
    assert network["betweenness_centralization"] == pytest.approx(0, abs=1e-12)


# --- structure verdict -------------------------------------------------------------------------

DOCUMENTED_THRESHOLDS = {
    "centralized_degree_centralization": 0.5,
    "hub_min_count": 2,
    "hub_tie_share": 0.5,
    "decentralized_modularity": 0.4,
    "decentralized_communities": 3,
    "decentralized_community_size": 3,
    "tight_collaborate_share": 0.5,
}
SHAPE_NAMES_TH = {
    "centralized": "รวมศูนย์",
    "hub": "ผ่าน hub / หลายจุดร่วม",
    "decentralized": "กระจายศูนย์",
    "distributed": "กระจายไปทั่ว",
}


def verdict(analysis: Analysis) -> dict[str, Any]:
    structure = analysis.network["structure"]
    assert structure["shape_th"] == SHAPE_NAMES_TH[structure["shape"]]
    assert structure["cohesion_th"] == {"tight": "แน่นแฟ้น", "loose": "หลวม ๆ"}[structure["cohesion"]]
    for name, value in DOCUMENTED_THRESHOLDS.items():
        assert structure["thresholds"][name] == value, name
    return structure


def hub_and_spoke(hubs: int, leaves: int) -> list[tuple[str, str]]:
    """``hubs`` stars of ``leaves`` leaves each, their centres all tied to each other."""
    centres = [f"h{i}" for i in range(hubs)]
    edges = [edge for centre in centres for edge in star(centre, leaves)]
    return edges + [(a, b) for i, a in enumerate(centres) for b in centres[i + 1 :]]


def test_a_star_is_centralized() -> None:
    structure = verdict(run(star("h", 19)))  # a star of 20 actors
    assert structure["shape"] == "centralized"
    assert structure["figures"]["degree_centralization"] == pytest.approx(1.0)


@pytest.mark.parametrize(("hubs", "leaves"), [(2, 10), (3, 8)])
def test_joined_stars_are_hub_and_spoke(hubs: int, leaves: int) -> None:
    structure = verdict(run(hub_and_spoke(hubs, leaves)))
    figures = structure["figures"]
    assert structure["shape"] == "hub"
    # not one centre: below the centralized threshold, which is tried first
    assert figures["degree_centralization"] < 0.5
    assert figures["hubs"] == hubs
    assert figures["hub_tie_share"] == 1.0  # every tie touches a centre
    assert leaves + hubs - 1 >= figures["hub_degree_floor"] > 1


def test_hub_degree_floor_by_hand() -> None:
    # three centres of degree 10, 24 leaves of degree 1: mean 2, sd √(324/27 − 4) = √8
    figures = verdict(run(hub_and_spoke(3, 8)))["figures"]
    assert figures["hub_degree_floor"] == pytest.approx(max(2 + 2 * np.sqrt(8), 2 * 2))


def test_a_ring_of_cliques_is_decentralized() -> None:
    structure = verdict(run_graph(nx.ring_of_cliques(5, 5)))
    figures = structure["figures"]
    assert structure["shape"] == "decentralized"
    assert figures["modularity"] >= 0.4
    assert figures["communities_of_3_or_more"] == 5
    assert figures["hubs"] == 0


DISTRIBUTED: dict[str, Callable[[], nx.Graph]] = {
    "grid-6x6": lambda: nx.grid_2d_graph(6, 6),
    "ring-lattice-30-4": lambda: nx.watts_strogatz_graph(30, 4, 0),
    "ring-lattice-20-6": lambda: nx.watts_strogatz_graph(20, 6, 0),
}


@pytest.mark.parametrize("name", DISTRIBUTED)
def test_a_lattice_is_distributed(name: str) -> None:
    """A lattice has no centre and no groups: every actor has the same few neighbours. (Sparse
    lattices still reach modularity ≥ 0.4 with ≥ 3 communities, so the modularity rule alone
    calls them decentralized.)"""
    structure = verdict(run_graph(DISTRIBUTED[name]()))
    assert structure["figures"]["hubs"] == 0
    assert structure["figures"]["degree_centralization"] < 0.1
    figures = structure["figures"]
    assert structure["shape"] == "distributed", (
        f"modularity {figures['modularity']:.3f}, "
        f"{figures['communities_of_3_or_more']} communities of 3 or more"
    )


# Tight and loose are the workshop's bands of tie strength (INVENTORY §1.2, W 306–310):
# แน่นแฟ้น = collaborate (4); หลวม ๆ = co-ordinate (2) and co-operate (3). Density and closure do
# not make a network tight, nor their absence loose.
TRIANGLE = [("a", "b"), ("b", "c"), ("a", "c")]


@pytest.mark.parametrize(
    ("edges", "strength", "share", "cohesion"),
    [
        (TRIANGLE, 4, 1.0, "tight"),  # density 1.0, every tie collaborate
        (TRIANGLE, 3, 0.0, "loose"),  # density 1.0, but co-operate
        (TRIANGLE, 2, 0.0, "loose"),  # co-ordinate
        (star("h", 5), 4, 1.0, "tight"),  # no triangle at all, every tie collaborate
        (star("h", 5), 3, 0.0, "loose"),
    ],
    ids=["triangle-4", "triangle-3", "triangle-2", "star-4", "star-3"],
)
def test_tight_means_ties_at_the_collaborate_level(
    edges: list[tuple[str, str]], strength: int, share: float, cohesion: str
) -> None:
    structure = verdict(run(edges, strength=strength))
    assert structure["figures"]["collaborate_tie_share"] == share
    assert structure["cohesion"] == cohesion


def test_a_clique_of_co_operate_ties_is_loose() -> None:
    structure = verdict(run_graph(nx.complete_graph(6), strength=3))
    assert structure["figures"]["transitivity"] == 1
    assert structure["cohesion"] == "loose"


@pytest.mark.parametrize(
    ("strengths", "cohesion"),
    [([4, 4, 4, 3, 2, 1], "tight"), ([4, 4, 3, 3, 3, 3], "loose")],
    ids=["3-of-6-collaborate", "2-of-6-collaborate"],
)
def test_half_the_ties_at_the_collaborate_level_is_tight(
    strengths: list[int], cohesion: str
) -> None:
    # a 4-clique: six ties, the same pair never twice
    edges = [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("b", "d"), ("c", "d")]
    structure = verdict(run(edges, strength=strengths))
    assert structure["figures"]["collaborate_tie_share"] == strengths.count(4) / 6
    assert structure["cohesion"] == cohesion


def test_the_same_pair_counts_at_its_strongest_tie() -> None:
    # a–b twice (co-ordinate and collaborate): one edge at 4; b–c co-operate
    structure = verdict(run([("a", "b"), ("a", "b"), ("b", "c")], strength=[2, 4, 3]))
    assert structure["figures"]["collaborate_tie_share"] == 0.5
    assert structure["cohesion"] == "tight"


# --- bridges -----------------------------------------------------------------------------------


def bridge_cuts(analysis: Analysis) -> list[tuple[frozenset[Any], int]]:
    bridges = analysis.network["bridges"]
    assert bridges["listed"] == len(bridges["ties"]) == bridges["count"]
    return [(frozenset((t["source"], t["target"])), t["cut_off"]) for t in bridges["ties"]]


def test_bridges_of_a_path_beside_a_triangle() -> None:
    path = [("a", "b"), ("b", "c"), ("c", "d")]
    triangle = [("x", "y"), ("y", "z"), ("z", "x")]
    cuts = bridge_cuts(run(path + triangle))
    # b–c leaves {a, b} | {c, d}; a–b and c–d each cut off one end; the triangle has none
    assert cuts[0] == (frozenset("bc"), 2)
    assert sorted(cuts[1:], key=str) == sorted(
        [(frozenset("ab"), 1), (frozenset("cd"), 1)], key=str
    )


def test_bridges_of_a_path_into_a_triangle() -> None:
    edges = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("f", "d")]
    cuts = bridge_cuts(run(edges))
    # c–d: {a, b, c} | {d, e, f}; b–c: {a, b} | rest; a–b: {a} | rest — most cut off first
    assert cuts == [(frozenset("cd"), 3), (frozenset("bc"), 2), (frozenset("ab"), 1)]


def test_no_bridges_in_a_cycle() -> None:
    assert run_graph(nx.cycle_graph(5)).network["bridges"] == {"count": 0, "listed": 0, "ties": []}


# --- fragility ---------------------------------------------------------------------------------


def test_fragility_of_a_star() -> None:
    fragility = run(star("h", 9)).network["fragility"]  # 10 actors
    assert [f["k"] for f in fragility] == [1, 3, 5]
    # without the centre, nine isolated leaves: largest component 1 of the 10 before
    assert fragility[0]["removed"] == ["h"]
    for row in fragility:
        assert row["removed"][0] == "h"
        assert len(row["removed"]) == row["k"]
        assert row["largest_component"] == 1
        assert row["share"] == pytest.approx(1 / 10)


def test_fragility_of_a_path_beside_a_triangle() -> None:
    # path a-b-c-d-e, triangle x-y-z, isolate w: the largest component is the path (5)
    edges = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("x", "y"), ("y", "z"), ("z", "x")]
    result = run(edges, keys=["a", "b", "c", "d", "e", "x", "y", "z", "w"])
    one, three, five = result.network["fragility"]
    assert one["removed"] == ["c"]  # c is on 4 pairs' paths; b and d on 3
    assert (one["largest_component"], one["share"]) == (3, pytest.approx(3 / 5))  # the triangle
    assert set(three["removed"]) == {"b", "c", "d"}
    assert (three["largest_component"], three["share"]) == (3, pytest.approx(3 / 5))
    assert five["k"] == 5


def test_fragility_stops_below_the_network_size() -> None:
    fragility = run([("a", "b"), ("b", "c"), ("c", "d")]).network["fragility"]
    assert [f["k"] for f in fragility] == [1, 3]  # k = 5 would remove more than there is
    assert fragility[0]["share"] == pytest.approx(2 / 4)
    assert fragility[1]["share"] == pytest.approx(1 / 4)


# --- E–I indexes and sector mix ----------------------------------------------------------------

FOUR: dict[str, Any] = {
    "keys": ["a", "b", "c", "d"],
    "sector": ["people", "people", "academic", "government"],
    "province": ["Khon Kaen", "Khon Kaen", "Udon Thani", None],
    "tags": [["elder"], ["elder", "youth"], ["youth"], ["disability"]],
}
FOUR_TIES = [("a", "b"), ("b", "c"), ("c", "d"), ("a", "d"), ("a", "c")]


@pytest.fixture(scope="module")
def four() -> Analysis:
    return run(FOUR_TIES, **FOUR)


def test_ei_index_by_hand(four: Analysis) -> None:
    ei = four.network["ei_index"]
    # sector: a–b inside; b–c, c–d, a–d, a–c across → (4 − 1) / 5
    assert ei["sector"] == pytest.approx(3 / 5)
    # province: d has none, so c–d and a–d are left out; a–b inside; b–c, a–c across
    assert ei["province"] == pytest.approx((2 - 1) / 3)
    # tags: a–b share "elder", b–c share "youth"; c–d, a–d, a–c share nothing → (3 − 2) / 5
    assert ei["tags"] == pytest.approx(1 / 5)


def test_sector_mix_by_hand(four: Analysis) -> None:
    mix = four.network["sector_mix"]
    assert mix["ties_counted"] == 5
    assert mix["within"] == pytest.approx(1 / 5)
    assert mix["across"] == pytest.approx(4 / 5)
    assert mix["pairs"] == pytest.approx(
        {
            "academic–government": 1 / 5,  # c–d
            "academic–people": 2 / 5,  # b–c, a–c
            "government–people": 1 / 5,  # a–d
            "people–people": 1 / 5,  # a–b
        }
    )


def test_ei_index_extremes() -> None:
    keys, sector = ["a", "b", "c", "d"], ["people", "people", "academic", "academic"]
    inside = run([("a", "b"), ("c", "d")], keys=keys, sector=sector).network["ei_index"]
    across = run([("a", "c"), ("b", "d")], keys=keys, sector=sector).network["ei_index"]
    assert inside["sector"] == -1
    assert across["sector"] == 1


def test_no_attributes_give_no_index() -> None:
    network = run(FOUR_TIES).network
    assert network["ei_index"] == {"sector": None, "province": None, "tags": None}
    assert network["sector_mix"]["ties_counted"] == 0
    assert network["sector_mix"]["within"] is None


# --- communities table -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cliques() -> tuple[nx.Graph, Analysis]:
    """Four 5-cliques in a ring, plus two isolates; clique 0 all people, clique 1 academic but
    one actor with no sector."""
    graph = nx.ring_of_cliques(4, 5)
    graph.add_nodes_from([20, 21])
    sector: list[str | None] = ["people"] * 5 + ["academic"] * 4 + [None] + ["government"] * 12
    return graph, run(list(graph.edges), keys=list(graph.nodes), sector=sector)


def test_community_table_adds_up(cliques: tuple[nx.Graph, Analysis]) -> None:
    graph, result = cliques
    table = result.communities
    community = result.actors["community"]
    assert [row["id"] for row in table] == list(range(len(table)))
    assert sum(row["size"] for row in table) == graph.number_of_nodes() - 2  # isolates left out
    for row in table:
        members = {
            k for k, c in zip(result.keys, community.tolist(), strict=True) if c == row["id"]
        }
        assert row["size"] == len(members)
        assert sum(row["sectors"].values()) == row["size"]
        assert 1 <= len(row["leaders"]) <= 3
        assert set(row["leaders"]) <= members
        degree = dict(graph.degree())
        lowest_leader = min(degree[k] for k in row["leaders"])
        assert all(degree[k] <= lowest_leader for k in members - set(row["leaders"]))
    internal = sum(row["internal_ties"] for row in table)
    external = sum(row["external_ties"] for row in table)
    assert internal + external / 2 == graph.number_of_edges()


def test_community_table_by_hand(cliques: tuple[nx.Graph, Analysis]) -> None:
    _, result = cliques
    for row in result.communities:
        assert row["size"] == 5  # Leiden finds the four cliques
        assert row["internal_ties"] == 10  # C(5, 2)
        assert row["external_ties"] == 2  # one ring tie to each neighbouring clique
    community_of = dict(zip(result.keys, result.actors["community"].tolist(), strict=True))
    rows = {row["id"]: row for row in result.communities}
    assert rows[community_of[0]]["sectors"] == {"people": 5}
    assert rows[community_of[5]]["sectors"] == {"academic": 4, "unknown": 1}
    assert community_of[20] == community_of[21] == -1
