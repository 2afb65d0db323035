"""The many-source search against igraph's own distances, and the two shortcuts the sampled path
measures take: leaves counted through their neighbour, and the diameter closed by iFUB."""

from __future__ import annotations

import igraph as ig
import networkx as nx
import numpy as np
import pytest

from phakhi.engine import Actors, Options, Ties, analyze
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


def analyse(graph: nx.Graph, **options: object) -> dict[str, np.ndarray]:
    edges = list(graph.edges)
    result = analyze(
        Actors(keys=list(graph.nodes)),
        Ties(source=[u for u, _ in edges], target=[v for _, v in edges]),
        Options(layout=False, **options),  # type: ignore[arg-type]
    )
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
