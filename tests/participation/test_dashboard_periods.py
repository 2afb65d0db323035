"""Thai fiscal years (ปีงบประมาณ, 1 October to 30 September, named in the Buddhist era by the
year they end in) and the period a dashboard, the API and the command choose."""

import datetime as dt
import doctest

import pytest
from django.utils import translation

from phakhi.core import dates, periods
from phakhi.core.dates import DateError, fiscal_year, fiscal_year_dates
from phakhi.core.periods import Period, period_from


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (dt.date(2024, 9, 30), 2567),
        (dt.date(2024, 10, 1), 2568),
        (dt.date(2025, 1, 1), 2568),
        (dt.date(2025, 9, 30), 2568),
        (dt.date(2025, 10, 1), 2569),
        (dt.date(2026, 9, 30), 2569),
        (dt.date(2024, 2, 29), 2567),
    ],
)
def test_fiscal_year_of_a_day(day: dt.date, year: int) -> None:
    assert fiscal_year(day) == year


def test_fiscal_year_dates_are_october_to_september() -> None:
    assert fiscal_year_dates(2568) == (dt.date(2024, 10, 1), dt.date(2025, 9, 30))
    assert fiscal_year_dates(2569) == (dt.date(2025, 10, 1), dt.date(2026, 9, 30))
    for year in range(2560, 2575):
        first, last = fiscal_year_dates(year)
        assert fiscal_year(first) == fiscal_year(last) == year
        assert fiscal_year(first - dt.timedelta(days=1)) == year - 1
        assert fiscal_year(last + dt.timedelta(days=1)) == year + 1


def test_labels_in_thai_and_english() -> None:
    period = Period.fiscal(2569)
    with translation.override("th"):
        assert period.label() == "ปีงบประมาณ 2569"
    with translation.override("en"):
        assert period.label() == "FY 2026 (Oct 2025–Sep 2026)"
    days = Period.between(dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    assert days.label("th") == "1 ม.ค. 2568 – 31 มี.ค. 2568"
    assert days.label("en") == "1 Jan 2025 – 31 Mar 2025"


def test_period_from_options() -> None:
    today = dt.date(2025, 10, 15)
    assert period_from(today=today) == Period.fiscal(2569)
    assert period_from("๒๕๖๘") == Period.fiscal(2568)
    assert period_from(2568) == Period.fiscal(2568)
    assert period_from(None, "2025-01-01", "31/03/2568") == Period(
        dt.date(2025, 1, 1), dt.date(2025, 3, 31)
    )
    # One end alone runs to the other end of its fiscal year.
    assert period_from(None, "2025-01-01", None).last == dt.date(2025, 9, 30)
    assert period_from(None, None, "2025-01-01").first == dt.date(2024, 10, 1)
    # A range that is exactly a fiscal year is that fiscal year.
    assert period_from(None, "2024-10-01", "2025-09-30").fiscal_year == 2568
    assert Period.fiscal(2568).params() == {"fy": "2568"}
    assert Period.between(dt.date(2025, 1, 1), dt.date(2025, 2, 1)).params() == {
        "from": "2025-01-01",
        "to": "2025-02-01",
    }


@pytest.mark.parametrize(
    "options",
    [("2025",), ("25x8",), ("", "2025-02-01", "2025-01-01"), (None, "31/02/2568", None)],
)
def test_bad_periods_say_why(options: tuple[object, ...]) -> None:
    with pytest.raises(DateError) as error:
        period_from(*options)
    assert str(error.value)


def test_docstring_examples_run() -> None:
    with translation.override("th"):
        assert doctest.testmod(dates).failed == 0
        assert doctest.testmod(periods).failed == 0
