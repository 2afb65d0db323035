"""Dates as people write them in Thai spreadsheets, and as Thai readers expect to see them."""

import datetime as dt
import re

from dateutil.relativedelta import relativedelta
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl.utils.datetime import from_excel
from pythainlp.util import thai_strftime, thai_strptime

from phakhi.core.thai import to_arabic_digits

BUDDHIST_ERA_OFFSET = 543
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ].*)?$")
_SERIAL = re.compile(r"^\d{4,5}(?:\.\d+)?$")
_THAI_MONTH_TEXT = re.compile(r"^\d{1,2}\s+\S+\s+\d{4}$")


class DateError(ValueError):
    pass


def _gregorian_year(year: int) -> int:
    # Thai spreadsheets mix the eras; years from 2400 on can only be Buddhist-era.
    return year - BUDDHIST_ERA_OFFSET if year >= 2400 else year


def parse_date(value: object) -> dt.date:
    """A date from a cell: a date object, an ISO date, d/m/yyyy (Buddhist or Gregorian era),
    a Thai date such as "15 มี.ค. 2567", or an Excel serial number.

    >>> parse_date("15/03/2567")
    datetime.date(2024, 3, 15)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_serial(float(value), str(value))
    text = to_arabic_digits(str(value)).strip()
    try:
        if _ISO.match(text):
            return dt.date.fromisoformat(text[:10])
        if match := _DMY.match(text):
            day, month, year = (int(g) for g in match.groups())
            return dt.date(_gregorian_year(year), month, day)
        if _SERIAL.match(text):
            return _from_serial(float(text), text)
        if _THAI_MONTH_TEXT.match(text):
            return _thai_text_date(text)
    except ValueError:
        raise DateError(_("“%(value)s” is not a real date.") % {"value": value}) from None
    raise DateError(
        _("“%(value)s” is not a date (expected 2024-03-15, 15/03/2567 or 15 มี.ค. 2567).")
        % {"value": value}
    )


def _from_serial(serial: float, text: str) -> dt.date:
    # 1 = 1900-01-01 … 2958465 = 9999-12-31; refuse what cannot be a date of a tie or a member.
    if not 1 <= serial <= 2958465:
        raise DateError(_("“%(value)s” is not a date.") % {"value": text})
    result = from_excel(serial)
    return result.date() if isinstance(result, dt.datetime) else result


def _thai_text_date(text: str) -> dt.date:
    day, month, year = text.split()
    if int(year) < 2400:
        year = str(int(year) + BUDDHIST_ERA_OFFSET)
    parsed = thai_strptime(f"{day} {month} {year}", "%d %B %Y")
    return parsed.date()


def format_date(value: dt.date | None, language: str = "th") -> str:
    """15 มี.ค. 2567 in Thai (Buddhist era); 15 Mar 2024 in English."""
    if value is None:
        return ""
    if language.startswith("th"):
        return thai_strftime(dt.datetime(value.year, value.month, value.day), "%-d %b %Y")
    return value.strftime("%-d %b %Y")


def current_language() -> str:
    """``th`` or ``en``: the language of the request being answered."""
    return "th" if (get_language() or "th").startswith("th") else "en"


def show_date(value: dt.date | dt.datetime | None) -> str | None:
    """A date in the Buddhist era for Thai readers (15 มี.ค. 2567), Gregorian in English; a
    date-time also shows its local time. ``None`` lets the admin show its empty value."""
    if value is None:
        return None
    language = current_language()
    if isinstance(value, dt.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{format_date(local.date(), language)} {local:%H:%M}"
    return format_date(value, language)


FISCAL_YEAR_FIRST_MONTH = 10  # the Thai government's fiscal year starts on 1 October


def fiscal_year(day: dt.date) -> int:
    """The Thai fiscal year (ปีงบประมาณ) of ``day``, in the Buddhist era: it runs from 1 October
    to 30 September and is named by the calendar year it ends in.

    >>> fiscal_year(dt.date(2024, 9, 30))
    2567
    >>> fiscal_year(dt.date(2024, 10, 1))
    2568
    >>> fiscal_year(dt.date(2025, 9, 30))
    2568
    """
    year = day.year + 1 if day.month >= FISCAL_YEAR_FIRST_MONTH else day.year
    return year + BUDDHIST_ERA_OFFSET


def fiscal_year_dates(year_be: int) -> tuple[dt.date, dt.date]:
    """The first and last day of the Thai fiscal year ``year_be`` (Buddhist era).

    >>> fiscal_year_dates(2568)
    (datetime.date(2024, 10, 1), datetime.date(2025, 9, 30))
    """
    ends = year_be - BUDDHIST_ERA_OFFSET
    if not 1 < ends <= dt.MAXYEAR:
        raise DateError(_("%(year)s is not a fiscal year.") % {"year": year_be})
    return dt.date(ends - 1, FISCAL_YEAR_FIRST_MONTH, 1), dt.date(
        ends, FISCAL_YEAR_FIRST_MONTH - 1, 30
    )


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (the month's last day when it is shorter).

    >>> months_before(dt.date(2025, 8, 31), 6)
    datetime.date(2025, 2, 28)
    """
    return day - relativedelta(months=months)
