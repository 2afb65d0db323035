"""Reads a run's scope from the database into the engine's plain columns.

The run's :class:`~phakhi.scope.Scope` picks the rows in the database and they are read straight
from the driver: a national workspace is 600,000 actors and 3 million ties, and building model
instances for them would cost more than the analysis itself. The engine draws an ego network.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import connection

from phakhi.actors.models import ActorTag, Tag
from phakhi.analysis.models import AnalysisRun
from phakhi.core.selectors import rows as fetch
from phakhi.engine import Actors, Ties
from phakhi.engine.scope import ego
from phakhi.networks.models import Network
from phakhi.scope import Scope


@dataclass(frozen=True)
class ScopeData:
    """The engine's input for one run; actor keys are database ids, ``labels`` their user keys."""

    actors: Actors
    ties: Ties
    labels: dict[int, str]


def _table(model: Any) -> str:
    return str(connection.ops.quote_name(model._meta.db_table))


def run_scope(run: AnalysisRun) -> Scope:
    """The scope a run analyses, on its date."""
    filters = run.filters or {}
    networks = [run.network] if run.network is not None else []
    if filters.get("networks"):
        networks = list(Network.objects.filter(workspace=run.workspace, pk__in=filters["networks"]))
    return Scope(
        run.workspace, networks=networks, at=run.at, min_strength=run.min_strength,
        sectors=filters.get("sectors", ()), provinces=filters.get("provinces", ()),
        tags=filters.get("tags", ()), ego=run.ego, radius=run.ego_radius or 1,
    )  # fmt: skip


def load_scope(run: AnalysisRun) -> ScopeData:
    """Actors in the run's scope with sector, province and tags, and the ties among them that
    are active on the run's date and at least its minimum strength."""
    scope = run_scope(run)
    in_scope = scope.filtered_actors().order_by("id")
    rows = fetch(in_scope.values_list("id", "key", "sector", "province_code"))
    ties_in_force = scope.workspace_ties()
    tie_rows = fetch(ties_in_force.values_list("source_id", "target_id", "strength", "directed"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT at.actor_id, t.name FROM {_table(ActorTag)} at "
            f"JOIN {_table(Tag)} t ON t.id = at.tag_id WHERE t.workspace_id = %s",
            [run.workspace_id],
        )
        tag_rows = cursor.fetchall()
    ids = np.fromiter((row[0] for row in rows), np.int64, len(rows))
    tags_by_actor: dict[int, list[str]] = {}
    for actor_id, name in tag_rows:
        tags_by_actor.setdefault(actor_id, []).append(name)
    actors = Actors(
        keys=ids,
        sector=[row[2] or None for row in rows],
        province=[row[3] or None for row in rows],
        tags=[tags_by_actor.get(row[0], []) for row in rows],
    )
    table = np.array(tie_rows, dtype=np.int64).reshape(-1, 4)
    ties = Ties(source=table[:, 0], target=table[:, 1], strength=table[:, 2],
                directed=table[:, 3].astype(bool))  # fmt: skip
    labels = {row[0]: row[1] for row in rows}
    if run.scope == AnalysisRun.Scope.EGO:
        assert run.ego_id is not None
        around = ego(actors, ties, run.ego_id, radius=run.ego_radius or 1)
        keep = np.asarray(around.keys, dtype=np.int64)
        actors = around
        labels = {key: labels[key] for key in keep.tolist()}
    return ScopeData(actors, ties, labels)
