"""Worksheets as workbooks, read back by openpyxl: every sheet, its title rows and its Thai
headers; worksheet 1's card table and worksheet 4's plan in the columns the import reads."""

import io
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from phakhi.accounts.models import Role
from phakhi.accounts.permissions import Access
from phakhi.core.personal import personal_view
from phakhi.expansion.examples import ORGANIC_FARMING_ROWS
from phakhi.lessons.vocabulary import default_prompts
from phakhi.stakeholders.services import stakeholder_add
from phakhi.worksheets.columns import EXPANSION_PLAN, STAKEHOLDER_CARDS, Table, recognize
from phakhi.worksheets.exports import worksheet_file
from tests.fixtures_stakeholders import EXAMPLE_CARD
from tests.worksheets.filled import ANSWER, AUTHOR, COMMON_BENEFIT, VISION, Filled

pytestmark = pytest.mark.django_db
WORKSHEET_1_SHEETS = [
    "1 รายชื่อตามภาค", "2 กลุ่ม × ภาค", "3 อิทธิพล × ความสนใจ", "บัตรวิเคราะห์ภาคี", "คัดกรองภาคี",
]  # fmt: skip


def _book(filled: Filled, worksheet: int, **options: Any) -> Any:
    sheet = worksheet_file(filled.project, worksheet, "xlsx", **options)
    assert sheet.content_type.endswith("spreadsheetml.sheet")
    return load_workbook(io.BytesIO(sheet.content))


