"""Template filters of the web application: dates in the reader's era and language."""

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from phakhi.core.dates import format_date

register = template.Library()


def _language() -> str:
    return "th" if (get_language() or "th").startswith("th") else "en"


@register.filter
def thai_date(value: dt.date | dt.datetime | None) -> str:
    """21 พ.ย. 2569 (Buddhist era) in Thai, 21 Nov 2026 in English."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return format_date(value, _language())


@register.filter
def thai_datetime(value: dt.datetime | None) -> str:
    """21 พ.ย. 2569 14:05 in Thai, 21 Nov 2026 14:05 in English (local time)."""
    if value is None or value == "":
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{format_date(local.date(), _language())} {local:%H:%M}"


@register.filter
def minutes(value: dt.timedelta | None) -> int:
    """A duration in whole minutes (the log-in lock-out's cool-off)."""
    return int(value.total_seconds() // 60) if value else 0
