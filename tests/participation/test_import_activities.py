"""`phakhi import activities`: Thai and English headers, Buddhist-era and Excel dates, IAP2
levels however a sheet writes them, every refusal with its line and column, dry runs, all or
nothing, re-imports that update instead of duplicating, the error file and the JSON report."""

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from phakhi.cli import main
from phakhi.core.models import AuditEvent
from phakhi.imports.services import actors_import
from phakhi.networks.services import network_create
from phakhi.participation.imports import activities_import
from phakhi.participation.models import Activity
from phakhi.projects.services import project_create
from tests.conftest import AUTHOR
from tests.helpers import write_csv, write_xlsx

HEADER_TH = [
    "รหัส",
    "ชื่อกิจกรรม",
    "ประเภท",
    "วันที่",
    "วันที่สิ้นสุด",
    "จังหวัด",
    "เครือข่าย",
    "โครงการ",
    "ระดับที่วางแผน",
    "ระดับที่เกิดขึ้นจริง",
]
GOOD = [
    HEADER_TH,
    ["A1", "ประชุมคณะทำงาน", "ประชุม", "15/03/2567", "", "ขอนแก่น", "health", "elderly", "๒",
     "ปรึกษาหารือ"],
    ["A2", "เวทีประชาคมตำบล", "community forum", "45366", "", "Khon Kaen", "เครือข่ายสุขภาพ",
     "โครงการ ผู้สูงอายุ", "consult", "3"],
    ["A3", "อบรมแกนนำ", "ฝึกอบรม", "2024-04-01", "02/04/2567", "", "health; youth", "",
     "ระดับที่ 4", "เสริมอำนาจประชาชน"],
]  # fmt: skip


@pytest.fixture
def world(workspace):
    health = network_create(AUTHOR, workspace, slug="health", name="เครือข่ายสุขภาพ")
    youth = network_create(AUTHOR, workspace, slug="youth", name="เครือข่ายเยาวชน")
    project = project_create(AUTHOR, workspace, slug="elderly", name="โครงการผู้สูงอายุ")
    return {"health": health, "youth": youth, "project": project}


def run(workspace, path: Path, **options):
    return activities_import(workspace, path, author=AUTHOR, **options)


def stored(workspace, key: str) -> Activity:
    return Activity.objects.get(workspace=workspace, key=key)


def networks_of(activity: Activity) -> list[str]:
    return sorted(activity.networks.values_list("slug", flat=True))


def check_good(workspace, world) -> None:
    first, second, third = (stored(workspace, k) for k in ("A1", "A2", "A3"))
    assert (first.title, first.kind, first.starts_on, first.ends_on) == (
        "ประชุมคณะทำงาน",
        "meeting",
        dt.date(2024, 3, 15),
        None,
    )
    assert first.province_code == "40"  # ขอนแก่น
    assert (first.iap2_planned, first.iap2_achieved) == (2, 2)
    assert first.project == world["project"]
    assert networks_of(first) == ["health"]
    assert second.kind == "forum" and second.starts_on == dt.date(2024, 3, 15)  # Excel serial
    assert (second.iap2_planned, second.iap2_achieved) == (2, 3)
    assert second.project == world["project"] and networks_of(second) == ["health"]
    assert (third.kind, third.starts_on, third.ends_on) == (
        "training",
        dt.date(2024, 4, 1),
        dt.date(2024, 4, 2),
    )
    assert (third.iap2_planned, third.iap2_achieved) == (4, 5)
    assert third.project is None and networks_of(third) == ["health", "youth"]


def test_thai_headers_buddhist_and_excel_dates_and_levels(workspace, world, tmp_path):
    report = run(workspace, write_csv(tmp_path / "a.csv", GOOD))
    assert (report.rows, report.created, report.rejected, report.applied) == (3, 3, 0, True)
    check_good(workspace, world)
    assert report.what == "activities" and report.description == "CSV, UTF-8, comma"


def test_english_headers_in_any_order(workspace, world, tmp_path):
    rows = [
        ["iap2_achieved", "title", "start", "key", "kind", "iap2_planned", "network", "place"],
        ["2", "Hearing on the dam", "2024-05-01", "E1", "public hearing", "inform", "youth", "วัด"],
    ]
    report = run(workspace, write_csv(tmp_path / "e.csv", rows))
    assert report.created == 1 and not report.errors
    activity = stored(workspace, "E1")
    assert (activity.kind, activity.iap2_planned, activity.iap2_achieved) == ("hearing", 1, 2)
    assert activity.place == "วัด" and networks_of(activity) == ["youth"]


