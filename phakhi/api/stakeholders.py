"""Worksheet 1 (ใบงาน 1): a project's dated stakeholder assessments and their stakeholders —
list, read, create, change (a stakeholder's place on the grid too) and take one out. The
contact person is personal data: masked for roles that may not see contacts."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field, StringConstraints

from phakhi.accounts.permissions import Access
from phakhi.api.access import workspace_access
from phakhi.api.auth import request_author
from phakhi.api.concurrency import IfMatch, expected_version, with_etag
from phakhi.api.errors import ERROR_RESPONSES as ERRORS
from phakhi.api.errors import forbidden, not_found
from phakhi.api.lookups import ActorRef, actor_in, actor_ref
from phakhi.api.pagination import PageMeta, PageParams, paginate
from phakhi.api.types import Id, Input, IsoDate, Slug, Text60, Text100, Text200, Text300
from phakhi.core.contacts import mask_text
from phakhi.core.personal import personal_view
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
from phakhi.stakeholders.validation import LONG_TEXT_LENGTH
from phakhi.stakeholders.vocabulary import GROUP_FIELDS, quadrant_of

router = Router(tags=["stakeholders"])

CardText = Annotated[str, StringConstraints(max_length=LONG_TEXT_LENGTH, pattern=r"^[^\x00]*$")]
Score = Annotated[int, Field(ge=1, le=5)]
Priority = Annotated[int, Field(ge=1, le=1_000_000)]
GROUPS_HELP = "influences_us, affected_by_us, interested_in_outcome (or the worksheet's words)"
LEVEL_HELP = "high or low (มาก/น้อย); empty: not placed"

ASSESSMENTS = "/{slug}/projects/{project}/assessments"
ASSESSMENT = ASSESSMENTS + "/{assessment_id}"
STAKEHOLDERS = ASSESSMENT + "/stakeholders"
STAKEHOLDER = STAKEHOLDERS + "/{stakeholder_id}"


class AssessmentOut(Schema):
    id: int
    project: str = Field(description="the project's slug")
    held_on: dt.date
    title: str
    previous: int | None = Field(description="the assessment this one was copied from")
    stakeholder_count: int
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = Field(description="raised by every change; also the ETag (send it as If-Match)")


class AssessmentPage(PageMeta):
    items: list[AssessmentOut]


class AssessmentCreate(Input):
    held_on: IsoDate
    title: Text200 = ""
    copy_last: bool = Field(True, description="start as a copy of the latest assessment")


class AssessmentPatch(Input):
    held_on: IsoDate = None  # type: ignore[assignment]
    title: Text200 | None = None


class Screening(Schema):
    lives_with_problem: bool | None
    knows_problem: bool | None
    voices_need: bool | None
    visibly_committed: bool | None
    host_who: str
    host_how_far: str
    host_support: str


class StakeholderOut(Schema):
    id: int
    assessment: int
    actor: ActorRef | None = Field(description="the actor of the directory, if linked")
    name: str
    kind: str
    sector: str
    subsector: str
    groups: list[str] = Field(description=GROUPS_HELP)
    influence: str
    interest: str
    influence_score: int | None
    interest_score: int | None
    quadrant: str | None = Field(description="high-high, high-low, low-high or low-low")
    priority: int | None
    contact_person: str = Field(description="masked for roles that may not see contacts")
    contact_masked: bool
    impact: str
    influence_how: str
    what_matters: str
    can_help: str
    may_obstruct: str
    how_to_reach: str
    screening: Screening
    previous: int | None = Field(description="the same stakeholder in the previous assessment")
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = Field(description="raised by every change; also the ETag (send it as If-Match)")


class StakeholderPage(PageMeta):
    items: list[StakeholderOut]


class StakeholderFields(Input):
    kind: Text60 | None = Field(None, description="person, group or organization (คน/กลุ่ม/องค์กร)")
    sector: Text60 | None = Field(None, description="civil, academic or government (or the Thai)")
    subsector: Text100 | None = None
    groups: Annotated[list[Text100], Field(max_length=3)] | None = Field(
        None, description=GROUPS_HELP
    )
    influence: Text60 | None = Field(None, description=LEVEL_HELP)
    interest: Text60 | None = Field(None, description=LEVEL_HELP)
    influence_score: Score | None = Field(None, description="1–5 on the whole axis")
    interest_score: Score | None = Field(None, description="1–5 on the whole axis")
    priority: Priority | None = None
    contact_person: Text300 | None = None
    impact: CardText | None = None
    influence_how: CardText | None = None
    what_matters: CardText | None = None
    can_help: CardText | None = None
    may_obstruct: CardText | None = None
    how_to_reach: CardText | None = None
    lives_with_problem: bool | None = None
    knows_problem: bool | None = None
    voices_need: bool | None = None
    visibly_committed: bool | None = None
    host_who: CardText | None = None
    host_how_far: CardText | None = None
    host_support: CardText | None = None


class StakeholderCreate(StakeholderFields):
    name: Text300 = Field("", description="the actor's name when empty and an actor is given")
    actor: Id | None = Field(None, description="an actor of the directory")


class StakeholderPatch(StakeholderFields):
    """Absent fields are kept; null clears a field (the name, which cannot be empty, takes no
    null; a null ``actor`` unlinks the directory's actor)."""

    name: Annotated[Text300, Field(min_length=1)] = None  # type: ignore[assignment]
    actor: Id | None = None


def assessment_out(assessment: Assessment, count: int | None = None) -> AssessmentOut:
    if count is None:
        count = getattr(assessment, "stakeholder_count", None)
    if count is None:
        count = assessment.stakeholders.count()
    return AssessmentOut(
        id=assessment.pk,
        project=assessment.project.slug,
        held_on=assessment.held_on,
        title=assessment.title,
        previous=assessment.previous_id,
        stakeholder_count=count,
        created_at=assessment.created_at,
        updated_at=assessment.updated_at,
        version=assessment.version,
    )


def stakeholder_out(access: Access, stakeholder: Stakeholder) -> StakeholderOut:
    masked = personal_view(access).masked
    contact = stakeholder.contact_person
    quadrant = quadrant_of(stakeholder.influence, stakeholder.interest)
    return StakeholderOut(
        id=stakeholder.pk,
        assessment=stakeholder.assessment_id,
        actor=actor_ref(stakeholder.actor) if stakeholder.actor else None,
        name=stakeholder.name,
        kind=stakeholder.kind,
        sector=stakeholder.sector,
        subsector=stakeholder.subsector,
        groups=[field for field in GROUP_FIELDS if getattr(stakeholder, field)],
        influence=stakeholder.influence,
        interest=stakeholder.interest,
        influence_score=stakeholder.influence_score,
        interest_score=stakeholder.interest_score,
        quadrant=quadrant.key if quadrant else None,
        priority=stakeholder.priority,
        contact_person=mask_text(contact) if masked and contact else contact,
        contact_masked=masked,
        impact=stakeholder.impact,
        influence_how=stakeholder.influence_how,
        what_matters=stakeholder.what_matters,
        can_help=stakeholder.can_help,
        may_obstruct=stakeholder.may_obstruct,
        how_to_reach=stakeholder.how_to_reach,
        screening=Screening(
            lives_with_problem=stakeholder.lives_with_problem,
            knows_problem=stakeholder.knows_problem,
            voices_need=stakeholder.voices_need,
            visibly_committed=stakeholder.visibly_committed,
            host_who=stakeholder.host_who,
            host_how_far=stakeholder.host_how_far,
            host_support=stakeholder.host_support,
        ),
        previous=stakeholder.previous_id,
        created_at=stakeholder.created_at,
        updated_at=stakeholder.updated_at,
        version=stakeholder.version,
    )


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
