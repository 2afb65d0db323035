"""The network surveys' request and response shapes (routes in api/surveys.py)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from ninja import Schema
from pydantic import BaseModel, Field

from phakhi.api.lookups import ActorRef
from phakhi.api.pagination import PageMeta
from phakhi.api.types import Input, IsoDate, LongText, Slug, Text60, Text300

VERSION = "raised by every change; also the ETag (send it as If-Match)"
Rating = Annotated[int, Field(ge=1, le=4)] | None


class SurveyOut(Schema):
    slug: str
    name: str
    network: str = Field(description="the network's slug")
    status: str = Field(description="draft, open or closed")
    purpose: str = Field(description="why we ask (shown before consent)")
    audience: str = Field(description="who will see the answers (shown before consent)")
    contact: str
    closes_on: dt.date | None
    opened_at: dt.datetime | None
    closed_at: dt.datetime | None
    assessment_items: list[str] = Field(description="self-assessment items asked, list:item")
    notice_version: int = Field(description="raised when the consent notice changes while open")
    self_assessment: int | None = Field(description="the self-assessment made on closing")
    roster: int = Field(description="members on the roster")
    respondents: int = Field(description="responses submitted and not withdrawn")
    created_at: dt.datetime
    version: int = Field(description=VERSION)


class SurveyPage(PageMeta):
    items: list[SurveyOut]


class SurveyFilters(Schema):
    network: Slug | None = Field(None, description="a network's slug")
    status: Annotated[str, Field(pattern="^(draft|open|closed)$")] | None = None


class SurveyCreate(Input):
    slug: Slug
    name: Text300
    network: Slug = Field(description="the network's slug; its current members are the roster")
    purpose: LongText = ""
    audience: LongText = ""
    contact: Text300 = ""
    closes_on: IsoDate | None = None
    assessment_items: Annotated[list[Text60], Field(max_length=200)] = Field(
        default_factory=list, description="list:item codes (GET assessment-templates)"
    )


class SurveyPatch(Input):
    """Absent fields are kept. The key and the items change only before the round opens."""

    slug: Slug | None = None
    name: Text300 | None = None
    purpose: LongText | None = None
    audience: LongText | None = None
    contact: Text300 | None = None
    closes_on: IsoDate | None = None
    assessment_items: Annotated[list[Text60], Field(max_length=200)] | None = None


class RosterRowOut(Schema):
    actor: ActorRef
    status: str = Field(description="not-yet, consented, responded or withdrawn")
    link_token: str = Field(description="the private link's key: /s/<token>/")
    invited_at: dt.datetime | None
    consented_at: dt.datetime | None
    submitted_at: dt.datetime | None
    source: str = Field(description="web or import")


class ReportOut(Schema):
    partner: ActorRef
    level: int = Field(description="1 networking … 4 collaborate")
    frequency: str
    flows: list[str]
    trust_openness: int | None
    trust_reliability: int | None
    trust_mission: int | None
    value_power: int | None
    value_resources: int | None
    value_involvement: int | None


class ItemScoreOut(Schema):
    template: str
    item: str
    score: int
    notes: str


class ResponseOut(Schema):
    respondent: ActorRef
    submitted_at: dt.datetime | None
    source: str
    comment: str
    reports: list[ReportOut]
    item_scores: list[ItemScoreOut]


# The results are plain pydantic models, filled from dicts: ninja's Schema re-reads every
# nested object through its attribute getter, 10 s for a round of 6,000 ties (0.1 s this way).
class MemberRef(BaseModel):
    id: int
    key: str
    name: str


class NetworkResultsOut(BaseModel):
    respondents: int
    roster: int
    response_rate: float | None = Field(description="0–1")
    trust: float | None = Field(description="% of the maximum (100 × mean rating / 4)")
    value: float | None = Field(description="% of the maximum")
    reciprocity: float | None = Field(
        description="0–1: of the pairs of respondents where one named the other, both did"
    )
    confirmed_share: float | None = Field(description="0–1: ties both sides reported")


class ActorScoreOut(BaseModel):
    actor: MemberRef
    trust: float | None = Field(
        description="mean 1–4 of the trust ratings received; null when none, or hidden"
    )
    value: float | None
    reported_by: int = Field(description="respondents who named the actor")
    hidden: bool = Field(description="scores from too few respondents, shown to managers only")


class SurveyTieOut(BaseModel):
    source: int = Field(description="the reporting member's actor id (named in actors)")
    target: int = Field(description="the partner's actor id")
    level: int
    confirmed: bool


class ResultsOut(BaseModel):
    survey: str
    method: str = Field(description="in the manner of PARTNER, not PARTNER's own")
    network: NetworkResultsOut
    actors: list[ActorScoreOut] = Field(description="every member on the roster or named")
    ties: list[SurveyTieOut]