def test_windows_874_csv(workspace, world, tmp_path):
    path = write_csv(tmp_path / "a.csv", GOOD, encoding="cp874")
    report = run(workspace, path)
    assert report.description.startswith("CSV, Windows-874") and report.created == 3
    check_good(workspace, world)


def test_xlsx_with_date_cells_and_numbers(workspace, world, tmp_path):
    rows = [
        HEADER_TH,
        ["A1", "ประชุมคณะทำงาน", "ประชุม", dt.datetime(2024, 3, 15), None, "ขอนแก่น", "health",
         "elderly", 2, "ปรึกษาหารือ"],
        ["A2", "เวทีประชาคมตำบล", "เวทีประชาคม", 45366, None, "Khon Kaen", "เครือข่ายสุขภาพ",
         "elderly", 2.0, 3],
        ["A3", "อบรมแกนนำ", "อบรม", dt.date(2024, 4, 1), "02/04/2567", None, "health;youth", None,
         "collaborate", 5],
    ]  # fmt: skip
    path = write_xlsx(tmp_path / "a.xlsx", {"กิจกรรม": rows})
    report = run(workspace, path)
    assert report.created == 3 and not report.errors, report.errors
    check_good(workspace, world)


def errors_by_line(report) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = {}
    for error in report.errors:
        found.setdefault(error.line, []).append((error.column, error.reason))
    return found


def test_every_refusal_names_its_line_and_column(workspace, world, tmp_path):
    network_create(AUTHOR, workspace, slug="health-2", name="เครือข่ายสุขภาพ")  # a shared name
    rows = [
        ["key", "title", "kind", "start", "end", "province", "network", "project",
         "iap2_planned", "iap2_achieved"],
        ["B1", "ok", "meeting", "2024-01-01", "", "", "", "", "", ""],
        ["B2", "kind", "party", "2024-01-01", "", "", "", "", "", ""],
        ["B3", "date", "", "31/02/2567", "", "", "", "", "", ""],
        ["B4", "order", "", "2024-02-01", "2024-01-01", "", "", "", "", ""],
        ["B5", "province", "", "2024-01-01", "", "ขอนแกน", "", "", "", ""],
        ["B6", "network", "", "2024-01-01", "", "", "nowhere", "", "", ""],
        ["B7", "shared", "", "2024-01-01", "", "", "เครือข่ายสุขภาพ", "", "", ""],
        ["B8", "project", "", "2024-01-01", "", "", "", "nothing", "", ""],
        ["B9", "level", "", "2024-01-01", "", "", "", "", "6", "มีส่วนร่วม"],
        ["B1", "again", "", "2024-01-01", "", "", "", "", "", ""],
        ["", "no key", "", "2024-01-01", "", "", "", "", "", ""],
        ["B10", "", "", "2024-01-01", "", "", "", "", "", ""],
        ["B11", "no start", "", "", "", "", "", "", "", ""],
        ["B12", "x" * 301, "", "2024-01-01", "", "", "", "", "", ""],
    ]  # fmt: skip
    report = run(workspace, write_csv(tmp_path / "bad.csv", rows))
    errors = errors_by_line(report)
    assert report.rows == 14 and report.created == 1 and report.rejected == 13
    assert report.created + report.updated + report.unchanged + report.rejected == report.rows
    assert [c for c, _r in errors[3]] == ["kind"] and "party" in errors[3][0][1]
    assert errors[4] == [("start", "“31/02/2567” is not a real date.")]
    assert errors[5][0][0] == "end" and "before it starts" in errors[5][0][1]
    assert errors[6][0][0] == "province" and "ขอนแก่น" in errors[6][0][1]  # the nearest name
    assert errors[7] == [("network", "There is no network “nowhere” in this workspace.")]
    assert errors[8][0][0] == "network" and "health, health-2" in errors[8][0][1]
    assert errors[9] == [("project", "There is no project “nothing” in this workspace.")]
    assert {c for c, _r in errors[10]} == {"iap2_planned", "iap2_achieved"}
    assert "not an IAP2 level" in errors[10][0][1]
    assert errors[11] == [("key", "The key “B1” is repeated; it is first on line 2.")]
    assert [c for c, _r in errors[12]] == ["key"]
    assert [c for c, _r in errors[13]] == ["title"]
    assert [c for c, _r in errors[14]] == ["start"]
    assert errors[15] == [("title", "Longer than 300 characters.")]
    assert list(Activity.objects.values_list("key", flat=True)) == ["B1"]


