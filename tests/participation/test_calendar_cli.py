"""``phakhi export --format ics``: the same calendar as the feed, written to a file and read
back with ``icalendar``; networks, project and dates narrow it; the actor scope's options are
refused; the other formats are as before."""

import datetime as dt

import icalendar
import pytest
from django.utils import translation

from phakhi import cli
from tests.participation.calendar_support import activity

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture(autouse=True)
def _language_restored():
    yield
    translation.activate("en")


def _summaries(path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT")), calendar


def test_export_ics_writes_a_calendar(data, tmp_path, capsys) -> None:
    workspace = data["workspace"]
    activity(workspace, "a", D(2025, 3, 10), title="ประชุม ก", networks=[data["network"]])
    activity(workspace, "b", D(2026, 3, 10), title="ประชุม ข", project=data["project"])
    activity(workspace, "c", D(2026, 5, 10), start_time=dt.time(9), title="ประชุม ค")
    out = tmp_path / "khon-kaen.ics"
    argv = ["export", "--workspace", "khon-kaen", "--format", "ics", "-o", str(out)]
    assert cli.main([*argv, "--lang", "en", "--base-url", "https://phakhi.example.go.th"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    summaries, calendar = _summaries(out)
    assert summaries == ["ประชุม ก", "ประชุม ข", "ประชุม ค"]
    assert str(calendar["X-WR-CALNAME"]) == "เครือข่ายสุขภาพขอนแก่น: activities"
    uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
    assert "khon-kaen/c@phakhi.example.go.th" in uids
    assert cli.main([*argv, "--network", "health"]) == 0
    assert _summaries(out)[0] == ["ประชุม ก"]
    assert cli.main([*argv, "--project", "clinic"]) == 0
    assert _summaries(out)[0] == ["ประชุม ข"]
    assert cli.main([*argv, "--from", "2026-01-01", "--to", "31/03/2569"]) == 0
    assert _summaries(out)[0] == ["ประชุม ข"]
    # A folder gets WORKSPACE-activities.ics.
    assert cli.main([*argv[:-1], str(tmp_path)]) == 0
    assert _summaries(tmp_path / "khon-kaen-activities.ics")[0] == summaries


def test_export_ics_refuses_what_makes_no_sense(data, tmp_path, capsys) -> None:
    out = str(tmp_path / "x.ics")
    argv = ["export", "--workspace", "khon-kaen", "--format", "ics", "-o", out, "--lang", "en"]
    assert cli.main([*argv, "--sector", "civil"]) == cli.EXIT_USAGE
    assert "--sector" in capsys.readouterr().err
    assert cli.main([*argv, "--from", "2026-05-01", "--to", "2026-04-01"]) == cli.EXIT_FAILED
    assert cli.main([*argv, "--project", "none"]) == cli.EXIT_FAILED
    assert "none" in capsys.readouterr().err
    assert cli.main([*argv, "--network", "none"]) == cli.EXIT_FAILED
