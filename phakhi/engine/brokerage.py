"""Gould–Fernandez brokerage roles, counted for every node at once with numpy.

A broker b sits on an open two-path a→b→c (no tie at all between a and c). The groups of a, b
and c decide the role. Paths whose two legs are both symmetric have a mirror image c→b→a, so
they are counted once per unordered pair and classified without direction; all other paths are
counted once per ordered path.

The counts come in two steps: the number of all two-paths per role follows from how many in-only,
out-only and symmetric neighbours each broker has in each group; the closed ones, which are
exactly the two-paths inside triangles, are then enumerated and subtracted.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from phakhi.engine.triangles import triangles

__all__ = ["ROLES", "brokerage_roles"]

ROLES: tuple[str, ...] = (
    "coordinator",
    "itinerant",
    "gatekeeper",
    "representative",
    "boundary",
    "liaison",
)

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

# How a neighbour relates to the broker; every neighbour has exactly one of these.
_IN_ONLY = 0
_OUT_ONLY = 1
_SYMMETRIC = 2


def brokerage_roles(
    n: int,
    lo: np.ndarray,
    hi: np.ndarray,
    forward: np.ndarray,
    backward: np.ndarray,
    group: np.ndarray,
) -> dict[str, np.ndarray]:
    """Count the Gould–Fernandez brokerage roles of every node.

    The graph is simple: edge ``i`` joins ``lo[i] < hi[i]``; ``forward[i]`` says a tie
    ``lo → hi`` exists and ``backward[i]`` a tie ``hi → lo`` (an undirected or mutual tie has
    both). ``group`` holds each node's group code, or -1 when unknown; a path counts only when
    all three of its nodes have a known group.

    Returns int64 arrays of length ``n`` for ``coordinator``, ``itinerant``, ``gatekeeper``,
    ``representative``, ``boundary`` (symmetric pairs where exactly one end shares the broker's
    group), ``liaison`` and ``total``.

    Undirected path 0 – 1 – 2 where 0 and 1 share a group: node 1 is a boundary broker.

    >>> import numpy as np
    >>> roles = brokerage_roles(
    ...     3, np.array([0, 1]), np.array([1, 2]),
    ...     np.array([True, True]), np.array([True, True]), np.array([0, 0, 1]),
    ... )
    >>> roles["boundary"].tolist(), roles["total"].tolist()
    ([0, 1, 0], [0, 1, 0])

    Directed chain 0 → 1 → 2 where 1 and 2 share a group: node 1 is a gatekeeper.

    >>> roles = brokerage_roles(
    ...     3, np.array([0, 1]), np.array([1, 2]),
    ...     np.array([True, True]), np.array([False, False]), np.array([1, 0, 0]),
    ... )
    >>> roles["gatekeeper"].tolist()
    [0, 1, 0]
    """
    lo_a = np.asarray(lo, dtype=np.int64)
    hi_a = np.asarray(hi, dtype=np.int64)
    fwd = np.asarray(forward, dtype=bool)
    bwd = np.asarray(backward, dtype=bool)
    raw_group = np.asarray(group, dtype=np.int64)
    _validate(n, lo_a, hi_a, fwd, bwd, raw_group)

    # Compact the known codes to 0..G-1 so that broker·G + group can't overflow, whatever the codes.
    known = raw_group >= 0
    codes, compact = np.unique(raw_group[known], return_inverse=True)
    g = np.full(n, -1, dtype=np.int64)
    g[known] = compact
    n_groups = len(codes)

    result = {role: np.zeros(n, dtype=np.int64) for role in ROLES}
    if n_groups == 0 or len(lo_a) == 0:
        result["total"] = np.zeros(n, dtype=np.int64)
        return result

    # Edges touching an unknown node can't be on any counted path, so drop them up front.
    keep = known[lo_a] & known[hi_a]
    lo_a, hi_a, fwd, bwd = lo_a[keep], hi_a[keep], fwd[keep], bwd[keep]
    sym = fwd & bwd
    # Relation of hi as seen from lo, and of lo as seen from hi.
    rel_lo = np.where(sym, _SYMMETRIC, np.where(fwd, _OUT_ONLY, _IN_ONLY)).astype(np.int64)
    rel_hi = np.where(sym, _SYMMETRIC, np.where(fwd, _IN_ONLY, _OUT_ONLY)).astype(np.int64)

    _add_all_two_paths(result, n, n_groups, g, lo_a, hi_a, rel_lo, rel_hi)
    _subtract_closed_two_paths(result, n, g, lo_a, hi_a, rel_lo, rel_hi)

    result["total"] = np.sum([result[role] for role in ROLES], axis=0, dtype=np.int64)
    return result


def _validate(n: int, lo: Ints, hi: Ints, fwd: Bools, bwd: Bools, group: Ints) -> None:
    if n < 0:
        raise ValueError("n must be non-negative")
    if not (lo.ndim == hi.ndim == fwd.ndim == bwd.ndim == group.ndim == 1):
        raise ValueError("all arrays must be one-dimensional")
    if not (len(lo) == len(hi) == len(fwd) == len(bwd)):
        raise ValueError("lo, hi, forward and backward must have the same length")
    if len(group) != n:
        raise ValueError("group must have length n")
    if len(lo) == 0:
        return
    if lo.min() < 0 or hi.max() >= n:
        raise ValueError("edge endpoints must lie in 0..n-1")
    if np.any(lo >= hi):
        raise ValueError("every edge needs lo < hi")
    if not np.all(fwd | bwd):
        raise ValueError("every edge needs forward or backward set")


def _add_all_two_paths(
    result: dict[str, np.ndarray],
    n: int,
    n_groups: int,
    g: Ints,
    lo: Ints,
    hi: Ints,
    rel_lo: Ints,
    rel_hi: Ints,
) -> None:
    """Add every two-path, open or closed, to the broker's role counts."""
    broker = np.concatenate([lo, hi])
    other = np.concatenate([hi, lo])
    rel = np.concatenate([rel_lo, rel_hi])
    cells, count = _cell_counts(broker * n_groups + g[other], rel, n * n_groups)
    del broker, other, rel

    cell_broker = cells // n_groups
    is_own = cells % n_groups == g[cell_broker]
    starts = np.flatnonzero(np.diff(cell_broker, prepend=-1))

    def at_own(values: Ints) -> Ints:
        per_node = np.zeros(n, dtype=np.int64)
        per_node[cell_broker[is_own]] = values[is_own]
        return per_node

    def summed(values: Ints) -> Ints:
        per_node = np.zeros(n, dtype=np.int64)
        if len(starts):
            per_node[cell_broker[starts]] = np.add.reduceat(values, starts)
        return per_node

    sym = count[:, _SYMMETRIC]
    into = count[:, _IN_ONLY] + sym
    out = count[:, _OUT_ONLY] + sym

    # Values in the broker's own group (h) and summed over the other groups (x).
    s_h, i_h, o_h = at_own(sym), at_own(into), at_own(out)
    s_x = summed(sym) - s_h
    i_x = summed(into) - i_h
    o_x = summed(out) - o_h

    # Ordered paths from group k to group l, not both legs symmetric: I_k·O_l − S_k·S_l.
    # a ≠ c holds automatically: a neighbour is in at most one of in-only, out-only, symmetric.
    dir_coordinator = i_h * o_h - s_h * s_h
    same_ends = summed(into * out - sym * sym)
    dir_itinerant = same_ends - dir_coordinator
    gatekeeper = i_x * o_h - s_x * s_h
    representative = i_h * o_x - s_h * s_x
    dir_liaison = i_x * o_x - s_x * s_x - dir_itinerant

    pairs_within = sym * (sym - 1) // 2
    sym_coordinator = at_own(pairs_within)
    sym_itinerant = summed(pairs_within) - sym_coordinator
    boundary = s_h * s_x
    sym_liaison = s_x * (s_x - 1) // 2 - sym_itinerant

    result["coordinator"] += dir_coordinator + sym_coordinator
    result["itinerant"] += dir_itinerant + sym_itinerant
    result["gatekeeper"] += gatekeeper
    result["representative"] += representative
    result["boundary"] += boundary
    result["liaison"] += dir_liaison + sym_liaison


