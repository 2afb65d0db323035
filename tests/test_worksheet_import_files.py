"""Which worksheet a file is, told from its headers, and the files the import refuses whole;
``phakhi worksheet import`` on the command line."""

import json

import pytest
from openpyxl import Workbook

from phakhi.cli import EXIT_FAILED, EXIT_OK, EXIT_ROWS_REJECTED, main
from phakhi.expansion.models import PlanRow
from phakhi.imports.readers import ImportFileError
from phakhi.stakeholders.models import Stakeholder
from phakhi.worksheets.imports import worksheet_import
from tests.worksheet_import_support import (
    CARD_HEADERS,
    MAYOR_ROW,
    PLAN_HEADERS,
    plan_rows,
    write_csv,
    write_xlsx,
)

pytestmark = pytest.mark.django_db


def test_a_file_of_neither_worksheet_is_refused_whole_saying_what_each_needs(
    data, author, tmp_path
):
    path = write_csv(tmp_path / "actors.csv", ["key", "name", "phone"], [["p-9", "สมหญิง", ""]])
    with pytest.raises(ImportFileError) as refused:
        worksheet_import(author, data["project"], path)
    message = str(refused.value)
    assert "neither a worksheet 1 card table nor a worksheet 4 plan" in message
    assert "“ชื่อผู้มีส่วนได้เสีย/ภาคี” / “Stakeholder”" in message
    assert "“ความสัมพันธ์ใหม่” / “New relationship”" in message
    assert "“key”, “name”, “phone”" in message
    assert not Stakeholder.objects.exists() and not (tmp_path / "actors.errors.csv").exists()


def test_a_header_without_rows_is_refused_and_creates_nothing(data, author, tmp_path):
    path = write_csv(tmp_path / "cards.csv", CARD_HEADERS, [])
    with pytest.raises(ImportFileError, match="no rows of data"):
        worksheet_import(author, data["project"], path)
    assert not data["project"].assessments.exists()


def test_a_title_above_the_table_and_another_sheet_before_it(data, author, tmp_path):
    """As a printed-and-filled export: the workbook's first sheet is step 1's names by sector,
    the card table's sheet has the worksheet's title and the project above its headers."""
    workbook = Workbook()
    names = workbook.active
    assert names is not None
    names.title = "1 รายชื่อ"
    names.append(["ภาครัฐ", "วิชาการ", "ประชาชน"])
    names.append(["นายก ทม.", "ม.ขอนแก่น", "ผู้บริโภค"])
    cards = workbook.create_sheet("3 บัตรวิเคราะห์")
    cards.append(["ใบงาน 1: การวิเคราะห์ภาคี ผู้มีส่วนได้ส่วนเสีย"])
    cards.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(CARD_HEADERS))
    cards.append(["โครงการคลินิกชุมชน", None, "20 พ.ย. 2569"])
    cards.append([])
    cards.append(CARD_HEADERS)
    cards.append(MAYOR_ROW)
    path = tmp_path / "worksheet-1.xlsx"
    workbook.save(path)
    report = worksheet_import(author, data["project"], path)
    assert (report.rows, report.created, report.header_line) == (1, 1, 4)
    assert report.description == "XLSX, 3 บัตรวิเคราะห์"
    assert Stakeholder.objects.get().how_to_reach == MAYOR_ROW[-1]


def test_columns_the_import_does_not_read_are_named_in_the_report(data, author, tmp_path):
    headers = [*PLAN_HEADERS[:3], "จากผังเครือข่าย", "หมายเหตุ"]
    rows = [[*row[:3], "รู้จัก", "โทรหาก่อนวันจันทร์"] for row in plan_rows()]
    report = worksheet_import(author, data["project"], write_csv(tmp_path / "p.csv", headers, rows))
    assert report.ignored_columns == ["หมายเหตุ"] and report.skipped_columns == ["จากผังเครือข่าย"]
    assert report.as_json()["ignored_columns"] == ["หมายเหตุ"]


def test_two_columns_of_the_same_meaning_are_refused(data, author, tmp_path):
    headers = ["กลุ่ม", "Group", "ความสัมพันธ์ใหม่"]
    path = write_csv(tmp_path / "p.csv", headers, [["ก", "ข", "หลวม"]])
    with pytest.raises(ImportFileError, match="both mean"):
        worksheet_import(author, data["project"], path)


def test_cli_json_summary_counts_and_exit_codes(data, tmp_path, capsys):
    path = write_xlsx(tmp_path / "plan.xlsx", PLAN_HEADERS, [*plan_rows(), ["", "หลวม", "ไม่มี"]])
    arguments = [
        "worksheet",
        "import",
        str(path),
        "--workspace",
        "khon-kaen",
        "--project",
        "clinic",
    ]
    code = main([*arguments, "--json", "--dry-run"])
    report = json.loads(capsys.readouterr().out)
    assert code == EXIT_ROWS_REJECTED
    assert {k: report[k] for k in ("rows", "created", "updated", "unchanged", "rejected")} == {
        "rows": 7, "created": 6, "updated": 0, "unchanged": 0, "rejected": 1,
    }  # fmt: skip
    assert report["dry_run"] and not report["applied"] and report["worksheet"] == 4
    assert {(e["line"], e["column"]) for e in report["errors"]} == {(8, "target"), (8, "new")}
    assert report["errors_file"] == str(tmp_path / "plan.errors.csv")
    assert not PlanRow.objects.exists()
    fixed = write_xlsx(tmp_path / "plan.xlsx", PLAN_HEADERS, plan_rows())
    assert main([*arguments[:2], str(fixed), *arguments[3:], "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["created"] == 6
    assert not (tmp_path / "plan.errors.csv").exists()  # the stale list of the dry run goes
    assert main([*arguments, "--lang", "en"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "created 0, updated 0, unchanged 6, rejected 0" in out
    assert "worksheet 4 (cross-issue expansion plan)" in out


def test_cli_messages_in_thai_and_a_missing_project(data, tmp_path, capsys):
    path = write_csv(tmp_path / "cards.csv", CARD_HEADERS[:6], [MAYOR_ROW[:6]])
    base = ["worksheet", "import", str(path), "--workspace", "khon-kaen"]
    assert main([*base, "--project", "clinic"]) == EXIT_OK
    assert "ใบงาน 1" in capsys.readouterr().out
    assert main([*base, "--project", "nowhere", "--lang", "en"]) == EXIT_FAILED
    assert "There is no project “nowhere”" in capsys.readouterr().err


def test_a_utf8_csv_without_bom_with_a_title_line_above_the_table(data, author, tmp_path):
    path = tmp_path / "plan.csv"
    lines = ["แผนการขยายเครือข่ายข้ามประเด็น จังหวัดเดียวกัน", ",".join(PLAN_HEADERS)]
    lines += [",".join(f'"{cell}"' for cell in row) for row in plan_rows()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = worksheet_import(author, data["project"], path)
    assert (report.description, report.header_line) == ("CSV, UTF-8, comma", 2)
    assert (report.created, report.rejected) == (6, 0)
    assert PlanRow.objects.get(target_name="สวนผักคนเมือง").methods == [
        "พบปะแลกเปลี่ยนความร่วมมือ",
        "ทำกิจกรรมร่วมทุกสัปดาห์",
    ]
