"""`phakhi import attendance`: who took part in which activity, by keys, with Thai or English
roles; every refusal with its line and column; dry runs, all or nothing, idempotent
re-imports; and the co-participation ties the import makes."""

import datetime as dt
import json

import pytest

from phakhi.cli import main
from phakhi.core.models import AuditEvent
from phakhi.imports.services import actors_import
from phakhi.participation.imports import activities_import, attendance_import
from phakhi.participation.models import Attendance
from phakhi.ties.models import Tie
from tests.conftest import AUTHOR
from tests.helpers import write_csv, write_xlsx

ACTORS = [
    ["key", "name", "sector"],
    ["P1", "นายสมชาย ใจดี", "ประชาชน"],
    ["P2", "นางสาวมาลี ศรีสุข", "ภาครัฐ"],
    ["P3", "ผศ.ดร.วิภาวดี แสงทอง", "วิชาการ"],
    ["P4", "นายประเสริฐ มั่นคง", "ประชาชน"],
]
ACTIVITIES = [
    ["key", "title", "start"],
    ["M1", "ประชุมคณะทำงาน", "15/03/2567"],
    ["M2", "เวทีประชาคม", "2024-04-20"],
]
GOOD = [
    ["กิจกรรม", "ภาคี", "บทบาท"],
    ["M1", "P1", "ผู้จัด"],
    ["M1", "P2", "วิทยากร"],
    ["M1", "P3", "ผู้เข้าร่วม"],
    ["M2", "P1", "organizer"],
    ["M2", "P2", ""],
]


@pytest.fixture
def world(workspace, tmp_path):
    actors_import(workspace, write_csv(tmp_path / "actors.csv", ACTORS), author=AUTHOR)
    activities_import(workspace, write_csv(tmp_path / "acts.csv", ACTIVITIES), author=AUTHOR)
    return workspace


def run(workspace, path, **options):
    return attendance_import(workspace, path, author=AUTHOR, **options)


def attendance(workspace) -> set[tuple[str, str, str]]:
    rows = Attendance.objects.filter(workspace=workspace)
    return set(rows.values_list("activity__key", "actor__key", "role"))


EXPECTED = {
    ("M1", "P1", "organizer"),
    ("M1", "P2", "speaker"),
    ("M1", "P3", "participant"),
    ("M2", "P1", "organizer"),
    ("M2", "P2", "participant"),
}


def test_thai_headers_and_roles(world, tmp_path):
    report = run(world, write_csv(tmp_path / "a.csv", GOOD))
    assert (report.rows, report.created, report.rejected, report.applied) == (5, 5, 0, True)
    assert attendance(world) == EXPECTED
    assert set(Attendance.objects.values_list("source", flat=True)) == {"import"}
    assert report.what == "attendance"


def test_windows_874_csv_and_xlsx(world, tmp_path):
    report = run(world, write_csv(tmp_path / "a.csv", GOOD, encoding="cp874"))
    assert report.created == 5 and report.description.startswith("CSV, Windows-874")
    Attendance.objects.all().delete()
    rows = [["activity", "actor", "role"], *([*r[:2], r[2] or None] for r in GOOD[1:])]
    report = run(world, write_xlsx(tmp_path / "a.xlsx", {"การเข้าร่วม": rows}))
    assert report.created == 5 and attendance(world) == EXPECTED


def test_without_a_role_column_everyone_is_a_participant(world, tmp_path):
    report = run(world, write_csv(tmp_path / "a.csv", [["activity", "actor"], ["M1", "P4"]]))
    assert report.created == 1 and attendance(world) == {("M1", "P4", "participant")}


def test_every_refusal_names_its_line_and_column(world, tmp_path):
    rows = [
        ["activity", "actor", "role"],
        ["M1", "P1", "organizer"],
        ["M9", "P2", ""],
        ["M1", "P9", ""],
        ["", "P2", ""],
        ["M1", "", ""],
        ["M1", "P3", "chair"],
        ["M1", "P1", "participant"],
        ["M9", "P9", "chair"],
    ]
    report = run(world, write_csv(tmp_path / "bad.csv", rows))
    errors = [(e.line, e.column, e.reason) for e in report.errors]
    assert (report.rows, report.created, report.rejected) == (8, 1, 7)
    assert errors[:6] == [
        (3, "activity", "“M9” is not the key of an activity in this workspace."),
        (4, "actor", "“P9” is not the key of an actor in this workspace."),
        (5, "activity", "The activity key is missing."),
        (6, "actor", "The actor key is missing."),
        (7, "role", errors[4][2]),
        (8, "actor", "“P1” is already on line 2 for the activity “M1”."),
    ]
    assert "chair" in errors[4][2] and "organizer" in errors[4][2]
    assert [(line, column) for line, column, _r in errors[6:]] == [
        (9, "activity"),
        (9, "actor"),
        (9, "role"),
    ]
    assert attendance(world) == {("M1", "P1", "organizer")}


