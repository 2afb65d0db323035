"""What changed between two analyses (two dates, or two stored runs)."""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np

TOP_CHANGES = 10
SHARE_OF_COMMUNITY = 0.2  # a part this big of a community counts as one side of a split/merge
CHANGE_MEASURES = ("degree", "strength", "betweenness", "closeness", "pagerank", "brokerage")
NETWORK_FIGURES = (
    "nodes", "ties", "density", "components", "largest_component", "isolates", "average_degree",
    "degree_centralization", "betweenness_centralization", "transitivity", "average_clustering",
    "average_path_length", "diameter", "modularity", "communities", "reciprocity",
)  # fmt: skip


class Snapshot(Protocol):
    """What compare needs of an analysis; :class:`phakhi.engine.analyze.Analysis` has it."""

    keys: list[Any]
    actors: dict[str, np.ndarray]
    network: dict[str, Any]
    edges: np.ndarray


def compare(before: Snapshot, after: Snapshot) -> dict[str, Any]:
    """Actors and ties added and lost, network figures before/after, the actors whose measures
    moved most, and communities that split or merged.

    >>> from phakhi.engine.analyze import analyze
    >>> from phakhi.engine.data import Actors, Ties
    >>> one = analyze(Actors(keys=["a", "b"]), Ties(source=["a"], target=["b"]))
    >>> two = analyze(Actors(keys=["a", "b", "c"]), Ties(source=["b"], target=["c"]))
    >>> change = compare(one, two)
    >>> change["actors_added"], change["ties_added"], change["ties_lost"]
    (['c'], [['b', 'c']], [['a', 'b']])
    """
    keys_before, keys_after = set(before.keys), set(after.keys)
    ties_before, ties_after = _tie_set(before), _tie_set(after)
    return {
        "actors_added": sorted(keys_after - keys_before, key=str),
        "actors_lost": sorted(keys_before - keys_after, key=str),
        "ties_added": [list(t) for t in sorted(ties_after - ties_before, key=str)],
        "ties_lost": [list(t) for t in sorted(ties_before - ties_after, key=str)],
        "network": {
            name: {
                "before": before.network.get(name),
                "after": after.network.get(name),
                "change": _difference(before.network.get(name), after.network.get(name)),
            }
            for name in NETWORK_FIGURES
        },
        "actor_changes": _movers(before, after),
        "communities": _community_changes(before, after),
    }


def _tie_set(snapshot: Snapshot) -> set[tuple[Any, Any]]:
    keys = snapshot.keys
    pairs = ((keys[a], keys[b]) for a, b in snapshot.edges.tolist())
    return {(a, b) if str(a) <= str(b) else (b, a) for a, b in pairs}


def _difference(a: Any, b: Any) -> Any:
    numbers = (int, float)
    if isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool):
        return b - a
    return None


def _common(before: Snapshot, after: Snapshot) -> tuple[list[Any], np.ndarray, np.ndarray]:
    where_after = {key: i for i, key in enumerate(after.keys)}
    shared = [(i, where_after[key]) for i, key in enumerate(before.keys) if key in where_after]
    rows = np.asarray(shared, dtype=np.int64).reshape(-1, 2)
    return [before.keys[i] for i in rows[:, 0].tolist()], rows[:, 0], rows[:, 1]


def _movers(before: Snapshot, after: Snapshot) -> dict[str, list[dict[str, Any]]]:
    keys, rows_before, rows_after = _common(before, after)
    out = {}
    for name in CHANGE_MEASURES:
        old = np.asarray(before.actors[name], dtype=np.float64)[rows_before]
        new = np.asarray(after.actors[name], dtype=np.float64)[rows_after]
        change = np.nan_to_num(new - old)
        top = np.argsort(-np.abs(change), kind="stable")[:TOP_CHANGES]
        out[name] = [
            {"key": keys[i], "before": float(old[i]), "after": float(new[i]),
             "change": float(change[i])}
            for i in top.tolist() if change[i] != 0
        ]  # fmt: skip
    return out


def _community_changes(before: Snapshot, after: Snapshot) -> dict[str, list[dict[str, Any]]]:
    _, rows_before, rows_after = _common(before, after)
    old = np.asarray(before.actors["community"], dtype=np.int64)[rows_before]
    new = np.asarray(after.actors["community"], dtype=np.int64)[rows_after]
    both = (old >= 0) & (new >= 0)
    old, new = old[both], new[both]
    if not len(old):
        return {"split": [], "merged": []}
    width = int(new.max()) + 1
    cells = np.bincount(old * width + new, minlength=(int(old.max()) + 1) * width)
    table = cells.reshape(-1, width)
    return {
        "split": _spread(table, "before", "into"),
        "merged": _spread(table.T, "after", "from"),
    }


def _spread(table: np.ndarray, own: str, other: str) -> list[dict[str, Any]]:
    totals = table.sum(axis=1)
    significant = (table >= 2) & (table >= SHARE_OF_COMMUNITY * totals[:, None])
    return [
        {own: int(row), other: np.flatnonzero(significant[row]).tolist()}
        for row in np.flatnonzero(significant.sum(axis=1) >= 2).tolist()
    ]
