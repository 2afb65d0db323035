"""The self-assessments' request and response shapes (routes in api/assessments.py)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from ninja import Schema
from pydantic import Field

from phakhi.api.pagination import PageMeta
from phakhi.api.types import Id, Input, IsoDate, LongText, Slug, Text60, Text300

VERSION = "raised by every change; also the ETag (send it as If-Match)"


class ItemOut(Schema):
    code: str
    thai: str = Field(description="the source's own words")
    english: str = Field(description="an English gloss")
    lines: list[int] = Field(description="the lines of the source document it stands on")
    heading: str | None = Field(
        default=None, description="the code of the item this sub-item belongs to (the pillars' 1)"
    )
    kind: str = Field(
        default="factor", description="factor: 5 = present and strong; problem: 5 = overcome"
    )


class TemplateOut(Schema):
    code: str
    thai: str
    english: str
    document: str = Field(description="the source file in sources/")
    source: str = Field(description="document code and lines, e.g. S 37–49")
    inventory: str = Field(description="the list's number in the sources' inventory (C7…)")
    items: list[ItemOut] = Field(description="the items that take a score, in order")
    groups: list[str] = Field(
        default_factory=list, description="the pages' groups: network-strength, opdc"
    )
    preconditions: list[ItemOut] = Field(
        default_factory=list, description="what the source sets before the list; not scored"
    )


class EvidenceOut(Schema):
    id: int
    kind: str = Field(description="activity, run, document or link")
    label: str
    activity: int | None = Field(description="the activity's id")
    run: int | None = Field(description="the analysis run's number")
    url: str
    file_name: str
    file_size: int
    created_at: dt.datetime


class AnswerOut(Schema):
    id: int
    template: str
    item: str
    score: int | None = Field(description="1–5; null: not assessed")
    notes: str
    evidence: list[EvidenceOut]
    version: int = Field(description=VERSION)


class ItemComparisonOut(Schema):
    item: str
    score: int | None
    previous: int | None = Field(description="the score in the previous assessment")
    change: int | None
    fell: bool


class ListComparisonOut(Schema):
    template: str
    previous_assessment: int | None = Field(
        description="the id of the latest final assessment of the list before this one"
    )
    average: float | None
    previous_average: float | None
    change: float | None
    items: list[ItemComparisonOut]


class AssessmentOut(Schema):
    id: int
    title: str
    held_on: dt.date
    network: str | None = Field(description="the network's slug; null: the whole agency")
    templates: list[str]
    answered_by: str
    respondents: str = Field(description="who took part; masked for viewers")
    status: str = Field(description="draft or final")
    scored: int
    items: int
    finalised_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = Field(description=VERSION)


class AssessmentDetailOut(AssessmentOut):
    answers: list[AnswerOut]
    comparison: list[ListComparisonOut]


class AssessmentPage(PageMeta):
    items: list[AssessmentOut]


class AssessmentCreate(Input):
    templates: Annotated[list[Text60], Field(min_length=1, max_length=20)] = Field(
        description="codes of the lists (GET assessment-templates)"
    )
    held_on: IsoDate
    title: Text300 = ""
    network: Slug | None = Field(None, description="the network's slug; absent: the agency")
    answered_by: Text60 = "coordinators"
    respondents: LongText = ""
    copy_from: Id | None = Field(
        None, description="an earlier assessment whose scores, notes and evidence to start from"
    )


class AnswerPatch(Input):
    """Absent fields are kept; a null score means not assessed."""

    score: Annotated[int, Field(ge=1, le=5)] | None = None
    notes: LongText | None = None


class AssessmentFilters(Schema):
    network: Slug | None = Field(None, description="a network's slug")
    status: Annotated[str, Field(pattern="^(draft|final)$")] | None = None
