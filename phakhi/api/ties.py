"""Ties (ความสัมพันธ์): list with filters, read, create, change strength, end with a date."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, cast

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field

from phakhi.accounts.permissions import Access
from phakhi.api.access import require_tie, workspace_access
from phakhi.api.auth import request_author
from phakhi.api.concurrency import IfMatch, expected_version, with_etag
from phakhi.api.errors import ERROR_RESPONSES as ERRORS
from phakhi.api.errors import not_found
from phakhi.api.lookups import ActorRef, actor_in, actor_ref
from phakhi.api.pagination import PageMeta, PageParams, paginate
from phakhi.api.types import Id, Input, IsoDate, Slug, Strength, Text100
from phakhi.ties.models import Tie
from phakhi.ties.selectors import tie_list
from phakhi.ties.services import tie_create, tie_end, tie_set_strength

router = Router(tags=["ties"])

# Where a tie came from: typed by hand, an import, a network survey, a joint activity, or drawn
# on a project's map in a workshop (worksheet 3).
TieOrigin = Literal["manual", "import", "survey", "activity", "workshop"]  # = Origin.values
ORIGIN_HELP = (
    "manual (entered by hand), import, survey (a network survey), activity (a joint activity), "
    "workshop (drawn on a project's map in a workshop, worksheet 3)"
)


class TieOut(Schema):
    id: int
    source: ActorRef
    target: ActorRef
    strength: int = Field(description="1 networking, 2 coordinate, 3 cooperate, 4 collaborate")
    strength_label: str
    kind: str
    directed: bool
    via: ActorRef | None
    since: dt.date | None
    until: dt.date | None
    origin: TieOrigin = Field(description=ORIGIN_HELP)
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = Field(description="raised by every change; also the ETag (send it as If-Match)")


class TiePage(PageMeta):
    items: list[TieOut]


class TieFilters(Schema):
    actor: Id | None = Field(None, description="ties of this actor (either end)")
    origin: TieOrigin | None = Field(None, description=f"ties of this origin: {ORIGIN_HELP}")
    min_strength: Strength = 1
    active_on: IsoDate | None = Field(
        None, description="ties active that day (since ≤ day < until)"
    )


class TieCreate(Input):
    source: Id
    target: Id
    strength: Strength = 1
    kind: Text100 = Field("", description="information, resources, joint activity, funding …")
    directed: bool = False
    via: Id | None = Field(None, description="the broker the tie is held through")
    since: IsoDate | None = None
    until: IsoDate | None = None


class TieStrength(Input):
    strength: Strength


class TieEnd(Input):
    until: IsoDate = Field(description="the day the tie ended")


def tie_out(tie: Tie) -> TieOut:
    return TieOut(
        id=tie.pk,
        source=actor_ref(tie.source),
        target=actor_ref(tie.target),
        strength=tie.strength,
        strength_label=str(tie.get_strength_display()),
        kind=tie.kind,
        directed=tie.directed,
        via=None if tie.via is None else actor_ref(tie.via),
        since=tie.since,
        until=tie.until,
        origin=cast(TieOrigin, tie.origin),
        created_at=tie.created_at,
        updated_at=tie.updated_at,
        version=tie.version,
    )


def _tie_in(access: Access, tie_id: int) -> Tie:
    tie = tie_list(access.workspace).filter(pk=tie_id).first()
    if tie is None:
        raise not_found(_("There is no tie %(id)s in this workspace.") % {"id": tie_id})
    return tie


@router.get("/{slug}/ties", response={200: TiePage, **ERRORS}, summary="List ties")
def tie_index(
    request: HttpRequest, slug: Slug, filters: Query[TieFilters], paging: PageParams
) -> dict[str, Any]:
    access = workspace_access(request, slug)
    ties = tie_list(
        access.workspace,
        actor_id=filters.actor,
        min_strength=filters.min_strength,
        active_on=filters.active_on,
        origin=filters.origin,
    )
    page = paginate(ties, paging)
    return {**page.meta, "items": [tie_out(tie) for tie in page.items]}


@router.get("/{slug}/ties/{tie_id}", response={200: TieOut, **ERRORS}, summary="A tie")
def tie_read(request: HttpRequest, slug: Slug, tie_id: Id, response: HttpResponse) -> TieOut:
    tie = _tie_in(workspace_access(request, slug), tie_id)
    with_etag(response, tie)
    return tie_out(tie)


@router.post("/{slug}/ties", response={201: TieOut, **ERRORS}, summary="Create a tie")
def tie_post(request: HttpRequest, slug: Slug, payload: TieCreate) -> Status[TieOut]:
    access = workspace_access(request, slug, "edit")
    source = actor_in(access, payload.source, field="source")
    target = actor_in(access, payload.target, field="target")
    via = actor_in(access, payload.via, field="via") if payload.via else None
    require_tie(access, source.pk, target.pk)
    tie = tie_create(
        request_author(request),
        access.workspace,
        source,
        target,
        strength=payload.strength,
        kind=payload.kind,
        directed=payload.directed,
        via=via,
        since=payload.since,
        until=payload.until,
    )
    return Status(201, tie_out(tie))


@router.patch(
    "/{slug}/ties/{tie_id}", response={200: TieOut, **ERRORS}, summary="Change a tie's strength"
)
def tie_patch(
    request: HttpRequest,
    slug: Slug,
    tie_id: Id,
    payload: TieStrength,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> TieOut:
    access = workspace_access(request, slug, "edit")
    tie = _tie_in(access, tie_id)
    require_tie(access, tie.source_id, tie.target_id)
    version = expected_version(if_match)
    tie = tie_set_strength(request_author(request), tie, payload.strength, version=version)
    with_etag(response, tie)
    return tie_out(tie)


@router.post(
    "/{slug}/ties/{tie_id}/end", response={200: TieOut, **ERRORS}, summary="End a tie on a date"
)
def tie_finish(
    request: HttpRequest,
    slug: Slug,
    tie_id: Id,
    payload: TieEnd,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> TieOut:
    access = workspace_access(request, slug, "edit")
    tie = _tie_in(access, tie_id)
    require_tie(access, tie.source_id, tie.target_id)
    version = expected_version(if_match)
    tie = tie_end(request_author(request), tie, payload.until, version=version)
    with_etag(response, tie)
    return tie_out(tie)
