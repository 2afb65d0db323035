"""Shortest-path measures: betweenness, closeness, harmonic, average path length and diameter.

Components up to ``exact_limit`` actors are measured exactly. A bigger component is estimated from
``k`` source actors drawn uniformly from it (Eppstein–Wang): the distances from those sources give
closeness, harmonic and path length, and their eccentricities a first bound on the diameter,
which iFUB then closes. Betweenness is Brandes' dependency accumulation from ``k`` sources too,
with the actors of degree one (a person tied to one organization) taken out of the draw and
counted exactly through their one neighbour, which removes much of the estimate's spread (see
``_sampled_betweenness``). Distances come from one breadth-first search of all sources at once
(``engine.bfs``); the map's PivotMDS reuses the first sources' distances as pivots.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from phakhi.engine.bfs import WORD, Adjacency, search
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
    sg: SimpleGraph,
    *,
    exact_limit: int = EXACT_LIMIT,
    samples: int | None = None,
    seed: int = 0,
    keep_pivots: bool = False,
) -> PathMeasures:
    """Path-based measures for every node (networkx definitions: normalized betweenness,
    Wasserman–Faust closeness, unnormalized harmonic); path length and diameter of the largest
    component. ``keep_pivots``: keep the distances from the largest sampled component's first
    sources for the map.

    >>> from phakhi.engine.data import Actors, Ties, tie_columns
    >>> from phakhi.engine.graph import simple_graph
    >>> actors = Actors(keys=["a", "b", "c"])
    >>> sg = simple_graph(3, tie_columns(actors, Ties(source=["a", "b"], target=["b", "c"])))
    >>> path_measures(sg).betweenness.tolist()
    [0.0, 1.0, 0.0]
    """
    n = sg.n
    parts = _Components(sg)
    raw_betweenness, distance_sum, harmonic = np.zeros(n), np.zeros(n), np.zeros(n)
    result = PathMeasures(np.zeros(n), np.zeros(n), harmonic, None, None)
    result.method = {"exact_limit": exact_limit, "sampled_components": [], "seed": seed}
    rng = np.random.default_rng(seed)
    sampled = parts.sizes > exact_limit

    exact_nodes = np.flatnonzero(~sampled[parts.membership])
    if len(exact_nodes):
        g = sg.graph
        sub = g.induced_subgraph(exact_nodes.tolist()) if len(exact_nodes) < n else g
        raw_betweenness[exact_nodes] = np.asarray(sub.betweenness(directed=False), np.float64)
    batches, big = _groups(parts, sampled)
    for batch in range(batches):
        nodes = parts.nodes_of(batch)
        adjacency = parts.adjacency(batch)
        eccentricity = np.zeros(len(nodes), dtype=np.int64)
        # A component above the batch size is searched a batch of sources at a time.
        for start in range(0, len(nodes), _EXACT_BATCH):
            sources = np.arange(start, min(start + _EXACT_BATCH, len(nodes)))
            found = search(adjacency, sources)
            distance_sum[nodes] += found.distance_sum
            harmonic[nodes] += found.inverse_sum
            eccentricity[sources] = found.eccentricity
        in_largest = parts.membership[nodes] == parts.largest
        if in_largest.any():
            r = int(in_largest.sum())
            total = distance_sum[nodes[in_largest]].sum()
            result.average_path_length = float(total / (r * (r - 1)))
            result.diameter = int(eccentricity[in_largest].max())
    for group, component in enumerate(big, start=batches):
        _sampled(
            parts, group, component, samples, rng, raw_betweenness, distance_sum, harmonic,
            result, keep_pivots=keep_pivots,
        )  # fmt: skip

    if parts.largest >= 0 and parts.sizes[parts.largest] == 1:
        result.average_path_length, result.diameter = 0.0, 0
    if n > 2:
        result.betweenness = raw_betweenness * 2 / ((n - 1) * (n - 2))
    reach = parts.sizes[parts.membership] if n else np.zeros(0, np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        closeness = np.where(distance_sum > 0, (reach - 1) / distance_sum, 0.0)
    result.closeness = closeness * (reach - 1) / (n - 1) if n > 1 else np.zeros(n)
    return result


class _Components:
    """The connected components, gathered into groups whose nodes and edges are contiguous."""

    def __init__(self, sg: SimpleGraph) -> None:
        self.sg = sg
        found = sg.graph.connected_components()
        self.membership = np.asarray(found.membership, dtype=np.int64)
        self.sizes = np.asarray(found.sizes(), dtype=np.int64)
        self.largest = int(np.argmax(self.sizes)) if sg.n else -1

    def group(self, group_of_component: np.ndarray) -> None:
        """Number the groups (``-1``: left out) to read with ``nodes_of`` and ``adjacency``."""
        node_group = group_of_component[self.membership]
        count = int(node_group.max(initial=-1)) + 1
        self.node_order = np.argsort(node_group, kind="stable")
        left_out = int((node_group < 0).sum())
        self.node_start = left_out + np.concatenate(
            [[0], np.cumsum(np.bincount(node_group[node_group >= 0], minlength=count))]
        )
        edge_group = node_group[self.sg.lo]
        self.edge_order = np.argsort(edge_group, kind="stable")
        left_out = int((edge_group < 0).sum())
        self.edge_start = left_out + np.concatenate(
            [[0], np.cumsum(np.bincount(edge_group[edge_group >= 0], minlength=count))]
        )

    def nodes_of(self, group: int) -> np.ndarray:
        return self.node_order[self.node_start[group] : self.node_start[group + 1]]

    def adjacency(self, group: int) -> Adjacency:
        """The group's adjacency, its nodes numbered in the order of ``nodes_of(group)``."""
        nodes = self.nodes_of(group)
        edges = self.edge_order[self.edge_start[group] : self.edge_start[group + 1]]
        position = np.empty(self.sg.n, dtype=np.int64)
        position[nodes] = np.arange(len(nodes))
        lo, hi = position[self.sg.lo[edges]], position[self.sg.hi[edges]]
        return Adjacency.of_edges(len(nodes), lo, hi)


