"""The award application's files with the network-strength lists: the workbook (openpyxl) and
the PDF (pdftotext) give each pillar's sub-item after its heading, and say of a problem or a
risk that 5 means overcome; a survey-made assessment's notes carry the mean and the count."""

import datetime as dt

from openpyxl import load_workbook

from phakhi.assessments.from_survey import assessment_from_survey
from phakhi.assessments.network_lists import C4, C14
from phakhi.worksheets.assessment_files import assessment_file
from tests.worksheets.paper_support import compared, pdf_text


def _made(author, data):
    scores = {(C14.code, "1.a"): [4, 5], (C14.code, "4.a"): [2, 3, 3], (C4.code, "5"): [1, 2]}
    return assessment_from_survey(
        author, workspace=data["workspace"], network=data["network"],
        held_on=dt.date(2025, 9, 30), templates=[C4.code, C14.code], scores=scores,
        title="แบบสำรวจเครือข่าย รอบ 1",
    )  # fmt: skip


def test_the_workbook_gives_sub_items_after_their_heading_and_problems_as_overcome(
    author, data, tmp_path
):
    path = tmp_path / "a.xlsx"
    path.write_bytes(assessment_file(_made(author, data), "xlsx").content)
    book = load_workbook(path)
    problems, pillars = book.worksheets[1], book.worksheets[2]
    rows = {row[0]: row for row in pillars.iter_rows(min_row=4, values_only=True) if row[0]}
    assert rows["1.a"][1].startswith(f"{C14.items[0].thai}: ")
    assert rows["1.a"][2] == 5  # 4.5 rounds half up
    assert "a problem: 5 = overcome" in rows["4.a"][1] and rows["4.a"][2] == 3
    assert "overcome" not in rows["4.d"][1]  # good governance is no problem
    assert "mean 2.67, scored by 3" in rows["4.a"][6]
    found = {row[0]: row for row in problems.iter_rows(min_row=4, values_only=True) if row[0]}
    assert "a problem: 5 = overcome" in found["5"][1] and found["5"][2] == 2


def test_the_pdf_names_the_pillars_and_their_sub_items(author, data, tmp_path):
    text = pdf_text(assessment_file(_made(author, data), "pdf").content, tmp_path)
    for expected in (C14.thai, C14.items[0].thai, C14.items[0].children[0].thai,
                     C14.items[3].children[0].thai, C4.items[4].thai):  # fmt: skip
        assert compared(expected) in compared(text), expected
