"""The schemas of the activities API (``phakhi.api.activities``): an activity as answered, the
bodies that create and change one, and the list's filters. IAP2 levels travel as numbers 1–5,
answered with their names."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

from phakhi.api.lookups import ActorRef
from phakhi.api.pagination import PageMeta
from phakhi.api.types import Input, IsoDate, LongText, Slug, Text100, Text200, Text300

VERSION = "raised by every change; also the ETag (send it as If-Match)"
KindCode = Literal[
    "meeting", "forum", "training", "visit", "campaign", "hearing", "seminar", "lessons", "other"
]  # = participation.models.Kind.values
StageCode = Literal["", "planning", "deciding", "implementing", "evaluating"]
FormCode = Literal[
    "informed", "views", "needs", "solutions", "deciding", "implementing", "monitoring", "benefits"
]  # = participation.models.Form.values, in the source's order
Level = Annotated[
    int,
    Field(
        ge=1,
        le=5,
        description="IAP2 level: 1 inform (ให้ข้อมูลข่าวสาร), 2 consult (ปรึกษาหารือ), 3 involve "
        "(ให้เข้ามามีบทบาท), 4 collaborate (สร้างความร่วมมือ), 5 empower (เสริมอำนาจประชาชน)",
    ),
]
Count = Annotated[int, Field(ge=0, le=10_000_000)]
Satisfaction = Annotated[float, Field(ge=1, le=5, description="1–5, two decimals kept")]
Time = Annotated[
    str, Field(max_length=20, pattern=r"^\d{1,2}[:.]\d{2}$", description="HH:MM, e.g. 09:30")
]
ActorKeys = Annotated[
    list[Text100], Field(max_length=100, description="actors of the directory, by key")
]
NetworkSlugs = Annotated[list[Slug], Field(max_length=100, description="the networks' slugs")]


class ActivityOut(Schema):
    key: str
    title: str
    kind: KindCode
    kind_name: str
    starts_on: dt.date
    start_time: str | None = Field(description="HH:MM")
    ends_on: dt.date | None = Field(description="null: the same day")
    end_time: str | None
    province_code: str = Field(description="the DOPA code; empty for none")
    province: str
    district_code: str
    district: str
    place: str
    networks: list[str] = Field(description="the networks' slugs")
    project: str | None = Field(description="the project's slug")
    description: str
    organizers: list[ActorRef]
    speakers: list[ActorRef] = Field(description="วิทยากร")
    iap2_planned: int | None = Field(description="the IAP2 level planned, 1–5")
    iap2_planned_name: str | None
    iap2_achieved: int | None = Field(description="the IAP2 level achieved, 1–5")
    iap2_achieved_name: str | None
    stage: StageCode
    forms: list[FormCode]
    o25_issue: str
    o25_participants: str
    o25_results: str
    o25_results_used: str
    o25_missing: list[str] = Field(
        description="the o25 items still empty of a consultation or higher; [] otherwise"
    )
    decisions: str
    outcomes: str
    public_civil: int
    public_academic: int
    public_government: int
    public_unknown: int
    satisfaction: float | None
    registered: int = Field(description="registered participants, hosts included")
    arrived: int = Field(description="of whom checked in")
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = Field(description=VERSION)


class ActivityPage(PageMeta):
    items: list[ActivityOut]


class ActivityCreate(Input):
    key: Annotated[Text100, Field(min_length=1)]
    title: Annotated[Text300, Field(min_length=1)]
    kind: KindCode = "meeting"
    starts_on: IsoDate
    start_time: Time | None = None
    ends_on: IsoDate | None = None
    end_time: Time | None = None
    province: Text100 = Field("", description="a DOPA code or a province's name")
    district: Text100 = Field("", description="a DOPA code or a district's name")
    place: Text300 = ""
    networks: NetworkSlugs = []
    project: Slug | None = Field(None, description="the project's slug")
    description: LongText = ""
    organizers: ActorKeys = []
    speakers: ActorKeys = []
    iap2_planned: Level | None = None
    iap2_achieved: Level | None = None
    stage: StageCode = ""
    forms: Annotated[list[FormCode], Field(max_length=8)] = []
    o25_issue: LongText = ""
    o25_participants: LongText = ""
    o25_results: LongText = ""
    o25_results_used: LongText = ""
    decisions: LongText = ""
    outcomes: LongText = ""
    public_civil: Count = 0
    public_academic: Count = 0
    public_government: Count = 0
    public_unknown: Count = 0
    satisfaction: Satisfaction | None = None


class ActivityPatch(Input):
    """Absent fields are kept; null clears a field that may be empty. ``organizers`` and
    ``speakers``, when given, are the whole lists."""

    key: Annotated[Text100, Field(min_length=1)] = None  # type: ignore[assignment]
    title: Annotated[Text300, Field(min_length=1)] = None  # type: ignore[assignment]
    kind: KindCode = None  # type: ignore[assignment]
    starts_on: IsoDate = None  # type: ignore[assignment]
    start_time: Time | None = None
    ends_on: IsoDate | None = None
    end_time: Time | None = None
    province: Text100 | None = None
    district: Text100 | None = None
    place: Text300 | None = None
    networks: NetworkSlugs | None = None
    project: Slug | None = None
    description: LongText | None = None
    organizers: ActorKeys | None = None
    speakers: ActorKeys | None = None
    iap2_planned: Level | None = None
    iap2_achieved: Level | None = None
    stage: StageCode | None = None
    forms: Annotated[list[FormCode], Field(max_length=8)] | None = None
    o25_issue: LongText | None = None
    o25_participants: LongText | None = None
    o25_results: LongText | None = None
    o25_results_used: LongText | None = None
    decisions: LongText | None = None
    outcomes: LongText | None = None
    public_civil: Count | None = None
    public_academic: Count | None = None
    public_government: Count | None = None
    public_unknown: Count | None = None
    satisfaction: Satisfaction | None = None


class ActivityFilters(Schema):
    network: Slug | None = Field(None, description="a network's slug")
    project: Slug | None = Field(None, description="a project's slug")
    kind: KindCode | None = None
    planned: Annotated[int, Field(ge=0, le=5)] | None = Field(
        None, description="IAP2 level planned, 1–5; 0: not recorded"
    )
    achieved: Annotated[int, Field(ge=0, le=5)] | None = Field(
        None, description="IAP2 level achieved, 1–5; 0: not recorded"
    )
    fiscal_year: Annotated[int, Field(ge=2400, le=3000)] | None = Field(
        None, description="a Thai fiscal year in the Buddhist era (2568: Oct 2024–Sep 2025)"
    )
    start: IsoDate | None = Field(None, description="activities on or after this day")
    end: IsoDate | None = Field(None, description="activities on or before this day")
    q: Text200 = Field("", description="words of the title, key, place or description")
    o25_missing: bool = Field(False, description="only consultations and above missing o25")
