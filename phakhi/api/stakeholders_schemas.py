"""API v1 schemas of worksheet 1: what assessments and stakeholders look like in answers and
in requests, and how a row becomes an answer (the contact person masked for viewers)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from ninja import Schema
from pydantic import Field, StringConstraints

from phakhi.accounts.permissions import Access
from phakhi.api.lookups import ActorRef, actor_ref
from phakhi.api.pagination import PageMeta
from phakhi.api.types import Id, Input, IsoDate, Text60, Text100, Text200, Text300
from phakhi.core.contacts import mask_text
from phakhi.core.personal import personal_view
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.validation import LONG_TEXT_LENGTH
from phakhi.stakeholders.vocabulary import GROUP_FIELDS, quadrant_of

CardText = Annotated[str, StringConstraints(max_length=LONG_TEXT_LENGTH, pattern=r"^[^\x00]*$")]
Score = Annotated[int, Field(ge=1, le=5)]
Priority = Annotated[int, Field(ge=1, le=1_000_000)]
GROUPS_HELP = "influences_us, affected_by_us, interested_in_outcome (or the worksheet's words)"
LEVEL_HELP = "high or low (มาก/น้อย); empty: not placed"


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
