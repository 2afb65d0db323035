"""The participation dashboard's figures (how far up the IAP2 spectrum the activities get, who
took part by sector, the organisations that took part, quiet members, activities lacking o25
items) for a workspace, one of its networks or one of its projects, in a Thai fiscal year or any
range of days — the same figures as the pages and ``phakhi report participation``."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from phakhi.api.access import workspace_access
from phakhi.api.errors import ERROR_RESPONSES as ERRORS
from phakhi.api.errors import FieldError, invalid, unknown
from phakhi.api.lookups import network_in
from phakhi.api.types import IsoDate, Slug
from phakhi.core.dates import DateError
from phakhi.core.periods import period_from
from phakhi.core.selectors import NotFound
from phakhi.participation.dashboard import DEFAULT_QUIET_MONTHS, Subject, participation_dashboard
from phakhi.participation.dashboard_json import dashboard_json
from phakhi.projects.selectors import project_in

router = Router(tags=["participation"])

LEVEL = "an IAP2 level, 1 (inform) to 5 (empower), or none (not recorded)"
SECTOR = "civil, academic, government, or empty (not recorded)"


class PeriodOut(Schema):
    first: str = Field(description="the first day, ISO")
    last: str = Field(description="the last day, ISO")
    fiscal_year: int | None = Field(description="the Thai fiscal year (Buddhist era), if it is one")


class TotalsOut(Schema):
    activities: int
    attendances: int = Field(description="registered actors' attendance rows")
    participants: int = Field(description="distinct registered actors who took part")
    public: int = Field(description="head counts of the unregistered public")
    satisfaction: float | None = Field(description="mean of the activities that recorded one")
    rated: int = Field(description="activities with a satisfaction score")


class LevelOut(Schema):
    level: str = Field(description=LEVEL)
    planned: int
    achieved: int


class ShortfallsOut(Schema):
    short: int = Field(description="achieved a lower level than planned")
    met: int
    exceeded: int
    not_assessed: int = Field(description="a planned level and no achieved one yet")


class SectorOut(Schema):
    sector: str = Field(description=SECTOR)
    people: int = Field(description="distinct registered actors of the sector")
    attendances: int
    public: int = Field(description="the public counted in the sector")


class OrganizationOut(Schema):
    key: str
    name: str
    sector: str = Field(description=SECTOR)
    activities: int = Field(description="activities it took part in, itself or its people")
    people: int = Field(description="its people who took part")
    attendances: int


class OrganizationsOut(Schema):
    count: int
    items: list[OrganizationOut] = Field(description="most activities first, at most limit")


class QuietMemberOut(Schema):
    key: str
    name: str
    kind: str
    sector: str = Field(description=SECTOR)
    last_activity: str | None = Field(description="ISO date; null: never took part")


class QuietMembersOut(Schema):
    months: int
    since: str = Field(description="no activity from this day on (ISO)")
    members: int = Field(description="current members of the networks")
    count: int
    items: list[QuietMemberOut] = Field(description="quiet the longest first, at most limit")


class MissingO25Out(Schema):
    key: str
    title: str
    starts_on: str
    iap2_planned: int | None
    iap2_achieved: int | None
    missing: list[str] = Field(description="the empty o25 fields")


class MissingO25ListOut(Schema):
    needing: int = Field(description="activities planned or achieved at consult or above")
    count: int
    items: list[MissingO25Out] = Field(description="earliest first, at most limit")


class DashboardOut(Schema):
    workspace: str
    network: str | None
    project: str | None
    period: PeriodOut
    totals: TotalsOut
    levels: list[LevelOut] = Field(description="levels 1–5, then none")
    planned_achieved: dict[str, dict[str, int]] = Field(
        description="activities by planned level, then achieved level (keys: 1–5, none)"
    )
    shortfalls: ShortfallsOut
    sectors: list[SectorOut]
    organizations: OrganizationsOut
    quiet_members: QuietMembersOut
    missing_o25: MissingO25ListOut


class DashboardQuery(Schema):
    network: Slug | None = Field(None, description="one network's activities and members")
    project: Slug | None = Field(
        None, description="one project's activities (its lead network's members)"
    )
    fiscal_year: Annotated[int, Field(ge=2400, le=3000)] | None = Field(
        None, description="a Thai fiscal year, Buddhist era (2568: 2024-10-01 – 2025-09-30)"
    )
    start: IsoDate | None = Field(None, alias="from", description="first day (ISO)")
    end: IsoDate | None = Field(None, alias="to", description="last day (ISO)")
    months: Annotated[int, Field(ge=1, le=120)] = Field(
        DEFAULT_QUIET_MONTHS, description="members are quiet after this many months"
    )
    limit: Annotated[int, Field(ge=0, le=1000)] = Field(
        50, description="the most rows of each list (their counts are complete)"
    )


@router.get(
    "/{slug}/participation",
    response={200: DashboardOut, **ERRORS},
    summary="Participation dashboard",
)
def participation(request: HttpRequest, slug: Slug, query: Query[DashboardQuery]) -> dict[str, Any]:
    """The dashboard's figures for the workspace, or one network or project (not both), in a
    fiscal year or between two days (both included; one of them alone runs to the end of its
    fiscal year); neither: the current fiscal year. An activity counts in the period it
    starts in."""
    access = workspace_access(request, slug)
    if query.network and query.project:
        raise invalid([FieldError(field="project", message=_("Give a network or a project."))])
    if query.fiscal_year is not None and (query.start or query.end):
        raise invalid(
            [FieldError(field="fiscal_year", message=_("Give a fiscal year or dates, not both."))]
        )
    try:
        period = period_from(query.fiscal_year, query.start, query.end)
    except DateError as error:
        raise invalid([FieldError(field="to", message=str(error))]) from None
    network = network_in(access, query.network, field="network") if query.network else None
    project = None
    if query.project:
        try:
            project = project_in(access.workspace, query.project)
        except NotFound as error:
            raise unknown(str(error), "project") from None
    dashboard = participation_dashboard(
        Subject(access.workspace, network=network, project=project),
        period,
        quiet_months=query.months,
        limit=query.limit,
    )
    return dashboard_json(dashboard)