# Components measured exactly are searched together from all their actors, about this many at
# a time: 4,096 sources are 64 words per actor.
_EXACT_BATCH = 64 * WORD


def _groups(parts: _Components, sampled: np.ndarray) -> tuple[int, list[int]]:
    """Number the groups: batches of exactly measured components of two or more actors, then
    one group per sampled component. Returns the number of batches and the sampled components
    in group order."""
    sizes = parts.sizes
    exact = ~sampled & (sizes > 1)
    group = np.full(len(sizes), -1, dtype=np.int64)
    filled = np.cumsum(sizes[exact]) - sizes[exact]
    batch = filled // _EXACT_BATCH
    _, group[exact] = np.unique(batch, return_inverse=True)
    batches = int(group.max(initial=-1)) + 1
    big = np.flatnonzero(sampled)
    group[big] = batches + np.arange(len(big))
    parts.group(group)
    return batches, big.tolist()


# Sources whose distances the map keeps as PivotMDS pivots (the layout takes at most 100).
PIVOTS = 100
# iFUB searches allowed on a sampled component before its diameter is left as a bound.
DIAMETER_SEARCHES = 4 * WORD


def _sampled(
    parts: _Components,
    group: int,
    component: int,
    samples: int | None,
    rng: np.random.Generator,
    raw_betweenness: np.ndarray,
    distance_sum: np.ndarray,
    harmonic: np.ndarray,
    result: PathMeasures,
    *,
    keep_pivots: bool,
) -> None:
    sg = parts.sg
    nodes = parts.nodes_of(group)  # ascending: the group is one component
    r = len(nodes)
    k = sample_size(r, sg.m, samples)
    sources = np.sort(rng.choice(nodes, size=k, replace=False))
    local = np.searchsorted(nodes, sources)[rng.permutation(k)]
    is_largest = component == parts.largest
    adjacency = parts.adjacency(group)
    rows = min(k, PIVOTS) if keep_pivots and is_largest else 0
    found = search(adjacency, local, distance_rows=rows)
    # Given the actor itself, the other sources are a uniform sample of the other r - 1 actors.
    is_source = np.zeros(r, dtype=bool)
    is_source[local] = True
    scale = (r - 1) / np.where(is_source, k - 1, k).clip(min=1)
    distance_sum[nodes] = found.distance_sum * scale
    harmonic[nodes] = found.inverse_sum * scale
    raw_betweenness[nodes] = _sampled_betweenness(sg, nodes, k, rng)
    method: dict[str, Any] = {"nodes": r, "samples": k}
    if is_largest:
        result.average_path_length = float(found.distance_sum.sum() / (k * (r - 1)))
        lower, upper = _diameter(adjacency, int(found.eccentricity.max()))
        result.diameter = lower
        method["diameter"] = (
            "exact (iFUB)" if lower == upper else f"at least {lower}, at most {upper}"
        )
        if rows:
            result.pivots = nodes[local[:rows]].tolist()
            assert found.distances is not None
            result.pivot_distances = np.full((rows, sg.n), np.inf)
            result.pivot_distances[:, nodes] = found.distances
    result.method["sampled_components"].append(method)