def test_rows_of_an_activity_rejected_in_its_own_import_are_refused(world, tmp_path):
    bad = [["key", "title", "start"], ["M3", "ลงพื้นที่", "31/02/2567"]]
    activities_import(world, write_csv(tmp_path / "acts.csv", bad), author=AUTHOR)
    report = run(world, write_csv(tmp_path / "a.csv", [["activity", "actor"], ["M3", "P1"]]))
    assert [(e.line, e.column) for e in report.errors] == [(2, "activity")]


def test_dry_run_and_all_or_nothing_change_nothing(world, tmp_path):
    report = run(world, write_csv(tmp_path / "a.csv", GOOD), dry_run=True)
    assert (report.created, report.applied) == (5, False) and not attendance(world)
    rows = [*GOOD, ["M1", "P9", ""]]
    report = run(world, write_csv(tmp_path / "b.csv", rows), all_or_nothing=True)
    assert (report.rejected, report.applied) == (1, False) and not attendance(world)
    assert not Tie.objects.filter(workspace=world).exists()


def test_reimport_is_idempotent_and_changes_roles_in_place(world, tmp_path):
    path = write_csv(tmp_path / "a.csv", GOOD)
    run(world, path)
    ids = set(Attendance.objects.values_list("id", flat=True))
    again = run(world, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)
    changed = [row[:] for row in GOOD]
    changed[3][2] = "วิทยากร"
    report = run(world, write_csv(tmp_path / "b.csv", changed))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 4)
    assert set(Attendance.objects.values_list("id", flat=True)) == ids
    assert ("M1", "P3", "speaker") in attendance(world)
    events = AuditEvent.objects.filter(batch=report.batch)
    assert events.filter(action=AuditEvent.Action.IMPORT).count() == 1
    update = events.get(action=AuditEvent.Action.UPDATE)
    assert update.changes == {"role": ["participant", "speaker"]}
    assert update.object_repr == "M1 · P3"
    # Without a role column the roles stay as they are.
    keys = [["activity", "actor"], ["M1", "P2"]]
    assert run(world, write_csv(tmp_path / "c.csv", keys)).unchanged == 1
    assert ("M1", "P2", "speaker") in attendance(world)


def pairs(workspace) -> dict[tuple[str, str], dict]:
    ties = Tie.objects.filter(workspace=workspace, kind="co-participation")
    found = {}
    for source, target, attributes in ties.values_list("source__key", "target__key", "attributes"):
        found[tuple(sorted((source, target)))] = attributes
    return found


def test_coparticipation_ties_follow_the_import(world, tmp_path):
    report = run(world, write_csv(tmp_path / "a.csv", GOOD))
    ties = pairs(world)
    assert set(ties) == {("P1", "P2"), ("P1", "P3"), ("P2", "P3")}
    assert ties[("P1", "P2")]["shared_activities"] == 2
    assert ties[("P1", "P2")]["last_activity"] == dt.date(2024, 4, 20).isoformat()
    assert ties[("P1", "P3")]["shared_activities"] == 1
    assert "coparticipation" in report.timings
    more = [["activity", "actor"], ["M2", "P4"]]
    run(world, write_csv(tmp_path / "b.csv", more))
    assert set(pairs(world)) == {
        ("P1", "P2"), ("P1", "P3"), ("P2", "P3"), ("P1", "P4"), ("P2", "P4"),
    }  # fmt: skip


def test_moving_an_activity_moves_the_ties_last_date(world, tmp_path):
    run(world, write_csv(tmp_path / "a.csv", GOOD))
    moved = [["key", "start"], ["M2", "01/06/2567"]]
    report = activities_import(world, write_csv(tmp_path / "m.csv", moved), author=AUTHOR)
    assert report.updated == 1
    assert pairs(world)[("P1", "P2")]["last_activity"] == "2024-06-01"


def test_cli_end_to_end_with_json(world, tmp_path, capsys):
    path = write_csv(tmp_path / "a.csv", [*GOOD, ["M1", "P9", ""]])
    args = ["--lang", "en", "import", "attendance", str(path), "--workspace", world.slug]
    assert main([*args, "--json"]) == 3
    printed = json.loads(capsys.readouterr().out)
    assert (printed["what"], printed["created"], printed["rejected"]) == ("attendance", 5, 1)
    assert printed["errors"][0] == {
        "line": 7,
        "column": "actor",
        "header": "ภาคี",
        "reason": "“P9” is not the key of an actor in this workspace.",
    }
    assert printed["errors_file"] == str(tmp_path / "a.errors.csv")
    assert "coparticipation" in printed["timings"]
    assert main(args) == 3
    out = capsys.readouterr().out
    assert "unchanged 5" in out and "line 7, ภาคี:" in out
