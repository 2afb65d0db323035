"""The calendar as iCalendar (RFC 5545): the private feed that Google Calendar and Outlook
subscribe to, the pages' download and ``phakhi export --format ics`` all write it here — the
calendar's properties and VTIMEZONE with the ``icalendar`` library, the events line by line in
the same form (``icalendar`` reads them back in the tests).

One VEVENT per entry, with a UID that stays the same as long as the workspace's slug and the
activity's key do (``<slug>/<key>@<host>``, the key percent-encoded), so a calendar that reads
the feed again updates its events instead of doubling them; SEQUENCE is the activity's version.
An entry without a time is an all-day event (DTSTART and DTEND as DATE, DTEND the day after the
last); one with times is in Asia/Bangkok (TZID with its VTIMEZONE, and X-WR-TIMEZONE for Google).
No phone number or e-mail address goes into the calendar: organisers are named, nothing more.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from urllib.parse import quote
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import override
from icalendar import Calendar, Timezone

from phakhi.core.areas import district_name, province_name
from phakhi.participation.calendar import ACTIVITY, Entry
from phakhi.participation.models import Activity, Attendance, Kind, Role
from phakhi.participation.vocabulary import LEVELS
from phakhi.projects.models import Project

PRODID = "-//Phakhi//Activity calendar//TH"
# The VTIMEZONE's rules cover these years (Thailand has kept +07:00 without summer time).
TZ_FROM, TZ_TO = dt.date(1970, 1, 1), dt.date(2100, 1, 1)
REFRESH = dt.timedelta(hours=1)  # how often a subscribed calendar should read the feed again
_CHUNK = 900  # ids in one IN (…): under SQLite's old limit of 999 variables


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _organisers(activity_ids: Sequence[int]) -> dict[int, list[str]]:
    """The organisers' names of each activity, by name (names only: no contact details)."""
    names: dict[int, list[str]] = defaultdict(list)
    for ids in _chunks(activity_ids):
        rows = (
            Attendance.objects.filter(activity_id__in=ids, role=Role.ORGANIZER)
            .order_by("actor__name")
            .values_list("activity_id", "actor__name")
        )
        for activity_id, name in rows:
            names[activity_id].append(name)
    return names


def _networks(activity_ids: Sequence[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = defaultdict(list)
    through = Activity.networks.through.objects
    for ids in _chunks(activity_ids):
        rows = (
            through.filter(activity_id__in=ids)
            .order_by("network__name")
            .values_list("activity_id", "network__name")
        )
        for activity_id, name in rows:
            names[activity_id].append(name)
    return names


def _projects(activities: Iterable[Activity]) -> dict[int, str]:
    ids = {a.project_id for a in activities if a.project_id is not None}
    return dict(Project.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}


@lru_cache(maxsize=4096)
def _area_name(code: str, language: str) -> str:
    return (district_name if len(code) == 4 else province_name)(code, language)


def location_text(entry: Entry, language: str) -> str:
    """Place, district, province: as much as the entry knows."""
    province, district = entry.area
    parts = [
        entry.place.strip(),
        _area_name(district, language) if district else "",
        _area_name(province, language) if province else "",
    ]
    return ", ".join(part for part in parts if part)


class _Words:
    """The calendar's words in its language, translated once for all its events (a feed has
    thousands)."""

    def __init__(self) -> None:
        self.kinds = {code: str(label) for code, label in Kind.choices}
        self.levels = {info.number: info.numbered for info in LEVELS}
        self.kind = _("Kind: %(kind)s")
        self.planned = _("IAP2 level planned: %(level)s")
        self.achieved = _("IAP2 level achieved: %(level)s")
        self.organisers = _("Organisers: %(names)s")
        self.networks = _("Networks: %(names)s")
        self.project = _("Project: %(name)s")

    def level(self, value: int | None) -> str:
        return self.levels.get(value or 0, "–")

    def activity_lines(
        self, activity: Activity, organisers: list[str], networks: list[str], project: str
    ) -> list[str]:
        lines = [
            self.kind % {"kind": self.kinds.get(activity.kind, activity.kind)},
            self.planned % {"level": self.level(activity.iap2_planned)},
            self.achieved % {"level": self.level(activity.iap2_achieved)},
        ]
        if organisers:
            lines.append(self.organisers % {"names": ", ".join(organisers)})
        if networks:
            lines.append(self.networks % {"names": ", ".join(networks)})
        if project:
            lines.append(self.project % {"name": project})
        return lines


def entry_uid(workspace_slug: str, entry: Entry, host: str) -> str:
    """``<workspace slug>/<activity key>@<host>``: the same on every read while neither the
    slug nor the key changes."""
    kind = "" if entry.source == ACTIVITY else f"{entry.source}:"
    return f"{workspace_slug}/{kind}{quote(entry.key, safe='')}@{host}"


def _times(entry: Entry, zone: ZoneInfo) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    if entry.start_time is None:
        return entry.starts_on, entry.ends_on + dt.timedelta(days=1)
    start = dt.datetime.combine(entry.starts_on, entry.start_time, zone)
    if entry.end_time is not None:
        end = dt.datetime.combine(entry.ends_on, entry.end_time, zone)
        if end > start:
            return start, end
    if entry.ends_on > entry.starts_on:  # several days, no end time: to the end of the last
        return start, dt.datetime.combine(entry.ends_on + dt.timedelta(days=1), dt.time(), zone)
    return start, start  # one day with a start time only: RFC 5545 has it end as it starts


_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})


