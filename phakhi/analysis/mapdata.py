"""The network map (ผังเครือข่าย) as JSON-ready columns for the browser: the actors and ties of
a scope (see :mod:`phakhi.analysis.mapscope`) with the latest run's layout and measures, the
highlights (hubs, brokers, single points of failure, bridges), the legend and the run's verdict.
Reads only; no contact detail is read or sent.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

import numpy as np
from django.db.models import QuerySet

from phakhi.accounts.permissions import Access
from phakhi.actors.models import ActorTag
from phakhi.actors.selectors import tags_of
from phakhi.analysis.mapmeta import legend, metric_labels, run_info
from phakhi.analysis.mapscope import MapGraph, MapScope, map_nodes, positions, rows, rows_of
from phakhi.analysis.models import ActorResult
from phakhi.core.areas import province_name
from phakhi.core.dates import current_language, format_date
from phakhi.ties.models import Origin
from phakhi.ties.vocabulary import COPARTICIPATION, LAST_ACTIVITY, SHARED_ACTIVITIES

RESULT_FIELDS = (
    "degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank", "constraint",
    "articulation", "community", "brokerage", "x", "y",
)  # fmt: skip
_INTEGERS = ("degree", "articulation", "community", "brokerage")
# Measures sent rounded to four significant digits: enough to read and to rank, half the bytes.
_ROUNDED = ("betweenness", "closeness", "eigenvector", "pagerank", "constraint")
# Brokers to highlight: the top 1 % by betweenness, at least 5 and at most 100 of them.
BROKER_SHARE, BROKERS_MIN, BROKERS_MAX = 0.01, 5, 100
MAP_SIZE = 1000.0  # coordinates are sent inside [0, MAP_SIZE]²


def _significant(values: np.ndarray, digits: int = 4) -> np.ndarray:
    """Floats rounded to ``digits`` significant digits (NaN stays NaN)."""
    magnitude = np.floor(np.log10(np.abs(values), where=values != 0, out=np.zeros_like(values)))
    scale = 10.0 ** (digits - 1 - np.nan_to_num(magnitude))
    return np.round(values * scale) / scale


def _column(values: np.ndarray) -> list[Any]:
    """A numpy column as JSON values, NaN as null."""
    if values.dtype.kind != "f" or not np.isnan(values).any():
        return values.tolist()  # type: ignore[no-any-return]
    return [None if v != v else v for v in values.tolist()]


def _of_nodes(scope: MapScope, read: QuerySet[Any, Any], ids: np.ndarray) -> list[tuple[Any, ...]]:
    """The rows of ``read`` (by ``actor_id``) for the map's actors: an ego map's few looked up
    by id, a narrowed map's through its scope, else the whole workspace's."""
    if scope.ego is not None:
        return rows_of(read, "actor_id", ids.tolist())
    if scope.narrowed:
        read = read.filter(actor_id__in=scope.actors().values("id"))
    return rows(read)


def _measures(scope: MapScope, ids: np.ndarray) -> dict[str, np.ndarray]:
    """The run's measures and coordinates per node; NaN where the actor is not in the run."""
    table = {name: np.full(len(ids), np.nan) for name in RESULT_FIELDS}
    if scope.run is None or not len(ids):
        return table
    results = ActorResult.objects.filter(run=scope.run)
    found_rows = _of_nodes(scope, results.values_list("actor_id", *RESULT_FIELDS), ids)
    if not found_rows:
        return table
    columns = list(zip(*found_rows, strict=True))
    where = positions(ids, np.array(columns[0], dtype=np.int64))
    found = where >= 0
    for name, values in zip(RESULT_FIELDS, columns[1:], strict=True):
        table[name][where[found]] = np.array(values, dtype=np.float64)[found]
    return table


