"""The import template: files with the Thai headers of the actor and tie columns and a few
example rows of a provincial network, which import as they are (a test imports them). People
download them from the import page, replace the rows with their own and upload them.

The headers come from ``columns`` (the importer's own), so the template cannot drift from what
the import reads; every cell of the workbook is a text cell in the Text format, so a phone
number keeps its leading 0 and a Buddhist-era date stays as typed when people fill it in Excel.
"""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from phakhi.imports.columns import ACTOR_COLUMNS, TIE_COLUMNS, Column

TEXT_FORMAT = "@"
ACTORS_SHEET = "ภาคี"
TIES_SHEET = "ความสัมพันธ์"

# Made-up people and organizations of a provincial network; addresses in example.org.
ACTOR_EXAMPLES: tuple[dict[str, str], ...] = (
    {"key": "ORG-01", "name": "สำนักงานสาธารณสุขจังหวัดนครพนม", "kind": "องค์กร",
     "sector": "ภาครัฐ", "subsector": "ราชการส่วนภูมิภาค", "province": "นครพนม",
     "district": "เมืองนครพนม", "subdistrict": "ในเมือง",
     "email": "saraban.health@example.org", "phone": "042-123-456", "tags": "สุขภาพ; ผู้สูงอายุ"},
    {"key": "ORG-02", "name": "มูลนิธิรักษ์ลุ่มน้ำโขง", "kind": "องค์กร", "sector": "ประชาสังคม",
     "subsector": "มูลนิธิ", "province": "นครพนม", "district": "ท่าอุเทน",
     "subdistrict": "ท่าอุเทน", "email": "contact@example.org", "phone": "042-234-567",
     "line_id": "rakmekong", "tags": "สิ่งแวดล้อม; เกษตรอินทรีย์"},
    {"key": "ORG-03", "name": "มหาวิทยาลัยนครพนม", "kind": "องค์กร", "sector": "วิชาการ",
     "subsector": "มหาวิทยาลัย", "province": "นครพนม", "district": "เมืองนครพนม",
     "subdistrict": "หนองญาติ", "tags": "การศึกษา; สุขภาพ"},
    {"key": "GRP-01", "name": "กลุ่มเกษตรอินทรีย์บ้านนาราชควาย", "kind": "กลุ่ม",
     "sector": "ประชาชน", "subsector": "วิสาหกิจชุมชน", "province": "นครพนม",
     "district": "เมืองนครพนม", "subdistrict": "นาราชควาย", "phone": "089-345-6789",
     "tags": "เกษตรอินทรีย์"},
    {"key": "P-01", "name": "นางสาวมาลี ศรีสุข", "kind": "บุคคล", "sector": "ภาครัฐ",
     "province": "นครพนม", "district": "เมืองนครพนม", "subdistrict": "ในเมือง",
     "organization": "ORG-01", "email": "malee.s@example.org", "phone": "081-234-5678",
     "line_id": "malee.s", "tags": "สุขภาพ"},
    {"key": "P-02", "name": "นายสมชาย ใจดี", "kind": "บุคคล", "sector": "ประชาชน",
     "subsector": "ผู้นำชุมชน", "province": "นครพนม", "district": "เมืองนครพนม",
     "subdistrict": "นาราชควาย", "organization": "GRP-01", "phone": "086-456-7890",
     "tags": "เกษตรอินทรีย์"},
    {"key": "P-03", "name": "ผศ.ดร.วิภาวดี แสงทอง", "kind": "บุคคล", "sector": "วิชาการ",
     "subsector": "อาจารย์", "province": "นครพนม", "organization": "ORG-03",
     "email": "wipawadee@example.org", "tags": "การศึกษา"},
)  # fmt: skip

TIE_EXAMPLES: tuple[dict[str, str], ...] = (
    {"source": "ORG-01", "target": "ORG-02", "strength": "3", "kind": "ร่วมจัดกิจกรรม",
     "directed": "ไม่ใช่", "since": "01/10/2566"},
    {"source": "ORG-01", "target": "GRP-01", "strength": "2", "kind": "ข้อมูลข่าวสาร",
     "directed": "ไม่ใช่", "via": "P-02", "since": "15/03/2567"},
    {"source": "ORG-03", "target": "GRP-01", "strength": "4", "kind": "พี่เลี้ยง",
     "directed": "ใช่", "since": "2024-06-01"},
    {"source": "ORG-02", "target": "ORG-03", "strength": "1", "kind": "ข้อมูลข่าวสาร",
     "directed": "ไม่ใช่"},
    {"source": "P-01", "target": "P-02", "strength": "2", "kind": "ประสานงาน",
     "directed": "ไม่ใช่", "since": "01/01/2567", "until": "31/12/2568"},
    {"source": "P-03", "target": "ORG-02", "strength": "3", "kind": "ทรัพยากร",
     "directed": "ไม่ใช่", "since": "01/06/2568"},
)  # fmt: skip

EXAMPLES: dict[str, tuple[tuple[Column, ...], tuple[dict[str, str], ...]]] = {
    "actors": (ACTOR_COLUMNS, ACTOR_EXAMPLES),
    "ties": (TIE_COLUMNS, TIE_EXAMPLES),
}


def example_rows(what: str) -> list[list[str]]:
    """The Thai headers of ``what`` ("actors" or "ties") and its example rows."""
    columns, examples = EXAMPLES[what]
    return [
        [column.thai for column in columns],
        *([row.get(column.name, "") for column in columns] for row in examples),
    ]


def example_csv(what: str) -> bytes:
    """A CSV in UTF-8 with a byte-order mark, so that Excel opens its Thai as Thai."""
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(example_rows(what))
    return text.getvalue().encode("utf-8-sig")


def example_workbook() -> bytes:
    """An XLSX workbook with a sheet of actors and a sheet of ties."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, what in ((ACTORS_SHEET, "actors"), (TIES_SHEET, "ties")):
        sheet = workbook.create_sheet(title)
        rows = example_rows(what)
        for row in rows:
            sheet.append(row)
        for index in range(1, len(rows[0]) + 1):
            letter = get_column_letter(index)
            widest = max(len(row[index - 1]) for row in rows)
            sheet.column_dimensions[letter].width = max(10, min(40, widest + 4))
            sheet.column_dimensions[letter].number_format = TEXT_FORMAT
            sheet.cell(row=1, column=index).font = Font(bold=True)
        for line in sheet.iter_rows():
            for cell in line:
                cell.number_format = TEXT_FORMAT
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
