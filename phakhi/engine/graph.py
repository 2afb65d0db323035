"""The graph the measures are computed on: the undirected simple graph of the active ties.

Several ties between the same two actors (other kinds, one each way) become one edge that carries
the strongest of their strengths and remembers which directions were present.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import igraph as ig
import numpy as np

from phakhi.engine.data import TieColumns


@dataclass(frozen=True)
class SimpleGraph:
    """Edge ``i`` joins ``lo[i] < hi[i]``; ``forward``/``backward`` say whether a tie runs lo→hi /
    hi→lo (an undirected tie runs both ways); ``has_directed`` whether any tie was directed."""

    n: int
    lo: np.ndarray
    hi: np.ndarray
    weight: np.ndarray  # float64, strongest strength of the pair
    forward: np.ndarray
    backward: np.ndarray
    directed_pairs: np.ndarray  # (k, 2) int64: every directed tie as source, target
    graph: ig.Graph

    @property
    def m(self) -> int:
        return len(self.lo)


def active(ties: TieColumns, at: date | None, min_strength: int = 1) -> np.ndarray:
    """Which ties count: strength ≥ ``min_strength`` and, with a date, ``since ≤ at < until``
    (an open end always counts)."""
    keep = ties.strength >= min_strength
    if at is not None:
        day = np.datetime64(at, "D")
        keep &= np.isnat(ties.since) | (ties.since <= day)
        keep &= np.isnat(ties.until) | (day < ties.until)
    return keep


def simple_graph(n: int, ties: TieColumns, keep: np.ndarray | None = None) -> SimpleGraph:
    """Collapse the kept ties into the undirected simple graph on ``n`` nodes."""
    source, target = ties.source, ties.target
    strength, directed = ties.strength, ties.directed
    if keep is not None and not keep.all():
        source, target, strength, directed = (
            source[keep],
            target[keep],
            strength[keep],
            directed[keep],
        )
    lo, hi = np.minimum(source, target), np.maximum(source, target)
    pair = lo * np.int64(max(n, 1)) + hi
    order = np.lexsort((strength, pair))
    pair, strength = pair[order], strength[order]
    runs_forward = ~directed[order] | (source[order] < target[order])
    runs_backward = ~directed[order] | (source[order] > target[order])
    starts = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]]) if len(pair) else np.array([], int)
    ends = np.r_[starts[1:], len(pair)] - 1 if len(pair) else starts
    unique = pair[starts]
    edge_lo, edge_hi = unique // max(n, 1), unique % max(n, 1)
    weight = strength[ends].astype(np.float64)  # sorted by strength within a pair: last is max
    forward = np.logical_or.reduceat(runs_forward, starts) if len(pair) else np.zeros(0, bool)
    backward = np.logical_or.reduceat(runs_backward, starts) if len(pair) else np.zeros(0, bool)
    directed_pairs = np.column_stack([source[directed], target[directed]]).astype(np.int64)
    graph = ig.Graph(n=n, edges=np.column_stack([edge_lo, edge_hi]), directed=False)
    graph.es["weight"] = weight
    return SimpleGraph(n, edge_lo, edge_hi, weight, forward, backward, directed_pairs, graph)
