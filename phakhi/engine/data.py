"""The engine's input: actors and ties as plain columns.

Columns may be lists, tuples or numpy arrays; a pandas DataFrame (or any mapping of columns) can be
turned into :class:`Actors` / :class:`Ties` with ``from_frame``. Nothing here knows about Django.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

STRENGTH_MIN, STRENGTH_MAX = 1, 4


class EngineInputError(ValueError):
    """Input the engine cannot analyse; the message names the row and the column."""


def _column(frame: Any, name: str) -> Any:
    if isinstance(frame, Mapping):
        return frame.get(name)
    columns = getattr(frame, "columns", ())
    return frame[name] if name in columns else None


def _optional(values: Any, n: int, name: str) -> np.ndarray | None:
    if values is None:
        return None
    array = np.asarray(values, dtype=object) if not isinstance(values, np.ndarray) else values
    if len(array) != n:
        raise EngineInputError(f"column {name!r} has {len(array)} values; expected {n}")
    return array


@dataclass(frozen=True)
class Actors:
    """The actors in scope, one row each. ``keys`` are unique; every actor is a node of the graph,
    with or without ties. ``sector``, ``province`` and ``tags`` (a collection of tag names per
    actor) feed brokerage, the sector mix and the E–I indexes; missing values are ``None``/empty.

    >>> actors = Actors(keys=["a", "b"], sector=["government", "academic"])
    >>> len(actors)
    2
    """

    keys: Sequence[Hashable] | np.ndarray
    sector: Sequence[str | None] | np.ndarray | None = None
    province: Sequence[str | None] | np.ndarray | None = None
    tags: Sequence[Sequence[str]] | None = None

    def __len__(self) -> int:
        return len(self.keys)

    @classmethod
    def from_frame(cls, frame: Any) -> Actors:
        """Columns ``key`` (required), ``sector``, ``province``, ``tags``.

        >>> Actors.from_frame({"key": ["x", "y", "z"]}).keys
        ['x', 'y', 'z']
        """
        keys = _column(frame, "key")
        if keys is None:
            raise EngineInputError("actors need a 'key' column")
        return cls(
            keys=list(keys),
            sector=_list_or_none(_column(frame, "sector")),
            province=_list_or_none(_column(frame, "province")),
            tags=_list_or_none(_column(frame, "tags")),
        )


@dataclass(frozen=True)
class Ties:
    """Ties between actors, one row each, referring to actors by key. ``strength`` is 1–4 on the
    collaboration continuum (default 1); ``directed`` defaults to False; ``since``/``until`` are
    dates or ``None`` (open); ``kind`` is free text.

    >>> ties = Ties(source=["a"], target=["b"], strength=[3])
    >>> len(ties)
    1
    """

    source: Sequence[Hashable] | np.ndarray
    target: Sequence[Hashable] | np.ndarray
    strength: Sequence[int] | np.ndarray | None = None
    directed: Sequence[bool] | np.ndarray | None = None
    since: Sequence[date | None] | np.ndarray | None = None
    until: Sequence[date | None] | np.ndarray | None = None
    kind: Sequence[str] | np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.source)

    @classmethod
    def from_frame(cls, frame: Any) -> Ties:
        """Columns ``source`` and ``target`` (required), ``strength``, ``directed``, ``since``,
        ``until``, ``kind``.

        >>> len(Ties.from_frame({"source": ["a", "b"], "target": ["b", "c"]}))
        2
        """
        source, target = _column(frame, "source"), _column(frame, "target")
        if source is None or target is None:
            raise EngineInputError("ties need 'source' and 'target' columns")
        return cls(
            source=list(source),
            target=list(target),
            strength=_list_or_none(_column(frame, "strength")),
            directed=_list_or_none(_column(frame, "directed")),
            since=_list_or_none(_column(frame, "since")),
            until=_list_or_none(_column(frame, "until")),
            kind=_list_or_none(_column(frame, "kind")),
        )


def _list_or_none(values: Any) -> list[Any] | None:
    if values is None:
        return None
    return [None if _is_missing(value) else value for value in values]


def _is_missing(value: Any) -> bool:
    # pandas marks missing cells with NaN/NaT; both are the only values unequal to themselves.
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


@dataclass(frozen=True)
class TieColumns:
    """Ties resolved to node positions, validated, as numpy arrays."""

    source: np.ndarray  # int64 positions
    target: np.ndarray
    strength: np.ndarray  # int8 1..4
    directed: np.ndarray  # bool
    since: np.ndarray  # datetime64[D], NaT = open
    until: np.ndarray


def key_array(keys: Sequence[Hashable] | np.ndarray) -> np.ndarray:
    """Keys as a 1-D array, each key kept as given (tuples stay tuples, 1 stays apart from "1")."""
    if isinstance(keys, np.ndarray) and keys.ndim == 1:
        return keys
    return np.fromiter(iter(keys), dtype=object, count=len(keys))


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def node_positions(keys: Sequence[Hashable] | np.ndarray) -> dict[Hashable, int]:
    positions: dict[Hashable, int] = {}
    for position, key in enumerate(key_array(keys).tolist()):
        if key in positions:
            raise EngineInputError(
                f"actor key {key!r} appears twice (rows {positions[key] + 1} and {position + 1})"
            )
        positions[key] = position
    return positions


def _positions_of(keys: np.ndarray, endpoints: Any) -> np.ndarray:
    """Map tie endpoints to node positions; -1 marks an endpoint outside the actors."""
    endpoints = key_array(endpoints)
    if keys.dtype.kind in "iu" and endpoints.dtype.kind in "iu":
        order = np.argsort(keys, kind="stable")
        found = np.searchsorted(keys, endpoints, sorter=order)
        found = np.minimum(found, len(keys) - 1) if len(keys) else found
        positions = order[found] if len(keys) else np.full(len(endpoints), -1)
        missing = (keys[positions] != endpoints) if len(keys) else np.ones(len(endpoints), bool)
        positions = np.where(missing, -1, positions).astype(np.int64)
    else:
        lookup = node_positions(keys)
        positions = np.fromiter(
            (lookup.get(key, -1) for key in endpoints.tolist()), np.int64, len(endpoints)
        )
    return positions


def _refuse_outside(source: np.ndarray, target: np.ndarray, ties: Ties) -> None:
    outside = (source < 0) | (target < 0)
    if outside.any():
        row = int(np.flatnonzero(outside)[0])
        column, values = ("source", ties.source) if source[row] < 0 else ("target", ties.target)
        raise EngineInputError(
            f"tie row {row + 1}: {column} {_plain(values[row])!r} is not one of the actors"
        )


def _strengths(values: Any, n: int) -> np.ndarray:
    if values is None:
        return np.ones(n, np.int64)
    if isinstance(values, np.ndarray) and values.dtype.kind in "iu":
        strength = values.astype(np.int64)
    else:
        strength = np.empty(len(values), np.int64)
        for row, value in enumerate(values):
            value = _plain(value)
            try:
                number = 1.0 if value is None else float(value)
            except (TypeError, ValueError):
                number = float("nan")
            if isinstance(value, bool) or not number.is_integer():
                raise EngineInputError(
                    f"tie row {row + 1}: strength {value!r} is not a whole number 1–4"
                )
            strength[row] = int(number)
    if len(strength) != n:
        raise EngineInputError(f"column 'strength' has {len(strength)} values; expected {n}")
    bad = np.flatnonzero((strength < STRENGTH_MIN) | (strength > STRENGTH_MAX))
    if len(bad):
        raise EngineInputError(
            f"tie row {bad[0] + 1}: strength {strength[bad[0]]} is outside "
            f"{STRENGTH_MIN}–{STRENGTH_MAX}"
        )
    return strength


def _dates(values: Any, n: int, column: str) -> np.ndarray:
    if values is None:
        return np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    array = _optional(values, n, column)
    assert array is not None
    if array.dtype.kind == "M":
        return array.astype("datetime64[D]")
    out = np.empty(n, dtype="datetime64[D]")
    for row, value in enumerate(array.tolist()):
        try:
            out[row] = np.datetime64("NaT") if value is None else np.datetime64(value, "D")
        except (TypeError, ValueError):
            raise EngineInputError(
                f"tie row {row + 1}: {column} {value!r} is not a date (YYYY-MM-DD)"
            ) from None
    return out


def tie_columns(actors: Actors, ties: Ties, *, outside: str = "error") -> TieColumns:
    """Validate the ties and resolve them to node positions. ``outside="drop"`` leaves out ties
    with an end outside the actors (how a scope narrows a workspace); ``"error"`` refuses them."""
    if outside not in ("error", "drop"):
        raise ValueError("outside must be 'error' or 'drop'")
    n = len(ties)
    if len(ties.target) != n:
        raise EngineInputError(f"ties have {n} sources but {len(ties.target)} targets")
    keys = key_array(actors.keys)
    source = _positions_of(keys, ties.source)
    target = _positions_of(keys, ties.target)
    if outside == "error":
        _refuse_outside(source, target, ties)
    strength = _strengths(ties.strength, n)
    directed = np.zeros(n, bool) if ties.directed is None else np.asarray(ties.directed, dtype=bool)
    if len(directed) != n:
        raise EngineInputError(f"column 'directed' has {len(directed)} values; expected {n}")
    since, until = _dates(ties.since, n, "since"), _dates(ties.until, n, "until")
    loops = np.flatnonzero((source == target) & (source >= 0))
    if len(loops):
        raise EngineInputError(f"tie row {loops[0] + 1}: an actor cannot be tied to itself")
    inside = (source >= 0) & (target >= 0)
    if not inside.all():
        source, target, strength = source[inside], target[inside], strength[inside]
        directed, since, until = directed[inside], since[inside], until[inside]
    return TieColumns(source, target, strength.astype(np.int8), directed, since, until)
