"""Per-network measures, and the table of communities."""

from __future__ import annotations

from typing import Any

import numpy as np

from phakhi.engine.communities import Partition
from phakhi.engine.graph import SimpleGraph
from phakhi.engine.groups import Codes, TagSets, ei_index, mix, tag_ei_index
from phakhi.engine.paths import PathMeasures
from phakhi.engine.structure import bridges, shape

LEADERS_LISTED = 3


def network_measures(
    sg: SimpleGraph,
    actors: dict[str, np.ndarray],
    paths: PathMeasures,
    partition: Partition,
    *,
    sector: Codes,
    province: Codes,
    tags: TagSets,
    keys: list[Any],
) -> dict[str, Any]:
    """The per-network keys of ``phakhi analyze --json`` (all but ``fragility``)."""
    n, m, g = sg.n, sg.m, sg.graph
    degree = actors["degree"]
    sizes = np.asarray(g.connected_components().sizes()) if n else np.zeros(0, np.int64)
    transitivity = float(np.nan_to_num(g.transitivity_undirected())) if n else 0.0
    degree_centralization = (
        float((degree.max() - degree).sum() / ((n - 1) * (n - 2))) if n > 2 else None
    )
    betweenness = paths.betweenness
    return {
        "nodes": n,
        "ties": m,
        "density": 2 * m / (n * (n - 1)) if n > 1 else 0.0,
        "components": len(sizes),
        "largest_component": int(sizes.max()) if n else 0,
        "isolates": int((degree == 0).sum()),
        "average_degree": 2 * m / n if n else 0.0,
        "degree_centralization": degree_centralization,
        "betweenness_centralization": (
            float((betweenness.max() - betweenness).sum() / (n - 1)) if n > 2 else None
        ),
        "transitivity": transitivity,
        "average_clustering": float(actors["clustering"].mean()) if n else 0.0,
        "average_path_length": paths.average_path_length,
        "diameter": paths.diameter,
        "modularity": partition.modularity,
        "communities": partition.count,
        "reciprocity": reciprocity(sg.directed_pairs),
        "sector_mix": mix(sg.lo, sg.hi, sector),
        "ei_index": {
            "sector": ei_index(sg.lo, sg.hi, sector.codes),
            "province": ei_index(sg.lo, sg.hi, province.codes),
            "tags": tag_ei_index(sg.lo, sg.hi, tags, n),
        },
        "bridges": bridges(sg, keys),
        "structure": shape(
            sg,
            degree,
            degree_centralization=degree_centralization,
            modularity=partition.modularity,
            community=partition.membership,
            transitivity=transitivity,
        ),
    }


def reciprocity(directed_pairs: np.ndarray) -> float | None:
    """Share of directed ties whose reverse also exists (networkx ``reciprocity`` on the graph
    of directed ties); ``None`` without directed ties.

    >>> reciprocity(np.array([[0, 1], [1, 0], [1, 2]]))
    0.6666666666666666
    """
    if not len(directed_pairs):
        return None
    width = np.int64(directed_pairs.max() + 1)
    forward = np.unique(directed_pairs[:, 0] * width + directed_pairs[:, 1])
    reverse = (forward % width) * width + forward // width
    return float(np.isin(reverse, forward).sum() / len(forward))


def community_table(
    partition: Partition, degree: np.ndarray, sector: Codes, sg: SimpleGraph, keys: list[Any]
) -> list[dict[str, Any]]:
    """One row per community: size, sector counts, ties inside and leaving, best-connected
    members (``leaders``)."""
    count = partition.count
    if not count:
        return []
    member = partition.membership
    sizes = np.bincount(member[member >= 0], minlength=count)
    a, b = member[sg.lo], member[sg.hi]
    inside = np.bincount(a[a == b], minlength=count)
    leaving = np.bincount(np.r_[a[a != b], b[a != b]], minlength=count)
    labels = [*sector.labels, ""]
    width = len(labels)
    in_community = member >= 0
    sector_code = np.where(sector.codes >= 0, sector.codes, width - 1)
    sector_counts = np.bincount(
        member[in_community] * width + sector_code[in_community], minlength=count * width
    ).reshape(count, width)
    order = np.lexsort((-degree, member))
    order = order[member[order] >= 0]
    starts = np.searchsorted(member[order], np.arange(count))
    rows = []
    for community in range(count):
        top = order[starts[community] : starts[community] + min(LEADERS_LISTED, sizes[community])]
        rows.append({
            "id": community,
            "size": int(sizes[community]),
            "sectors": {labels[i] or "unknown": int(c)
                        for i, c in enumerate(sector_counts[community].tolist()) if c},
            "internal_ties": int(inside[community]),
            "external_ties": int(leaving[community]),
            "leaders": [keys[i] for i in top.tolist()],
        })  # fmt: skip
    return rows