def _sampled_betweenness(
    sg: SimpleGraph, nodes: np.ndarray, k: int, rng: np.random.Generator
) -> np.ndarray:
    """Brandes from ``k`` sources of the component ``nodes``, the actors of degree one left out of
    the draw: every shortest path from such a leaf ``l`` is the path from its neighbour ``p``
    with ``l`` in front, so ``δ_l = δ_p`` except at ``p``, which lies on all of the leaf's
    ``r - 2`` paths. Each sampled source counts for itself and its leaves, and the leaves'
    share of their neighbour's betweenness is exact. Unbiased; exact when ``k`` covers every
    other actor."""
    g, r = sg.graph, len(nodes)
    degree = np.bincount(np.concatenate([sg.lo, sg.hi]), minlength=sg.n)
    leaf_lo, leaf_hi = degree[sg.lo] == 1, degree[sg.hi] == 1
    parents = np.concatenate([sg.hi[leaf_lo & ~leaf_hi], sg.lo[leaf_hi & ~leaf_lo]])
    leaves_of = np.bincount(parents, minlength=sg.n)
    inner = nodes[degree[nodes] > 1]
    if not len(inner):
        return np.zeros(r)
    chosen = rng.choice(inner, size=min(k, len(inner)), replace=False)
    weight = 1 + leaves_of[chosen]
    total = np.zeros(sg.n)
    # igraph counts each pair once when both ends are sources and half when one is: one call
    # per weight adds up to the sum of the single-source calls.
    for value in np.unique(weight).tolist():
        batch = chosen[weight == value].tolist()
        total += value * np.asarray(g.betweenness(directed=False, sources=batch), np.float64)
    return total[nodes] * len(inner) / len(chosen) + (r - 2) / 2 * leaves_of[nodes]


def _diameter(adjacency: Adjacency, lower: int) -> tuple[int, int]:
    """Bounds on the diameter of a connected graph, equal when iFUB (Crescenzi et al. 2013)
    closes them within ``DIAMETER_SEARCHES`` searches: eccentricities of the actors farthest
    from a central one, level by level, until no pair nearer the centre can be farther apart
    than the longest path found. ``lower`` is a diameter already known to be reached.

    >>> ring = Adjacency.of_edges(7, np.arange(7), (np.arange(7) + 1) % 7)
    >>> _diameter(ring, 0)
    (3, 3)
    """
    centre = int(np.argmax(np.diff(adjacency.indptr)))
    level = search(adjacency, np.array([centre]), distance_rows=1).distances
    assert level is not None
    height = int(level.max())
    lower, searched = max(lower, height), 0
    for depth in range(height, 0, -1):
        # Two actors at most ``depth`` from the centre are at most 2 depth apart.
        if lower >= 2 * depth:
            break
        fringe = np.flatnonzero(level[0] == depth)
        if searched + len(fringe) > DIAMETER_SEARCHES:
            return lower, 2 * depth
        lower = max(lower, int(search(adjacency, fringe).eccentricity.max()))
        searched += len(fringe)
    return lower, lower
