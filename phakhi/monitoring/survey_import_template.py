"""The import template of survey responses: the Thai headers of ``survey_import_rows``' columns
and example rows among the actors of the actor template (``phakhi.imports.examples``), in the
words people write on a form — Thai levels, how often and flows, ratings 1–4, one respondent who
did not consent. A test imports it as it is into a round of those actors."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from phakhi.imports.examples import TEXT_FORMAT
from phakhi.monitoring.survey_import_rows import SURVEY_COLUMNS

SHEET = "คำตอบแบบสำรวจ"

RESPONSE_EXAMPLES: tuple[dict[str, str], ...] = (
    {"respondent": "ORG-01", "partner": "ORG-02", "level": "ประสานการทำงาน",
     "frequency": "เดือนละครั้ง", "flows": "ข้อมูล; กิจกรรมร่วม", "trust_openness": "4",
     "trust_reliability": "3", "trust_mission": "4", "value_power": "3",
     "value_resources": "3", "value_involvement": "4", "consent": "ยินยอม"},
    {"respondent": "ORG-01", "partner": "GRP-01", "level": "2", "frequency": "3 เดือนครั้ง",
     "flows": "ข้อมูล", "trust_openness": "3", "trust_reliability": "3", "trust_mission": "3",
     "value_power": "2", "value_resources": "2", "value_involvement": "3", "consent": "ยินยอม"},
    {"respondent": "ORG-02", "partner": "ORG-01", "level": "3", "frequency": "เดือนละครั้ง",
     "flows": "ข้อมูล, ทรัพยากร", "trust_openness": "4", "trust_reliability": "4",
     "trust_mission": "4", "value_power": "4", "value_resources": "3",
     "value_involvement": "3", "consent": "ยินยอม"},
    {"respondent": "ORG-02", "partner": "ORG-03", "level": "รู้จัก", "frequency": "ปีละครั้ง",
     "flows": "ข้อมูล", "trust_openness": "3", "trust_mission": "3", "value_power": "2",
     "value_involvement": "2", "consent": "ยินยอม"},
    {"respondent": "ORG-03", "partner": "GRP-01", "level": "แน่นแฟ้น",
     "frequency": "สัปดาห์ละครั้ง", "flows": "พี่เลี้ยง; ข้อมูล", "trust_openness": "4",
     "trust_reliability": "4", "trust_mission": "4", "value_power": "3",
     "value_resources": "2", "value_involvement": "4", "consent": "ยินยอม"},
    {"respondent": "GRP-01", "partner": "ORG-01", "consent": "ไม่ยินยอม"},
    {"respondent": "P-01", "partner": "P-02", "level": "2", "frequency": "เดือนละครั้ง",
     "flows": "ข้อมูล", "trust_openness": "4", "trust_reliability": "3", "trust_mission": "4",
     "value_power": "2", "value_resources": "2", "value_involvement": "3", "consent": "ยินยอม"},
)  # fmt: skip


def template_rows() -> list[list[str]]:
    return [
        [column.thai for column in SURVEY_COLUMNS],
        *([row.get(column.name, "") for column in SURVEY_COLUMNS] for row in RESPONSE_EXAMPLES),
    ]


def template_csv() -> bytes:
    """In UTF-8 with a byte-order mark, so that Excel opens its Thai as Thai."""
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(template_rows())
    return text.getvalue().encode("utf-8-sig")


def template_workbook() -> bytes:
    """One sheet, every cell text in the Text format (a rating stays as typed)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    for row in template_rows():
        sheet.append(row)
    for line in sheet.iter_rows():
        for cell in line:
            cell.number_format = TEXT_FORMAT
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = max(12, len(str(cell.value)) + 4)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
