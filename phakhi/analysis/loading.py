"""Reads a run's scope from the database into the engine's plain columns.

Plain SQL with the scope and the date applied in the database: a national workspace is 600,000
actors and 3 million ties, and building model instances for them would cost more than the
analysis itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from django.db import connection

from phakhi.actors.models import Actor, ActorTag, Tag
from phakhi.analysis.models import AnalysisRun
from phakhi.engine import Actors, Ties
from phakhi.engine.scope import ego
from phakhi.networks.models import Membership
from phakhi.ties.models import Tie


@dataclass(frozen=True)
class ScopeData:
    """The engine's input for one run; actor keys are database ids, ``labels`` their user keys."""

    actors: Actors
    ties: Ties
    labels: dict[int, str]


def _table(model: Any) -> str:
    return str(connection.ops.quote_name(model._meta.db_table))


def _actor_filter(run: AnalysisRun) -> tuple[str, list[Any]]:
    where: list[str] = ["a.workspace_id = %s"]
    params: list[Any] = [run.workspace_id]
    if run.scope == AnalysisRun.Scope.NETWORK:
        where.append(
            f"a.id IN (SELECT actor_id FROM {_table(Membership)} m WHERE m.network_id = %s "
            "AND (m.since IS NULL OR m.since <= %s) AND (m.until IS NULL OR m.until > %s))"
        )
        params += [run.network_id, run.at, run.at]
    filters = run.filters or {}
    if filters.get("sectors"):
        where.append(f"a.sector IN ({', '.join(['%s'] * len(filters['sectors']))})")
        params += list(filters["sectors"])
    if filters.get("provinces"):
        where.append(f"a.province_code IN ({', '.join(['%s'] * len(filters['provinces']))})")
        params += list(filters["provinces"])
    if filters.get("tags"):
        where.append(
            f"a.id IN (SELECT at.actor_id FROM {_table(ActorTag)} at JOIN {_table(Tag)} t "
            f"ON t.id = at.tag_id WHERE t.workspace_id = %s AND t.name_key IN "
            f"({', '.join(['%s'] * len(filters['tags']))}))"
        )
        params += [run.workspace_id, *filters["tags"]]
    return " AND ".join(where), params


def load_scope(run: AnalysisRun) -> ScopeData:
    """Actors in the run's scope with sector, province and tags, and the ties among them that
    are active on the run's date and at least its minimum strength."""
    where, params = _actor_filter(run)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT a.id, a.key, a.sector, a.province_code FROM {_table(Actor)} a "
            f"WHERE {where} ORDER BY a.id",
            params,
        )
        rows = cursor.fetchall()
        cursor.execute(
            f"SELECT at.actor_id, t.name FROM {_table(ActorTag)} at "
            f"JOIN {_table(Tag)} t ON t.id = at.tag_id WHERE t.workspace_id = %s",
            [run.workspace_id],
        )
        tag_rows = cursor.fetchall()
        cursor.execute(
            f"SELECT source_id, target_id, strength, directed FROM {_table(Tie)} "
            "WHERE workspace_id = %s AND strength >= %s "
            "AND (since IS NULL OR since <= %s) AND (until IS NULL OR until > %s)",
            [run.workspace_id, run.min_strength, run.at, run.at],
        )
        tie_rows = cursor.fetchall()
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
