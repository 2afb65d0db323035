"""Narrowing a network before analysis: members of one network, a filter, an ego network."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence
from datetime import date
from typing import Any

import numpy as np

from phakhi.engine.data import (
    Actors,
    EngineInputError,
    Ties,
    key_array,
    node_positions,
    tie_columns,
)
from phakhi.engine.graph import active, simple_graph


def _take(values: Sequence[Any] | np.ndarray | None, rows: np.ndarray) -> list[Any] | None:
    if values is None:
        return None
    return key_array(values)[rows].tolist()


def subset(actors: Actors, rows: np.ndarray) -> Actors:
    """The actors at positions ``rows``, with their attributes."""
    tags = None if actors.tags is None else [actors.tags[i] for i in rows.tolist()]
    return Actors(
        keys=key_array(actors.keys)[rows].tolist(),
        sector=_take(actors.sector, rows),
        province=_take(actors.province, rows),
        tags=tags,
    )


def select(
    actors: Actors,
    *,
    members: Collection[Hashable] | None = None,
    sectors: Collection[str] | None = None,
    provinces: Collection[str] | None = None,
    tags: Collection[str] | None = None,
) -> Actors:
    """Actors that pass every given filter: in ``members``, of one of ``sectors``, in one of
    ``provinces``, carrying at least one of ``tags``. Analyse the result with
    ``Options(ties_outside="drop")`` so that ties leaving the selection are left out.

    >>> actors = Actors(keys=["a", "b", "c"], sector=["people", "academic", "people"])
    >>> select(actors, sectors={"people"}).keys
    ['a', 'c']
    """
    n = len(actors)
    keep = np.ones(n, dtype=bool)
    keys = key_array(actors.keys)
    if members is not None:
        wanted = set(members)
        keep &= np.fromiter((key in wanted for key in keys.tolist()), bool, n)
    for values, allowed in ((actors.sector, sectors), (actors.province, provinces)):
        if allowed is not None:
            column = [] if values is None else list(values)
            keep &= (
                np.fromiter((value in allowed for value in column), bool, n) if column else False
            )
    if tags is not None:
        wanted_tags = set(tags)
        sets = actors.tags or [()] * n
        keep &= np.fromiter((bool(wanted_tags.intersection(s or ())) for s in sets), bool, n)
    return subset(actors, np.flatnonzero(keep))


def ego(
    actors: Actors,
    ties: Ties,
    center: Hashable,
    *,
    radius: int = 1,
    at: date | None = None,
    min_strength: int = 1,
) -> Actors:
    """The actor ``center`` and everyone within ``radius`` (1 or 2) steps over the ties active at
    ``at`` and at least ``min_strength`` strong.

    >>> actors = Actors(keys=["a", "b", "c", "d"])
    >>> ties = Ties(source=["a", "b", "c"], target=["b", "c", "d"])
    >>> ego(actors, ties, "b").keys
    ['a', 'b', 'c']
    """
    if radius not in (1, 2):
        raise EngineInputError("the ego network radius must be 1 or 2")
    positions = node_positions(actors.keys)
    if center not in positions:
        raise EngineInputError(f"actor {center!r} is not one of the actors")
    columns = tie_columns(actors, ties, outside="drop")
    sg = simple_graph(len(actors), columns, active(columns, at, min_strength))
    around = sg.graph.neighborhood(positions[center], order=radius)
    return subset(actors, np.sort(np.asarray(around, dtype=np.int64)))
