"""Expansion plans (ใบงาน 4) and their rows: list, read, create, change; and who to reach next.
A plan belongs to a project (edited by whoever may edit the project) or to a network (by
whoever may edit the network). A row's ``current`` is the relationship the map shows today."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Status

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor
from phakhi.api.access import workspace_access
from phakhi.api.auth import request_author
from phakhi.api.concurrency import IfMatch, expected_version, with_etag
from phakhi.api.errors import ERROR_RESPONSES as ERRORS
from phakhi.api.errors import forbidden, not_found, unknown
from phakhi.api.expansion_schemas import (
    IntroducerOut,
    PlanCreate,
    PlanOut,
    PlanPage,
    PlanPatch,
    RowCreate,
    RowFields,
    RowOut,
    RowPage,
    SuggestionOut,
    SuggestionsOut,
    plan_out,
    row_out,
)
from phakhi.api.lookups import actor_in, actor_ref, network_in
from phakhi.api.pagination import PageParams, paginate
from phakhi.api.types import Id, Slug
from phakhi.core.selectors import NotFound
from phakhi.expansion import selectors
from phakhi.expansion.models import ExpansionPlan, PlanRow
from phakhi.expansion.relationships import read_rows
from phakhi.expansion.services import plan_create, plan_row_add, plan_row_update, plan_update
from phakhi.expansion.suggestions import suggest
from phakhi.networks.models import Strategy
from phakhi.projects.selectors import project_in

router = Router(tags=["expansion"])


def _plan(access: Access, plan_id: int) -> ExpansionPlan:
    try:
        return selectors.plan_in(access.workspace.pk, plan_id)
    except NotFound as error:
        raise not_found(str(error)) from None


def _require_edit(access: Access, plan: ExpansionPlan) -> None:
    if plan.project is not None:
        allowed = access.can_edit_project(plan.project.network_id)
    else:
        allowed = plan.network_id is not None and access.can_edit_network(plan.network_id)
    if not allowed:
        raise forbidden(_("You may change only the plans of the projects and networks you edit."))


def _row(plan: ExpansionPlan, row_id: int) -> PlanRow:
    try:
        return selectors.row_in(plan, row_id)
    except NotFound as error:
        raise not_found(str(error)) from None


def _references(access: Access, fields: dict[str, Any]) -> dict[str, Any]:
    """The ids and slugs the body names, as rows of the workspace."""
    found = dict(fields)
    if found.get("target_actor") is not None:
        found["target_actor"] = actor_in(access, found["target_actor"], field="target_actor")
    if found.get("target_network") is not None:
        found["target_network"] = network_in(
            access, found["target_network"], field="target_network"
        )
    if found.get("strategy") is not None:
        strategy = Strategy.objects.filter(workspace=access.workspace, pk=found["strategy"]).first()
        if strategy is None:
            raise unknown(
                _("There is no strategy %(id)s in this workspace.") % {"id": found["strategy"]},
                "strategy",
            )
        found["strategy"] = strategy
    return found


def _row_answer(plan: ExpansionPlan, row: PlanRow, response: HttpResponse | None) -> RowOut:
    fresh = _row(plan, row.pk)
    if response is not None:
        with_etag(response, fresh)
    return row_out(fresh, read_rows(plan, [fresh])[fresh.pk])


@router.get(
    "/{slug}/expansion-plans", response={200: PlanPage, **ERRORS}, summary="List expansion plans"
)
def plan_list(request: HttpRequest, slug: Slug, paging: PageParams) -> dict[str, Any]:
    access = workspace_access(request, slug)
    page = paginate(selectors.plans_of(access.workspace.pk), paging)
    return {**page.meta, "items": [plan_out(plan) for plan in page.items]}


@router.get(
    "/{slug}/expansion-plans/{plan_id}",
    response={200: PlanOut, **ERRORS},
    summary="An expansion plan",
)
def plan_read(request: HttpRequest, slug: Slug, plan_id: Id, response: HttpResponse) -> PlanOut:
    plan = _plan(workspace_access(request, slug), plan_id)
    with_etag(response, plan)
    return plan_out(plan)


@router.post(
    "/{slug}/expansion-plans",
    response={201: PlanOut, **ERRORS},
    summary="Start a project's or a network's expansion plan",
)
def plan_post(request: HttpRequest, slug: Slug, payload: PlanCreate) -> Status[PlanOut]:
    access = workspace_access(request, slug, "edit")
    fields = payload.model_dump(exclude={"project", "network"})
    project = network = None
    if payload.project is not None:
        try:
            project = project_in(access.workspace, payload.project)
        except NotFound as error:
            raise unknown(str(error), "project") from None
        if not access.can_edit_project(project.network_id):
            raise forbidden(_("You may change only the projects your networks lead."))
    if payload.network is not None:
        network = network_in(access, payload.network, field="network")
        if not access.can_edit_network(network.pk):
            raise forbidden(_("You may change only the networks you coordinate."))
    plan = plan_create(request_author(request), project=project, network=network, **fields)
    return Status(201, plan_out(_plan(access, plan.pk)))


@router.patch(
    "/{slug}/expansion-plans/{plan_id}",
    response={200: PlanOut, **ERRORS},
    summary="Change a plan's title, shared vision or common benefit",
)
def plan_patch(
    request: HttpRequest,
    slug: Slug,
    plan_id: Id,
    payload: PlanPatch,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> PlanOut:
    access = workspace_access(request, slug, "edit")
    plan = _plan(access, plan_id)
    _require_edit(access, plan)
    fields = {k: v or "" for k, v in payload.model_dump(exclude_unset=True).items()}
    plan_update(request_author(request), plan, version=expected_version(if_match), **fields)
    changed = _plan(access, plan.pk)
    with_etag(response, changed)
    return plan_out(changed)


@router.get(
    "/{slug}/expansion-plans/{plan_id}/rows",
    response={200: RowPage, **ERRORS},
    summary="A plan's rows, with the relationship the map shows today",
)
def row_list(request: HttpRequest, slug: Slug, plan_id: Id, paging: PageParams) -> dict[str, Any]:
    plan = _plan(workspace_access(request, slug), plan_id)
    page = paginate(selectors.rows_of(plan), paging)
    rows = list(page.items)
    readings = read_rows(plan, rows)
    return {**page.meta, "items": [row_out(row, readings[row.pk]) for row in rows]}


@router.get(
    "/{slug}/expansion-plans/{plan_id}/rows/{row_id}",
    response={200: RowOut, **ERRORS},
    summary="A plan row",
)
def row_read(
    request: HttpRequest, slug: Slug, plan_id: Id, row_id: Id, response: HttpResponse
) -> RowOut:
    plan = _plan(workspace_access(request, slug), plan_id)
    return _row_answer(plan, _row(plan, row_id), response)


@router.post(
    "/{slug}/expansion-plans/{plan_id}/rows",
    response={201: RowOut, **ERRORS},
    summary="Add a row to a plan",
)
def row_post(request: HttpRequest, slug: Slug, plan_id: Id, payload: RowCreate) -> Status[RowOut]:
    access = workspace_access(request, slug, "edit")
    plan = _plan(access, plan_id)
    _require_edit(access, plan)
    fields = _references(access, payload.model_dump())
    row = plan_row_add(request_author(request), plan, **fields)
    return Status(201, _row_answer(plan, row, None))


@router.patch(
    "/{slug}/expansion-plans/{plan_id}/rows/{row_id}",
    response={200: RowOut, **ERRORS},
    summary="Change a plan row",
)
def row_patch(
    request: HttpRequest,
    slug: Slug,
    plan_id: Id,
    row_id: Id,
    payload: RowFields,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> RowOut:
    """With ``If-Match`` (the row's ETag), a field someone else changed since is refused
    (409); the others merge. Absent fields are kept."""
    access = workspace_access(request, slug, "edit")
    plan = _plan(access, plan_id)
    _require_edit(access, plan)
    row = _row(plan, row_id)
    fields = _references(access, payload.model_dump(exclude_unset=True))
    plan_row_update(request_author(request), row, version=expected_version(if_match), **fields)
    return _row_answer(plan, row, response)


@router.get(
    "/{slug}/expansion-plans/{plan_id}/suggestions",
    response={200: SuggestionsOut, **ERRORS},
    summary="Who to reach next",
)
def suggestion_list(request: HttpRequest, slug: Slug, plan_id: Id) -> SuggestionsOut:
    plan = _plan(workspace_access(request, slug), plan_id)
    found = suggest(plan)
    actors = Actor.objects.in_bulk([s.actor_id for s in found.items])
    return SuggestionsOut(
        provinces=list(found.provinces),
        our_issues=list(found.our_issues),
        member_count=found.member_count,
        community_count=found.community_count,
        items=[
            SuggestionOut(
                actor=actor_ref(actors[s.actor_id]),
                issues=list(s.issues),
                tie_to_us=s.tie_to_us,
                communities=s.communities,
                new_reach=s.new_reach,
                introducers=[
                    IntroducerOut(
                        member_id=i.member_id,
                        member=i.member_name,
                        through_id=i.through_id,
                        through=i.through_name,
                        strength=i.strength,
                    )
                    for i in s.introducers
                ],
            )
            for s in found.items
        ],
    )
