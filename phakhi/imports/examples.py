"""The import template: files with the Thai headers of the actor, tie, activity and attendance
columns and a few example rows of a provincial network, which import as they are (a test imports
them: actors, ties, then activities and who took part in them). People
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

from phakhi.imports.columns import (
    ACTIVITY_COLUMNS,
    ACTOR_COLUMNS,
    ATTENDANCE_COLUMNS,
    TIE_COLUMNS,
    Column,
)

TEXT_FORMAT = "@"
ACTORS_SHEET = "ภาคี"
TIES_SHEET = "ความสัมพันธ์"
ACTIVITIES_SHEET = "กิจกรรม"
ATTENDANCE_SHEET = "การเข้าร่วม"

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

# Activities of the same network, and who of the actors above took part in them; the IAP2
# levels written as a sheet may write them (a number, OPDC's Thai name, an English name).
ACTIVITY_EXAMPLES: tuple[dict[str, str], ...] = (
    {"key": "ACT-01", "title": "ประชุมคณะทำงานเครือข่ายสุขภาพ ครั้งที่ 1/2568", "kind": "ประชุม",
     "start": "14/11/2567", "province": "นครพนม", "district": "เมืองนครพนม",
     "place": "ห้องประชุมสำนักงานสาธารณสุขจังหวัด", "iap2_planned": "2",
     "iap2_achieved": "ปรึกษาหารือ", "description": "ทบทวนแผนงานดูแลผู้สูงอายุปี 2568"},
    {"key": "ACT-02", "title": "เวทีประชาคมตำบลนาราชควาย", "kind": "เวทีประชาคม",
     "start": "07/12/2567", "province": "นครพนม", "district": "เมืองนครพนม",
     "place": "ศาลาประชาคมบ้านนาราชควาย", "iap2_planned": "ให้เข้ามามีบทบาท",
     "iap2_achieved": "3"},
    {"key": "ACT-03", "title": "อบรมแกนนำเกษตรอินทรีย์", "kind": "อบรม", "start": "2025-01-20",
     "end": "2025-01-21", "province": "นครพนม", "district": "ท่าอุเทน",
     "place": "มูลนิธิรักษ์ลุ่มน้ำโขง", "iap2_planned": "collaborate"},
)  # fmt: skip

ATTENDANCE_EXAMPLES: tuple[dict[str, str], ...] = (
    {"activity": "ACT-01", "actor": "P-01", "role": "ผู้จัด"},
    {"activity": "ACT-01", "actor": "P-03", "role": "วิทยากร"},
    {"activity": "ACT-01", "actor": "P-02", "role": "ผู้เข้าร่วม"},
    {"activity": "ACT-01", "actor": "ORG-02", "role": "ผู้เข้าร่วม"},
    {"activity": "ACT-02", "actor": "P-02", "role": "ผู้จัด"},
    {"activity": "ACT-02", "actor": "P-01", "role": "ผู้เข้าร่วม"},
    {"activity": "ACT-02", "actor": "GRP-01", "role": "ผู้เข้าร่วม"},
    {"activity": "ACT-03", "actor": "ORG-02", "role": "ผู้จัด"},
    {"activity": "ACT-03", "actor": "P-03", "role": "วิทยากร"},
    {"activity": "ACT-03", "actor": "P-02", "role": ""},
)

EXAMPLES: dict[str, tuple[tuple[Column, ...], tuple[dict[str, str], ...]]] = {
    "actors": (ACTOR_COLUMNS, ACTOR_EXAMPLES),
    "ties": (TIE_COLUMNS, TIE_EXAMPLES),
    "activities": (ACTIVITY_COLUMNS, ACTIVITY_EXAMPLES),
    "attendance": (ATTENDANCE_COLUMNS, ATTENDANCE_EXAMPLES),
}


PARTICIPATION_SHEETS = ((ACTIVITIES_SHEET, "activities"), (ATTENDANCE_SHEET, "attendance"))


def example_rows(what: str) -> list[list[str]]:
    """The Thai headers of ``what`` (actors, ties, activities, attendance) and its rows."""
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


def example_workbook(
    sheets: tuple[tuple[str, str], ...] = ((ACTORS_SHEET, "actors"), (TIES_SHEET, "ties")),
) -> bytes:
    """An XLSX workbook with a sheet of each (title, what) of ``sheets``: by default actors and
    ties; ``PARTICIPATION_SHEETS`` for activities and attendance."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, what in sheets:
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