def _cell_counts(cell: Ints, rel: Ints, space: int) -> tuple[Ints, Ints]:
    """The (broker, neighbour group) cells that occur, ascending, with their neighbour counts
    per relation as rows of (in-only, out-only, symmetric)."""
    if _dense_is_cheaper(space, len(cell)):
        table = np.bincount(cell * 3 + rel, minlength=3 * space).reshape(space, 3)
        cells = np.flatnonzero(table.any(axis=1))
        return cells, table[cells]
    cells, cell_of = np.unique(cell, return_inverse=True)
    return cells, np.bincount(cell_of * 3 + rel, minlength=3 * len(cells)).reshape(-1, 3)


def _dense_is_cheaper(space: int, half_edges: int) -> bool:
    # Counting into an n × G table beats sorting the cells, but many groups (free-text sectors)
    # would make the table far larger than the graph itself.
    return space <= max(1 << 20, 2 * half_edges)


def _subtract_closed_two_paths(
    result: dict[str, np.ndarray],
    n: int,
    g: Ints,
    lo: Ints,
    hi: Ints,
    rel_lo: Ints,
    rel_hi: Ints,
) -> None:
    """Remove the two-paths whose ends are tied: one per corner of each triangle, at most."""

    def relations(edge: Ints, one_end: Ints) -> tuple[Ints, Ints]:
        """How the other end relates to `one_end`, and how `one_end` relates to the other."""
        one_is_lo = lo[edge] == one_end
        r_lo, r_hi = rel_lo[edge], rel_hi[edge]
        return np.where(one_is_lo, r_lo, r_hi), np.where(one_is_lo, r_hi, r_lo)

    for x, y, z, xy, xz, yz in triangles(n, lo, hi):
        y_at_x, x_at_y = relations(xy, x)
        z_at_x, x_at_z = relations(xz, x)
        z_at_y, y_at_z = relations(yz, y)
        # Broker b with path ends a and c, and how a and c relate to b (y_at_x: y as seen at x).
        corners = (
            (x, y, z, y_at_x, z_at_x),
            (y, x, z, x_at_y, z_at_y),
            (z, x, y, x_at_z, y_at_z),
        )
        for b, a, c, rel_a, rel_c in corners:
            both_sym = (rel_a == _SYMMETRIC) & (rel_c == _SYMMETRIC)
            # Outside the symmetric case at most one direction exists: a path both ways would
            # need a and c to be in-and-out, that is symmetric, neighbours of b.
            a_to_c = ~both_sym & (rel_a != _OUT_ONLY) & (rel_c != _IN_ONLY)
            c_to_a = ~both_sym & (rel_c != _OUT_ONLY) & (rel_a != _IN_ONLY)
            counted = both_sym | a_to_c | c_to_a
            gs = g[np.where(c_to_a, c, a)]
            gt = g[np.where(c_to_a, a, c)]
            gb = g[b]
            roles = {
                "coordinator": (gs == gb) & (gb == gt),
                "itinerant": (gs == gt) & (gs != gb),
                "gatekeeper": ~both_sym & (gb == gt) & (gs != gb),
                "representative": ~both_sym & (gs == gb) & (gb != gt),
                "boundary": both_sym & ((gs == gb) != (gt == gb)),
                "liaison": (gs != gb) & (gb != gt) & (gs != gt),
            }
            for role, mask in roles.items():
                result[role] -= np.bincount(b[counted & mask], minlength=n)
