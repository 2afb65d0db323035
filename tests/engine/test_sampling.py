"""Path measures beyond the all-pairs passes: the many-source search against igraph's own
distances, the diameter and path length against networkx, and the sampled estimates — leaves
counted through their neighbour, the diameter closed by iFUB, the estimates' scale and ranking."""

from __future__ import annotations

import math
from functools import cache

import igraph as ig
import networkx as nx
import numpy as np
import pytest
from scipy import stats

from phakhi.engine import Actors, Analysis, Options, Ties, analyze
from phakhi.engine import paths as path_module
from phakhi.engine.bfs import Adjacency, search


def scattered_graph(seed: int) -> tuple[int, np.ndarray]:
    """300 actors in a sparse random graph: one large component, small ones and isolates."""
    graph = nx.gnm_random_graph(300, 290, seed=seed)
    return 300, np.array(sorted(graph.edges), dtype=np.int64).reshape(-1, 2)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("count", [1, 64, 65, 300])
def test_search_agrees_with_igraph_distances(seed: int, count: int) -> None:
    """Sums of distances and of their inverses per actor, each source's eccentricity and the
    kept rows are igraph's, across word boundaries (64 and 65 sources) and components."""
    n, edges = scattered_graph(seed)
    sources = np.random.default_rng(seed).permutation(n)[:count]
    found = search(Adjacency.of_edges(n, edges[:, 0], edges[:, 1]), sources, distance_rows=5)

    distances = np.asarray(ig.Graph(n, edges.tolist()).distances(source=sources.tolist()))
    reached = np.isfinite(distances)
    assert found.distance_sum == pytest.approx(np.where(reached, distances, 0).sum(axis=0))
    with np.errstate(divide="ignore"):
        inverse = np.where(reached & (distances > 0), 1 / distances, 0)
    assert found.inverse_sum == pytest.approx(inverse.sum(axis=0))
    assert found.eccentricity.tolist() == np.where(reached, distances, 0).max(axis=1).tolist()
    assert found.distances is not None
    assert found.distances.tolist() == distances[: min(5, count)].tolist()


def test_an_isolated_source_reaches_nothing() -> None:
    found = search(Adjacency.of_edges(3, np.array([0]), np.array([1])), np.array([2, 0]))
    assert found.eccentricity.tolist() == [0, 1]
    assert found.distance_sum.tolist() == [0.0, 1.0, 0.0]


def run(graph: nx.Graph, **options: object) -> Analysis:
    edges = list(graph.edges)
    return analyze(
        Actors(keys=list(graph.nodes)),
        Ties(source=[u for u, _ in edges], target=[v for _, v in edges]),
        Options(layout=False, **options),  # type: ignore[arg-type]
    )


def analyse(graph: nx.Graph, **options: object) -> dict[str, np.ndarray]:
    result = run(graph, **options)
    return {**result.actors, "network": result.network, "method": result.method}


def test_leaf_aware_estimate_is_unbiased() -> None:
    """A tree-like network (most actors tied to one other) estimated from 12 sources: averaged
    over 200 draws, each actor's betweenness is the exact one. Leaves never count as sources,
    so an estimator that forgot their paths would be far off."""
    graph = nx.barabasi_albert_graph(120, 1, seed=4)
    exact = analyse(graph)["betweenness"]
    draws = [
        analyse(graph, exact_limit=10, samples=12, seed=seed)["betweenness"] for seed in range(200)
    ]
    mean = np.mean(draws, axis=0)
    top = np.argsort(-exact)[:10]
    assert mean[top] == pytest.approx(exact[top], rel=0.1)
    assert mean.sum() == pytest.approx(exact.sum(), rel=0.03)


