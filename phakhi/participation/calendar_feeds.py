"""Private calendar addresses (CalendarFeed): one per user and workspace, whose token lets a
calendar program read that user's calendar of the workspace without signing in.

The token is 256 random bits (``secrets``), so it cannot be guessed; resetting it gives a new
one and the old address stops working at once. The feed answers only while the user is active
and still has a role in the workspace, and shows what that role may see. ``last_read_at`` tells
the user (and an admin) whether a calendar still reads the address; it is written at most once
a minute, so a busy calendar does not turn every read into a write.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count, Max, Sum
from django.utils import timezone

from phakhi.accounts.permissions import Access, access_for
from phakhi.core import audit
from phakhi.core.audit import Author
from phakhi.core.models import AuditEvent, Workspace
from phakhi.participation.calendar import activities_between, feed_window
from phakhi.participation.models import Activity, Attendance, CalendarFeed, Role

TOKEN_BYTES = 32
READ_EVERY = dt.timedelta(minutes=1)  # last_read_at is written at most this often
FORMAT_VERSION = "1"  # raise when the feed's text changes for the same data


def _new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def calendar_feed_get_or_create(author: Author, user: Any, workspace: Workspace) -> CalendarFeed:
    """The user's private address for the workspace, made the first time it is asked for."""
    with transaction.atomic():
        feed = CalendarFeed.objects.filter(user=user, workspace=workspace).first()
        if feed is not None:
            return feed
        feed = CalendarFeed.objects.create(user=user, workspace=workspace, token=_new_token())
        audit.record(author, "create", feed, changes={"user": [None, str(user)]})
    return feed


def calendar_feed_reset(author: Author, feed: CalendarFeed) -> CalendarFeed:
    """A new token: the old address stops working; calendars must subscribe to the new one."""
    with transaction.atomic():
        feed = CalendarFeed.objects.select_for_update().get(pk=feed.pk)
        feed.token = _new_token()
        feed.last_read_at = None
        feed.save(update_fields=["token", "last_read_at"])
        audit.record(author, "update", feed, changes={"token": ["…", "…"]})
    return feed


def calendar_feed_of(user: Any, workspace: Workspace) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user, workspace=workspace).first()


@dataclass(frozen=True)
class FeedReader:
    feed: CalendarFeed
    access: Access


def calendar_feed_open(token: str) -> FeedReader | None:
    """The feed and its user's access for a token from an address, or None: an unknown or
    reset token, an inactive user, or one with no role in the workspace any more."""
    if not token or len(token) > 64:
        return None
    feed = CalendarFeed.objects.select_related("user", "workspace").filter(token=token).first()
    if feed is None or not secrets.compare_digest(feed.token.encode(), token.encode()):
        return None
    access = access_for(feed.user, feed.workspace)
    if access is None:
        return None
    return FeedReader(feed, access)


def calendar_feed_read(feed: CalendarFeed, now: dt.datetime | None = None) -> bool:
    """Note that a calendar read the feed; True when ``last_read_at`` was written (not more
    than once a minute)."""
    now = now or timezone.now()
    if feed.last_read_at is not None and now - feed.last_read_at < READ_EVERY:
        return False
    CalendarFeed.objects.filter(pk=feed.pk).update(last_read_at=now)
    feed.last_read_at = now
    return True


@dataclass(frozen=True)
class FeedState:
    """What the feed's ETag and Last-Modified are made of: one aggregate over the window."""

    etag: str
    last_modified: dt.datetime | None


def feed_state(
    workspace: Workspace,
    *,
    today: dt.date,
    networks: tuple[int, ...] = (),
    variant: str = "",
) -> FeedState:
    """Changes whenever the feed's text would: an activity added, edited (``updated_at``,
    ``version``) or deleted (the count and the sum of ids), its organisers changed, the window
    moved on (``today``), or another language, filter or host (``variant``)."""
    start, end = feed_window(today)
    found = activities_between(workspace, start, end, networks=networks).order_by()
    figures = found.aggregate(
        n=Count("pk"), ids=Sum("pk"), versions=Sum("version"), last=Max("updated_at")
    )
    organisers = (
        Attendance.objects.filter(activity__in=found.values("pk"), role=Role.ORGANIZER)
        .order_by()
        .aggregate(n=Count("pk"), ids=Sum("pk"), actors=Sum("actor_id"))
    )
    # A deletion leaves no row to be newer: its audit event's time counts instead.
    deleted = (
        AuditEvent.objects.filter(
            workspace=workspace,
            object_type=Activity._meta.label_lower,
            action=AuditEvent.Action.DELETE,
        )
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    parts = [FORMAT_VERSION, today.isoformat(), variant, *map(str, figures.values())]
    parts += map(str, organisers.values())
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]
    changed = [moment for moment in (figures["last"], deleted) if moment is not None]
    return FeedState(f'"{digest}"', max(changed) if changed else None)
