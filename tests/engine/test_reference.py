"""The engine's measures against networkx on the same graph.

Each graph is built in networkx with tie strengths 1–4 from a seeded generator, then given to the
engine as actors and ties. Every per-actor measure and every per-network figure must agree with
networkx to 1e-6, with NaN in the same places (docs/metrics.md, "How the graph is built").
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import cache
from typing import Any

import networkx as nx
import numpy as np
import pytest

from phakhi.engine import Actors, Analysis, Options, Ties, analyze

TOLERANCE = 1e-6
NO_LAYOUT = Options(layout=False)


# --- graphs ------------------------------------------------------------------------------------


def with_strengths(graph: nx.Graph, seed: int) -> nx.Graph:
    """A copy of ``graph`` whose only edge attribute is an integer ``weight`` 1–4."""
    rng = np.random.default_rng(seed)
    out = nx.Graph()
    out.add_nodes_from(graph.nodes)
    for u, v in graph.edges:
        out.add_edge(u, v, weight=int(rng.integers(1, 5)))
    return out


def karate() -> nx.Graph:
    return with_strengths(nx.karate_club_graph(), seed=1)  # drops its own "weight"


def kite() -> nx.Graph:
    return with_strengths(nx.krackhardt_kite_graph(), seed=2)


def florentine() -> nx.Graph:
    graph = nx.florentine_families_graph()
    graph.add_node("Pucci")  # the family with no marriage ties
    return with_strengths(graph, seed=3)


def pieces() -> nx.Graph:
    """Several components of different shapes and sizes, plus three isolates."""
    graph = nx.disjoint_union_all(
        [
            nx.gnm_random_graph(30, 60, seed=1),
            nx.powerlaw_cluster_graph(40, 2, 0.3, seed=2),
            nx.gnm_random_graph(12, 14, seed=3),
            nx.complete_graph(4),
            nx.path_graph(3),
        ]
    )
    graph.add_nodes_from([500, 501, 502])
    return with_strengths(graph, seed=4)


GRAPHS: dict[str, Callable[[], nx.Graph]] = {
    "karate": karate,
    "kite": kite,
    "florentine": florentine,
    "pieces": pieces,
}


def feed(graph: nx.Graph, options: Options = NO_LAYOUT) -> Analysis:
    """Analyse ``graph`` with the engine: its nodes as actors (in networkx order), its edges as
    ties. Every other tie is written the other way round, which must not matter."""
    source, target, strength = [], [], []
    for i, (u, v, weight) in enumerate(graph.edges(data="weight")):
        a, b = (u, v) if i % 2 else (v, u)
        source.append(a)
        target.append(b)
        strength.append(weight)
    return analyze(
        Actors(keys=list(graph.nodes)),
        Ties(source=source, target=target, strength=strength),
        options,
    )


@cache
def case(name: str) -> tuple[nx.Graph, Analysis]:
    graph = GRAPHS[name]()
    return graph, feed(graph)


# --- per-actor measures ------------------------------------------------------------------------


def _articulation(graph: nx.Graph) -> dict[Any, bool]:
    points = set(nx.articulation_points(graph))
    return {v: v in points for v in graph}


REFERENCE: dict[str, Callable[[nx.Graph], dict[Any, Any]]] = {
    "degree": lambda g: dict(g.degree()),
    "strength": lambda g: dict(g.degree(weight="weight")),
    "betweenness": nx.betweenness_centrality,
    "closeness": nx.closeness_centrality,
    "harmonic": nx.harmonic_centrality,
    "eigenvector": lambda g: nx.eigenvector_centrality(g, tol=1e-12, max_iter=10_000),
    "pagerank": lambda g: nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-12, max_iter=10_000),
    "clustering": nx.clustering,
    "core": nx.core_number,
    "constraint": nx.constraint,  # NaN for isolates
    "effective_size": nx.effective_size,  # NaN for isolates
    "articulation": _articulation,
}


def assert_same(got: np.ndarray, expected: np.ndarray, what: str) -> None:
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    assert got.shape == expected.shape, what
    nan_got, nan_expected = np.isnan(got), np.isnan(expected)
    assert (nan_got == nan_expected).all(), (
        f"{what}: NaN at {np.flatnonzero(nan_got).tolist()}, "
        f"networkx at {np.flatnonzero(nan_expected).tolist()}"
    )
    if (~nan_expected).any():
        difference = np.abs(got - expected)[~nan_expected]
        worst = int(np.argmax(difference))
        assert difference.max() <= TOLERANCE, (
            f"{what}: off by {difference.max():.3g} at position {worst}"
        )


def reference(graph: nx.Graph, measure: str) -> np.ndarray:
    values = REFERENCE[measure](graph)
    return np.array([values[v] for v in graph.nodes], dtype=float)


@pytest.mark.parametrize("graph_name", GRAPHS)
@pytest.mark.parametrize("measure", REFERENCE)
def test_actor_measure_matches_networkx(measure: str, graph_name: str) -> None:
    graph, result = case(graph_name)
    assert result.keys == list(graph.nodes)
    assert_same(result.actors[measure], reference(graph, measure), f"{graph_name} {measure}")


@pytest.mark.parametrize("graph_name", GRAPHS)
def test_measure_types(graph_name: str) -> None:
    graph, result = case(graph_name)
    n = graph.number_of_nodes()
    for name, values in result.actors.items():
        assert values.shape == (n,), name
    assert result.actors["degree"].dtype.kind == "i"
    assert result.actors["core"].dtype.kind == "i"
    assert result.actors["articulation"].dtype == bool
    assert result.actors["pagerank"].sum() == pytest.approx(1.0)


def test_eigenvector_with_two_equal_components() -> None:
    """Two separate triangles have the same leading eigenvalue; networkx's power iteration
    (started from all ones) gives all six actors 1/√6. The engine must give that too, whatever
    state Python's global random generator is in (igraph draws ARPACK's start vector from it)."""
    graph = with_strengths(nx.disjoint_union(nx.complete_graph(3), nx.complete_graph(3)), seed=5)
    expected = reference(graph, "eigenvector")
    state = random.getstate()
    try:
        for seed in range(6):
            random.seed(seed)
            assert_same(feed(graph).actors["eigenvector"], expected, f"random.seed({seed})")
    finally:
        random.setstate(state)


# --- communities and modularity ----------------------------------------------------------------


def partition_of(graph: nx.Graph, result: Analysis) -> list[set[Any]]:
    """The engine's communities as sets of nodes; each isolate (-1) is a community of its own."""
    groups: dict[Any, set[Any]] = {}
    for node, community in zip(graph.nodes, result.actors["community"].tolist(), strict=True):
        groups.setdefault(community if community >= 0 else ("alone", node), set()).add(node)
    return list(groups.values())


