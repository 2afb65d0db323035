"""Rows that hold for a while — memberships, ties — have ``since`` and ``until`` dates; this is
the one place that says which of them hold on a day."""

import datetime as dt

from django.db.models import Q


def active_on(day: dt.date) -> Q:
    """Rows that hold on ``day``: ``since ≤ day < until``, an open end counting as no limit
    (a tie ending on the 1st is no longer active on the 1st)."""
    return (Q(since__isnull=True) | Q(since__lte=day)) & (Q(until__isnull=True) | Q(until__gt=day))
