"""The participation dashboard's figures on a small dataset counted by hand
(tests/participation/dashboard_support.py describes it), for the workspace, a network and a
project, in fiscal year 2568 — whose first and last days each hold an activity, and whose
neighbours' edges (30 Sep 2024, 1 Oct 2025) hold one that must not count."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phakhi.core.dates import months_before
from phakhi.core.models import Workspace
from phakhi.core.periods import Period
from phakhi.participation.dashboard import Subject, participation_dashboard
from phakhi.participation.dashboard_json import dashboard_json
from phakhi.participation.models import Activity, Attendance
from tests.participation.dashboard_support import TODAY, dashboard_data

FY2568 = Period.fiscal(2568)


@pytest.fixture
def d(workspace: Workspace) -> dict[str, Any]:
    return dashboard_data(workspace)


def _levels(dashboard: Any) -> dict[Any, tuple[int, int]]:
    return {row.level: (row.planned, row.achieved) for row in dashboard.levels.rows}


def test_levels_planned_and_achieved(d: dict[str, Any]) -> None:
    dashboard = participation_dashboard(Subject(d["workspace"]), FY2568, today=TODAY)
    # A1 2→1, A3 1→2, A4 4→–, A5 –→–, A2 3→3 (A0 and A9 are outside the year).
    assert _levels(dashboard) == {
        1: (1, 1), 2: (1, 1), 3: (1, 1), 4: (1, 0), 5: (0, 0), None: (1, 2),
    }  # fmt: skip
    cross = dashboard.levels.cross
    assert cross[2][1] == cross[1][2] == cross[3][3] == cross[4][None] == cross[None][None] == 1
    assert sum(n for row in cross.values() for n in row.values()) == 5
    levels = dashboard.levels
    assert (levels.short, levels.met, levels.exceeded, levels.not_assessed) == (1, 1, 1, 1)


def test_totals(d: dict[str, Any]) -> None:
    totals = participation_dashboard(Subject(d["workspace"]), FY2568, today=TODAY).totals
    assert totals.activities == 5
    assert totals.attendances == 8  # A1 3, A3 2, A4 1, A2 2
    assert totals.participants == 5  # P1 P2 P3 P4 ORG1
    assert totals.public == 17  # A1 10 + 5, A2 2
    assert (totals.satisfaction, totals.rated) == (Decimal("3.75"), 2)  # (4.00 + 3.50) / 2


def test_sector_balance(d: dict[str, Any]) -> None:
    dashboard = participation_dashboard(Subject(d["workspace"]), FY2568, today=TODAY)
    sectors = {row.sector: (row.people, row.attendances, row.public) for row in dashboard.sectors}
    assert sectors == {
        "civil": (1, 3, 10),  # P1 at A1, A4, A2; the public counted as civil at A1
        "academic": (1, 2, 2),  # P2 at A1, A3
        "government": (2, 2, 0),  # ORG1 at A1, P3 at A2
        "": (1, 1, 5),  # P4 (no sector) at A3; the public of unknown sector at A1
    }


def test_organisations_themselves_and_through_their_people(d: dict[str, Any]) -> None:
    dashboard = participation_dashboard(Subject(d["workspace"]), FY2568, today=TODAY)
    rows = [(r.key, r.activities, r.people, r.attendances) for r in dashboard.organizations]
    # ORG1: itself at A1; P1 at A1, A4, A2; P2 at A1, A3 → 4 activities, 2 people, 6 rows.
    assert rows == [("ORG1", 4, 2, 6), ("ORG2", 1, 1, 1)]
    assert dashboard.organization_count == 2


def test_missing_o25(d: dict[str, Any]) -> None:
    dashboard = participation_dashboard(Subject(d["workspace"]), FY2568, today=TODAY)
    assert dashboard.needs_o25_count == 4  # A1, A3, A4, A2 (A5 has no level)
    assert dashboard.missing_o25_count == 3
    assert [(row.key, row.missing) for row in dashboard.missing_o25] == [
        ("A1", ["o25_issue", "o25_participants", "o25_results", "o25_results_used"]),
        ("A3", ["o25_participants", "o25_results", "o25_results_used"]),  # achieved consult
        ("A4", ["o25_results_used"]),
    ]


def test_quiet_members(d: dict[str, Any]) -> None:
    dashboard = participation_dashboard(Subject(d["workspace"]), FY2568, today=TODAY)
    # Since 15 Apr 2025: P1 (A4, 1 May) and P3 (A2, 30 Sep) took part; P5 never, ORG1 last at
    # A1 (1 Oct 2024), P2 at A3 (15 Mar 2025); P4 is quiet too, as a member of youth.
    assert dashboard.quiet_since == dt.date(2025, 4, 15)
    assert dashboard.member_count == 6  # the health five and P4 (youth)
    assert [(row.key, row.last_activity) for row in dashboard.quiet_members] == [
        ("P5", None),
        ("ORG1", dt.date(2024, 10, 1)),
        ("P2", dt.date(2025, 3, 15)),
        ("P4", dt.date(2025, 3, 15)),
    ]
    assert dashboard.quiet_member_count == 4
    longer = participation_dashboard(Subject(d["workspace"]), FY2568, today=TODAY,
                                     quiet_months=12)  # fmt: skip
    assert [row.key for row in longer.quiet_members] == ["P5", "ORG1"]  # since 15 Oct 2024


def test_a_network(d: dict[str, Any]) -> None:
    dashboard = participation_dashboard(Subject(d["workspace"], network=d["health"]), FY2568,
                                        today=TODAY)  # fmt: skip
    assert dashboard.totals.activities == 3  # A1, A4, A2
    assert dashboard.totals.attendances == 6 and dashboard.totals.participants == 4
    assert _levels(dashboard)[2] == (1, 0) and _levels(dashboard)[4] == (1, 0)
    # The former member P4 and the youth network's members are not health's.
    assert dashboard.member_count == 5
    assert [row.key for row in dashboard.quiet_members] == ["P5", "ORG1", "P2"]
    youth = participation_dashboard(Subject(d["workspace"], network=d["youth"]), FY2568,
                                    today=TODAY)  # fmt: skip
    assert youth.totals.activities == 2 and [r.key for r in youth.quiet_members] == ["P4"]


def test_a_project(d: dict[str, Any]) -> None:
    dashboard = participation_dashboard(Subject(d["workspace"], project=d["clinic"]), FY2568,
                                        today=TODAY)  # fmt: skip
    assert dashboard.totals.activities == 1  # A1
    assert (dashboard.totals.attendances, dashboard.totals.public) == (3, 15)
    assert dashboard.member_count == 5  # its lead network, health


def test_a_range_of_days_and_the_years_around(d: dict[str, Any]) -> None:
    workspace = d["workspace"]
    before = participation_dashboard(Subject(workspace), Period.fiscal(2567), today=TODAY)
    after = participation_dashboard(Subject(workspace), Period.fiscal(2569), today=TODAY)
    assert before.totals.activities == 1 and _levels(before)[5] == (1, 1)  # A0, 30 Sep 2024
    assert after.totals.activities == 1 and _levels(after)[1] == (1, 0)  # A9, 1 Oct 2025
    spring = Period.between(dt.date(2025, 3, 15), dt.date(2025, 5, 1))
    assert participation_dashboard(Subject(workspace), spring).totals.activities == 2


def test_nothing_in_the_period(workspace: Workspace) -> None:
    dashboard = participation_dashboard(Subject(workspace), FY2568, today=TODAY)
    assert dashboard.totals.activities == dashboard.totals.participants == 0
    assert dashboard.totals.satisfaction is None
    assert dashboard.organizations == dashboard.quiet_members == dashboard.missing_o25 == []


def test_json_shape(d: dict[str, Any]) -> None:
    found = dashboard_json(participation_dashboard(Subject(d["workspace"]), FY2568, today=TODAY))
    assert found["period"] == {"first": "2024-10-01", "last": "2025-09-30", "fiscal_year": 2568}
    assert found["levels"][0] == {"level": "1", "planned": 1, "achieved": 1}
    assert found["planned_achieved"]["2"]["1"] == 1
    assert found["totals"]["satisfaction"] == 3.75


def test_months_before() -> None:
    assert months_before(dt.date(2025, 10, 15), 6) == dt.date(2025, 4, 15)
    assert months_before(dt.date(2025, 3, 31), 1) == dt.date(2025, 2, 28)
    assert months_before(dt.date(2024, 3, 31), 1) == dt.date(2024, 2, 29)
    assert months_before(dt.date(2025, 1, 31), 13) == dt.date(2023, 12, 31)


def test_queries_do_not_grow_with_the_rows(d: dict[str, Any]) -> None:
    subject = Subject(d["workspace"])
    with CaptureQueriesContext(connection) as few:
        participation_dashboard(subject, FY2568, today=TODAY)
    people = [d["p1"], d["p2"], d["p3"], d["p4"], d["p5"], d["org1"], d["org2"]]
    for n in range(40):
        made = Activity.objects.create(workspace=d["workspace"], key=f"X{n}", title="x",
                                       starts_on=dt.date(2025, 2, 1), iap2_planned=2)  # fmt: skip
        made.networks.set([d["health"]])
        for person in people[: n % 7 + 1]:
            Attendance.objects.create(workspace=d["workspace"], activity=made, actor=person)
    with CaptureQueriesContext(connection) as many:
        dashboard = participation_dashboard(subject, FY2568, today=TODAY)
    assert dashboard.totals.activities == 45
    assert len(many) == len(few) <= 14