def test_a_new_activity_needs_the_title_and_start_columns(workspace, tmp_path):
    report = run(workspace, write_csv(tmp_path / "k.csv", [["key", "iap2_achieved"], ["N1", "2"]]))
    assert {e.column for e in report.errors} == {"title", "start"}
    assert report.rejected == 1 and not Activity.objects.exists()


def test_file_without_a_key_column_is_refused_whole(workspace, tmp_path):
    from phakhi.imports.readers import ImportFileError

    with pytest.raises(ImportFileError, match="key"):
        run(workspace, write_csv(tmp_path / "n.csv", [["title", "start"], ["x", "2024-01-01"]]))


def test_dry_run_changes_nothing(workspace, world, tmp_path):
    report = run(workspace, write_csv(tmp_path / "a.csv", GOOD), dry_run=True)
    assert (report.created, report.applied, report.dry_run) == (3, False, True)
    assert not Activity.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.IMPORT).exists()


def test_all_or_nothing_applies_nothing_on_one_bad_row(workspace, world, tmp_path):
    rows = [*GOOD, ["A4", "bad", "party", "2024-01-01", "", "", "", "", "", ""]]
    report = run(workspace, write_csv(tmp_path / "a.csv", rows), all_or_nothing=True)
    assert report.rejected == 1 and not report.applied
    assert not Activity.objects.exists()
    report = run(workspace, write_csv(tmp_path / "a.csv", rows))
    assert report.applied and Activity.objects.count() == 3


