"""The activity calendar (ปฏิทินกิจกรรม): which activities fall on which days, for the month and
list pages and for the iCalendar feed (``phakhi.participation.calendar_ics``).

The calendar shows *entries*: today only activities, but an entry is a small record of its own
(:class:`Entry`, with its ``source``), so other dated things — the announcements of issue #16 —
can join the same month grid and feed without the pages knowing what they are.

An activity runs from ``starts_on`` to ``ends_on`` (empty: the same day), both days included; a
multi-day activity is on each of its days. Within a day entries come in date and time order:
those without a time (all day) first, then by start time, then by title.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils.dates import MONTHS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override

from phakhi.core.dates import BUDDHIST_ERA_OFFSET, current_language, format_date
from phakhi.core.models import Workspace
from phakhi.participation.models import Activity, Kind

ACTIVITY = "activity"  # Entry.source of an activity
DAY_LIMIT = 3  # entries a day's cell shows before "+N more"
LIST_MAX_DAYS = 400  # the longest range the list view and a download cover
# The window of the subscribed feed: the last twelve months and everything ahead.
FEED_PAST_DAYS = 365

_ENTRY_FIELDS = (
    "id", "workspace_id", "key", "title", "kind", "starts_on", "start_time", "ends_on",
    "end_time", "province_code", "district_code", "place", "project_id", "iap2_planned",
    "iap2_achieved", "updated_at", "version",
)  # fmt: skip


@dataclass(frozen=True)
class Entry:
    """One thing on the calendar: its days (``ends_on`` included), its times when it has them,
    its category (an activity's kind, which colours it), where, and the page that shows it."""

    source: str  # ACTIVITY; issue #16 adds announcements
    pk: int
    key: str
    title: str
    starts_on: dt.date
    ends_on: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    category: str
    category_label: str
    url: str  # the page's path, "" when there is none
    updated_at: dt.datetime
    sequence: int  # raised by each edit (Activity.version), for calendar clients
    area: tuple[str, str] = ("", "")  # province and district codes
    place: str = ""
    record: object | None = field(default=None, compare=False, repr=False)

    @property
    def all_day(self) -> bool:
        return self.start_time is None

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1

    @property
    def when(self) -> str:
        """09:00–12:00, 14:30, “All day”, or “3 days” for an all-day entry of several days."""
        if self.start_time is None:
            if self.days > 1:
                return ngettext("%(days)s day", "%(days)s days", self.days) % {"days": self.days}
            return _("All day")
        end = f"–{self.end_time:%H:%M}" if self.end_time else ""
        return f"{self.start_time:%H:%M}{end}"

    def day_number(self, day: dt.date) -> int:
        """Which of its days ``day`` is (1 for the first)."""
        return (day - self.starts_on).days + 1

    def sort_key(self) -> tuple[object, ...]:
        return (
            self.starts_on,
            self.start_time is not None,
            self.start_time or dt.time.min,
            self.title,
            self.pk,
        )


def day_sort_key(entry: Entry) -> tuple[object, ...]:
    """Within a day: all-day entries (multi-day ones first), then by time, then by title."""
    return (
        entry.start_time is not None,
        entry.start_time or dt.time.min,
        -entry.days,
        entry.title,
        entry.pk,
    )


# ---------------------------------------------------------------------------------------------
# Selectors


def in_range(start: dt.date, end: dt.date) -> Q:
    """Activities on at least one day from ``start`` to ``end`` (both included)."""
    return Q(starts_on__lte=end) & (
        Q(ends_on__gte=start) | Q(ends_on__isnull=True, starts_on__gte=start)
    )


def activities_between(
    workspace: Workspace,
    start: dt.date | None,
    end: dt.date | None,
    *,
    networks: Sequence[int] = (),
    project: int | None = None,
) -> QuerySet[Activity]:
    """The workspace's activities on any day from ``start`` to ``end`` (None: open), of any of
    ``networks`` (ids; empty: all) and of ``project`` (id), in date and time order."""
    found = Activity.objects.filter(workspace=workspace)
    if start is not None and end is not None:
        found = found.filter(in_range(start, end))
    elif end is not None:
        found = found.filter(starts_on__lte=end)
    elif start is not None:
        found = found.filter(Q(ends_on__gte=start) | Q(starts_on__gte=start))
    if networks:
        through = Activity.networks.through.objects.filter(
            activity_id=OuterRef("pk"), network_id__in=list(networks)
        )
        found = found.filter(Exists(through))
    if project is not None:
        found = found.filter(project_id=project)
    return found.order_by("starts_on", F("start_time").asc(nulls_first=True), "title", "pk")


_MARK = 987654321  # an id no activity has, replaced in the reversed path


def activity_path(workspace_slug: str, activity_id: int) -> str:
    """The activity's page (route ``web:activity``), or "" while there is none."""
    return _activity_paths(workspace_slug)(activity_id)


def _activity_paths(workspace_slug: str) -> Callable[[int], str]:
    """The activity pages' paths by id, reversing the route once (a feed has thousands)."""
    try:
        path = reverse("web:activity", kwargs={"workspace": workspace_slug, "activity": _MARK})
    except NoReverseMatch:
        return lambda _id: ""
    before, after = path.split(str(_MARK), 1)
    return lambda activity_id: f"{before}{activity_id}{after}"


def activity_entries(workspace: Workspace, activities: Iterable[Activity]) -> list[Entry]:
    """Entries of activities, in their order; the Activity rides along as ``record`` (the feed
    reads its IAP2 levels and organisers from it)."""
    labels = dict(Kind.choices)
    path = _activity_paths(workspace.slug)
    entries = []
    for activity in activities:
        entries.append(
            Entry(
                source=ACTIVITY,
                pk=activity.pk,
                key=activity.key,
                title=activity.title,
                starts_on=activity.starts_on,
                ends_on=max(activity.ends_on or activity.starts_on, activity.starts_on),
                start_time=activity.start_time,
                end_time=activity.end_time if activity.start_time else None,
                category=activity.kind,
                category_label=str(labels.get(activity.kind, activity.kind)),
                url=path(activity.pk),
                updated_at=activity.updated_at,
                sequence=activity.version,
                area=(activity.province_code, activity.district_code),
                place=activity.place,
                record=activity,
            )
        )
    return entries


def calendar_entries(
    workspace: Workspace,
    start: dt.date | None,
    end: dt.date | None,
    *,
    networks: Sequence[int] = (),
    project: int | None = None,
) -> list[Entry]:
    """Everything on the calendar from ``start`` to ``end``, in date and time order (the pages'
    and the feed's one entry point; announcements join here when they exist)."""
    found = activities_between(workspace, start, end, networks=networks, project=project)
    return activity_entries(workspace, found.only(*_ENTRY_FIELDS))


def feed_window(today: dt.date) -> tuple[dt.date, None]:
    """The subscribed feed's window: from twelve months ago, with no end."""
    return today - dt.timedelta(days=FEED_PAST_DAYS), None


# ---------------------------------------------------------------------------------------------
# The month grid


@dataclass
class Day:
    date: dt.date
    in_month: bool
    is_today: bool
    entries: list[Entry] = field(default_factory=list)
    link: str = ""  # the page of this day alone (a page sets it: "+N more" leads there)

    @property
    def shown(self) -> list[Entry]:
        return self.entries[:DAY_LIMIT]

    @property
    def more(self) -> int:
        return max(0, len(self.entries) - DAY_LIMIT)

    @property
    def label(self) -> str:
        """The whole date, as the agenda and screen readers say it (2 มี.ค. 2569)."""
        return format_date(self.date, current_language())

    @property
    def weekday(self) -> str:
        return str(WEEKDAYS_ABBR[self.date.weekday()])


@dataclass
class Month:
    year: int
    month: int
    weeks: list[list[Day]]

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last(self) -> dt.date:
        return dt.date(self.year, self.month, stdlib_calendar.monthrange(self.year, self.month)[1])

    @property
    def title(self) -> str:
        return month_title(self.year, self.month)

    @property
    def previous(self) -> dt.date:
        return (self.first - dt.timedelta(days=1)).replace(day=1)

    @property
    def next(self) -> dt.date:
        return self.last + dt.timedelta(days=1)

    @property
    def days(self) -> list[Day]:
        return [day for week in self.weeks for day in week]

    @property
    def count(self) -> int:
        """How many entries fall on at least one day of the month."""
        seen = {(e.source, e.pk) for day in self.days if day.in_month for e in day.entries}
        return len(seen)


def month_title(year: int, month: int, language: str | None = None) -> str:
    """มีนาคม 2569 in Thai (the Buddhist era), March 2026 in English."""
    language = language or current_language()
    with override(language):
        name = str(MONTHS[month])
    if language == "th":
        return f"{name} {year + BUDDHIST_ERA_OFFSET}"
    return f"{name} {year}"


def weekday_names() -> list[str]:
    """Monday first, abbreviated in the current language (จ. … อา.)."""
    return [str(WEEKDAYS_ABBR[index]) for index in range(7)]


def grid_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The Monday on or before the 1st and the Sunday on or after the month's last day."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, stdlib_calendar.monthrange(year, month)[1])
    return first - dt.timedelta(days=first.weekday()), last + dt.timedelta(days=6 - last.weekday())


def spread(entries: Iterable[Entry], start: dt.date, end: dt.date) -> dict[dt.date, list[Entry]]:
    """Each entry on each of its days from ``start`` to ``end``, each day's in order."""
    by_day: dict[dt.date, list[Entry]] = defaultdict(list)
    for entry in entries:
        day = max(entry.starts_on, start)
        last = min(entry.ends_on, end)
        while day <= last:
            by_day[day].append(entry)
            day += dt.timedelta(days=1)
    for listed in by_day.values():
        listed.sort(key=day_sort_key)
    return by_day


def month_grid(entries: Iterable[Entry], year: int, month: int, today: dt.date) -> Month:
    """The month as weeks of seven days, Monday first, with the days of the neighbouring months
    that complete its first and last weeks."""
    start, end = grid_range(year, month)
    by_day = spread(entries, start, end)
    weeks: list[list[Day]] = []
    day = start
    while day <= end:
        week = []
        for _index in range(7):
            week.append(Day(day, day.month == month, day == today, by_day.get(day, [])))
            day += dt.timedelta(days=1)
        weeks.append(week)
    return Month(year, month, weeks)


def agenda(entries: Iterable[Entry], start: dt.date, end: dt.date, today: dt.date) -> list[Day]:
    """The days from ``start`` to ``end`` that have entries, each with its entries in order."""
    by_day = spread(entries, start, end)
    return [
        Day(day, True, day == today, by_day[day]) for day in sorted(by_day) if start <= day <= end
    ]


def parse_month(text: str | None, today: dt.date) -> tuple[int, int]:
    """``2026-03`` (or a Buddhist-era ``2569-03``) as (year, month); this month otherwise."""
    try:
        year_text, month_text = (text or "").split("-")[:2]
        year, month = int(year_text), int(month_text)
        if year >= 2400:
            year -= BUDDHIST_ERA_OFFSET
        if 1 <= month <= 12 and 1900 <= year <= 9998:
            return year, month
    except ValueError:
        pass
    return today.year, today.month


def range_title(start: dt.date, end: dt.date) -> str:
    language = current_language()
    if start == end:
        return format_date(start, language)
    return _("%(start)s to %(end)s") % {
        "start": format_date(start, language),
        "end": format_date(end, language),
    }
