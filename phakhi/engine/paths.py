"""Shortest-path measures: betweenness, closeness, harmonic, average path length and diameter.

Components up to ``exact_limit`` actors are measured exactly. A bigger component is estimated from
``k`` source actors drawn uniformly from it: Brandes' dependency accumulation from the sampled
sources for betweenness (scaled by r/k, which makes it unbiased) and the distances
from those sources for closeness, harmonic and path length (Eppstein–Wang). The distances are kept
so that the map layout can use the sources as PivotMDS pivots without another search.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import igraph as ig
import numpy as np

from phakhi.engine.graph import SimpleGraph

EXACT_LIMIT = 5_000
# Sources per sampled component: enough edge visits for the estimate to settle, bounded so that a
# national network (3 million ties) stays at the minimum of 64 searches.
SAMPLE_EDGE_BUDGET = 150_000_000
MIN_SAMPLES = 64


@dataclass
class PathMeasures:
    betweenness: np.ndarray
    closeness: np.ndarray
    harmonic: np.ndarray
    average_path_length: float | None
    diameter: int | None
    method: dict[str, Any] = field(default_factory=dict)
    pivots: list[int] = field(default_factory=list)
    pivot_distances: np.ndarray | None = None


def sample_size(component_size: int, edges: int, samples: int | None) -> int:
    """The number of sampled sources for a component: ``samples`` when given, else what the edge
    budget allows (at least ``MIN_SAMPLES``), never more than the component has."""
    wanted = samples or max(MIN_SAMPLES, SAMPLE_EDGE_BUDGET // max(edges, 1))
    return int(min(component_size, wanted))


def path_measures(
    sg: SimpleGraph, *, exact_limit: int = EXACT_LIMIT, samples: int | None = None, seed: int = 0
) -> PathMeasures:
    """Path-based measures for every node (networkx definitions: normalized betweenness,
    Wasserman–Faust closeness, unnormalized harmonic); path length and diameter of the largest
    component.

    >>> from phakhi.engine.data import Actors, Ties, tie_columns
    >>> from phakhi.engine.graph import simple_graph
    >>> actors = Actors(keys=["a", "b", "c"])
    >>> sg = simple_graph(3, tie_columns(actors, Ties(source=["a", "b"], target=["b", "c"])))
    >>> path_measures(sg).betweenness.tolist()
    [0.0, 1.0, 0.0]
    """
    n, g = sg.n, sg.graph
    raw_betweenness, distance_sum = np.zeros(n), np.zeros(n)
    harmonic = np.zeros(n)
    components = g.connected_components()
    membership = np.asarray(components.membership, dtype=np.int64)
    sizes = np.asarray(components.sizes(), dtype=np.int64)
    reach = sizes[membership] if n else np.zeros(0, np.int64)
    largest = int(np.argmax(sizes)) if n else -1
    big = np.flatnonzero(sizes > exact_limit)
    result = PathMeasures(np.zeros(n), np.zeros(n), harmonic, None, None)
    result.method = {"exact_limit": exact_limit, "sampled_components": [], "seed": seed}
    rng = np.random.default_rng(seed)

    small_nodes = np.flatnonzero(~np.isin(membership, big))
    if len(small_nodes):
        _exact(g, small_nodes, membership, largest, raw_betweenness, distance_sum, harmonic, result)
    for component in big.tolist():
        nodes = np.flatnonzero(membership == component)
        _sampled(
            g,
            nodes,
            sg,
            samples,
            rng,
            raw_betweenness,
            distance_sum,
            harmonic,
            result,
            is_largest=component == largest,
        )

    if n > 2:
        result.betweenness = raw_betweenness * 2 / ((n - 1) * (n - 2))
    with np.errstate(invalid="ignore", divide="ignore"):
        closeness = np.where(distance_sum > 0, (reach - 1) / distance_sum, 0.0)
    result.closeness = closeness * (reach - 1) / (n - 1) if n > 1 else np.zeros(n)
    return result


def _exact(
    g: ig.Graph,
    nodes: np.ndarray,
    membership: np.ndarray,
    largest: int,
    raw_betweenness: np.ndarray,
    distance_sum: np.ndarray,
    harmonic: np.ndarray,
    result: PathMeasures,
) -> None:
    sub = g.induced_subgraph(nodes.tolist()) if len(nodes) < g.vcount() else g
    raw_betweenness[nodes] = np.asarray(sub.betweenness(directed=False), dtype=np.float64)
    reach = np.bincount(membership)[membership[nodes]]
    # igraph's closeness is (reachable − 1) / Σ distance: the sum is what is kept here.
    closeness = np.nan_to_num(np.asarray(sub.closeness(normalized=True), dtype=np.float64))
    with np.errstate(divide="ignore", invalid="ignore"):
        distance_sum[nodes] = np.where(closeness > 0, (reach - 1) / closeness, 0.0)
    harmonic[nodes] = np.asarray(sub.harmonic_centrality(normalized=False), dtype=np.float64)
    in_largest = np.flatnonzero(membership[nodes] == largest)
    if len(in_largest):
        core = sub.induced_subgraph(in_largest.tolist())
        result.average_path_length = (
            float(core.average_path_length(directed=False)) if core.vcount() > 1 else 0.0
        )
        result.diameter = int(core.diameter(directed=False)) if core.vcount() > 1 else 0


def _sampled(
    g: ig.Graph,
    nodes: np.ndarray,
    sg: SimpleGraph,
    samples: int | None,
    rng: np.random.Generator,
    raw_betweenness: np.ndarray,
    distance_sum: np.ndarray,
    harmonic: np.ndarray,
    result: PathMeasures,
    *,
    is_largest: bool,
) -> None:
    r = len(nodes)
    k = sample_size(r, sg.m, samples)
    sources = np.sort(rng.choice(nodes, size=k, replace=False))
    # igraph counts a pair once when both ends are sources and half when one is: in expectation
    # k/r of the exact value.
    subset = np.asarray(g.betweenness(directed=False, sources=sources.tolist()), dtype=np.float64)
    raw_betweenness[nodes] = subset[nodes] * r / k
    d = _distances(g, sources, nodes)
    # Given the actor itself, the other sources are a uniform sample of the other r - 1 actors.
    scale = (r - 1) / np.where(np.isin(nodes, sources), k - 1, k).clip(min=1)
    distance_sum[nodes] = d.sum(axis=0) * scale
    with np.errstate(divide="ignore"):
        harmonic[nodes] = np.where(d > 0, 1.0 / d, 0.0).sum(axis=0) * scale
    method: dict[str, Any] = {"nodes": r, "samples": k}
    if is_largest:
        result.average_path_length = float(d.sum() / (k * (r - 1)))
        # A lower bound: the farthest actor seen, then the farthest from it (a double sweep).
        far = int(nodes[np.argmax(d.max(axis=0))])
        sweep = np.asarray(g.distances(source=[far]), dtype=np.float64)[0]
        result.diameter = int(max(d.max(), sweep[np.isfinite(sweep)].max()))
        result.pivots = sources.tolist()
        full = np.full((k, g.vcount()), np.inf)
        full[:, nodes] = d
        result.pivot_distances = full
        method["diameter"] = "lower bound (double sweep)"
    result.method["sampled_components"].append(method)


def _distances(g: ig.Graph, sources: np.ndarray, nodes: np.ndarray) -> np.ndarray:
    """Distances from each source to the component's nodes, as a (k, r) float array."""
    out = np.empty((len(sources), len(nodes)), dtype=np.float64)
    for start in range(0, len(sources), 8):
        block = sources[start : start + 8].tolist()
        out[start : start + len(block)] = np.asarray(g.distances(source=block))[:, nodes]
    return out
