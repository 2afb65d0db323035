"""Every triangle of a simple graph, enumerated with numpy in chunks (shared by brokerage and
Burt's constraint, which both need the triangles with their edges)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]

_WEDGE_CHUNK = 1 << 20


def triangles(n: int, lo: Ints, hi: Ints) -> Iterator[tuple[Ints, Ints, Ints, Ints, Ints, Ints]]:
    """Yield every triangle once, in chunks, as nodes x, y, z and edge ids xy, xz, yz (positions
    in ``lo``/``hi``, which hold each edge once with ``lo < hi``).

    Each edge is pointed at its endpoint of higher (degree, id) rank; a triangle is then a pair of
    out-edges x → y, x → z closed by the edge y → z. This ranking caps out-degrees at √(2m), so
    the pairs tried stay few even around hubs, and everything runs as array operations.

    >>> lo, hi = np.array([0, 0, 1, 2]), np.array([1, 2, 2, 3])
    >>> [sorted(chunk[0].tolist() + chunk[1].tolist() + chunk[2].tolist())
    ...  for chunk in triangles(4, lo, hi)]
    [[0, 1, 2]]
    """
    if len(lo) < 3:
        return
    degree = np.bincount(lo, minlength=n) + np.bincount(hi, minlength=n)
    node_at = np.argsort(degree, kind="stable")
    rank = np.empty(n, dtype=np.int64)
    rank[node_at] = np.arange(n)

    r_lo, r_hi = rank[lo], rank[hi]
    tail = np.minimum(r_lo, r_hi)
    head = np.maximum(r_lo, r_hi)
    key = tail * n + head
    edge_at = np.argsort(key)
    key, tail, head = key[edge_at], tail[edge_at], head[edge_at]
    del r_lo, r_hi

    # Position p pairs with the later positions of the same tail, up to the end of its block.
    block_end = np.cumsum(np.bincount(tail, minlength=n))[tail]
    partners = block_end - np.arange(len(key)) - 1
    total = np.cumsum(partners)
    cuts = np.searchsorted(total, np.arange(0, total[-1], _WEDGE_CHUNK), side="right")
    for begin, end in itertools.pairwise([*cuts.tolist(), len(key)]):
        count = partners[begin:end]
        first = np.repeat(np.arange(begin, end), count)
        offset = np.arange(len(first)) - np.repeat(np.cumsum(count) - count, count)
        second = first + 1 + offset
        query = head[first] * n + head[second]
        found = np.minimum(np.searchsorted(key, query), len(key) - 1)
        closed = key[found] == query
        first, second, found = first[closed], second[closed], found[closed]
        yield (
            node_at[tail[first]],
            node_at[head[first]],
            node_at[head[second]],
            edge_at[first],
            edge_at[second],
            edge_at[found],
        )
