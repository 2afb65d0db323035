"""The participation dashboard's figures (how far up the IAP2 spectrum an agency really gets):
for a workspace, one network or one project, in a period (a Thai fiscal year or any range of
days), the activities by IAP2 level planned and achieved, the sector balance (ไตรพลัง) of those
who took part, the organisations that took part, the members with no activity for some months,
and the activities that still miss what ITA indicator o25 asks an agency to publish.

An activity belongs to a period by the day it starts. The figures are aggregate queries (the
same dozen a dashboard, whatever the number of rows): the attendance rows are counted by actor
in the database, so Python sees one row an actor who took part (for the sectors and the
organisations) and at most ``limit`` rows of each list, never the attendance rows themselves.
The pages, the API and ``phakhi report participation`` all read :func:`participation_dashboard`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection
from django.db.models import (
    Avg,
    Case,
    Count,
    Exists,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    When,
)
from django.utils import timezone

from phakhi.actors.models import Actor, Kind, Sector
from phakhi.core.dates import fiscal_year, months_before
from phakhi.core.models import Workspace
from phakhi.core.periods import Period, active_on
from phakhi.networks.models import Membership, Network
from phakhi.participation.models import Activity, Attendance, Level
from phakhi.participation.vocabulary import O25_FIELDS, o25_missing, o25_missing_q, o25_needed_q
from phakhi.projects.models import Project

LEVELS: tuple[int, ...] = tuple(Level.values)
NOT_SET = None  # the row and column of activities whose level is not recorded
SECTORS: tuple[str, ...] = (*Sector.values, "")  # "" : the actor's sector is not recorded
DEFAULT_QUIET_MONTHS = 6
DEFAULT_LIMIT = 50
ACTORS = Actor._meta.db_table


@dataclass(frozen=True)
class Subject:
    """What a dashboard is about: a workspace, or one of its networks or projects."""

    workspace: Workspace
    network: Network | None = None
    project: Project | None = None

    def activities(self, period: Period) -> QuerySet[Activity]:
        """The subject's activities that start in ``period``."""
        found = Activity.objects.filter(
            workspace=self.workspace, starts_on__range=(period.first, period.last)
        )
        if self.network is not None:
            found = found.filter(networks=self.network)
        if self.project is not None:
            found = found.filter(project=self.project)
        return found

    def member_networks(self) -> QuerySet[Network]:
        """The networks whose members should take part: the network, the project's lead
        network, or every network of the workspace."""
        networks = Network.objects.filter(workspace=self.workspace)
        if self.network is not None:
            return networks.filter(pk=self.network.pk)
        if self.project is not None:
            return networks.filter(pk=self.project.network_id or 0)
        return networks


@dataclass(frozen=True)
class LevelRow:
    level: int | None  # None: not set
    planned: int
    achieved: int


@dataclass(frozen=True)
class LevelFigures:
    """Activities by IAP2 level: ``rows`` (1–5 then "not set") with the planned and achieved
    counts, and ``cross[planned][achieved]`` (levels 1–5 and None) for the shortfalls."""

    rows: list[LevelRow]
    cross: dict[int | None, dict[int | None, int]]

    def _sum(self, test: Callable[[int, int], bool]) -> int:
        return sum(
            n
            for planned, row in self.cross.items()
            for achieved, n in row.items()
            if planned is not None and achieved is not None and test(planned, achieved)
        )

    @property
    def short(self) -> int:
        """Activities that achieved a lower level than they planned."""
        return self._sum(lambda p, a: a < p)

    @property
    def met(self) -> int:
        return self._sum(lambda p, a: a == p)

    @property
    def exceeded(self) -> int:
        return self._sum(lambda p, a: a > p)

    @property
    def not_assessed(self) -> int:
        """Activities with a planned level and no achieved one yet."""
        return sum(n for p, row in self.cross.items() if p is not None for n in [row[None]])


@dataclass(frozen=True)
class SectorRow:
    sector: str  # a Sector value, or "" for not recorded
    people: int  # distinct registered actors
    attendances: int  # their attendance rows
    public: int  # the unregistered public's head count


