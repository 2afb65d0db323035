"""Template filters of the web application: dates in the reader's era and language."""

import datetime as dt

from django import template
from django.utils import timezone

from phakhi.core.dates import show_date
from phakhi.ties.vocabulary import kind_label

register = template.Library()


@register.filter
def thai_date(value: dt.date | dt.datetime | None) -> str:
    """21 พ.ย. 2569 (Buddhist era) in Thai, 21 Nov 2026 in English."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    return show_date(value) or ""


@register.filter
def thai_datetime(value: dt.datetime | None) -> str:
    """21 พ.ย. 2569 14:05 in Thai, 21 Nov 2026 14:05 in English (local time)."""
    return (show_date(value) or "") if value else ""


@register.filter
def minutes(value: dt.timedelta | None) -> int:
    """A duration in whole minutes (the log-in lock-out's cool-off)."""
    return int(value.total_seconds() // 60) if value else 0


@register.filter
def tie_kind(kind: str) -> str:
    """A kind of tie as people read it: ``co-participation`` is ร่วมกิจกรรม in Thai (“took part
    together”); a kind of the user's own shows as written."""
    return kind_label(kind)
