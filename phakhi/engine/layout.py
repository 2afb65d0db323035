"""Coordinates for the network map, computed on the server.

The largest component is drawn by Fruchterman–Reingold when the graph has at most
``force_limit`` nodes and by PivotMDS (Brandes & Pich 2006) when it is larger. Every other
component gets its own small layout and is packed in rings around the main one, isolates last, so
that no two components' bounding boxes overlap. The result is scaled into [-1, 1] × [-1, 1],
keeping the aspect ratio.

Each component is first scaled so that the longer side of its bounding box is √(nodes) units, so a
component's share of the map grows with its number of nodes; the rings keep one unit of space
between components.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import igraph as ig
import numpy as np

from phakhi.engine.packing import Box, pack_points, pack_rings
from phakhi.engine.rng import seeded

__all__ = ["FORCE_LIMIT", "layout"]

FORCE_LIMIT = 5_000
# Searched pivots: the low end of the usual 50–100, as each one is a search of the whole graph
# (about 0.15 s at 600,000 nodes and 2.8 million edges).
_SEARCHED_PIVOTS = 50
# Pivots named by the caller, typically with their distances, which cost no search.
_GIVEN_PIVOTS = 100
# With fewer pivots the double-centred matrix has rank below two and the drawing is a line.
_MIN_PIVOTS = 3
# igraph's exact Fruchterman–Reingold is quadratic per step: 1,000 nodes take 1.6 s, the grid
# variant 0.2 s.
_GRID_FROM = 500
# Fruchterman–Reingold steps: igraph's default for the main component; small components settle
# (edge lengths, closest pair) in far fewer, and a national network has thousands of them.
_MAIN_STEPS = 500
_SECONDARY_STEPS = 150


def layout(
    graph: ig.Graph,
    *,
    seed: int = 0,
    force_limit: int = FORCE_LIMIT,
    pivots: Sequence[int] | None = None,
    pivot_distances: np.ndarray | None = None,
) -> np.ndarray:
    """(n, 2) float64 map coordinates of the nodes of an undirected simple graph, inside
    [-1, 1] × [-1, 1], the same for the same graph and ``seed``.

    A graph of at most ``force_limit`` nodes is drawn by Fruchterman–Reingold, where an edge
    ``weight`` (tie strength) pulls its ends closer. In a larger graph the largest component is
    drawn by PivotMDS on hop distances, as is any other component of more than ``force_limit``.
    ``pivots`` are the nodes to measure those distances from (by default 50 chosen max–min from
    a seeded start); ``pivot_distances`` (k × n, ``inf`` where unreachable) are distances the
    caller already has, from ``pivots`` or, without them, from the node at distance 0 of each
    row, and spare the searches. Pivots outside the largest component are skipped and at most
    100 are used, spread max–min. Both only matter when the largest component is drawn by
    PivotMDS. Other components are packed in rings around the largest, isolates outermost.

    >>> import igraph as ig
    >>> xy = layout(ig.Graph.Ring(6))
    >>> xy.shape, bool(np.abs(xy).max() <= 1.0)
    ((6, 2), True)
    >>> bool((layout(ig.Graph.Ring(6), seed=3) == layout(ig.Graph.Ring(6), seed=3)).all())
    True
    """
    n = graph.vcount()
    if pivots is not None and any(not 0 <= int(p) < n for p in pivots):
        raise ValueError(f"pivots must be node indices below {n}")
    if pivot_distances is not None:
        pivot_distances = np.asarray(pivot_distances, dtype=np.float64)
        if pivot_distances.ndim != 2 or pivot_distances.shape[1] != n:
            raise ValueError(f"pivot_distances must have shape (k, {n})")
        if pivots is not None and len(pivots) != len(pivot_distances):
            raise ValueError("pivots and pivot_distances must have as many entries as rows")
    if n == 0:
        return np.zeros((0, 2))

    rng = np.random.default_rng(seed)
    membership = np.asarray(graph.connected_components(mode="weak").membership, dtype=np.int64)
    sizes = np.bincount(membership)
    main = int(np.argmax(sizes))
    main_nodes = np.flatnonzero(membership == main)
    xy = np.zeros((n, 2))

    if n > force_limit and sizes[main] > 2:
        main_xy = _main_pivot_layout(graph, main_nodes, membership, pivots, pivot_distances, rng)
    else:
        ((_, main_xy),) = _component_layouts(
            graph, [main], membership, sizes, force_limit, rng, _MAIN_STEPS
        )
    main_xy = _fit(main_xy)
    xy[main_nodes] = main_xy

    others = [c for c in range(len(sizes)) if c != main and sizes[c] > 1]
    pieces = _component_layouts(
        graph, others, membership, sizes, force_limit, rng, _SECONDARY_STEPS
    )
    pieces = [(nodes, _fit(piece)) for nodes, piece in pieces]
    isolates = np.flatnonzero((sizes[membership] == 1) & (membership != main))

    box = Box.around(main_xy)
    # Widest first, so that the first component of a ring sets the ring's thickness.
    pieces.sort(key=lambda piece: -float(np.ptp(piece[1], axis=0).max()))
    extents = np.array([np.ptp(piece, axis=0) for _, piece in pieces]).reshape(-1, 2)
    centres, box = pack_rings(box, extents)
    for (nodes, piece), centre in zip(pieces, centres, strict=True):
        xy[nodes] = piece + centre
    xy[isolates] = pack_points(box, len(isolates))
    return _normalize(xy)


def _main_pivot_layout(
    graph: ig.Graph,
    nodes: np.ndarray,
    membership: np.ndarray,
    pivots: Sequence[int] | None,
    pivot_distances: np.ndarray | None,
    rng: np.random.Generator,
) -> np.ndarray:
    """PivotMDS of the component ``nodes`` (sorted) of ``graph``, searching the whole graph."""
    main = membership[nodes[0]]
    whole = len(nodes) == graph.vcount()
    hops = _hops(graph)

    def searched(local: int) -> np.ndarray:
        row = hops(int(nodes[local]))
        return row if whole else row[nodes]

    candidates: list[int] = []
    given_row: dict[int, int] = {}
    if pivot_distances is not None and len(pivot_distances):
        sources = (
            np.asarray(pivots, dtype=np.int64)
            if pivots is not None
            else np.argmin(pivot_distances, axis=1)
        )
        for row, source in enumerate(sources.tolist()):
            if membership[source] == main:
                local = int(np.searchsorted(nodes, source))
                given_row.setdefault(local, row)
        candidates = list(given_row)
    elif pivots is not None:
        for source in pivots:
            if membership[source] == main:
                candidates.append(int(np.searchsorted(nodes, source)))

    def row_for(local: int) -> np.ndarray:
        if local not in given_row:
            return searched(local)
        assert pivot_distances is not None
        row = pivot_distances[given_row[local]]
        row = row.copy() if whole else row[nodes]
        finite = np.isfinite(row)
        if not finite.all():
            row[~finite] = row[finite].max(initial=0.0) + 1.0
        return row

    limit = _GIVEN_PIVOTS if candidates else _SEARCHED_PIVOTS
    return _pivot_mds(_pivot_rows(len(nodes), candidates, row_for, rng, limit))


def _component_layouts(
    graph: ig.Graph,
    components: list[int],
    membership: np.ndarray,
    sizes: np.ndarray,
    force_limit: int,
    rng: np.random.Generator,
    steps: int,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """(nodes, coordinates) of each of ``components`` (ids in increasing order), each laid out
    on its own: two nodes side by side, up to ``force_limit`` by force, larger by PivotMDS."""
    if not components:
        return []
    chosen = np.zeros(len(sizes), dtype=bool)
    chosen[components] = True
    nodes = np.flatnonzero(chosen[membership])
    sub = graph.induced_subgraph(nodes.tolist())
    edges = _edge_array(sub)
    weights = _weights(sub)

    # Sub-graph node i is nodes[i]; group nodes and edges by component, numbering nodes 0.. within
    # their own component.
    node_comp = membership[nodes]
    node_order = np.argsort(node_comp, kind="stable")
    comp_sizes = sizes[components]
    node_starts = np.concatenate([[0], np.cumsum(comp_sizes)])
    local = np.empty(len(nodes), dtype=np.int64)
    local[node_order] = np.arange(len(nodes)) - np.repeat(node_starts[:-1], comp_sizes)
    edge_comp = node_comp[edges[:, 0]]
    edge_order = np.argsort(edge_comp, kind="stable")
    edge_starts = np.searchsorted(edge_comp[edge_order], [*components, len(sizes)])

    result = []
    for i, size in enumerate(comp_sizes.tolist()):
        members = nodes[node_order[node_starts[i] : node_starts[i + 1]]]
        picked = edge_order[edge_starts[i] : edge_starts[i + 1]]
        comp_edges = local[edges[picked]]
        if size <= 2:
            piece = np.array([[-0.5, 0.0], [0.5, 0.0]])[:size]
        elif size <= force_limit:
            piece = _force(size, comp_edges, weights[picked], rng, steps)
        else:
            component = ig.Graph(n=size, edges=comp_edges.tolist())
            piece = _pivot_mds(_pivot_rows(size, [], _hops(component), rng))
        result.append((members, piece))
    return result


def _force(
    size: int, edges: np.ndarray, weights: np.ndarray, rng: np.random.Generator, steps: int
) -> np.ndarray:
    """Fruchterman–Reingold from a seeded random start; heavier edges pull harder."""
    graph = ig.Graph(n=size, edges=edges.tolist())
    half = math.sqrt(size) / 2
    start = rng.uniform(-half, half, size=(size, 2))
    uniform = weights.size == 0 or bool((weights == weights[0]).all())
    with seeded(int(rng.integers(2**63))):
        drawn = graph.layout_fruchterman_reingold(
            weights=None if uniform else weights.tolist(),
            seed=start.tolist(),
            grid=size >= _GRID_FROM,
            niter=steps,
        )
    return np.asarray(drawn.coords, dtype=np.float64).reshape(size, 2)


def _pivot_rows(
    size: int,
    candidates: list[int],
    row_for: Callable[[int], np.ndarray],
    rng: np.random.Generator,
    limit: int = _SEARCHED_PIVOTS,
) -> np.ndarray:
    """Hop distances (k × size) from pivots chosen max–min: each next pivot is the node (among
    ``candidates`` while they last, then among all) farthest from the pivots so far."""
    k = min(limit, size)
    rows = np.empty((k, size))
    nearest = np.full(size, np.inf)
    taken = 0

    def take(node: int) -> None:
        nonlocal taken
        rows[taken] = row_for(node)
        np.minimum(nearest, rows[taken], out=nearest)
        taken += 1

    pool = np.array(list(dict.fromkeys(candidates)), dtype=np.int64)
    if pool.size:
        take(int(pool[0]))
        pool = pool[1:]
    while taken < k and pool.size:
        best = int(np.argmax(nearest[pool]))
        if nearest[pool[best]] <= 0:
            break
        take(int(pool[best]))
        pool = np.delete(pool, best)
    if taken == 0:
        take(int(rng.integers(size)))
    wanted = k if not candidates else min(_MIN_PIVOTS, size)
    while taken < wanted:
        farthest = int(np.argmax(nearest))
        if nearest[farthest] <= 0:
            break
        take(farthest)
    return rows[:taken]


def _pivot_mds(rows: np.ndarray) -> np.ndarray:
    """PivotMDS coordinates (size × 2) from k × size distances, which are overwritten."""
    squared = np.square(rows, out=rows)
    squared -= squared.mean(axis=1, keepdims=True)
    squared -= squared.mean(axis=0, keepdims=True)
    # The double-centred matrix C has C @ v = σ u for each singular pair; classical MDS wants
    # √σ u, so each axis is divided by √σ = (eigenvalue of CᵀC) ** ¼.
    values, vectors = np.linalg.eigh(squared @ squared.T)
    top = np.argsort(values)[::-1][:2]
    xy = np.zeros((rows.shape[1], 2))
    for axis, j in enumerate(top.tolist()):
        if values[j] > max(values[top[0]], 0.0) * 1e-12:
            xy[:, axis] = (squared.T @ vectors[:, j]) / values[j] ** 0.25
    # Singular vectors have no preferred sign; fix it so the same graph gives the same picture.
    extreme = np.abs(xy).argmax(axis=0)
    xy *= np.where(xy[extreme, [0, 1]] < 0, -1.0, 1.0)
    return xy


def _edge_array(graph: ig.Graph) -> np.ndarray:
    return np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)


def _hops(graph: ig.Graph) -> Callable[[int], np.ndarray]:
    """Hop distances from one node to every node of ``graph`` (igraph's breadth-first search)."""
    return lambda source: np.asarray(graph.distances(source=[source])[0], dtype=np.float64)


def _weights(graph: ig.Graph) -> np.ndarray:
    """Edge weights for the force layout: the ``weight`` attribute where it is a positive number,
    else 1."""
    if "weight" not in graph.es.attributes():
        return np.ones(graph.ecount())
    raw = [w if isinstance(w, int | float | np.number) else np.nan for w in graph.es["weight"]]
    weights = np.asarray(raw, dtype=np.float64).reshape(-1)
    return np.where(np.isfinite(weights) & (weights > 0), weights, 1.0)


def _fit(xy: np.ndarray) -> np.ndarray:
    """Centre a component's layout on its bounding box and scale the longer side to √(nodes);
    anything degenerate becomes a circle."""
    size = len(xy)
    if size <= 1:
        return np.zeros((size, 2))
    extent = float(np.ptp(xy, axis=0).max()) if np.isfinite(xy).all() else 0.0
    if not extent > 0:
        angle = 2 * np.pi * np.arange(size) / size
        xy, extent = np.column_stack([np.cos(angle), np.sin(angle)]), 2.0
    centred = xy - (xy.min(axis=0) + xy.max(axis=0)) / 2
    return centred * (math.sqrt(size) / extent)


def _normalize(xy: np.ndarray) -> np.ndarray:
    """Centre on the bounding box and scale its longer side to 2, so the map spans [-1, 1]."""
    low, high = xy.min(axis=0), xy.max(axis=0)
    extent = float((high - low).max())
    if not extent > 0:
        return np.zeros_like(xy)
    return np.clip((xy - (low + high) / 2) * (2 / extent), -1.0, 1.0)
