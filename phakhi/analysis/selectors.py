"""Reading stored analyses: the latest run, one run as the CLI's JSON, comparisons."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.analysis.loading import load_scope
from phakhi.analysis.models import ActorResult, AnalysisRun
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.engine import ACTOR_KEYS, compare
from phakhi.engine.data import tie_columns
from phakhi.engine.graph import active, simple_graph
from phakhi.networks.models import Network


def run_get(workspace: Workspace, number: int) -> AnalysisRun:
    """The workspace's run with that number (runs are numbered 1, 2, … in each workspace)."""
    try:
        return AnalysisRun.objects.get(workspace=workspace, number=number)
    except ObjectDoesNotExist:
        raise NotFound(
            _("There is no analysis run %(id)s in this workspace.") % {"id": number}
        ) from None


def latest_run(workspace: Workspace, network: Network | None = None) -> AnalysisRun | None:
    """The newest finished run of the whole workspace, or of one network."""
    runs = AnalysisRun.objects.filter(workspace=workspace, status=AnalysisRun.Status.DONE)
    if network is None:
        runs = runs.filter(scope=AnalysisRun.Scope.WORKSPACE)
    else:
        runs = runs.filter(scope=AnalysisRun.Scope.NETWORK, network=network)
    return runs.select_related("workspace", "network", "ego").order_by("-id").first()


def leading_actors(run: AnalysisRun, measure: str, limit: int) -> list[tuple[str, Any]]:
    """The actors with the highest value of ``measure`` in the run, as (name, value)."""
    return [(name, value) for _id, name, value in leading_actor_rows(run, measure, limit)]


def leading_actor_rows(run: AnalysisRun, measure: str, limit: int) -> list[tuple[int, str, Any]]:
    """The actors with the highest value of ``measure`` in the run, as (id, name, value)."""
    if measure not in ACTOR_KEYS:
        raise ValueError(f"unknown measure {measure!r}")
    rows = ActorResult.objects.filter(run=run).order_by(f"-{measure}", "actor_id")
    return list(rows.values_list("actor_id", "actor__name", measure)[:limit])


def articulation_count(run: AnalysisRun) -> int:
    return ActorResult.objects.filter(run=run, articulation=True).count()


def run_summary(run: AnalysisRun) -> dict[str, Any]:
    return {
        "id": run.pk,
        "number": run.number,
        "workspace": run.workspace.slug,
        "scope": run.scope,
        "network": run.network.slug if run.network_id else None,  # type: ignore[union-attr]
        "ego": run.ego.key if run.ego_id else None,  # type: ignore[union-attr]
        "ego_radius": run.ego_radius,
        "filters": run.filters,
        "at": run.at.isoformat(),
        "min_strength": run.min_strength,
        "parameters": run.parameters,
        "status": run.status,
        "error": run.error or None,
        "method": run.method,
        "timings": run.timings,
        "started_at": run.started_at.isoformat() if run.started_at else None,
        "finished_at": run.finished_at.isoformat() if run.finished_at else None,
    }


def actor_rows(run: AnalysisRun) -> Iterator[dict[str, Any]]:
    """``{"key": …, <measure>: …}`` per actor of the run, in actor-key order, streamed."""
    fields = ["actor__key", *ACTOR_KEYS]
    rows = (
        ActorResult.objects.filter(run=run).order_by("actor__key").values_list(*fields)
    ).iterator(chunk_size=5_000)
    for row in rows:
        yield {"key": row[0], **dict(zip(ACTOR_KEYS, row[1:], strict=True))}


def run_json(run: AnalysisRun) -> dict[str, Any]:
    """The object ``phakhi analyze --json`` writes: run, network, actors, communities."""
    return {
        "run": run_summary(run),
        "network": run.results,
        "actors": list(actor_rows(run)),
        "communities": run.communities,
    }


@dataclass
class _Snapshot:
    keys: list[Any]
    actors: dict[str, np.ndarray]
    network: dict[str, Any]
    edges: np.ndarray


def _snapshot(run: AnalysisRun) -> _Snapshot:
    """A stored run with its ties rebuilt from the tie table at the run's date and scope."""
    rows = list(
        ActorResult.objects.filter(run=run)
        .order_by("actor_id")
        .values_list("actor_id", "actor__key", *ACTOR_KEYS)
    )
    ids = np.asarray([row[0] for row in rows], dtype=np.int64)
    table = np.asarray([[np.nan if v is None else v for v in row[2:]] for row in rows],
                       dtype=np.float64).reshape(-1, len(ACTOR_KEYS))  # fmt: skip
    actors = {name: table[:, i] for i, name in enumerate(ACTOR_KEYS)}
    actors["community"] = np.nan_to_num(actors["community"], nan=-1).astype(np.int64)
    data = load_scope(run)
    scope_ids = np.asarray(data.actors.keys, dtype=np.int64)
    columns = tie_columns(data.actors, data.ties, outside="drop")
    graph = simple_graph(len(scope_ids), columns, active(columns, run.at, run.min_strength))
    # Actors that left the scope since the run (another sector, say) keep their row, no ties.
    order = np.full(len(scope_ids), -1, dtype=np.int64)
    found = np.searchsorted(scope_ids, ids).clip(max=max(len(scope_ids) - 1, 0))
    still = (scope_ids[found] == ids) if len(scope_ids) else np.zeros(len(ids), bool)
    order[found[still]] = np.flatnonzero(still)
    keep = (order[graph.lo] >= 0) & (order[graph.hi] >= 0)
    edges = np.column_stack([order[graph.lo][keep], order[graph.hi][keep]])
    return _Snapshot([row[1] for row in rows], actors, run.results, edges)


def run_compare(before: AnalysisRun, after: AnalysisRun) -> dict[str, Any]:
    """What changed from one finished run to another: actors and ties added and lost, network
    figures, the actors whose measures moved most, communities split or merged."""
    for run in (before, after):
        if run.status != AnalysisRun.Status.DONE:
            raise NotFound(_("Analysis run %(id)s has not finished.") % {"id": run.number})
    return {"before": run_summary(before), "after": run_summary(after),
            **compare(_snapshot(before), _snapshot(after))}  # fmt: skip


def runs_of(workspace: Workspace) -> QuerySet[AnalysisRun]:
    """A workspace's analysis runs, newest first, with their network and ego actor."""
    return (
        AnalysisRun.objects.filter(workspace=workspace)
        .select_related("workspace", "network", "ego")
        .order_by("-id")
    )


def actor_results(run: AnalysisRun) -> QuerySet[ActorResult]:
    """One run's per-actor results with their actors, in actor-key order (for paging)."""
    return ActorResult.objects.filter(run=run).select_related("actor").order_by("actor__key", "id")


def actor_metrics(run: AnalysisRun, actor: Actor) -> ActorResult | None:
    """The actor's measures in the run, or None when the run left the actor out."""
    return ActorResult.objects.filter(run=run, actor=actor).first()