@pytest.mark.parametrize("graph_name", GRAPHS)
def test_modularity_matches_networkx_for_the_engines_partition(graph_name: str) -> None:
    graph, result = case(graph_name)
    expected = nx.community.modularity(graph, partition_of(graph, result), weight="weight")
    assert result.network["modularity"] == pytest.approx(expected, abs=TOLERANCE)
    assert result.network["modularity"] > 0.2  # Leiden found real structure in all four


@pytest.mark.parametrize("graph_name", GRAPHS)
def test_communities_are_numbered_by_size_and_isolates_have_none(graph_name: str) -> None:
    graph, result = case(graph_name)
    community = result.actors["community"]
    isolated = np.array([graph.degree(v) == 0 for v in graph.nodes])
    assert (community[isolated] == -1).all()
    assert (community[~isolated] >= 0).all()
    sizes = np.bincount(community[~isolated])
    assert (sizes > 0).all()  # numbered 0, 1, 2 … without gaps
    assert (np.diff(sizes) <= 0).all()  # largest first
    assert result.network["communities"] == len(sizes)
    for members in partition_of(graph, result):  # a community never spans two components
        assert nx.is_connected(graph.subgraph(members))


# --- per-network figures -----------------------------------------------------------------------


def largest_component(graph: nx.Graph) -> nx.Graph:
    return graph.subgraph(max(nx.connected_components(graph), key=len))


def freeman_degree_centralization(graph: nx.Graph) -> float:
    degrees = np.array([d for _, d in graph.degree()])
    n = len(degrees)
    return float((degrees.max() - degrees).sum() / ((n - 1) * (n - 2)))


NETWORK_REFERENCE: dict[str, Callable[[nx.Graph], Any]] = {
    "nodes": nx.number_of_nodes,
    "ties": nx.number_of_edges,
    "density": nx.density,
    "components": nx.number_connected_components,
    "largest_component": lambda g: len(largest_component(g)),
    "isolates": nx.number_of_isolates,
    "average_degree": lambda g: 2 * g.number_of_edges() / g.number_of_nodes(),
    "transitivity": nx.transitivity,
    "average_clustering": nx.average_clustering,
    "average_path_length": lambda g: nx.average_shortest_path_length(largest_component(g)),
    "diameter": lambda g: nx.diameter(largest_component(g)),
    "degree_centralization": freeman_degree_centralization,
    "bridges": lambda g: len(list(nx.bridges(g))),
}


