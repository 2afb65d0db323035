"""One analysis of one network: every per-actor and per-network measure, communities and layout."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from phakhi.engine.brokerage import brokerage_roles
from phakhi.engine.centrality import local_measures
from phakhi.engine.communities import leiden
from phakhi.engine.data import Actors, Ties, key_array, tie_columns
from phakhi.engine.graph import SimpleGraph, active, simple_graph
from phakhi.engine.groups import Codes, encode, encode_tags
from phakhi.engine.layout import FORCE_LIMIT, layout
from phakhi.engine.network import community_table, network_measures
from phakhi.engine.paths import EXACT_LIMIT, PathMeasures, path_measures
from phakhi.engine.structure import fragility

ACTOR_KEYS = (
    "degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
    "clustering", "core", "constraint", "effective_size", "articulation", "community",
    "coordinator", "itinerant", "gatekeeper", "representative", "liaison", "boundary", "brokerage",
)  # fmt: skip
ROLE_KEYS = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison", "boundary")

Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class Options:
    """``at``: count ties active on that day (``None``: every tie); ``min_strength``: leave out
    weaker ties; components above ``exact_limit`` actors get sampled path measures from
    ``samples`` sources (``None``: sized to the network); ``seed`` makes sampling, communities
    and layout repeatable; ``layout=False`` skips the map coordinates."""

    at: date | None = None
    min_strength: int = 1
    exact_limit: int = EXACT_LIMIT
    samples: int | None = None
    seed: int = 0
    layout: bool = True
    fragility_k: tuple[int, ...] = (1, 3, 5)
    ties_outside: str = "error"


@dataclass
class Analysis:
    """The result. ``actors`` is columnar: one array per key of :data:`ACTOR_KEYS`, in the order
    of ``keys``; undefined values are NaN. ``edges`` holds the simple graph as node positions."""

    keys: list[Any]
    actors: dict[str, np.ndarray]
    network: dict[str, Any]
    communities: list[dict[str, Any]]
    edges: np.ndarray
    weights: np.ndarray
    coordinates: np.ndarray | None
    method: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    def actor_rows(self) -> Iterator[dict[str, Any]]:
        """One JSON-ready dict per actor: ``key`` then every measure (``None`` if undefined)."""
        columns = [(name, self.actors[name].tolist()) for name in ACTOR_KEYS]
        for i, key in enumerate(self.keys):
            row: dict[str, Any] = {"key": key}
            for name, values in columns:
                value = values[i]
                row[name] = None if isinstance(value, float) and value != value else value
            yield row


def analyze(
    actors: Actors, ties: Ties, options: Options | None = None, progress: Progress | None = None
) -> Analysis:
    """Analyse the network of ``actors`` and ``ties`` (see docs/metrics.md for every measure).

    >>> actors = Actors(keys=["a", "b", "c", "d"], sector=["people", "government", "people", None])
    >>> ties = Ties(source=["a", "b"], target=["b", "c"], strength=[4, 2])
    >>> result = analyze(actors, ties)
    >>> result.network["ties"], result.network["isolates"], result.actors["degree"].tolist()
    (2, 1, [1, 2, 1, 0])
    >>> next(result.actor_rows())["betweenness"], result.actors["itinerant"].tolist()
    (0.0, [0, 1, 0, 0])
    """
    options = options or Options()
    clock = _Clock(progress)
    keys = key_array(actors.keys).tolist()
    n = len(keys)
    columns = tie_columns(actors, ties, outside=options.ties_outside)
    sg = simple_graph(n, columns, active(columns, options.at, options.min_strength))
    sector = encode(actors.sector, n)
    clock.lap("graph", 0.05)

    measures = local_measures(sg, options.seed)
    clock.lap("local", 0.25)
    partition = leiden(sg, seed=options.seed)
    clock.lap("communities", 0.4)
    paths = path_measures(
        sg,
        exact_limit=options.exact_limit,
        samples=options.samples,
        seed=options.seed,
        keep_pivots=options.layout and sg.n > FORCE_LIMIT,
    )
    clock.lap("paths", 0.75)
    roles = _brokerage(sg, sector)
    clock.lap("brokerage", 0.8)

    measures.update(
        betweenness=paths.betweenness, closeness=paths.closeness, harmonic=paths.harmonic,
        community=partition.membership, **roles,
    )  # fmt: skip
    network = network_measures(
        sg, measures, paths, partition, sector=sector,
        province=encode(actors.province, n), tags=encode_tags(actors.tags, n), keys=keys,
    )  # fmt: skip
    network["fragility"] = fragility(sg, paths.betweenness, keys, options.fragility_k)
    clock.lap("network", 0.85)
    coordinates = _layout(sg, paths, options) if options.layout else None
    clock.lap("layout", 1.0)
    return Analysis(
        keys=keys,
        actors={name: measures[name] for name in ACTOR_KEYS},
        network=network,
        communities=community_table(partition, measures["degree"], sector, sg, keys),
        edges=np.column_stack([sg.lo, sg.hi]),
        weights=sg.weight,
        coordinates=coordinates,
        method={
            **paths.method,
            "samples_requested": options.samples,
            "exact": not paths.method["sampled_components"],
            "layout": _layout_name(sg) if options.layout else None,
        },
        timings=clock.timings,
    )


def _brokerage(sg: SimpleGraph, sector: Codes) -> dict[str, np.ndarray]:
    roles = brokerage_roles(sg.n, sg.lo, sg.hi, sg.forward, sg.backward, sector.codes)
    out = {name: roles[name] for name in ROLE_KEYS}
    out["brokerage"] = roles["total"]
    return out


def _layout_name(sg: SimpleGraph) -> str:
    return "fruchterman-reingold" if sg.n <= FORCE_LIMIT else "pivot-mds"


def _layout(sg: SimpleGraph, paths: PathMeasures, options: Options) -> np.ndarray:
    # path_measures keeps pivot distances only when the map will be a PivotMDS one.
    return layout(
        sg.graph,
        seed=options.seed,
        force_limit=FORCE_LIMIT,
        pivots=paths.pivots or None,
        pivot_distances=paths.pivot_distances,
    )


class _Clock:
    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.timings: dict[str, float] = {}
        self.started = self.last = time.perf_counter()

    def lap(self, step: str, fraction: float) -> None:
        now = time.perf_counter()
        self.timings[step] = round(now - self.last, 3)
        self.last = now
        if self.progress is not None:
            self.progress(step, fraction)