@dataclass(frozen=True)
class OrganizationRow:
    actor_id: int
    key: str
    name: str
    sector: str
    activities: int  # activities it took part in, itself or through its people
    people: int  # its people who took part (distinct)
    attendances: int  # its own attendances and its people's


@dataclass(frozen=True)
class QuietMember:
    actor_id: int
    key: str
    name: str
    kind: str
    sector: str
    last_activity: dt.date | None  # None: never took part


@dataclass(frozen=True)
class MissingO25:
    activity_id: int
    key: str
    title: str
    starts_on: dt.date
    iap2_planned: int | None
    iap2_achieved: int | None
    missing: list[str]  # names of the empty o25 fields, in O25_FIELDS' order


@dataclass(frozen=True)
class Totals:
    activities: int
    attendances: int
    participants: int  # distinct registered actors
    public: int  # the unregistered public's head count
    satisfaction: Decimal | None  # the mean of the activities that recorded one
    rated: int  # activities with a satisfaction score


@dataclass(frozen=True)
class Dashboard:
    subject: Subject
    period: Period
    quiet_months: int
    quiet_since: dt.date
    totals: Totals
    levels: LevelFigures
    sectors: list[SectorRow]
    organizations: list[OrganizationRow]
    organization_count: int
    quiet_members: list[QuietMember]
    quiet_member_count: int
    member_count: int
    missing_o25: list[MissingO25]
    missing_o25_count: int
    needs_o25_count: int
    limit: int | None = DEFAULT_LIMIT


def level_figures(activities: QuerySet[Activity]) -> LevelFigures:
    """One grouped query: the planned × achieved counts."""
    keys: list[int | None] = [*LEVELS, NOT_SET]
    cross: dict[int | None, dict[int | None, int]] = {p: dict.fromkeys(keys, 0) for p in keys}
    grouped = (
        activities.order_by().values_list("iap2_planned", "iap2_achieved").annotate(n=Count("pk"))
    )
    for planned, achieved, n in grouped:
        cross[planned][achieved] += n
    rows = [
        LevelRow(key, sum(cross[key].values()), sum(cross[p][key] for p in keys)) for key in keys
    ]
    return LevelFigures(rows, cross)


def _attendance(activities: QuerySet[Activity]) -> QuerySet[Attendance]:
    return Attendance.objects.filter(activity_id__in=activities.order_by().values("pk")).order_by()


@dataclass(frozen=True)
class Participant:
    """One registered actor who took part: what the figures by sector and by organisation
    need, and their number of attendance rows."""

    actor_id: int
    sector: str
    organization_id: int | None  # themselves for an organisation, else their employer
    person: bool  # not an organisation
    attendances: int


def participants(attendance: QuerySet[Attendance]) -> list[Participant]:
    """The actors who took part, one row an actor (a few thousand, not the hundreds of
    thousands of attendance rows): the attendance rows are counted by actor in the database
    and only then joined to the actors."""
    per_actor = attendance.values("actor_id").annotate(n=Count("pk")).order_by()
    sql, params = per_actor.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT a.id, a.sector, a.kind, a.organization_id, t.n FROM ({sql}) t "
            f"INNER JOIN {ACTORS} a ON a.id = t.actor_id",
            params,
        )
        found = cursor.fetchall()
    organization = Kind.ORGANIZATION.value
    return [
        Participant(
            actor_id=actor_id,
            sector=sector,
            organization_id=actor_id if kind == organization else employer,
            person=kind != organization,
            attendances=int(n),
        )
        for actor_id, sector, kind, employer, n in found
    ]