def _text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 § 3.3.11 says (backslash, semicolon, comma, newline)."""
    return value.replace("\r\n", "\n").replace("\r", "\n").translate(_ESCAPES)


def _fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545 § 3.1), never inside a UTF-8 character."""
    if len(line) <= 25 or len(line.encode()) <= 75:
        return line
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        code = ord(char)
        octets = 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
        if size + octets > 75:
            parts.append("".join(current))
            current, size = [], 1  # a continuation line starts with one space
        current.append(char)
        size += octets
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _moment(value: dt.date | dt.datetime, tzid: str) -> str:
    if isinstance(value, dt.datetime):
        return f";TZID={tzid}:{value:%Y%m%dT%H%M%S}"
    return f";VALUE=DATE:{value:%Y%m%d}"


def _header(name: str, timed: bool) -> str:
    """The calendar's own properties, and the VTIMEZONE its times refer to, written by
    ``icalendar`` (without the closing line)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("x-published-ttl", REFRESH)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    if timed:
        calendar.add_component(
            Timezone.from_tzid(settings.TIME_ZONE, first_date=TZ_FROM, last_date=TZ_TO)
        )
    text = calendar.to_ical().decode()
    return text.removesuffix("END:VCALENDAR\r\n")


def ics_calendar(
    entries: Sequence[Entry],
    *,
    workspace_slug: str,
    name: str,
    base_url: str,
    language: str = "th",
) -> bytes:
    """The entries as one VCALENDAR; ``base_url`` (``https://phakhi.example.go.th``) makes the
    links to each activity's page and gives the UIDs their host.

    The calendar's properties and its VTIMEZONE are written by ``icalendar``; the events, which
    a feed has by the thousand, by ``_event`` line by line in the same form (escaped and folded
    as RFC 5545 says) — ``icalendar``'s own writer takes some milliseconds an event. The tests
    read every event back with ``icalendar``."""
    zone = ZoneInfo(settings.TIME_ZONE)
    host = base_url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "phakhi"
    records = [e.record for e in entries if e.source == ACTIVITY and e.record is not None]
    ids = [record.pk for record in records]  # type: ignore[attr-defined]
    organisers, networks = _organisers(ids), _networks(ids)
    projects = _projects(records)  # type: ignore[arg-type]
    chunks: list[str] = []
    with override(language):
        words = _Words()
        chunks.append(_header(name, any(not entry.all_day for entry in entries)))
        for entry in entries:
            record = entry.record
            label, lines = entry.category_label, []
            if isinstance(record, Activity):
                label = words.kinds.get(record.kind, label)  # in the calendar's language
                lines = words.activity_lines(
                    record,
                    organisers.get(record.pk, []),
                    networks.get(record.pk, []),
                    projects.get(record.project_id or 0, ""),
                )
            url = base_url.rstrip("/") + entry.url if entry.url else ""
            if url:
                lines.append(url)
            chunks.append(
                _event(entry, workspace_slug, host, zone, label, location_text(entry, language),
                       lines, url)
            )  # fmt: skip
    chunks.append("END:VCALENDAR\r\n")
    return "".join(chunks).encode()


def _event(
    entry: Entry,
    workspace_slug: str,
    host: str,
    zone: ZoneInfo,
    category: str,
    location: str,
    lines: list[str],
    url: str,
) -> str:
    start, end = _times(entry, zone)
    stamp = f"{entry.updated_at.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"
    content = [
        "BEGIN:VEVENT",
        f"UID:{_text(entry_uid(workspace_slug, entry, host))}",
        f"DTSTART{_moment(start, zone.key)}",
    ]
    if end != start:
        content.append(f"DTEND{_moment(end, zone.key)}")
    content += [
        f"SUMMARY:{_text(entry.title)}",
        f"DTSTAMP:{stamp}",
        f"LAST-MODIFIED:{stamp}",
        f"SEQUENCE:{max(0, entry.sequence - 1)}",
        f"CATEGORIES:{_text(category)}",
    ]
    if location:
        content.append(f"LOCATION:{_text(location)}")
    if url:
        content.append(f"URL;VALUE=URI:{url}")
    if lines:
        content.append(f"DESCRIPTION:{_text(chr(10).join(lines))}")
    content.append("END:VEVENT")
    return "".join(_fold(line) + "\r\n" for line in content)
