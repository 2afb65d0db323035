"""The award application's files: the PDF read back by pdftotext, the workbook by openpyxl —
header, each list's items with scores, notes and evidence, and the comparison; the command
line's list and export."""

import datetime as dt
import json

import pytest
from django.utils import translation
from openpyxl import load_workbook

from phakhi import cli
from phakhi.assessments.evidence import evidence_add_activity, evidence_add_link, evidence_add_run
from phakhi.assessments.opdc_lists import C7, C8
from phakhi.assessments.selectors import answer_for_item
from phakhi.assessments.services import answer_set, assessment_finalise, assessment_update
from phakhi.worksheets.assessment_files import assessment_file
from tests.worksheets.paper_support import compared, pdf_info, pdf_text


@pytest.fixture(autouse=True)
def _language_restored():
    yield
    translation.activate("en")


@pytest.fixture
def pair(make, author, data, activity, run):
    """A final assessment of 2024 and a draft of 2025 of the health network, compared."""
    first = make(held_on=dt.date(2024, 6, 1), network=data["network"])
    for item, score in (("1", 4), ("2", 3)):
        answer_set(author, answer_for_item(first, C7.code, item), score=score)
    assessment_finalise(author, first)
    now = make(held_on=dt.date(2025, 6, 1), network=data["network"])
    assessment_update(author, now, respondents="คณะทำงาน 8 คน", answered_by="working-group")
    leader = answer_for_item(now, C7.code, "1")
    answer_set(author, leader, score=2, notes="ผู้ว่าฯ ย้ายกลางปี")
    evidence_add_activity(author, leader, activity)
    evidence_add_run(author, leader, run)
    evidence_add_link(author, leader, url="https://example.org/plan.pdf", label="แผนชุมชน")
    answer_set(author, answer_for_item(now, C7.code, "2"), score=5)
    answer_set(author, answer_for_item(now, C8.code, "4"), score=4)
    return first, now


def test_the_pdf_reads_back_with_header_items_evidence_and_comparison(pair, tmp_path, run):
    _first, now = pair
    translation.activate("th")
    content = assessment_file(now, "pdf").content
    assert pdf_info(content, tmp_path)["Page size"] == "841.89 x 595.276 pts (A4)"
    text = compared(pdf_text(content, tmp_path))
    for expected in (
        now.workspace.name,  # the agency
        "เครือข่ายสุขภาพ",
        "1 มิ.ย. 2568",  # the date in the Buddhist era
        "คณะทำงาน 8 คน",
        C7.items[0].thai,
        C8.items[3].thai,
        "ผู้ว่าฯ ย้ายกลางปี",
        "เวทีประชาคมแผนสุขภาพตำบล",
        "15 มี.ค. 2568",  # the activity's date
        f"{run.number}",
        "แผนชุมชน",
        "1 มิ.ย. 2567",  # the previous assessment
        "ดีเยี่ยม",  # score 5's word
    ):
        assert compared(expected) in text, expected
    assert "▼" in pdf_text(content, tmp_path)  # item 1 fell from 4 to 2


def test_the_workbook_reads_back(pair, tmp_path):
    _first, now = pair
    path = tmp_path / "a.xlsx"
    path.write_bytes(assessment_file(now, "xlsx").content)
    book = load_workbook(path)
    summary = book.worksheets[0]
    cells = {row[0]: row[1] for row in summary.iter_rows(values_only=True) if row and row[0]}
    assert cells["Agency"] == now.workspace.name
    assert cells["Network"] == "เครือข่ายสุขภาพ"
    assert cells["Date"] == "1 Jun 2025 (B.E. 2568)"
    assert cells["Who took part"] == "คณะทำงาน 8 คน"
    averages = [row for row in summary.iter_rows(values_only=True) if row[1] == C7.source]
    assert averages[0][3:6] == (3.5, 3.5, 0.0)  # (2 + 5) / 2 now; (4 + 3) / 2 before
    assert len(book.worksheets) == 3  # the summary, C7, C8
    c7 = book.worksheets[1]
    rows = list(c7.iter_rows(min_row=4, values_only=True))
    first = rows[0]
    assert first[0] == "1" and C7.items[0].thai in first[1]
    assert (first[2], first[4], first[5]) == (2, 4, -2)
    assert first[6] == "ผู้ว่าฯ ย้ายกลางปี"
    assert "เวทีประชาคมแผนสุขภาพตำบล" in first[7] and "https://example.org/plan.pdf" in first[7]
    assert rows[3][2] is None and rows[3][3] == "not assessed"
    fell = [row for row in summary.iter_rows(values_only=True) if row[0] == C7.english]
    assert any(row[4] == -2 for row in fell)


def test_the_command_lists_and_exports(pair, tmp_path, capsys):
    _first, now = pair
    slug = now.workspace.slug
    assert cli.main(["--lang", "en", "assessment", "list", "--workspace", slug, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [row["id"] for row in listed["assessments"]] == [now.pk, _first.pk]
    assert listed["assessments"][0]["averages"][C7.code] == 3.5
    assert listed["assessments"][0]["network"] == "health"
    assert cli.main(["--lang", "en", "assessment", "list", "--workspace", slug]) == 0
    assert str(now.pk) in capsys.readouterr().out
    argv = ["--lang", "th", "assessment", "export", "--workspace", slug,
            "--assessment", str(now.pk), "--format", "xlsx", "-o", str(tmp_path)]  # fmt: skip
    assert cli.main(argv) == cli.EXIT_OK
    written = tmp_path / f"self-assessment-{now.pk}-2025-06-01.xlsx"
    assert capsys.readouterr().out.strip() == str(written)
    assert load_workbook(written).worksheets[0]["B2"].value == now.workspace.name
    folder = tmp_path / "new-folder"
    argv[-1] = f"{folder}/"
    assert cli.main(argv) == cli.EXIT_OK
    assert (folder / written.name).is_file()
    argv[argv.index(str(now.pk))] = "99999"
    assert cli.main(argv) == cli.EXIT_FAILED
    assert "99999" in capsys.readouterr().err


def test_many_pieces_of_evidence_are_listed_after_the_table(make, author, tmp_path):
    assessment = make()
    answer = answer_for_item(assessment, C7.code, "5")
    answer_set(author, answer, score=4)
    for n in range(6):
        evidence_add_link(author, answer, url=f"https://example.org/{n}", label=f"รายงานฉบับที่ {n}")
    translation.activate("th")
    text = compared(pdf_text(assessment_file(assessment, "pdf").content, tmp_path))
    assert compared("หลักฐาน 6 รายการ") in text
    assert all(compared(f"รายงานฉบับที่ {n}") in text for n in range(6))