def sector_figures(
    activities: QuerySet[Activity], people: list[Participant]
) -> tuple[list[SectorRow], Totals]:
    """The sector balance of those who took part (registered actors by their sector, the
    unregistered public by the sector it was counted in) and the totals."""
    counted: dict[str, list[int]] = {sector: [0, 0] for sector in SECTORS}
    for someone in people:
        row = counted.setdefault(someone.sector, [0, 0])
        row[0] += 1
        row[1] += someone.attendances
    sums = activities.order_by().aggregate(
        activities=Count("pk"),
        civil=Sum("public_civil"),
        academic=Sum("public_academic"),
        government=Sum("public_government"),
        unknown=Sum("public_unknown"),
        mean_satisfaction=Avg("satisfaction"),
        rated=Count("satisfaction"),
    )
    public = {
        Sector.CIVIL.value: sums["civil"] or 0,
        Sector.ACADEMIC.value: sums["academic"] or 0,
        Sector.GOVERNMENT.value: sums["government"] or 0,
        "": sums["unknown"] or 0,
    }
    rows = [
        SectorRow(sector, counted[sector][0], counted[sector][1], public[sector])
        for sector in SECTORS
    ]
    mean = sums["mean_satisfaction"]
    totals = Totals(
        activities=sums["activities"],
        attendances=sum(row.attendances for row in rows),
        participants=len(people),
        public=sum(public.values()),
        satisfaction=Decimal(mean).quantize(Decimal("0.01")) if mean is not None else None,
        rated=sums["rated"],
    )
    return rows, totals


def organization_figures(
    workspace: Workspace,
    attendance: QuerySet[Attendance],
    people: list[Participant],
    limit: int | None = DEFAULT_LIMIT,
) -> tuple[list[OrganizationRow], int]:
    """Organisations that took part, themselves (an actor of kind organisation) or through
    their people (``Actor.organization``), most attendances first; and how many there are.
    The activities each took part in are counted for the organisations listed."""
    totals: dict[int, list[int]] = {}
    for someone in people:
        if someone.organization_id is not None:
            row = totals.setdefault(someone.organization_id, [0, 0])
            row[0] += someone.attendances
            row[1] += someone.person
    ranked = sorted(totals.items(), key=lambda item: (-item[1][0], -item[1][1], item[0]))
    top = ranked[:limit]
    ids = [org for org, _counts in top]
    organization = Case(
        When(actor__kind=Kind.ORGANIZATION, then="actor_id"),
        default="actor__organization_id",
        output_field=IntegerField(),
    )
    # The listed organisations and their people, then their attendance through the
    # (workspace, actor) index: a few hundred actors, not every attendance row.
    members = Actor.objects.filter(
        Q(pk__in=ids) | Q(organization_id__in=ids), workspace=workspace
    ).values("pk")
    activities = dict(
        attendance.filter(workspace=workspace, actor_id__in=members)
        .annotate(organization=organization)
        .values_list("organization")
        .annotate(n=Count("activity_id", distinct=True))
    )
    actors = Actor.objects.only("key", "name", "sector").in_bulk(ids)
    rows = [
        OrganizationRow(
            actor_id=org,
            key=actors[org].key,
            name=actors[org].name,
            sector=actors[org].sector,
            activities=activities.get(org, 0),
            people=people_count,
            attendances=attendances,
        )
        for org, (attendances, people_count) in top
    ]
    return rows, len(totals)