def _place(x: np.ndarray, y: np.ndarray, graph: MapGraph) -> tuple[np.ndarray, np.ndarray, str]:
    """Coordinates for every node: the run's; for an actor the run did not place (one added
    since), the mean of its placed partners, else a ring around the map; with no stored
    coordinates at all, a sunflower spiral. The second value says which was needed."""
    n = len(x)
    index = np.arange(n, dtype=np.float64)
    missing = np.isnan(x)
    if missing.all():
        radius, angle = np.sqrt(index + 0.5), index * math.pi * (3 - math.sqrt(5))
        return radius * np.cos(angle), radius * np.sin(angle), "none"
    if not missing.any():
        return x, y, "stored"
    x, y = x.copy(), y.copy()
    ends = np.concatenate([graph.source, graph.target])
    others = np.concatenate([graph.target, graph.source])
    useful = missing[ends] & ~missing[others]
    count = np.bincount(ends[useful], minlength=n)
    near = missing & (count > 0)
    for column in (x, y):
        sums = np.bincount(ends[useful], weights=column[others[useful]], minlength=n)
        column[near] = sums[near] / count[near]
    # Apart from each other, so that two newcomers with the same partner do not overlap.
    step = 0.01 * (np.ptp(x[~missing]) + np.ptp(y[~missing]) + 1e-9)
    x[near] += step * np.cos(index[near] * 2.4)
    y[near] += step * np.sin(index[near] * 2.4)
    alone = missing & ~near
    if alone.any():
        cx, cy = float(np.mean(x[~missing])), float(np.mean(y[~missing]))
        reach = max(
            float(np.max(np.abs(x[~missing] - cx))), float(np.max(np.abs(y[~missing] - cy)))
        )
        angle = np.linspace(0, 2 * math.pi, int(alone.sum()), endpoint=False)
        x[alone] = cx + 1.15 * reach * np.cos(angle)
        y[alone] = cy + 1.15 * reach * np.sin(angle)
    return x, y, "placed"


def _fit(x: np.ndarray, y: np.ndarray) -> tuple[list[float], list[float], dict[str, float]]:
    """Coordinates scaled into [0, MAP_SIZE]² (aspect kept), to two decimals, and the frame
    that scaled them: a point (u, v) of the map is (x0 + u · scale, y0 + v · scale) of the
    layout (what a drawn map stores where an actor was put)."""
    if not len(x):
        return [], [], {"x0": 0.0, "y0": 0.0, "scale": 1.0}
    span = max(float(np.ptp(x)), float(np.ptp(y)), 1e-9) / MAP_SIZE
    frame = {"x0": float(x.min()), "y0": float(y.min()), "scale": span}
    return (np.round((x - x.min()) / span, 2).tolist(),
            np.round((y - y.min()) / span, 2).tolist(), frame)  # fmt: skip


def _put(
    x: np.ndarray, y: np.ndarray, ids: np.ndarray, placed: dict[int, tuple[float, float]]
) -> None:
    """Set the coordinates of the actors that were put somewhere on a drawn map."""
    if not placed:
        return
    where = positions(ids, np.fromiter(placed, dtype=np.int64, count=len(placed)))
    for position, (px, py) in zip(where.tolist(), placed.values(), strict=True):
        if position >= 0:
            x[position], y[position] = px, py


def _tags(scope: MapScope, ids: np.ndarray) -> tuple[list[str], dict[str, list[int]]]:
    """The workspace's tag names, and which node has which tag as two columns of positions
    (node, tag), sorted by node."""
    names = rows(tags_of(scope.workspace).values_list("id", "name"))
    links = ActorTag.objects.filter(tag__workspace=scope.workspace)
    table = np.array(_of_nodes(scope, links.values_list("actor_id", "tag_id"), ids), dtype=np.int64)
    table = table.reshape(-1, 2)
    tag_ids = np.array([tag_id for tag_id, _ in names], dtype=np.int64)
    order = np.argsort(tag_ids)
    node = positions(ids, table[:, 0])
    tag = order[np.searchsorted(tag_ids, table[:, 1], sorter=order)] if len(names) else node
    kept = np.argsort(node, kind="stable")
    kept = kept[node[kept] >= 0]
    return [name for _, name in names], {"node": node[kept].tolist(), "tag": tag[kept].tolist()}


