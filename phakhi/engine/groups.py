"""Actor attributes as integer codes, and how ties fall within or across groups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Codes:
    """One categorical attribute: ``codes[i]`` indexes ``labels``; -1 means no value."""

    codes: np.ndarray
    labels: list[str]


def encode(values: Sequence[Any] | np.ndarray | None, n: int) -> Codes:
    if values is None:
        return Codes(np.full(n, -1, dtype=np.int64), [])
    labels: dict[str, int] = {}
    codes = np.fromiter(
        (
            -1 if value in (None, "") else labels.setdefault(str(value), len(labels))
            for value in (values.tolist() if isinstance(values, np.ndarray) else values)
        ),
        dtype=np.int64,
        count=n,
    )
    return Codes(codes, list(labels))


@dataclass(frozen=True)
class TagSets:
    """Tags per actor as sorted (actor, tag) pairs."""

    actor: np.ndarray
    tag: np.ndarray
    labels: list[str]


def encode_tags(values: Sequence[Sequence[str]] | None, n: int) -> TagSets:
    labels: dict[str, int] = {}
    actors: list[int] = []
    tags: list[int] = []
    for position, names in enumerate(values or ()):
        for name in sorted(set(names or ())):
            actors.append(position)
            tags.append(labels.setdefault(name, len(labels)))
    order = np.lexsort((np.asarray(tags, np.int64), np.asarray(actors, np.int64)))
    return TagSets(
        np.asarray(actors, np.int64)[order], np.asarray(tags, np.int64)[order], list(labels)
    )


def ei_index(lo: np.ndarray, hi: np.ndarray, codes: np.ndarray) -> float | None:
    """Krackhardt–Stern E–I index (E − I) / (E + I) over ties whose two ends both have a value.

    >>> ei_index(np.array([0, 1]), np.array([1, 2]), np.array([0, 0, 1]))
    0.0
    """
    known = (codes[lo] >= 0) & (codes[hi] >= 0)
    internal = int((known & (codes[lo] == codes[hi])).sum())
    external = int(known.sum()) - internal
    return (external - internal) / (external + internal) if external + internal else None


def shared_tag(
    lo: np.ndarray, hi: np.ndarray, tags: TagSets, n: int
) -> tuple[np.ndarray, np.ndarray]:
    """For each tie: whether both ends have tags (``known``) and whether they share one."""
    has_tags = np.zeros(n, dtype=bool)
    has_tags[tags.actor] = True
    known = has_tags[lo] & has_tags[hi]
    if not len(tags.actor):
        return known, np.zeros(len(lo), dtype=bool)
    width = np.int64(len(tags.labels))
    pair_keys = tags.actor * width + tags.tag  # sorted by construction
    counts = np.bincount(tags.actor, minlength=n)
    starts = np.r_[0, np.cumsum(counts)[:-1]]
    per_tie = counts[lo]
    tie_of_row = np.repeat(np.arange(len(lo)), per_tie)
    offsets = np.arange(int(per_tie.sum())) - np.repeat(np.cumsum(per_tie) - per_tie, per_tie)
    tag_of_row = tags.tag[np.repeat(starts[lo], per_tie) + offsets]
    wanted = hi[tie_of_row] * width + tag_of_row
    found = np.searchsorted(pair_keys, wanted)
    hit = (found < len(pair_keys)) & (pair_keys[np.minimum(found, len(pair_keys) - 1)] == wanted)
    shared = np.bincount(tie_of_row[hit], minlength=len(lo)) > 0
    return known, shared


def tag_ei_index(lo: np.ndarray, hi: np.ndarray, tags: TagSets, n: int) -> float | None:
    """E–I index for tags: a tie is internal when its two actors share at least one tag."""
    known, shared = shared_tag(lo, hi, tags, n)
    internal = int((known & shared).sum())
    external = int(known.sum()) - internal
    return (external - internal) / (external + internal) if external + internal else None


def mix(lo: np.ndarray, hi: np.ndarray, sector: Codes) -> dict[str, Any]:
    """Share of ties within one sector and across sectors, and per pair of sectors."""
    a, b = sector.codes[lo], sector.codes[hi]
    known = (a >= 0) & (b >= 0)
    counted = int(known.sum())
    if not counted:
        return {"ties_counted": 0, "within": None, "across": None, "pairs": {}}
    first, second = np.minimum(a[known], b[known]), np.maximum(a[known], b[known])
    width = max(len(sector.labels), 1)
    counts = np.bincount(first * width + second, minlength=width * width)
    pairs = {}
    for code in np.flatnonzero(counts).tolist():
        left, right = sorted((sector.labels[code // width], sector.labels[code % width]))
        pairs[f"{left}–{right}"] = counts[code] / counted
    within = float((first == second).sum()) / counted
    return {
        "ties_counted": counted,
        "within": within,
        "across": 1 - within,
        "pairs": dict(sorted(pairs.items())),
    }