def test_reimport_is_idempotent_and_updates_in_place(workspace, world, tmp_path):
    path = write_csv(tmp_path / "a.csv", GOOD)
    run(workspace, path)
    ids = dict(Activity.objects.values_list("key", "id"))
    again = run(workspace, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert Activity.objects.count() == 3
    changed = [row[:] for row in GOOD]
    changed[1][9] = "4"  # A1 achieved: collaborate
    changed[3][6] = "youth"  # A3: one network fewer
    report = run(workspace, write_csv(tmp_path / "b.csv", changed))
    assert (report.created, report.updated, report.unchanged) == (0, 2, 1)
    assert dict(Activity.objects.values_list("key", "id")) == ids
    first, third = stored(workspace, "A1"), stored(workspace, "A3")
    assert (first.iap2_achieved, first.version) == (4, 2)
    assert networks_of(third) == ["youth"] and third.version == 2
    events = AuditEvent.objects.filter(batch=report.batch)
    assert events.filter(action=AuditEvent.Action.IMPORT).count() == 1
    updates = {e.object_id: e.changes for e in events.filter(action=AuditEvent.Action.UPDATE)}
    assert updates[str(first.pk)] == {"iap2_achieved": [2, 4]}
    assert updates[str(third.pk)] == {"networks": [["health", "youth"], ["youth"]]}


def test_a_file_of_keys_and_levels_updates_only_those(workspace, world, tmp_path):
    run(workspace, write_csv(tmp_path / "a.csv", GOOD))
    rows = [["รหัส", "ระดับที่เกิดขึ้นจริง"], ["A1", "5"], ["A2", ""]]
    report = run(workspace, write_csv(tmp_path / "levels.csv", rows))
    assert (report.updated, report.rejected) == (2, 0)
    first, second = stored(workspace, "A1"), stored(workspace, "A2")
    assert (first.iap2_achieved, first.iap2_planned, first.title) == (5, 2, "ประชุมคณะทำงาน")
    assert second.iap2_achieved is None and networks_of(first) == ["health"]


def test_unknown_columns_are_named_as_not_read(workspace, world, tmp_path):
    rows = [[*GOOD[0], "หมายเหตุ"], *([*r, "x"] for r in GOOD[1:])]
    report = run(workspace, write_csv(tmp_path / "a.csv", rows))
    assert report.ignored_columns == ["หมายเหตุ"] and report.created == 3


def test_error_file_beside_the_input_imports_once_fixed(workspace, world, tmp_path):
    rows = [*GOOD, ["A4", "เยี่ยมบ้าน", "เยี่ยม", "30/02/2567", "", "", "", "", "", ""]]
    path = write_csv(tmp_path / "sheet.csv", rows)
    report = run(workspace, path)
    errors = tmp_path / "sheet.errors.csv"
    assert report.errors_file == str(errors)
    with errors.open(encoding="utf-8-sig", newline="") as handle:
        written = list(csv.reader(handle))
    assert written[0] == [*HEADER_TH, "error_line", "error_reason"]
    assert written[1][:4] == ["A4", "เยี่ยมบ้าน", "เยี่ยม", "30/02/2567"]
    assert written[1][-2] == "5" and written[1][-1].startswith("วันที่: ")
    written[1][3] = "29/02/2567"
    write_csv(errors, written)
    fixed = run(workspace, errors)
    assert fixed.created == 1 and stored(workspace, "A4").starts_on == dt.date(2024, 2, 29)
    assert not (tmp_path / "sheet.errors.errors.csv").exists()
    again = run(workspace, write_csv(path, GOOD))
    assert again.errors_file is None and not errors.with_name("sheet.errors.csv").exists()


def test_cli_json_summary_has_the_actor_import_shape(workspace, world, tmp_path, capsys):
    actors = write_csv(tmp_path / "actors.csv", [["key", "name"], ["P1", "นายสมชาย ใจดี"]])
    actor_report = actors_import(workspace, actors, author=AUTHOR, dry_run=True)
    rows = [*GOOD, ["A4", "bad", "party", "2024-01-01", "", "", "", "", "", ""]]
    path = write_csv(tmp_path / "a.csv", rows)
    code = main(["import", "activities", str(path), "--workspace", workspace.slug, "--json"])
    printed = json.loads(capsys.readouterr().out)
    assert code == 3
    assert set(printed) == set(actor_report.as_json())
    assert (printed["what"], printed["created"], printed["rejected"]) == ("activities", 3, 1)
    assert printed["errors"] == [
        {"line": 5, "column": "kind", "header": "ประเภท", "reason": printed["errors"][0]["reason"]}
    ]
    assert printed["errors_file"] == str(tmp_path / "a.errors.csv")
    assert (
        main(["--lang", "en", "import", "activities", str(path), "--workspace", workspace.slug])
        == 3
    )
    text = capsys.readouterr().out
    assert "line 5, ประเภท:" in text and "unchanged 3" in text


def test_cli_exit_codes(workspace, world, tmp_path, capsys):
    path = write_csv(tmp_path / "a.csv", GOOD)
    args = ["--lang", "en", "import", "activities", str(path), "--workspace", workspace.slug]
    assert main([*args, "--dry-run"]) == 0
    assert "dry run" in capsys.readouterr().out and not Activity.objects.exists()
    assert main(args) == 0
    assert main([*args[:4], str(tmp_path / "none.csv"), *args[5:]]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_xlsx_error_file_for_a_workbook(workspace, world, tmp_path):
    rows = [HEADER_TH, ["A9", "x", "party", "2024-01-01", None, None, None, None, None, None]]
    path = write_xlsx(tmp_path / "a.xlsx", {"กิจกรรม": rows})
    report = run(workspace, path, errors_path=tmp_path / "a.errors.xlsx")
    sheet = load_workbook(report.errors_file).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[1][0] == "A9" and values[1][-2] == 2


def test_an_edit_made_while_the_import_runs_is_kept(workspace, world, tmp_path):
    from phakhi.participation.services import activity_update

    run(workspace, write_csv(tmp_path / "a.csv", GOOD))
    changed = [row[:] for row in GOOD]
    changed[1][9] = "5"  # A1 achieved, from the file
    changed[1][1] = "ประชุมคณะทำงาน (แก้)"  # A1's title, from the file

    def colleague(step: str, _rows: int) -> None:
        if step == "write":  # after the import read A1, before it writes
            activity = stored(workspace, "A1")
            activity_update(AUTHOR, activity, place="ห้องประชุม 2", iap2_planned=1)

    report = run(workspace, write_csv(tmp_path / "b.csv", changed), progress=colleague)
    assert (report.updated, report.unchanged) == (1, 2)
    first = stored(workspace, "A1")
    assert (first.title, first.iap2_achieved) == ("ประชุมคณะทำงาน (แก้)", 5)
    # The colleague's place stays; the file's planned level (2) is its own column, written last.
    assert (first.place, first.iap2_planned, first.version) == ("ห้องประชุม 2", 2, 3)