def _json_value(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value  # SQLite's text value itself (a date), not JSON


def _together(scope: MapScope, graph: MapGraph, language: str) -> dict[str, list[Any]]:
    """The edges whose pair took part together in activities (a co-participation tie): the
    edge's position, how many activities, and the last one's date as the language writes it
    (the tie's tooltip). Read from the same ties as the edges, so a filter narrows both."""
    found: dict[str, list[Any]] = {"edge": [], "shared": [], "last": []}
    if not len(graph.source):
        return found
    ties = scope.ties().filter(kind=COPARTICIPATION, origin=Origin.ACTIVITY)
    wanted = ties.values_list(
        "source_id", "target_id", f"attributes__{SHARED_ACTIVITIES}", f"attributes__{LAST_ACTIVITY}"
    )
    table = rows_of(wanted, "source_id", graph.ids.tolist()) if scope.ego else rows(wanted)
    if not table:
        return found
    ends = np.array([(row[0], row[1]) for row in table], dtype=np.int64)
    one, other = positions(graph.ids, ends[:, 0]), positions(graph.ids, ends[:, 1])
    edge_of = {
        (a, b) if a < b else (b, a): e
        for e, (a, b) in enumerate(zip(graph.source.tolist(), graph.target.tolist(), strict=True))
    }
    days: dict[str, str] = {}
    for a, b, (_s, _t, shared, last) in zip(one.tolist(), other.tolist(), table, strict=True):
        edge = edge_of.get((a, b) if a < b else (b, a)) if a >= 0 and b >= 0 else None
        # Read raw: SQLite gives the values, PostgreSQL their JSON text (1, "2026-03-12").
        shared, last = _json_value(shared), str(_json_value(last) or "")
        if edge is None or not isinstance(shared, int) or isinstance(shared, bool):
            continue
        if last not in days:
            try:
                days[last] = format_date(dt.date.fromisoformat(last), language)
            except ValueError:
                days[last] = ""
        found["edge"].append(edge)
        found["shared"].append(shared)
        found["last"].append(days[last])
    return found


def _brokers(betweenness: np.ndarray) -> np.ndarray:
    count = min(BROKERS_MAX, max(BROKERS_MIN, math.ceil(BROKER_SHARE * len(betweenness))))
    values = np.nan_to_num(betweenness, nan=0.0)
    top = np.argsort(-values, kind="stable")[:count]
    brokers = np.zeros(len(values), dtype=bool)
    brokers[top[values[top] > 0]] = True
    return brokers


def _hubs(scope: MapScope, degree: np.ndarray) -> np.ndarray:
    """The run's hubs: degree at or above the floor its structure verdict used."""
    figures = scope.run.results.get("structure", {}).get("figures", {}) if scope.run else {}
    floor = figures.get("hub_degree_floor")
    if floor is None:
        return np.zeros(len(degree), dtype=bool)
    return np.nan_to_num(degree, nan=0.0) >= max(float(floor), 1.0)


def _flags(values: np.ndarray) -> list[int]:
    return values.astype(np.int8).tolist()  # type: ignore[no-any-return]


def scope_payload(
    scope: MapScope, access: Access, placed: dict[int, tuple[float, float]] | None = None
) -> dict[str, Any]:
    """The map of a scope (see :func:`~phakhi.analysis.mapscope.map_scope` for the filters) as
    columns: ``nodes`` (one list per attribute; position i is node i), ``edges`` (``source`` and
    ``target`` are node positions), ``run`` (None before any analysis: ``needs_analysis``),
    ``layout`` ("stored", "placed" when some actors were placed near their partners, "none"),
    the ``legend``, the ``metrics`` in plain words and the lookup tables the columns refer to.
    ``placed`` (actor id → layout coordinates) are where a drawn map put some actors."""
    actors, graph = map_nodes(scope, "key", "name", "kind", "sector", "province_code")
    measures = _measures(scope, graph.ids)
    x, y, placement = _place(measures["x"], measures["y"], graph)
    _put(x, y, graph.ids, placed or {})  # after the others are placed: they keep their places
    tag_names, tag_links = _tags(scope, graph.ids)
    language = current_language()
    sectors = [row[4] or "none" for row in actors]
    nodes: dict[str, list[Any]] = {
        "id": graph.ids.tolist(),
        "key": [row[1] for row in actors],
        "label": [row[2] for row in actors],
        "kind": [row[3] for row in actors],
        "sector": sectors,
        "province": [row[5] for row in actors],
    }
    nodes["x"], nodes["y"], frame = _fit(x, y)
    for name in RESULT_FIELDS[:-2]:
        values = measures[name]
        if name in _ROUNDED:
            values = _significant(values)
        nodes[name] = _column(values)
        if name in _INTEGERS:
            nodes[name] = [None if v is None else int(v) for v in nodes[name]]
    nodes["hub"] = _flags(_hubs(scope, measures["degree"]))
    nodes["broker"] = _flags(_brokers(measures["betweenness"]))
    community = measures["community"]
    provinces = sorted({row[5] for row in actors if row[5]})
    return {
        "workspace": scope.workspace.slug,
        "filters": scope.filters(),
        "run": run_info(scope.run, scope.network, language),
        "needs_analysis": scope.run is None,
        "can_analyze": access.can_analyze,
        "layout": placement,
        "counts": {"nodes": len(graph.ids), "edges": len(graph.source)},
        "frame": frame,
        "nodes": nodes,
        "edges": {
            "source": graph.source.tolist(),
            "target": graph.target.tolist(),
            "strength": graph.strength.tolist(),
            "directed": _flags(graph.directed),
            "bridge": _flags(graph.bridges()),
        },
        # Pairs that took part in activities together: which edges, how often, when last.
        "together": _together(scope, graph, language),
        "provinces": {code: province_name(code, language) for code in provinces},
        "tags": tag_names,
        "tag_links": tag_links,
        "communities": sorted({int(c) for c in community[~np.isnan(community)].tolist()}),
        "legend": legend(sectors),
        "metrics": metric_labels(),
    }
