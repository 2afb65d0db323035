"""The expansion plans' API schemas (worksheet 4): what a plan, a row and a suggestion look
like in and out, and how a stored row with the map's reading becomes one."""

from __future__ import annotations

import datetime as dt

from ninja import Schema
from pydantic import Field

from phakhi.api.lookups import ActorRef, actor_ref
from phakhi.api.pagination import PageMeta
from phakhi.api.types import Id, Input, IsoDate, LongText, Slug, Text60, Text200, Text300
from phakhi.expansion.models import ExpansionPlan, PlanRow
from phakhi.expansion.relationships import Reading
from phakhi.expansion.vocabulary import relationship_words

HOW = (
    "direct, via (a tie held through a broker), two_step, member, none, or unknown (no target "
    "on the map, or no lead network or actor)"
)
LEVEL = "1 networking (รู้จัก), 2 coordinate (หลวม), 3 cooperate, 4 collaborate (แน่นแฟ้น)"


class PlanOut(Schema):
    id: int
    project: str | None = Field(description="the slug of the project whose plan this is")
    network: str | None = Field(description="the slug of the network whose plan this is")
    title: str = Field(description="our group: the worksheet's header row")
    vision: str
    common_benefit: str
    row_count: int
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = Field(description="raised by every change; also the ETag (send it as If-Match)")


class PlanPage(PageMeta):
    items: list[PlanOut]


class PlanCreate(Input):
    project: Slug | None = Field(None, description="the project's slug (or give a network)")
    network: Slug | None = Field(None, description="the network's slug (or give a project)")
    title: Text300
    vision: LongText = ""
    common_benefit: LongText = ""


class PlanPatch(Input):
    title: Text300 = None  # type: ignore[assignment]
    vision: LongText | None = None
    common_benefit: LongText | None = None


class RelationshipOut(Schema):
    how: str = Field(description=HOW)
    level: int | None = Field(description="0 no tie, " + LEVEL)
    via: str = Field(description="the broker's name when held through someone")
    words: str


class RowOut(Schema):
    id: int
    plan: int
    position: int
    target_name: str
    target_actor: ActorRef | None
    target_network: str | None = Field(description="the target network's slug")
    current: RelationshipOut = Field(description="what the map shows today")
    current_at_start: RelationshipOut | None = Field(description="what it showed when added")
    current_override: str = Field(description="the relationship as written, e.g. หลวม ผ่านชาคริต")
    new_level: int = Field(description=LEVEL)
    our_benefit: str
    their_benefit: str
    methods: list[str]
    owner: str
    due_on: dt.date | None
    status: str = Field(description="planned, in_progress, achieved or dropped")
    achieved_on: dt.date | None
    strategy: int | None = Field(description="the id of the lead network's strategy it serves")
    version: int = Field(description="raised by every change; also the ETag (send it as If-Match)")


class RowPage(PageMeta):
    items: list[RowOut]


class RowFields(Input):
    target_name: Text300 = ""
    target_actor: Id | None = Field(None, description="an actor's id")
    target_network: Slug | None = Field(None, description="a network's slug")
    current_override: Text300 = Field("", description="as written: หลวม, หลวม ผ่านชาคริต, 1–4")
    new_level: int | Text60 = Field(None, description=LEVEL + "; a number or the word")  # type: ignore[assignment]
    our_benefit: LongText = ""
    their_benefit: LongText = ""
    methods: list[Text300] = Field(default_factory=list, max_length=30)
    owner: Text200 = ""
    due_on: IsoDate | None = None
    status: Text60 = Field("planned", description="planned, in_progress, achieved or dropped")
    achieved_on: IsoDate | None = None
    strategy: Id | None = None


class RowCreate(RowFields):
    new_level: int | Text60 = Field(description=LEVEL + "; a number or the word")


class IntroducerOut(Schema):
    member_id: int
    member: str = Field(description="one of us who could introduce us")
    through_id: int | None
    through: str = Field(description="whom they know who is tied to the group; empty: directly")
    strength: int = Field(description="the weakest tie on the way, 1–4")


class SuggestionOut(Schema):
    actor: ActorRef
    issues: list[str] = Field(description="its issues that are not ours")
    tie_to_us: int = Field(description="0 none, 1 a weak tie (รู้จัก)")
    communities: int = Field(description="how many of our communities it reaches")
    new_reach: int = Field(description="actors it is tied to that none of us is")
    introducers: list[IntroducerOut]


class SuggestionsOut(Schema):
    provinces: list[str]
    our_issues: list[str]
    member_count: int
    community_count: int
    items: list[SuggestionOut]


def plan_out(plan: ExpansionPlan) -> PlanOut:
    return PlanOut(
        id=plan.pk,
        project=plan.project.slug if plan.project else None,
        network=plan.network.slug if plan.network else None,
        title=plan.title,
        vision=plan.vision,
        common_benefit=plan.common_benefit,
        row_count=plan.rows.count(),
        created_at=plan.created_at,
        updated_at=plan.updated_at,
        version=plan.version,
    )


def _relationship(reading: Reading) -> RelationshipOut:
    return RelationshipOut(
        how=reading.how, level=reading.level, via=reading.via_name, words=reading.words
    )


def row_out(row: PlanRow, reading: Reading) -> RowOut:
    start = None
    if row.current_level is not None:
        words = relationship_words(row.current_level, row.current_via_name)
        start = RelationshipOut(
            how="via" if row.current_via_name else "direct" if row.current_level else "none",
            level=row.current_level,
            via=row.current_via_name,
            words=words,
        )
    return RowOut(
        id=row.pk,
        plan=row.plan_id,
        position=row.position,
        target_name=row.target_name,
        target_actor=actor_ref(row.target_actor) if row.target_actor else None,
        target_network=row.target_network.slug if row.target_network else None,
        current=_relationship(reading),
        current_at_start=start,
        current_override=row.current_override,
        new_level=row.new_level,
        our_benefit=row.our_benefit,
        their_benefit=row.their_benefit,
        methods=list(row.methods),
        owner=row.owner,
        due_on=row.due_on,
        status=row.status,
        achieved_on=row.achieved_on,
        strategy=row.strategy_id,
        version=row.version,
    )
