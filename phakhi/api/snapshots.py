"""API v1: the network-health scorecard — the figures now, the snapshots kept (list, one), and
taking one (on demand). Same permissions as the pages: any role reads; taking a snapshot needs
"analyze" (admins and coordinators). Mounted on ``api/monitoring.py``'s router."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import Field

from phakhi.api.access import workspace_access
from phakhi.api.auth import request_author
from phakhi.api.errors import ERROR_RESPONSES as ERRORS
from phakhi.api.errors import not_found
from phakhi.api.lookups import network_in
from phakhi.api.pagination import PageMeta, PageParams, paginate
from phakhi.api.types import Id, Input, Slug
from phakhi.monitoring.models import Snapshot
from phakhi.monitoring.scorecard_selectors import scorecard, snapshots_of
from phakhi.monitoring.snapshots import snapshot_request

router = Router(tags=["scorecard"])

FIGURES = (
    "{structure, activity, relationships, capacity}: each a dict of figures (docs/monitoring.md)"
)


class ScopeQuery(Schema):
    network: Slug | None = Field(None, description="a network's slug; none: the whole workspace")


class ScorecardOut(Schema):
    network: str | None
    on: dt.date
    live: bool = Field(description="read now (true) or the latest snapshot's figures (false)")
    snapshot: int | None = Field(description="the latest snapshot's id, if any")
    figures: dict[str, Any] = Field(description=FIGURES)


class SnapshotOut(Schema):
    id: int
    network: str | None
    on: dt.date
    taken_at: dt.datetime
    trigger: str = Field(description="schedule or demand")
    period: str | None
    run: int | None = Field(description="the number of the analysis run the structure is from")
    survey: str | None = Field(description="the survey round the relationships are from")
    figures: dict[str, Any] = Field(description=FIGURES)
    lights: dict[str, str] = Field(description="figure → green, amber, red or grey")


class SnapshotPage(PageMeta):
    items: list[SnapshotOut]


class SnapshotCreate(Input):
    network: Slug | None = Field(None, description="a network's slug; none: the whole workspace")


class SnapshotQueued(Schema):
    queued: bool = Field(description="the workspace is large: the worker takes the snapshot")


def snapshot_out(snapshot: Snapshot) -> SnapshotOut:
    return SnapshotOut(
        id=snapshot.pk,
        network=snapshot.network.slug if snapshot.network else None,
        on=snapshot.on,
        taken_at=snapshot.taken_at,
        trigger=snapshot.trigger,
        period=snapshot.period or None,
        run=snapshot.run.number if snapshot.run else None,
        survey=snapshot.survey.slug if snapshot.survey else None,
        figures=snapshot.figures,
        lights=snapshot.lights,
    )


@router.get(
    "/{slug}/scorecard",
    response={200: ScorecardOut, **ERRORS},
    summary="The network-health scorecard now",
)
def scorecard_get(request: HttpRequest, slug: Slug, scope: Query[ScopeQuery]) -> ScorecardOut:
    access = workspace_access(request, slug)
    network = network_in(access, scope.network, field="network") if scope.network else None
    card = scorecard(access.workspace, network)
    return ScorecardOut(
        network=network.slug if network else None,
        on=card.on,
        live=card.live,
        snapshot=card.snapshot.pk if card.snapshot else None,
        figures=card.figures,
    )


@router.get("/{slug}/snapshots", response={200: SnapshotPage, **ERRORS}, summary="List snapshots")
def snapshot_list(
    request: HttpRequest, slug: Slug, scope: Query[ScopeQuery], page: PageParams
) -> dict[str, Any]:
    """The snapshots of the workspace's own scorecard, or of one network's, newest first."""
    access = workspace_access(request, slug)
    network = network_in(access, scope.network, field="network") if scope.network else None
    found = snapshots_of(access.workspace, network).select_related("network", "run", "survey")
    result = paginate(found, page)
    return {**result.meta, "items": [snapshot_out(s) for s in result.items]}


@router.get(
    "/{slug}/snapshots/{snapshot_id}",
    response={200: SnapshotOut, **ERRORS},
    summary="One snapshot",
)
def snapshot_get(request: HttpRequest, slug: Slug, snapshot_id: Id) -> SnapshotOut:
    access = workspace_access(request, slug)
    found = (
        Snapshot.objects.filter(workspace=access.workspace, pk=snapshot_id)
        .select_related("network", "run", "survey")
        .first()
    )
    if found is None:
        raise not_found("There is no such snapshot in this workspace.")
    return snapshot_out(found)


@router.post(
    "/{slug}/snapshots",
    response={201: SnapshotOut, 202: SnapshotQueued, **ERRORS},
    summary="Take a snapshot now",
)
def snapshot_create(request: HttpRequest, slug: Slug, body: SnapshotCreate) -> Any:
    """Reads the scorecard now and keeps it (201); a large workspace's is queued for the
    background worker (202). The risk alerts of the scope are checked after it."""
    access = workspace_access(request, slug, "analyze")
    network = network_in(access, body.network, field="network") if body.network else None
    taken = snapshot_request(request_author(request), access.workspace, network)
    if taken is None:
        return Status(202, SnapshotQueued(queued=True))
    return Status(201, snapshot_out(taken))
