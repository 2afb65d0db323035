"""The calendar as iCalendar, read back with the ``icalendar`` library: one event per activity,
all-day events as dates with the day after as their end, timed ones in Asia/Bangkok with its
VTIMEZONE, stable UIDs, SEQUENCE raised by an edit, and no contact details."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

from phakhi.participation.calendar import calendar_entries
from phakhi.participation.calendar_ics import ics_calendar
from phakhi.participation.services import activity_update
from tests.participation.calendar_support import AUTHOR, activity

pytestmark = pytest.mark.django_db
D = dt.date
BANGKOK = ZoneInfo("Asia/Bangkok")
BASE = "https://phakhi.example.go.th"


def _ics(workspace, language="en"):
    entries = calendar_entries(workspace, None, None)
    body = ics_calendar(
        entries, workspace_slug=workspace.slug, name="Khon Kaen", base_url=BASE, language=language
    )
    return icalendar.Calendar.from_ical(body), body


def _events(calendar):
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_events_dates_times_and_timezone(data) -> None:
    workspace = data["workspace"]
    activity(workspace, "allday", D(2026, 3, 10), title="เวทีประชาคม", kind="forum")
    activity(workspace, "camp", D(2026, 3, 27), ends_on=D(2026, 4, 2), kind="training")
    activity(
        workspace, "timed", D(2026, 3, 11), start_time=dt.time(9, 0), end_time=dt.time(12, 30),
        province_code="40", district_code="4001", place="ศาลากลางจังหวัด",
    )  # fmt: skip
    activity(
        workspace, "days", D(2026, 3, 12), ends_on=D(2026, 3, 13),
        start_time=dt.time(13, 0), end_time=dt.time(16, 0),
    )  # fmt: skip
    calendar, body = _ics(workspace)
    assert calendar["X-WR-CALNAME"] == "Khon Kaen"
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    events = _events(calendar)
    assert set(events) == {
        f"khon-kaen/{key}@phakhi.example.go.th" for key in ("allday", "camp", "timed", "days")
    }
    allday = events["khon-kaen/allday@phakhi.example.go.th"]
    assert allday.decoded("DTSTART") == D(2026, 3, 10)
    assert allday.decoded("DTEND") == D(2026, 3, 11)  # exclusive end
    assert str(allday["SUMMARY"]) == "เวทีประชาคม"
    assert allday.categories == ["community forum"]
    camp = events["khon-kaen/camp@phakhi.example.go.th"]
    assert (camp.decoded("DTSTART"), camp.decoded("DTEND")) == (D(2026, 3, 27), D(2026, 4, 3))
    timed = events["khon-kaen/timed@phakhi.example.go.th"]
    assert timed.decoded("DTSTART") == dt.datetime(2026, 3, 11, 9, 0, tzinfo=BANGKOK)
    assert timed.decoded("DTEND") == dt.datetime(2026, 3, 11, 12, 30, tzinfo=BANGKOK)
    assert timed["DTSTART"].params["TZID"] == "Asia/Bangkok"
    assert str(timed["LOCATION"]) == "ศาลากลางจังหวัด, Mueang Khon Kaen, Khon Kaen"
    days = events["khon-kaen/days@phakhi.example.go.th"]
    assert days.decoded("DTEND") == dt.datetime(2026, 3, 13, 16, 0, tzinfo=BANGKOK)
    # The time zone the times refer to is in the file, as Outlook needs it.
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Asia/Bangkok"
    assert b"TZOFFSETTO:+0700" in body
    assert calendar["X-WR-TIMEZONE"] == "Asia/Bangkok"


def test_description_names_kind_levels_and_organisers_without_contacts(data) -> None:
    workspace, person = data["workspace"], data["person"]  # person's phone: 081-234-5678
    person.email = "somchai@example.org"
    person.save()
    activity(
        workspace, "hearing", D(2026, 5, 1), kind="hearing", iap2_planned=2, iap2_achieved=3,
        organizers=[person], networks=[data["network"]], project=data["project"],
    )  # fmt: skip
    calendar, body = _ics(workspace)
    (event,) = calendar.walk("VEVENT")
    description = str(event["DESCRIPTION"])
    assert "public hearing" in description
    assert "2 · consult" in description and "3 · involve" in description
    assert "นายสมชาย ใจดี" in description
    assert "เครือข่ายสุขภาพ" in description and "โครงการคลินิกชุมชน" in description
    for contact in (b"081-234-5678", b"0812345678", b"example.org"):
        assert contact not in body
    assert event.categories == ["public hearing"]


def test_thai_calendar_text(data) -> None:
    workspace = data["workspace"]
    activity(workspace, "m", D(2026, 5, 1), kind="meeting", province_code="40")
    calendar, _body = _ics(workspace, language="th")
    (event,) = calendar.walk("VEVENT")
    assert event.categories == ["ประชุม"]
    assert str(event["LOCATION"]) == "ขอนแก่น"


def test_uid_is_stable_and_sequence_follows_edits(data) -> None:
    workspace = data["workspace"]
    made = activity(workspace, "A-1/ทดลอง", D(2026, 6, 1))
    first = _events(_ics(workspace)[0])
    (uid,) = first
    assert (
        uid == "khon-kaen/A-1%2F%E0%B8%97%E0%B8%94%E0%B8%A5%E0%B8%AD%E0%B8%87@phakhi.example.go.th"
    )
    assert first[uid]["SEQUENCE"] == 0
    before = first[uid].decoded("LAST-MODIFIED")
    activity_update(AUTHOR, made, title="ประชุมใหม่", starts_on=D(2026, 6, 2))
    second = _events(_ics(workspace)[0])
    assert list(second) == [uid]  # the same event, moved
    event = second[uid]
    assert event["SEQUENCE"] == 1
    assert str(event["SUMMARY"]) == "ประชุมใหม่"
    assert event.decoded("DTSTART") == D(2026, 6, 2)
    assert event.decoded("LAST-MODIFIED") >= before
    assert event.decoded("DTSTAMP") == event.decoded("LAST-MODIFIED")


def test_an_empty_calendar_is_still_a_calendar(workspace) -> None:
    calendar, _body = _ics(workspace)
    assert calendar.name == "VCALENDAR" and calendar.walk("VEVENT") == []


def test_text_is_escaped_and_long_lines_folded_between_characters(data) -> None:
    workspace = data["workspace"]
    title = "ประชุม; วาระ 1, 2 \\ สรุป"
    place = "ศาลาประชาคม" * 12  # 132 Thai characters: 396 octets
    activity(workspace, "esc", D(2026, 7, 1), title=title, place=place)
    calendar, body = _ics(workspace)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == title
    assert str(event["LOCATION"]) == place
    assert "\n" in str(event["DESCRIPTION"])  # several lines, kept
    lines = body.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # no line ends inside a character
    assert body.endswith(b"END:VCALENDAR\r\n")
