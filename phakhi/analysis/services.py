"""Requesting and running analyses. A run is created (queued), then executed inline when it is
small or asked for, or by a background task; its results are written in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.analysis import hooks
from phakhi.analysis.loading import ScopeData, load_scope
from phakhi.analysis.models import ActorResult, AnalysisRun
from phakhi.core import audit, bulk
from phakhi.core.models import AuditEvent, Workspace
from phakhi.engine import ACTOR_KEYS, Analysis, Options, analyze
from phakhi.engine.analyze import Progress
from phakhi.networks.models import Network
from phakhi.scope import Scope, renamed
from phakhi.ties.models import Tie

# Above this many ties a run requested without a preference goes to the background queue.
INLINE_TIE_LIMIT = 50_000
RESULT_COLUMNS = ("run_id", "actor_id", *ACTOR_KEYS, "x", "y")


def _kind(scope: Scope) -> str:
    if scope.ego is not None:
        return AnalysisRun.Scope.EGO
    if scope.network is not None:
        return AnalysisRun.Scope.NETWORK
    return AnalysisRun.Scope.FILTER if scope.narrowed else AnalysisRun.Scope.WORKSPACE


# analysis_request's keywords name two fields of a scope differently.
REQUEST_FIELDS = {"networks": "network", "radius": "ego_radius"}


def analysis_request(
    author: audit.Author,
    scope: Scope | Workspace,
    *,
    network: Network | None = None,
    at: dt.date | None = None,
    min_strength: int = 1,
    sectors: Sequence[str] = (),
    provinces: Sequence[str] = (),
    tags: Sequence[str] = (),
    ego: Actor | None = None,
    ego_radius: int = 1,
    samples: int | None = None,
    seed: int = 0,
    background: bool | None = None,
    progress: Progress | None = None,
) -> AnalysisRun:
    """Create a run for the scope on its date (default today) and execute it now, or queue it
    when ``background`` is true — or, when ``background`` is None, when the workspace has more
    than ``INLINE_TIE_LIMIT`` ties. A workspace with the scope's fields as keywords (``network``
    and ``ego_radius`` for ``networks`` and ``radius``) is the same as their Scope."""
    errors: dict[str, Any] = {}
    if samples is not None and samples < 2:
        errors["samples"] = [_("Sample at least 2 source actors.")]
    if isinstance(scope, Workspace):
        try:
            scope = Scope(
                scope, networks=[network] if network else [], at=at, min_strength=min_strength,
                sectors=sectors, provinces=provinces, tags=tags, ego=ego, radius=ego_radius,
            )  # fmt: skip
        except ValidationError as error:
            errors |= renamed(error, REQUEST_FIELDS).error_dict
    if errors:
        raise ValidationError(errors)
    assert isinstance(scope, Scope)
    workspace = scope.workspace
    filters: dict[str, list[Any]] = {
        "sectors": list(scope.sectors),
        "provinces": list(scope.provinces),
        "tags": list(scope.tags),
    }
    if len(scope.networks) > 1:
        filters["networks"] = [n.pk for n in scope.networks]
    run = AnalysisRun(
        workspace=workspace,
        scope=_kind(scope),
        network=scope.network,
        ego=scope.ego,
        ego_radius=scope.radius if scope.ego is not None else None,
        filters={name: values for name, values in filters.items() if values},
        at=scope.at or timezone.localdate(),
        min_strength=scope.min_strength,
        parameters={"samples": samples, "seed": seed},
        requested_by=author.label,
    )
    with transaction.atomic():
        run.number = _next_number(workspace)
        run.save()
        changes = {"scope": [None, run.scope], "at": [None, run.at.isoformat()]}
        audit.record(author, AuditEvent.Action.CREATE, run, changes=changes)
    if background is None:
        background = Tie.objects.filter(workspace=workspace).count() > INLINE_TIE_LIMIT
    if background:
        from phakhi.analysis.tasks import analysis_task

        analysis_task.enqueue(run.pk)
        return run
    return analysis_execute(run.pk, author=author, progress=progress)


def _next_number(workspace: Workspace) -> int:
    """The workspace's next run number. The workspace row stays locked until the caller's
    transaction commits, so two runs requested at once never get the same number."""
    list(Workspace.objects.select_for_update().filter(pk=workspace.pk).values_list("pk"))
    last = AnalysisRun.objects.filter(workspace=workspace).aggregate(last=Max("number"))["last"]
    return (last or 0) + 1


def _report(run_id: int, progress: Progress | None) -> Progress:
    def report(step: str, fraction: float) -> None:
        AnalysisRun.objects.filter(pk=run_id).update(progress=fraction, step=step)
        if progress is not None:
            progress(step, fraction)

    return report


def analysis_execute(
    run_id: int, *, author: audit.Author | None = None, progress: Progress | None = None
) -> AnalysisRun:
    """Run a queued analysis: read its scope, analyse, store every result. A failure is recorded
    on the run (status ``failed`` with the message) and raised."""
    author = author or audit.Author.system("analysis")
    started = timezone.now()
    AnalysisRun.objects.filter(pk=run_id).update(
        status=AnalysisRun.Status.RUNNING, started_at=started, progress=0.0, step="load", error=""
    )
    run = AnalysisRun.objects.get(pk=run_id)
    try:
        clock = timezone.now()
        data = load_scope(run)
        loaded = (timezone.now() - clock).total_seconds()
        result = analyze(data.actors, data.ties, _options(run), progress=_report(run_id, progress))
        _store(run, data, result, loaded, author)
    except Exception as error:
        AnalysisRun.objects.filter(pk=run_id).update(
            status=AnalysisRun.Status.FAILED, error=str(error), finished_at=timezone.now()
        )
        raise
    return AnalysisRun.objects.get(pk=run_id)


def _options(run: AnalysisRun) -> Options:
    return Options(
        at=run.at,
        min_strength=run.min_strength,
        samples=run.parameters.get("samples"),
        seed=run.parameters.get("seed", 0),
        ties_outside="drop",
    )


def _store(
    run: AnalysisRun, data: ScopeData, result: Analysis, loaded: float, author: audit.Author
) -> None:
    clock = timezone.now()
    labels = data.labels
    network = relabel_network(result.network, labels)
    communities = [{**row, "leaders": [labels[k] for k in row["leaders"]]}
                   for row in result.communities]  # fmt: skip
    with transaction.atomic():
        ActorResult.objects.filter(run=run).delete()
        with bulk.collector_paused():
            bulk.insert_rows(ActorResult, RESULT_COLUMNS, _result_rows(run.pk, result))
        written = (timezone.now() - clock).total_seconds()
        run.status = AnalysisRun.Status.DONE
        run.progress, run.step = 1.0, "done"
        run.results, run.communities = network, communities
        run.method = result.method
        run.timings = {"load": round(loaded, 3), **result.timings, "store": round(written, 3)}
        run.finished_at = timezone.now()
        run.save()
        audit.record(author, AuditEvent.Action.ANALYZE, run, changes={
            "actors": [None, network["nodes"]], "ties": [None, network["ties"]],
            "structure": [None, network["structure"]["shape"]],
        })  # fmt: skip
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {ActorResult._meta.db_table}")
    # The commit and the statistics belong to storing too.
    run.timings["store"] = round((timezone.now() - clock).total_seconds(), 3)
    AnalysisRun.objects.filter(pk=run.pk).update(timings=run.timings)
    hooks.run_stored(run, author)


def relabel_network(network: dict[str, Any], labels: dict[int, str]) -> dict[str, Any]:
    """Network results name actors by database id inside the engine; stored, they use the
    actors' keys like everything a user sees."""
    bridges = network["bridges"]
    return {
        **network,
        "bridges": {**bridges, "ties": [
            {**tie, "source": labels[tie["source"]], "target": labels[tie["target"]]}
            for tie in bridges["ties"]
        ]},
        "fragility": [{**step, "removed": [labels[k] for k in step["removed"]]}
                      for step in network["fragility"]],
    }  # fmt: skip


def _result_rows(run_id: int, result: Analysis) -> Iterator[tuple[Any, ...]]:
    columns: list[list[Any]] = []
    for name in ACTOR_KEYS:
        values = result.actors[name]
        if values.dtype.kind == "f":
            columns.append(np.where(np.isnan(values), None, values).tolist())  # type: ignore[call-overload]
        elif name == "community":
            columns.append(np.where(values < 0, None, values).tolist())  # type: ignore[call-overload]
        else:
            columns.append(values.tolist())
    n = len(result.keys)
    coordinates = result.coordinates
    xs = coordinates[:, 0].tolist() if coordinates is not None else [None] * n
    ys = coordinates[:, 1].tolist() if coordinates is not None else [None] * n
    for i, actor_id in enumerate(result.keys):
        yield (run_id, actor_id, *(column[i] for column in columns), xs[i], ys[i])