def _rows(sheet: Worksheet) -> list[list[Any]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _table(sheet: Worksheet, table: Table) -> tuple[list[str], list[dict[str, Any]]]:
    """The header row (found by the table's first header) and the rows under it by key."""
    rows = _rows(sheet)
    top = next(i for i, row in enumerate(rows) if row[0] == table.columns[0].thai)
    header = rows[top]
    keys = [table.column_for(h).key for h in header]  # type: ignore[union-attr]
    return header, [dict(zip(keys, row, strict=True)) for row in rows[top + 1 :]]


def test_worksheet_1_has_a_sheet_a_step_and_the_card_table(filled: Filled) -> None:
    book = _book(filled, 1)
    assert book.sheetnames == WORKSHEET_1_SHEETS
    for sheet in book.worksheets:
        top = [row[0] for row in _rows(sheet)[:4]]
        assert top[:3] == [
            "ใบงาน 1: การวิเคราะห์ภาคี ผู้มีส่วนได้ส่วนเสีย",
            "Project: โครงการเกษตรอินทรีย์",
            "Lead network: กลุ่มเกษตรอินทรีย์",
        ]
        assert top[3] == "Worksheet of 20 Nov 2026 (B.E. 2569)"
    header, cards = _table(book["บัตรวิเคราะห์ภาคี"], STAKEHOLDER_CARDS)
    assert header == [column.thai for column in STAKEHOLDER_CARDS.columns]
    mayor = next(card for card in cards if card["name"] == "นายก ทม.")
    assert {key: mayor[key] for key in EXAMPLE_CARD} == EXAMPLE_CARD
    assert (mayor["kind"], mayor["sector"], mayor["influence"], mayor["interest"]) == (
        "คน", "ภาครัฐ", "มาก", "มาก",
    )  # fmt: skip
    assert mayor["groups"] == "กลุ่มที่มีอิทธิพลต่อโครงการเรา"
    consumers = next(card for card in cards if card["name"] == "ผู้บริโภค")
    assert consumers["interest"] == "มาก (5)" and consumers["influence"] == "น้อย"
    assert consumers["groups"] == (
        "กลุ่มที่โครงการเราไปมีผลต่อเขา; กลุ่มที่สนใจความสำเร็จหรือความล้มเหลวของโครงการ"
    )
    assert len(cards) == 3


def test_the_card_table_reads_back_to_what_is_stored(filled: Filled) -> None:
    _header, cards = _table(_book(filled, 1)["บัตรวิเคราะห์ภาคี"], STAKEHOLDER_CARDS)
    mayor = next(card for card in cards if card["name"] == "นายก ทม.")
    read: dict[str, Any] = {}
    for column in STAKEHOLDER_CARDS.columns:
        value = mayor[column.key]
        read.update(column.read("" if value is None else str(value)))
    stored = filled.mayor
    stored.refresh_from_db()
    assert read == {name: getattr(stored, name) for name in read}


def test_the_steps_sheets_put_names_where_the_paper_does(filled: Filled) -> None:
    book = _book(filled, 1)
    sectors = _rows(book["1 รายชื่อตามภาค"])
    header = sectors.index(["ประชาชน ประชาสังคม เอกชน", "วิชาการ", "ภาครัฐ"])
    assert sectors[header + 1] == ["ผู้บริโภค", "มหาวิทยาลัยขอนแก่น", "นายก ทม."]
    groups = _rows(book["2 กลุ่ม × ภาค"])
    header = groups.index(["ลักษณะของกลุ่ม", "ประชาชน ประชาสังคม เอกชน", "วิชาการ", "ภาครัฐ"])
    assert groups[header + 1] == ["1) กลุ่มที่มีอิทธิพลต่อโครงการเรา", None, None, "นายก ทม."]
    assert groups[header + 3][1:3] == ["ผู้บริโภค", "มหาวิทยาลัยขอนแก่น"]
    grid = _rows(book["3 อิทธิพล × ความสนใจ"])
    header = grid.index([None, "สนใจน้อย", "สนใจมาก"])
    assert grid[header + 1][0] == "อิทธิพลมาก" and grid[header + 1][2].endswith("\nนายก ทม.")
    assert grid[header + 2][2].startswith("อิทธิพลน้อย สนใจมาก") and "ผู้บริโภค" in grid[header + 2][2]
    assert ["ยังไม่ได้วางในตาราง", "มหาวิทยาลัยขอนแก่น"] in [row[:2] for row in grid]


def test_widths_are_set_for_thai_text(filled: Filled) -> None:
    cards = _book(filled, 1)["บัตรวิเคราะห์ภาคี"]
    for number, column in enumerate(STAKEHOLDER_CARDS.columns):
        letter = chr(ord("A") + number)
        assert cards.column_dimensions[letter].width == column.width
    assert cards.freeze_panes is not None


def test_a_viewer_gets_the_contact_person_masked(filled: Filled) -> None:
    viewer = personal_view(Access(None, filled.workspace, Role.VIEWER))
    book = _book(filled, 1, view=viewer)
    _header, cards = _table(book["บัตรวิเคราะห์ภาคี"], STAKEHOLDER_CARDS)
    mayor = next(card for card in cards if card["name"] == "นายก ทม.")
    assert mayor["contact_person"] == "ป•••••"
    assert "0879998888" not in str(_rows(book["บัตรวิเคราะห์ภาคี"]))


def test_a_formula_is_kept_as_text(filled: Filled) -> None:
    stakeholder_add(AUTHOR, filled.assessment, name='=HYPERLINK("http://x")', kind="group")
    cards = _book(filled, 1)["บัตรวิเคราะห์ภาคี"]
    cell = next(c for row in cards.iter_rows() for c in row if str(c.value).startswith("=HYP"))
    assert cell.data_type == "s"


def test_the_plan_has_its_vision_and_the_six_rows(filled: Filled) -> None:
    book = _book(filled, 4)
    sheet = book["แผนการขยายเครือข่าย"]
    rows = _rows(sheet)
    assert rows[0][0] == "ใบงาน Network 4: การสร้างเครือข่ายข้ามประเด็น พื้นที่เดียวกัน (จังหวัด/ เขต)"
    assert ["วิสัยทัศน์ร่วม", VISION] in [row[:2] for row in rows]
    assert ["ประโยชน์ร่วม", COMMON_BENEFIT] in [row[:2] for row in rows]
    header, plan = _table(sheet, EXPANSION_PLAN)
    assert header == [column.thai for column in EXPANSION_PLAN.columns]
    assert [row["target"] for row in plan] == [r["target_name"] for r in ORGANIC_FARMING_ROWS]
    first = plan[0]
    assert (first["current"], first["new"]) == ("หลวม", "ประสานการทำงาน")
    assert first["methods"] == "; ".join(ORGANIC_FARMING_ROWS[0]["methods"])
    assert (first["owner"], first["status"]) == ("ชาคริต", "กำลังดำเนินการ")
    assert first["due_on"].date().isoformat() == "2027-03-31"
    assert [row["new"] for row in plan].count("มีส่วนร่วม") == 4


def test_the_lessons_are_a_row_an_answer(filled: Filled) -> None:
    rows = _rows(_book(filled, 2)["ถอดบทเรียน"])
    header = rows.index(["Session", "Date", "กรณีศึกษา", "Prompt", "Participant", "Answer", "Tags"])
    body = rows[header + 1 :]
    prompts = default_prompts("เทศบาลเมืองยะลา")
    assert [row[3] for row in body] == prompts
    assert body[0][4:6] == ["สมศรี", ANSWER] and body[1][5] is None


def test_blank_workbooks_have_the_headers_and_no_rows(filled: Filled) -> None:
    book = _book(filled, 1, blank=True)
    assert book.sheetnames == WORKSHEET_1_SHEETS
    header, cards = _table(book["บัตรวิเคราะห์ภาคี"], STAKEHOLDER_CARDS)
    assert header == [column.thai for column in STAKEHOLDER_CARDS.columns] and cards == []
    sectors = _rows(book["1 รายชื่อตามภาค"])
    assert [row[0] for row in sectors[-9:]] == [f"{n}." for n in range(1, 10)]
    assert "นายก ทม." not in str(_rows(book["2 กลุ่ม × ภาค"]))
    header, plan = _table(_book(filled, 4, blank=True)["แผนการขยายเครือข่าย"], EXPANSION_PLAN)
    assert header == [column.thai for column in EXPANSION_PLAN.columns] and plan == []
    lessons = _rows(_book(filled, 2, blank=True)["ถอดบทเรียน"])
    assert [row[3] for row in lessons[-3:]] == default_prompts()


def test_the_screened_stakeholders_have_a_sheet_of_their_own(filled: Filled) -> None:
    from phakhi.stakeholders.services import stakeholder_update

    stakeholder_update(
        AUTHOR, filled.mayor, lives_with_problem=True, knows_problem=False,
        host_who="เทศบาล", host_support="ให้ข้อมูลผลผลิต",
    )  # fmt: skip
    rows = _rows(_book(filled, 1)["คัดกรองภาคี"])
    header = rows.index(next(row for row in rows if row[0] == "ภาคีที่คัดกรอง"))
    assert recognize(rows[header]) is None  # never taken for the card table
    assert rows[header][1:] == [
        "อยู่กับปัญหา", "รู้และเข้าใจ", "แสดงออกซึ่งความต้องการ",
        "มุ่งมั่นตั้งใจที่จะจัดการกับสิ่งนั้นอย่างเห็นได้ชัดเจน",
        "มีใครเป็นเจ้าภาพ", "ทำได้แค่ไหน", "จะหนุนเสริมอย่างไร",
    ]  # fmt: skip
    assert rows[header + 1 :] == [
        ["นายก ทม.", "ใช่", "ไม่ใช่", None, None, "เทศบาล", None, "ให้ข้อมูลผลผลิต"]
    ]  # the others are not screened
