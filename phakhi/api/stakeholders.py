"""Worksheet 1 (ใบงาน 1): a project's dated stakeholder assessments and their stakeholders —
list, read, create, change (a stakeholder's place on the grid too) and take one out. The
contact person is personal data: masked for roles that may not see contacts."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Status

from phakhi.accounts.permissions import Access
from phakhi.api.access import workspace_access
from phakhi.api.auth import request_author
from phakhi.api.concurrency import IfMatch, expected_version, with_etag
from phakhi.api.errors import ERROR_RESPONSES as ERRORS
from phakhi.api.errors import forbidden, not_found
from phakhi.api.lookups import actor_in
from phakhi.api.pagination import PageParams, paginate
from phakhi.api.stakeholders_schemas import (
    AssessmentCreate,
    AssessmentOut,
    AssessmentPage,
    AssessmentPatch,
    StakeholderCreate,
    StakeholderOut,
    StakeholderPage,
    StakeholderPatch,
    assessment_out,
    stakeholder_out,
)
from phakhi.api.types import Id, Slug
from phakhi.core.selectors import NotFound
from phakhi.projects.models import Project
from phakhi.projects.selectors import project_in
from phakhi.stakeholders import selectors
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.services import (
    assessment_create,
    assessment_remove,
    assessment_update,
    stakeholder_add,
    stakeholder_remove,
    stakeholder_update,
)

router = Router(tags=["stakeholders"])

ASSESSMENTS = "/{slug}/projects/{project}/assessments"
ASSESSMENT = ASSESSMENTS + "/{assessment_id}"
STAKEHOLDERS = ASSESSMENT + "/stakeholders"
STAKEHOLDER = STAKEHOLDERS + "/{stakeholder_id}"


def _project(access: Access, slug: str) -> Project:
    try:
        return project_in(access.workspace, slug)
    except NotFound as error:
        raise not_found(str(error)) from None


def _assessment(project: Project, assessment_id: int) -> Assessment:
    try:
        return selectors.assessment_in(project, assessment_id)
    except NotFound as error:
        raise not_found(str(error)) from None


def _stakeholder(assessment: Assessment, stakeholder_id: int) -> Stakeholder:
    try:
        return selectors.stakeholder_in(assessment, stakeholder_id)
    except NotFound as error:
        raise not_found(str(error)) from None


def _editable(request: HttpRequest, slug: str, project_slug: str) -> tuple[Access, Project]:
    """The project, for a user who may edit its worksheets (403 for the others)."""
    access = workspace_access(request, slug, "edit")
    project = _project(access, project_slug)
    if not access.can_edit_project(project.network_id):
        raise forbidden(_("You may change only the worksheets of projects your networks lead."))
    return access, project


def _cleared(fields: dict[str, Any]) -> dict[str, Any]:
    """A null text, level or kind sent in a change clears it (an empty text)."""
    texts = {"kind", "sector", "subsector", "influence", "interest", "contact_person", "impact",
             "influence_how", "what_matters", "can_help", "may_obstruct", "how_to_reach",
             "host_who", "host_how_far", "host_support"}  # fmt: skip
    return {k: ("" if v is None and k in texts else v) for k, v in fields.items()}


@router.get(ASSESSMENTS, response={200: AssessmentPage, **ERRORS}, summary="List assessments")
def assessment_list(
    request: HttpRequest, slug: Slug, project: Slug, paging: PageParams
) -> dict[str, Any]:
    found = _project(workspace_access(request, slug), project)
    page = paginate(selectors.assessments_of(found).select_related("project"), paging)
    return {**page.meta, "items": [assessment_out(item) for item in page.items]}


@router.get(ASSESSMENT, response={200: AssessmentOut, **ERRORS}, summary="An assessment")
def assessment_read(
    request: HttpRequest, slug: Slug, project: Slug, assessment_id: Id, response: HttpResponse
) -> AssessmentOut:
    found = _assessment(_project(workspace_access(request, slug), project), assessment_id)
    with_etag(response, found)
    return assessment_out(found)


@router.post(
    ASSESSMENTS,
    response={201: AssessmentOut, **ERRORS},
    summary="Create an assessment (by default a copy of the latest)",
)
def assessment_post(
    request: HttpRequest, slug: Slug, project: Slug, payload: AssessmentCreate
) -> Status[AssessmentOut]:
    _access, found = _editable(request, slug, project)
    made = assessment_create(request_author(request), found, **payload.model_dump())
    return Status(201, assessment_out(_assessment(found, made.pk)))


@router.patch(
    ASSESSMENT,
    response={200: AssessmentOut, **ERRORS},
    summary="Change an assessment's date or title",
)
def assessment_patch(
    request: HttpRequest,
    slug: Slug,
    project: Slug,
    assessment_id: Id,
    payload: AssessmentPatch,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> AssessmentOut:
    _access, found = _editable(request, slug, project)
    assessment = _assessment(found, assessment_id)
    fields = payload.model_dump(exclude_unset=True)
    if "title" in fields and fields["title"] is None:
        fields["title"] = ""
    assessment_update(
        request_author(request), assessment, version=expected_version(if_match), **fields
    )
    changed = _assessment(found, assessment_id)
    with_etag(response, changed)
    return assessment_out(changed)


@router.delete(
    ASSESSMENT,
    response={204: None, **ERRORS},
    summary="Delete an assessment made by mistake, with its stakeholders",
)
def assessment_delete(
    request: HttpRequest, slug: Slug, project: Slug, assessment_id: Id
) -> Status[None]:
    _access, found = _editable(request, slug, project)
    assessment_remove(request_author(request), _assessment(found, assessment_id))
    return Status(204, None)


@router.get(
    STAKEHOLDERS,
    response={200: StakeholderPage, **ERRORS},
    summary="List an assessment's stakeholders (Thai dictionary order)",
)
def stakeholder_list(
    request: HttpRequest, slug: Slug, project: Slug, assessment_id: Id, paging: PageParams
) -> dict[str, Any]:
    access = workspace_access(request, slug)
    assessment = _assessment(_project(access, project), assessment_id)
    page = paginate(selectors.stakeholders_of(assessment), paging)
    return {**page.meta, "items": [stakeholder_out(access, item) for item in page.items]}


@router.get(STAKEHOLDER, response={200: StakeholderOut, **ERRORS}, summary="A stakeholder")
def stakeholder_read(
    request: HttpRequest,
    slug: Slug,
    project: Slug,
    assessment_id: Id,
    stakeholder_id: Id,
    response: HttpResponse,
) -> StakeholderOut:
    access = workspace_access(request, slug)
    assessment = _assessment(_project(access, project), assessment_id)
    found = _stakeholder(assessment, stakeholder_id)
    with_etag(response, found)
    return stakeholder_out(access, found)


@router.post(STAKEHOLDERS, response={201: StakeholderOut, **ERRORS}, summary="Add a stakeholder")
def stakeholder_post(
    request: HttpRequest, slug: Slug, project: Slug, assessment_id: Id, payload: StakeholderCreate
) -> Status[StakeholderOut]:
    access, found = _editable(request, slug, project)
    assessment = _assessment(found, assessment_id)
    fields = {k: v for k, v in payload.model_dump().items() if v is not None}
    actor_id = fields.pop("actor", None)
    actor = actor_in(access, actor_id, field="actor") if actor_id else None
    added = stakeholder_add(request_author(request), assessment, actor=actor, **fields)
    return Status(201, stakeholder_out(access, _stakeholder(assessment, added.pk)))


@router.patch(
    STAKEHOLDER,
    response={200: StakeholderOut, **ERRORS},
    summary="Change a stakeholder: its fields, groups, card, screening or place on the grid",
)
def stakeholder_patch(
    request: HttpRequest,
    slug: Slug,
    project: Slug,
    assessment_id: Id,
    stakeholder_id: Id,
    payload: StakeholderPatch,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> StakeholderOut:
    access, found = _editable(request, slug, project)
    assessment = _assessment(found, assessment_id)
    stakeholder = _stakeholder(assessment, stakeholder_id)
    fields = _cleared(payload.model_dump(exclude_unset=True))
    if "actor" in fields:
        actor_id = fields["actor"]
        fields["actor"] = actor_in(access, actor_id, field="actor") if actor_id else None
    if fields.get("groups") is None:
        fields.pop("groups", None)
    stakeholder_update(
        request_author(request), stakeholder, version=expected_version(if_match), **fields
    )
    changed = _stakeholder(assessment, stakeholder_id)
    with_etag(response, changed)
    return stakeholder_out(access, changed)


@router.delete(
    STAKEHOLDER,
    response={204: None, **ERRORS},
    summary="Take a stakeholder out of its assessment (earlier assessments keep theirs)",
)
def stakeholder_delete(
    request: HttpRequest, slug: Slug, project: Slug, assessment_id: Id, stakeholder_id: Id
) -> Status[None]:
    _access, found = _editable(request, slug, project)
    stakeholder = _stakeholder(_assessment(found, assessment_id), stakeholder_id)
    stakeholder_remove(request_author(request), stakeholder)
    return Status(204, None)