@pytest.mark.parametrize("graph_name", GRAPHS)
@pytest.mark.parametrize("figure", NETWORK_REFERENCE)
def test_network_figure_matches_networkx(figure: str, graph_name: str) -> None:
    graph, result = case(graph_name)
    got = result.network[figure]
    if figure == "bridges":
        got = got["count"]
    expected = NETWORK_REFERENCE[figure](graph)
    assert got is not None
    assert got == pytest.approx(expected, abs=TOLERANCE)


@pytest.mark.parametrize("graph_name", GRAPHS)
def test_bridges_listed_are_networkx_bridges(graph_name: str) -> None:
    graph, result = case(graph_name)
    listed = {frozenset((t["source"], t["target"])) for t in result.network["bridges"]["ties"]}
    assert listed == {frozenset(edge) for edge in nx.bridges(graph)}


def test_reciprocity_counts_directed_ties_only() -> None:
    directed = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "c"), ("d", "e")])
    result = analyze(
        Actors(keys=list("abcdef")),
        Ties(
            source=[*(u for u, _ in directed.edges), "e", "a"],
            target=[*(v for _, v in directed.edges), "f", "c"],
            directed=[True] * directed.number_of_edges() + [False, False],
        ),
        NO_LAYOUT,
    )
    assert result.network["reciprocity"] == pytest.approx(nx.reciprocity(directed))
    assert result.network["ties"] == 6  # a–b, b–c, c–d, d–e, e–f, a–c


# --- how ties become the simple graph ----------------------------------------------------------


def test_parallel_ties_collapse_to_the_strongest() -> None:
    result = analyze(
        Actors(keys=["a", "b", "c"]),
        Ties(
            source=["a", "b", "b", "c"],
            target=["b", "a", "c", "b"],
            strength=[2, 4, 1, 3],
            directed=[False, False, True, True],
            kind=["meeting", "project", "information", "information"],
        ),
        NO_LAYOUT,
    )
    assert result.network["ties"] == 2
    assert sorted(zip(result.edges.tolist(), result.weights.tolist(), strict=True)) == [
        ([0, 1], 4.0),
        ([1, 2], 3.0),
    ]
    assert result.actors["degree"].tolist() == [1, 2, 1]
    assert result.actors["strength"].tolist() == [4.0, 7.0, 3.0]
    assert result.network["reciprocity"] == 1.0  # b→c and c→b


def test_duplicated_and_reversed_ties_change_nothing() -> None:
    """Karate again with every tie written three times: as itself, as a weaker tie of another
    kind, and as a directed tie each way. All measures equal those of the simple graph."""
    graph = karate()
    source, target, strength, directed = [], [], [], []
    for u, v, weight in graph.edges(data="weight"):
        rows = [(u, v, weight, False), (v, u, 1, False), (u, v, weight, True), (v, u, 1, True)]
        for a, b, s, d in rows:
            source.append(a)
            target.append(b)
            strength.append(s)
            directed.append(d)
    order = np.random.default_rng(7).permutation(len(source)).tolist()
    noisy = analyze(
        Actors(keys=list(graph.nodes)),
        Ties(
            source=[source[i] for i in order],
            target=[target[i] for i in order],
            strength=[strength[i] for i in order],
            directed=[directed[i] for i in order],
        ),
        NO_LAYOUT,
    )
    assert noisy.network["ties"] == graph.number_of_edges()
    assert noisy.network["reciprocity"] == 1.0
    for measure in REFERENCE:
        assert_same(noisy.actors[measure], reference(graph, measure), measure)


# --- sampled path measures ---------------------------------------------------------------------

PATH_MEASURES = ("betweenness", "closeness", "harmonic")


@pytest.mark.parametrize("graph_name", ["karate", "pieces"])
def test_sampling_every_node_equals_exact(graph_name: str) -> None:
    """Components above ``exact_limit`` are sampled; when the sample covers the whole component
    (the default sample size is never more than the component), nothing is estimated."""
    graph, exact = case(graph_name)
    sampled = feed(graph, Options(layout=False, exact_limit=10, samples=None))
    big = sorted((len(c) for c in nx.connected_components(graph) if len(c) > 10), reverse=True)
    components = sampled.method["sampled_components"]
    assert sorted((c["nodes"] for c in components), reverse=True) == big
    assert all(c["samples"] == c["nodes"] for c in components)
    assert sampled.method["exact"] is False
    assert exact.method["exact"] is True
    for measure in PATH_MEASURES:
        assert_same(sampled.actors[measure], reference(graph, measure), measure)
    for figure in ("average_path_length", "diameter"):
        assert sampled.network[figure] == pytest.approx(exact.network[figure], abs=TOLERANCE)
