"""Filled worksheets as a workshop hands them in, written with the libraries that define their
formats (openpyxl, csv), for the worksheet import's tests.

The rows are the source's own examples: the นายก ทม. card of worksheet 1
(``tests.fixtures_stakeholders``) and the six rows of the organic-farming plan of worksheet 4
(``phakhi.expansion.examples``), written in the worksheet's words."""

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from phakhi.expansion.examples import ORGANIC_FARMING_ROWS
from tests.fixtures_stakeholders import EXAMPLE_CARD

CARD_HEADERS = [
    "ชื่อผู้มีส่วนได้เสีย/ภาคี", "ประเภท", "ภาคส่วน", "กลุ่ม", "ระดับอิทธิพล", "ระดับความสนใจ",
    "ชื่อคนที่ติดต่อได้", "ผลกระทบ", "อิทธิพล", "อะไรสำคัญต่อภาคี", "ภาคีช่วยอะไรโครงการได้บ้าง",
    "ภาคีเป็นอุปสรรคอย่างไรต่อโครงการ", "เข้าถึงภาคีได้อย่างไร",
]  # fmt: skip
CARD_HEADERS_EN = [
    "Stakeholder", "Kind", "Sector", "Groups", "Influence level", "Interest level",
    "Contact person", "Impact on them", "How they influence us", "What matters to them",
    "How they can help", "How they may obstruct", "How to reach them",
]  # fmt: skip
# The mayor's card as the room writes it: a person of the government sector who influences the
# project, high on both axes (his influence scored 5).
MAYOR_ROW = [
    EXAMPLE_CARD["name"], "คน", "ภาครัฐ", "กลุ่มที่มีอิทธิพลต่อโครงการเรา", "มาก (5)", "มาก",
    EXAMPLE_CARD["contact_person"], EXAMPLE_CARD["impact"], EXAMPLE_CARD["influence_how"],
    EXAMPLE_CARD["what_matters"], EXAMPLE_CARD["can_help"], EXAMPLE_CARD["may_obstruct"],
    EXAMPLE_CARD["how_to_reach"],
]  # fmt: skip
CONSUMERS_ROW = [
    "ผู้บริโภค", "กลุ่ม", "ประชาชน", "2; 3", "น้อย", "4", "", "ได้ผักปลอดสารพิษ", "",
    "สุขภาพ", "ซื้อผลผลิต", "", "ตลาดนัดสีเขียว",
]  # fmt: skip

PLAN_HEADERS = [
    "กลุ่ม", "ความสัมพันธ์เดิม", "ความสัมพันธ์ใหม่", "ประโยชน์เรา/แลกเปลี่ยน", "ประโยชน์เพื่อน",
    "วิธีการ",
]  # fmt: skip
PLAN_HEADERS_EN = [
    "Group", "Current relationship", "New relationship", "Our benefit / exchange",
    "Their benefit", "Methods",
]  # fmt: skip


def plan_rows() -> list[list[str]]:
    """The six rows of the organic-farming plan (W 603–614) as the worksheet writes them."""
    return [
        [
            row["target_name"],
            row["current_override"],
            row["new_level"],
            row["our_benefit"],
            row["their_benefit"],
            "; ".join(row["methods"]),
        ]
        for row in ORGANIC_FARMING_ROWS
    ]


def write_xlsx(
    path: Path, headers: Sequence[Any], rows: Sequence[Sequence[Any]], above: Sequence[Any] = ()
) -> Path:
    """A workbook of one sheet: ``above`` (title lines), the header row, then the rows."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "ใบงาน"
    for line in above:
        sheet.append(list(line))
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def write_csv(
    path: Path,
    headers: Sequence[Any],
    rows: Sequence[Sequence[Any]],
    encoding: str = "utf-8-sig",
) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)
    return path
