"""The activity calendar × every role: the marked actor organises an activity, and
no output of the calendar — the month and list pages, the download, the private feed, the
command's ``ics`` export — shows its phone, e-mail, LINE ID, address, personal columns or old
values, to anyone. Organisers are named, nothing more."""

import datetime as dt
from pathlib import Path
from typing import Any

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from phakhi import cli
from phakhi.participation.calendar_feeds import calendar_feed_get_or_create
from phakhi.participation.services import activity_create
from tests.accounts_support import client_for, user_with_role
from tests.participation.calendar_support import AUTHOR
from tests.personal.test_outputs_matrix import ROLES, _assert_shown_as_the_role_may

NOTHING: frozenset[str] = frozenset()


def _ics_text(body: bytes) -> str:
    """The raw text unfolded, and every value ``icalendar`` reads back."""
    calendar = icalendar.Calendar.from_ical(body)
    values = [str(value) for event in calendar.walk("VEVENT") for value in event.values()]
    return body.decode().replace("\r\n ", "") + "\n" + "\n".join(values)


@pytest.fixture
def held(marked: dict[str, Any], author: Any) -> dict[str, Any]:
    day = timezone.localdate() + dt.timedelta(days=3)
    activity_create(
        author, marked["workspace"], key="forum", title="เวทีประชาคม", starts_on=day,
        organizers=[marked["person"]],
    )  # fmt: skip
    return {**marked, "day": day}


@pytest.mark.parametrize("role", ROLES)
def test_calendar_outputs_by_role(held: dict[str, Any], role: str) -> None:
    workspace, day = held["workspace"], held["day"]
    user = user_with_role(workspace, role)
    client = client_for(user)
    base = reverse("web:calendar", kwargs={"workspace": workspace.slug})
    month = f"month={day:%Y-%m}"
    pages = [f"{base}?{month}", f"{base}?view=list&{month}"]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200
        assert "เวทีประชาคม" in response.content.decode()
        _assert_shown_as_the_role_may(response.content.decode(), role, NOTHING)
    download = client.get(reverse("web:calendar-ics", kwargs={"workspace": workspace.slug}))
    text = _ics_text(download.content)
    assert "นางสาวลับ เฉพาะ" in text  # the organiser's name…
    _assert_shown_as_the_role_may(text, role, NOTHING)  # …and nothing personal
    feed = calendar_feed_get_or_create(AUTHOR, user, workspace)
    response = Client().get(reverse("web:calendar-feed", kwargs={"token": feed.token}))
    text = _ics_text(response.content)
    assert "นางสาวลับ เฉพาะ" in text
    _assert_shown_as_the_role_may(text, role, NOTHING)


def test_command_line_ics_export(held: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "calendar.ics"
    try:
        code = cli.main(["export", "--workspace", "khon-kaen", "--format", "ics", "-o", str(out)])
    finally:
        translation.activate("en")
    assert code == cli.EXIT_OK
    text = _ics_text(out.read_bytes())
    assert "นางสาวลับ เฉพาะ" in text
    _assert_shown_as_the_role_may(text, "operator", NOTHING)
