"""Rows that hold for a while — memberships, ties — have ``since`` and ``until`` dates; this is
the one place that says which of them hold on a day. A :class:`Period` is the span of days a
dashboard or a report is about: a Thai fiscal year or any range."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from pythainlp.util import thai_strftime

from phakhi.core.dates import (
    BUDDHIST_ERA_OFFSET,
    DateError,
    current_language,
    fiscal_year,
    fiscal_year_dates,
    format_date,
    parse_date,
    show_date,
)
from phakhi.core.thai import to_arabic_digits


def active_on(day: dt.date) -> Q:
    """Rows that hold on ``day``: ``since ≤ day < until``, an open end counting as no limit
    (a tie ending on the 1st is no longer active on the 1st)."""
    return (Q(since__isnull=True) | Q(since__lte=day)) & (Q(until__isnull=True) | Q(until__gt=day))


@dataclass(frozen=True)
class Period:
    """A span of days a dashboard or a report is about: a Thai fiscal year (ปีงบประมาณ,
    ``fiscal_year`` in the Buddhist era) or any range of days, both ends included.

    >>> Period.fiscal(2568)
    Period(first=datetime.date(2024, 10, 1), last=datetime.date(2025, 9, 30), fiscal_year=2568)
    >>> Period.fiscal(2568).params()
    {'fy': '2568'}
    """

    first: dt.date
    last: dt.date
    fiscal_year: int | None = None

    @classmethod
    def fiscal(cls, year_be: int) -> "Period":
        first, last = fiscal_year_dates(year_be)
        return cls(first, last, year_be)

    @classmethod
    def current(cls, today: dt.date | None = None) -> "Period":
        """The fiscal year of today (or of ``today``)."""
        return cls.fiscal(fiscal_year(today or timezone.localdate()))

    @classmethod
    def between(cls, first: dt.date, last: dt.date) -> "Period":
        if last < first:
            raise DateError(
                _("The period ends (%(last)s) before it starts (%(first)s).")
                % {"first": show_date(first), "last": show_date(last)}
            )
        if (fy := fiscal_year(first)) == fiscal_year(last) and (first, last) == fiscal_year_dates(
            fy
        ):
            return cls(first, last, fy)
        return cls(first, last)

    def contains(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    def params(self) -> dict[str, str]:
        """The query parameters that choose this period again (``fy`` or ``from`` and ``to``)."""
        if self.fiscal_year is not None:
            return {"fy": str(self.fiscal_year)}
        return {"from": self.first.isoformat(), "to": self.last.isoformat()}

    def label(self, language: str | None = None) -> str:
        """ปีงบประมาณ 2569 in Thai, FY 2026 (Oct 2025–Sep 2026) in English; a range of days as
        its two dates."""
        language = language or current_language()
        if self.fiscal_year is None:
            return f"{format_date(self.first, language)} – {format_date(self.last, language)}"
        thai = language.startswith("th")
        year = self.fiscal_year if thai else self.fiscal_year - BUDDHIST_ERA_OFFSET
        with translation.override("th" if thai else "en"):
            if thai:  # the year is the fiscal year's name in Thai: ปีงบประมาณ 2569
                return _("Fiscal year %(year)s") % {"year": year}
            return _("FY %(year)s (%(first)s–%(last)s)") % {
                "year": year,
                "first": _month(self.first, language),
                "last": _month(self.last, language),
            }


def _month(day: dt.date, language: str) -> str:
    if language.startswith("th"):
        return thai_strftime(dt.datetime(day.year, day.month, 1), "%b %Y")
    return day.strftime("%b %Y")


def period_from(
    fiscal: object = None,
    first: object = None,
    last: object = None,
    *,
    today: dt.date | None = None,
) -> Period:
    """The period a page's, the API's or the command's options choose: a fiscal year (2568,
    or ๒๕๖๘), or a first and a last day (ISO or d/m/yyyy in either era; one of them alone runs
    to the other end of its fiscal year); nothing: the current fiscal year. Bad values raise
    :class:`DateError` with a message for the user.

    >>> period_from("2569").label("th")
    'ปีงบประมาณ 2569'
    >>> period_from(None, "2025-01-01", "31/03/2568").params()
    {'from': '2025-01-01', 'to': '2025-03-31'}
    """
    if fiscal not in (None, ""):
        text = to_arabic_digits(str(fiscal)).strip()
        if not text.isdigit() or not 2400 <= int(text) <= 3000:
            raise DateError(
                _("“%(value)s” is not a fiscal year (expected a Buddhist-era year such as 2568).")
                % {"value": fiscal}
            )
        return Period.fiscal(int(text))
    start = parse_date(first) if first not in (None, "") else None
    end = parse_date(last) if last not in (None, "") else None
    if start is None and end is None:
        return Period.current(today)
    if start is None:
        assert end is not None
        start = fiscal_year_dates(fiscal_year(end))[0]
    if end is None:
        end = fiscal_year_dates(fiscal_year(start))[1]
    return Period.between(start, end)