def quiet_members(
    subject: Subject,
    months: int = DEFAULT_QUIET_MONTHS,
    *,
    today: dt.date | None = None,
    limit: int | None = DEFAULT_LIMIT,
) -> tuple[list[QuietMember], int, int, dt.date]:
    """Members (a membership that holds today) of the subject's networks who took part in no
    activity of the workspace for ``months`` months — those who never took part first, then in
    Thai order of their names, each with the day of their last activity; with their number, the
    number of members and the day the quiet months began.

    The quiet are the members not among those who attended an activity of the window (a few
    months of activities, through the activities' date index); the last activity is looked up
    only for the members listed."""
    today = today or timezone.localdate()
    since = months_before(today, months)
    member_ids = (
        Membership.objects.filter(
            active_on(today),
            workspace=subject.workspace,
            network__in=subject.member_networks(),
        )
        .order_by()
        .values("actor_id")
    )
    window = Activity.objects.filter(
        workspace=subject.workspace, starts_on__range=(since, today)
    ).order_by()
    active = Attendance.objects.filter(activity_id__in=window.values("pk")).order_by()
    members = Actor.objects.filter(workspace=subject.workspace, pk__in=member_ids)
    quiet = members.exclude(pk__in=active.values("actor_id"))
    count = quiet.count()
    ever = Attendance.objects.filter(actor_id=OuterRef("pk"), activity__starts_on__lte=today)
    listed = list(
        quiet.annotate(took_part=Exists(ever))
        .order_by("took_part", "sort_key", "pk")
        .only("key", "name", "kind", "sector")[:limit]
    )
    last = dict(
        Attendance.objects.filter(
            actor_id__in=[a.pk for a in listed if a.took_part],  # type: ignore[attr-defined]
            activity__starts_on__lte=today,
        )
        .order_by()
        .values_list("actor_id")
        .annotate(last=Max("activity__starts_on"))
    )
    rows = [QuietMember(a.pk, a.key, a.name, a.kind, a.sector, last.get(a.pk)) for a in listed]
    return rows, count, members.count(), since


def missing_o25(
    activities: QuerySet[Activity], limit: int | None = DEFAULT_LIMIT
) -> tuple[list[MissingO25], int, int]:
    """Activities at consult or above with an o25 item empty, earliest first; their number,
    and the number of activities that should publish o25 items at all."""
    missing = activities.filter(o25_missing_q())
    counts = activities.aggregate(
        needing=Count("pk", filter=o25_needed_q()), missing=Count("pk", filter=o25_missing_q())
    )
    rows = [
        MissingO25(
            activity_id=a.pk,
            key=a.key,
            title=a.title,
            starts_on=a.starts_on,
            iap2_planned=a.iap2_planned,
            iap2_achieved=a.iap2_achieved,
            missing=o25_missing(a),
        )
        for a in missing.order_by("starts_on", "key").only(
            "key", "title", "starts_on", "iap2_planned", "iap2_achieved", *O25_FIELDS
        )[:limit]
    ]
    return rows, counts["missing"], counts["needing"]


def participation_dashboard(
    subject: Subject,
    period: Period,
    *,
    quiet_months: int = DEFAULT_QUIET_MONTHS,
    today: dt.date | None = None,
    limit: int | None = DEFAULT_LIMIT,
) -> Dashboard:
    """Every figure of the dashboard for ``subject`` in ``period``; the lists hold at most
    ``limit`` rows each (None: all of them; their counts are complete either way)."""
    activities = subject.activities(period)
    attendance = _attendance(activities)
    people = participants(attendance)
    sectors, totals = sector_figures(activities, people)
    organizations, organization_count = organization_figures(
        subject.workspace, attendance, people, limit
    )
    quiet, quiet_count, member_count, since = quiet_members(
        subject, quiet_months, today=today, limit=limit
    )
    missing, missing_count, needing = missing_o25(activities, limit)
    return Dashboard(
        subject=subject,
        period=period,
        quiet_months=quiet_months,
        quiet_since=since,
        totals=totals,
        levels=level_figures(activities),
        sectors=sectors,
        organizations=organizations,
        organization_count=organization_count,
        quiet_members=quiet,
        quiet_member_count=quiet_count,
        member_count=member_count,
        missing_o25=missing,
        missing_o25_count=missing_count,
        needs_o25_count=needing,
        limit=limit,
    )


def fiscal_years(workspace: Workspace, *, today: dt.date | None = None) -> list[int]:
    """The fiscal years a period chooser offers, latest first: from the year of the workspace's
    first activity to that of its last one, and the current year."""
    today = today or timezone.localdate()
    found = Activity.objects.filter(workspace=workspace).aggregate(
        first=Min("starts_on"), last=Max("starts_on")
    )
    years = {fiscal_year(today)}
    if found["first"] is not None:
        years |= set(range(fiscal_year(found["first"]), fiscal_year(found["last"]) + 1))
    return sorted(years, reverse=True)
