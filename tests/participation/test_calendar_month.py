"""The calendar's selectors and month grid: multi-day activities on each of their days, month
boundaries, Monday-first weeks, Buddhist-era titles, date and time order, filters."""

import datetime as dt

import pytest
from django.utils import translation

from phakhi.participation.calendar import (
    activities_between,
    agenda,
    calendar_entries,
    grid_range,
    month_grid,
    month_title,
    parse_month,
    weekday_names,
)
from tests.participation.calendar_support import activity

pytestmark = pytest.mark.django_db
D = dt.date


def test_month_title_is_buddhist_era_in_thai_and_gregorian_in_english() -> None:
    assert month_title(2026, 3, "th") == "มีนาคม 2569"
    assert month_title(2026, 3, "en") == "March 2026"
    with translation.override("th"):
        assert month_title(2025, 12) == "ธันวาคม 2568"
        assert weekday_names() == ["จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส.", "อา."]
    assert weekday_names()[0] == "Mon"


def test_grid_weeks_start_on_monday_and_cover_the_month() -> None:
    # March 2026 begins on a Sunday and ends on a Tuesday.
    assert grid_range(2026, 3) == (D(2026, 2, 23), D(2026, 4, 5))
    month = month_grid([], 2026, 3, today=D(2026, 3, 10))
    assert len(month.weeks) == 6 and all(len(week) == 7 for week in month.weeks)
    assert all(week[0].date.weekday() == 0 for week in month.weeks)
    assert [d.date for d in month.days if d.is_today] == [D(2026, 3, 10)]
    assert not month.weeks[0][0].in_month and month.weeks[0][6].in_month
    # February 2027 is four whole weeks, Monday 1 to Sunday 28.
    assert grid_range(2027, 2) == (D(2027, 2, 1), D(2027, 2, 28))


def test_multi_day_activity_is_on_each_of_its_days_across_the_month_boundary(workspace) -> None:
    activity(workspace, "camp", D(2026, 2, 27), ends_on=D(2026, 3, 2), kind="training")
    activity(workspace, "after", D(2026, 4, 6))  # after the grid's last day
    entries = calendar_entries(workspace, *grid_range(2026, 3))
    assert [e.key for e in entries] == ["camp"]
    month = month_grid(entries, 2026, 3, today=D(2026, 3, 1))
    days = [d.date for d in month.days if d.entries]
    assert days == [D(2026, 2, 27), D(2026, 2, 28), D(2026, 3, 1), D(2026, 3, 2)]
    assert month.count == 1
    # The same activity is on February's grid too (its first days).
    february = calendar_entries(workspace, *grid_range(2026, 2))
    assert [e.key for e in february] == ["camp"]
    assert entries[0].days == 4 and entries[0].all_day


def test_range_selects_activities_that_overlap_it(workspace) -> None:
    activity(workspace, "before", D(2026, 1, 5))
    activity(workspace, "long", D(2026, 1, 20), ends_on=D(2026, 2, 3))
    activity(workspace, "inside", D(2026, 2, 10))
    activity(workspace, "later", D(2026, 3, 1))
    found = activities_between(workspace, D(2026, 2, 1), D(2026, 2, 28))
    assert [a.key for a in found] == ["long", "inside"]
    assert [a.key for a in activities_between(workspace, D(2026, 2, 1), None)] == [
        "long", "inside", "later",
    ]  # fmt: skip
    assert [a.key for a in activities_between(workspace, None, D(2026, 1, 31))] == [
        "before", "long",
    ]  # fmt: skip


def test_a_day_lists_all_day_entries_first_then_by_time(workspace) -> None:
    day = D(2026, 3, 10)
    activity(workspace, "late", day, start_time=dt.time(14, 0), title="ข")
    activity(workspace, "early", day, start_time=dt.time(9, 0), end_time=dt.time(12), title="ค")
    activity(workspace, "allday", day, title="ง")
    activity(workspace, "span", D(2026, 3, 9), ends_on=D(2026, 3, 11), title="ก")
    entries = calendar_entries(workspace, day, day)
    assert [e.key for e in entries] == ["span", "allday", "early", "late"]  # date, then time
    (only,) = agenda(entries, day, day, today=day)
    assert [e.key for e in only.entries] == ["span", "allday", "early", "late"]
    assert only.is_today


def test_more_than_three_a_day(workspace) -> None:
    day = D(2026, 3, 10)
    for hour in range(8, 13):
        activity(workspace, f"m{hour}", day, start_time=dt.time(hour))
    month = month_grid(calendar_entries(workspace, day, day), 2026, 3, today=day)
    (cell,) = [d for d in month.days if d.date == day]
    assert [e.key for e in cell.shown] == ["m8", "m9", "m10"]
    assert cell.more == 2


def test_filters_by_network_and_project(data) -> None:
    workspace, health, clinic = data["workspace"], data["network"], data["project"]
    day = D(2026, 3, 10)
    activity(workspace, "net", day, networks=[health])
    activity(workspace, "proj", day, project=clinic)
    activity(workspace, "none", day)
    assert [e.key for e in calendar_entries(workspace, day, day, networks=[health.pk])] == ["net"]
    assert [e.key for e in calendar_entries(workspace, day, day, project=clinic.pk)] == ["proj"]
    assert len(calendar_entries(workspace, day, day)) == 3


def test_other_workspaces_activities_never_show(workspace, other_workspace) -> None:
    activity(other_workspace, "theirs", D(2026, 3, 10))
    assert calendar_entries(workspace, D(2026, 3, 1), D(2026, 3, 31)) == []


def test_parse_month_accepts_both_eras() -> None:
    today = D(2026, 12, 7)
    assert parse_month("2026-03", today) == (2026, 3)
    assert parse_month("2569-03", today) == (2026, 3)
    assert parse_month("2026-13", today) == (2026, 12)
    assert parse_month("nonsense", today) == (2026, 12)
    assert parse_month(None, today) == (2026, 12)
