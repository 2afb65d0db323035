"""Stored analysis results: the runs, the latest one, one run's network figures and its actors'
measures (explained in docs/metrics.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema
from pydantic import Field

from phakhi.accounts.permissions import Access
from phakhi.analysis.measures import english_description
from phakhi.analysis.models import ActorResult, AnalysisRun
from phakhi.analysis.selectors import actor_results, latest_run, run_summary, runs_of
from phakhi.api.access import workspace_access
from phakhi.api.errors import ERROR_RESPONSES as ERRORS
from phakhi.api.errors import not_found
from phakhi.api.lookups import ActorRef, actor_ref, network_in
from phakhi.api.pagination import PageMeta, PageParams, paginate
from phakhi.api.types import Id, Slug
from phakhi.engine import ACTOR_KEYS

router = Router(tags=["analysis"])


class RunOut(Schema):
    id: int
    number: int = Field(description="the run's number in its workspace: 1, 2, …")
    workspace: str
    scope: str = Field(description="workspace, network, filter or ego")
    network: str | None
    ego: str | None = Field(description="the key of the ego actor")
    ego_radius: int | None
    filters: dict[str, Any]
    at: dt.date = Field(description="the day whose active ties were analysed")
    min_strength: int
    parameters: dict[str, Any]
    status: str = Field(description="queued, running, done or failed")
    progress: float
    error: str | None
    method: dict[str, Any]
    timings: dict[str, Any]
    started_at: dt.datetime | None
    finished_at: dt.datetime | None


class RunPage(PageMeta):
    items: list[RunOut]


class RunDetail(RunOut):
    results: dict[str, Any] = Field(description="the network figures (structure, risks, …)")
    communities: list[Any]


def _about(key: str) -> Any:
    return Field(description=english_description(key))


class ActorMeasures(Schema):
    """One actor's measures in a run (names as the pages and docs/metrics.md give them); null
    where a measure is undefined."""

    actor: ActorRef
    degree: int = _about("degree")
    strength: float = _about("strength")
    betweenness: float = _about("betweenness")
    closeness: float = _about("closeness")
    harmonic: float = _about("harmonic")
    eigenvector: float = _about("eigenvector")
    pagerank: float = _about("pagerank")
    clustering: float = _about("clustering")
    core: int = _about("core")
    constraint: float | None = _about("constraint")
    effective_size: float | None = _about("effective_size")
    articulation: bool = _about("articulation")
    community: int | None = _about("community")
    coordinator: int = _about("coordinator")
    itinerant: int = _about("itinerant")
    gatekeeper: int = _about("gatekeeper")
    representative: int = _about("representative")
    liaison: int = _about("liaison")
    boundary: int = _about("boundary")
    brokerage: int = _about("brokerage")


class ActorMeasuresPage(PageMeta):
    items: list[ActorMeasures]


def run_out(run: AnalysisRun) -> dict[str, Any]:
    """The CLI's run summary, with the progress and the times as date-times, not text."""
    times = {"started_at": run.started_at, "finished_at": run.finished_at}
    return {**run_summary(run), "progress": run.progress, **times}


def run_detail(run: AnalysisRun) -> dict[str, Any]:
    return {**run_out(run), "results": run.results or {}, "communities": run.communities or []}


def _run(access: Access, run_id: int) -> AnalysisRun:
    run = runs_of(access.workspace).filter(pk=run_id).first()
    if run is None:
        raise not_found(_("There is no analysis run %(id)s in this workspace.") % {"id": run_id})
    return run


def measures_out(result: ActorResult) -> dict[str, Any]:
    return {
        "actor": actor_ref(result.actor),
        **{name: getattr(result, name) for name in ACTOR_KEYS},
    }


@router.get("/{slug}/analysis/runs", response={200: RunPage, **ERRORS}, summary="Analysis runs")
def run_list(request: HttpRequest, slug: Slug, paging: PageParams) -> dict[str, Any]:
    page = paginate(runs_of(workspace_access(request, slug).workspace), paging)
    return {**page.meta, "items": [run_out(run) for run in page.items]}


@router.get(
    "/{slug}/analysis/runs/latest",
    response={200: RunDetail, **ERRORS},
    summary="The latest finished analysis of the workspace, or of one network",
)
def run_latest(request: HttpRequest, slug: Slug, network: Slug | None = None) -> dict[str, Any]:
    access = workspace_access(request, slug)
    scope = network_in(access, network) if network else None
    found = latest_run(access.workspace, scope)
    if found is None:
        raise not_found(_("There is no finished analysis yet."))
    return run_detail(found)


@router.get(
    "/{slug}/analysis/runs/{run_id}",
    response={200: RunDetail, **ERRORS},
    summary="One analysis run with its network results",
)
def run_read(request: HttpRequest, slug: Slug, run_id: Id) -> dict[str, Any]:
    return run_detail(_run(workspace_access(request, slug), run_id))


@router.get(
    "/{slug}/analysis/runs/{run_id}/actors",
    response={200: ActorMeasuresPage, **ERRORS},
    summary="One run's measures per actor, in actor-key order",
)
def run_actors(request: HttpRequest, slug: Slug, run_id: Id, paging: PageParams) -> dict[str, Any]:
    run = _run(workspace_access(request, slug), run_id)
    page = paginate(actor_results(run), paging)
    return {**page.meta, "items": [measures_out(result) for result in page.items]}
