"""Packing the map's smaller components in rings around the main one, isolates outermost, one
gap apart, so that no two bounding boxes overlap."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

GAP = 1.0


@dataclass(frozen=True)
class Box:
    left: float
    bottom: float
    right: float
    top: float

    @staticmethod
    def around(xy: np.ndarray) -> Box:
        low, high = xy.min(axis=0), xy.max(axis=0)
        return Box(float(low[0]), float(low[1]), float(high[0]), float(high[1]))

    def grown(self, by: float) -> Box:
        return Box(self.left - by, self.bottom - by, self.right + by, self.top + by)

    def strips(self, reach: float) -> list[tuple[float, float]]:
        """(start, length) along each side, in the order top, bottom, left, right: the top and
        bottom strips span the corners, the left and right ones only the box's height."""
        across = (self.left - reach, self.right - self.left + 2 * reach)
        upright = (self.bottom, self.top - self.bottom)
        return [across, across, upright, upright]


def _place(box: Box, side: int, along: float, width: float, height: float) -> tuple[float, float]:
    """The centre of a width × height box whose middle is at ``along`` on ``side`` of ``box``,
    one gap away from it."""
    if side == 0:
        return along, box.top + GAP + height / 2
    if side == 1:
        return along, box.bottom - GAP - height / 2
    if side == 2:
        return box.left - GAP - width / 2, along
    return box.right + GAP + width / 2, along


def pack_rings(box: Box, extents: np.ndarray) -> tuple[np.ndarray, Box]:
    """Centres for boxes of the given (width, height), widest first, in rings around ``box``;
    each ring is as thick as its first box and fills its four sides evenly. Returns the centres
    and the box around everything."""
    centres = np.zeros((len(extents), 2))
    i = 0
    while i < len(extents):
        reach = GAP + float(extents[i].max())
        strips = box.strips(reach)
        used = [0.0] * 4
        members: list[list[int]] = [[], [], [], []]
        while i < len(extents):
            best, best_fill = -1, math.inf
            for side, (_, length) in enumerate(strips):
                extent = float(extents[i][0 if side < 2 else 1])
                fill = (used[side] + extent + GAP) / (length + GAP)
                if used[side] + extent <= length + 1e-9 * reach and fill < best_fill:
                    best, best_fill = side, fill
            if best < 0:
                break
            members[best].append(i)
            used[best] += float(extents[i][0 if best < 2 else 1]) + GAP
            i += 1
        for side, (start, length) in enumerate(strips):
            cursor = start + (length - (used[side] - GAP)) / 2
            for j in members[side]:
                width, height = float(extents[j][0]), float(extents[j][1])
                extent = width if side < 2 else height
                centres[j] = _place(box, side, cursor + extent / 2, width, height)
                cursor += extent + GAP
        box = box.grown(reach)
    return centres, box


def pack_points(box: Box, count: int) -> np.ndarray:
    """Positions for ``count`` isolates in rings of points one gap apart around ``box``, the last
    ring shared out over its four sides."""
    points = []
    while count > 0:
        strips = box.strips(GAP)
        capacity = np.array([math.floor(length / GAP + 1e-9) + 1 for _, length in strips])
        if count >= capacity.sum():
            share = capacity
        else:
            exact = count * capacity / capacity.sum()
            share = np.floor(exact).astype(np.int64)
            extra = np.argsort(-(exact - share), kind="stable")[: count - int(share.sum())]
            share[extra] += 1
        for side, ((start, length), placed) in enumerate(zip(strips, share.tolist(), strict=True)):
            if placed == 0:
                continue
            along = start + (length - (placed - 1) * GAP) / 2 + GAP * np.arange(placed)
            fixed = _place(box, side, 0.0, 0.0, 0.0)[1 if side < 2 else 0]
            column = np.full(placed, fixed)
            points.append(np.column_stack([along, column] if side < 2 else [column, along]))
        count -= int(share.sum())
        box = box.grown(GAP)
    return np.concatenate(points) if points else np.zeros((0, 2))
