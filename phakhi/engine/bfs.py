"""Breadth-first search from many sources at once, 64 of them to a machine word.

Closeness, harmonic centrality, path length and eccentricity only need, for every actor, how many
sources reach it at each distance. Searching from all sources together, one bit per source, does
one pass over the ties per level for 64 sources instead of one search per source, and never holds
a source × actor matrix unless the caller asks for it (the map's PivotMDS pivots).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WORD = 64


@dataclass
class Adjacency:
    """Compressed rows: the neighbours of node ``v`` are ``indices[indptr[v]:indptr[v + 1]]``."""

    indptr: np.ndarray
    indices: np.ndarray

    @classmethod
    def of_edges(cls, n: int, lo: np.ndarray, hi: np.ndarray) -> Adjacency:
        """The undirected adjacency of ``n`` nodes joined by edges ``lo[i]``–``hi[i]``."""
        ends = np.concatenate([lo, hi])
        order = np.argsort(ends, kind="stable")
        indices = np.concatenate([hi, lo])[order]
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(ends, minlength=n), out=indptr[1:])
        return cls(indptr, indices)

    @property
    def n(self) -> int:
        return len(self.indptr) - 1


@dataclass
class Search:
    """Per node: ``distance_sum`` = Σ d(s, v) and ``inverse_sum`` = Σ 1/d(s, v) over the sources
    ``s ≠ v`` that reach it; per source: ``eccentricity``; ``distances`` (the first
    ``distance_rows`` sources × nodes, ``inf`` where unreachable) only when asked for."""

    distance_sum: np.ndarray
    inverse_sum: np.ndarray
    eccentricity: np.ndarray
    distances: np.ndarray | None = None


def search(adjacency: Adjacency, sources: np.ndarray, *, distance_rows: int = 0) -> Search:
    """Search from every node of ``sources`` at once (unweighted, undirected).

    >>> path = Adjacency.of_edges(4, np.array([0, 1, 2]), np.array([1, 2, 3]))
    >>> found = search(path, np.array([0, 3]), distance_rows=2)
    >>> found.distance_sum.tolist(), found.eccentricity.tolist()
    ([3.0, 3.0, 3.0, 3.0], [3, 3])
    >>> found.distances.tolist()
    [[0.0, 1.0, 2.0, 3.0], [3.0, 2.0, 1.0, 0.0]]
    """
    n, k = adjacency.n, len(sources)
    words = -(-k // WORD)
    bit = np.arange(k)
    seen = np.zeros((n, words), dtype=np.uint64)
    seen[sources, bit // WORD] |= np.left_shift(np.uint64(1), (bit % WORD).astype(np.uint64))
    found = Search(np.zeros(n), np.zeros(n), np.zeros(k, dtype=np.int64))
    rows = min(distance_rows, k)
    if rows:
        found.distances = np.full((rows, n), np.inf)
        found.distances[bit[:rows], sources[:rows]] = 0.0
    # reduceat needs non-empty rows: only nodes with a neighbour gather anything.
    linked = np.flatnonzero(np.diff(adjacency.indptr) > 0)
    starts = adjacency.indptr[linked]
    frontier, level = seen.copy(), 0
    while True:
        level += 1
        reached = np.bitwise_or.reduceat(frontier[adjacency.indices], starts, axis=0)
        new = np.zeros_like(seen)
        new[linked] = reached & ~seen[linked]
        touched = np.flatnonzero(new.any(axis=1))
        if not len(touched):
            return found
        seen[touched] |= new[touched]
        counts = np.bitwise_count(new[touched]).sum(axis=1, dtype=np.int64)
        found.distance_sum[touched] += level * counts
        found.inverse_sum[touched] += counts / level
        moved = _bits(np.bitwise_or.reduce(new[touched], axis=0), k)
        found.eccentricity[moved] = level
        if found.distances is not None:
            at, row = np.nonzero(_bits_by_node(new[touched, : -(-rows // WORD)], rows))
            found.distances[row, touched[at]] = level
        frontier = new


def _bits(words: np.ndarray, k: int) -> np.ndarray:
    """The indices of the bits set in ``words`` (bit i of word w is source 64 w + i)."""
    flags = np.unpackbits(words.view(np.uint8), bitorder="little")[:k]
    return np.flatnonzero(flags)


def _bits_by_node(rows: np.ndarray, k: int) -> np.ndarray:
    """``rows`` (nodes × words) unpacked to nodes × sources booleans."""
    return np.unpackbits(rows.view(np.uint8), axis=1, bitorder="little")[:, :k].astype(bool)