def test_diameter_left_as_bounds_when_searches_run_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no searches allowed iFUB stops at the first level: the diameter reported is a
    length that exists, and the method says how far the true one could be."""
    graph = nx.connected_watts_strogatz_graph(400, 4, 0.02, seed=2)
    monkeypatch.setattr(path_module, "DIAMETER_SEARCHES", 0)
    result = analyse(graph, exact_limit=100, samples=20)
    (component,) = result["method"]["sampled_components"]
    lower = result["network"]["diameter"]
    assert lower <= nx.diameter(graph)
    assert component["diameter"].startswith(f"at least {lower}, at most ")
    upper = int(component["diameter"].rsplit(" ", 1)[1])
    assert nx.diameter(graph) <= upper


def test_sampled_diameter_is_exact_when_ifub_closes() -> None:
    graph = nx.connected_watts_strogatz_graph(400, 4, 0.02, seed=2)
    result = analyse(graph, exact_limit=100, samples=20)
    assert result["network"]["diameter"] == nx.diameter(graph)
    assert result["method"]["sampled_components"][0]["diameter"] == "exact (iFUB)"


def test_a_component_above_the_batch_is_searched_in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Exact measures of a component larger than one search's sources add up across searches."""
    graph = nx.connected_watts_strogatz_graph(200, 4, 0.1, seed=6)
    whole = analyse(graph)
    monkeypatch.setattr(path_module, "_EXACT_BATCH", 64)
    parts = analyse(graph)
    for measure in ("closeness", "harmonic"):
        assert parts[measure] == pytest.approx(whole[measure], abs=1e-12)
    for figure in ("average_path_length", "diameter"):
        assert parts["network"][figure] == pytest.approx(whole["network"][figure], abs=1e-12)
    assert whole["network"]["diameter"] == nx.diameter(graph)


@pytest.mark.parametrize(
    "graph",
    [
        nx.path_graph(9),
        nx.cycle_graph(10),
        nx.grid_2d_graph(6, 9),
        nx.barbell_graph(5, 4),
        nx.random_labeled_tree(60, seed=3),
        nx.connected_watts_strogatz_graph(200, 4, 0.05, seed=5),
        nx.barabasi_albert_graph(300, 1, seed=8),
        nx.lollipop_graph(6, 12),
        *(nx.gnm_random_graph(120, 140, seed=seed) for seed in (5, 8, 11)),
    ],
    ids=[
        "path",
        "cycle",
        "grid",
        "barbell",
        "tree",
        "small-world",
        "scale-free-tree",
        "lollipop",
        "sparse-5",
        "sparse-8",
        "sparse-11",
    ],
)
def test_diameter_and_path_length_match_networkx(graph: nx.Graph) -> None:
    """The diameter stops searching early (iFUB) and the path length comes from the closeness
    sums: both must still be exactly networkx's on shapes where the shortcut is tempting."""
    network = run(nx.convert_node_labels_to_integers(graph)).network
    largest = graph.subgraph(max(nx.connected_components(graph), key=len))
    assert network["diameter"] == nx.diameter(largest)
    assert network["average_path_length"] == pytest.approx(
        nx.average_shortest_path_length(largest), abs=1e-9
    )


PATH_MEASURES = ("betweenness", "closeness", "harmonic")
LARGE_SAMPLES = 300


@cache
def large() -> tuple[Analysis, Analysis]:
    """A 1,500-actor network analysed exactly and from 300 sampled sources."""
    graph = nx.powerlaw_cluster_graph(1500, 4, 0.3, seed=1)
    exact = run(graph)
    sampled = run(graph, exact_limit=1000, samples=LARGE_SAMPLES)
    return exact, sampled


def test_sampled_run_records_its_sample() -> None:
    _, sampled = large()
    assert sampled.method["exact"] is False
    assert sampled.method["samples_requested"] == LARGE_SAMPLES
    (component,) = sampled.method["sampled_components"]
    assert component["nodes"] == 1500
    assert component["samples"] == LARGE_SAMPLES


def test_sampled_betweenness_ranks_like_exact() -> None:
    """A sanity bound only; the benchmark measures the real accuracy."""
    exact, sampled = large()
    a, b = exact.actors["betweenness"], sampled.actors["betweenness"]
    top_exact, top_sampled = set(np.argsort(-a)[:20]), set(np.argsort(-b)[:20])
    assert len(top_exact & top_sampled) / 20 >= 0.8
    assert stats.spearmanr(a, b).statistic >= 0.9


@pytest.mark.parametrize("measure", PATH_MEASURES)
def test_sampled_estimates_are_on_the_exact_scale(measure: str) -> None:
    """An estimate scaled up from the sample must not be systematically off: summed over all
    1,500 actors the sampled values are within 10% of the exact ones."""
    exact, sampled = large()
    ratio = sampled.actors[measure].sum() / exact.actors[measure].sum()
    assert ratio == pytest.approx(1.0, abs=0.1), f"sampled/exact = {ratio:.3f}"


def test_sampled_path_length_and_diameter() -> None:
    exact, sampled = large()
    assert sampled.network["average_path_length"] == pytest.approx(
        exact.network["average_path_length"], rel=0.05
    )
    assert sampled.network["diameter"] <= exact.network["diameter"]
    assert sampled.network["diameter"] >= exact.network["diameter"] - 1
    assert math.isfinite(sampled.network["betweenness_centralization"])
