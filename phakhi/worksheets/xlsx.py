"""Worksheets as Excel workbooks (openpyxl), with the worksheets' Thai headers.

Worksheet 1 is a sheet per step — names by sector, groups × sectors, the influence × interest
grid — and the card table, whose columns are ``columns.STAKEHOLDER_CARDS``: the sheet the import
reads back. Worksheet 2 is one row per answer. Worksheet 4 is the plan's vision and common
benefit above its rows, in ``columns.EXPANSION_PLAN``'s columns. Each sheet has the worksheet's
title, the project's name and the date above its table; a blank workbook is the same without
the rows, ready to fill in and import."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from phakhi.core.cells import FORMULA_STARTS, TEXT_FORMAT
from phakhi.stakeholders.vocabulary import HOST_QUESTIONS, SCREENING_CRITERIA
from phakhi.worksheets import paper
from phakhi.worksheets.columns import EXPANSION_PLAN, STAKEHOLDER_CARDS, Table
from phakhi.worksheets.selectors import LessonsSheet, PlanSheet, StakeholderSheet

TITLE_FONT = Font(bold=True, size=14)
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", start_color="E8E8E8")
THIN = Side(style="thin", color="888888")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
NAMES_WIDTH = 40
DATE_FORMAT = "yyyy-mm-dd"


def _put(sheet: Worksheet, row: int, column: int, value: Any, wrap: bool = True) -> Cell:
    """A cell with ``value``; a text a spreadsheet would run as a formula stays text."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.number_format = TEXT_FORMAT
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    cell.alignment = WRAP if wrap else TOP
    return cell


def _heading(sheet: Worksheet, lines: Sequence[str]) -> int:
    """The worksheet's title, the project and the date on top; returns the next free row."""
    for number, line in enumerate(lines, start=1):
        cell = sheet.cell(row=number, column=1, value=line)
        if number == 1:
            cell.font = TITLE_FONT
    return len(lines) + 2


def _header_row(sheet: Worksheet, row: int, headers: Iterable[str], widths: Iterable[int]) -> None:
    for column, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = _put(sheet, row, column, header)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(row=row + 1, column=1)


def _table(sheet: Worksheet, top: int, table: Table, rows: Iterable[Any]) -> None:
    """``table``'s header row at ``top`` and one line a row, written by its columns."""
    columns = table.columns
    _header_row(sheet, top, (c.thai for c in columns), (c.width for c in columns))
    last = top
    for last, row in enumerate(rows, start=top + 1):
        for number, column in enumerate(columns, start=1):
            _put(sheet, last, number, column.write(row), column.wrap).border = BORDER
    sheet.auto_filter.ref = f"A{top}:{get_column_letter(len(columns))}{max(last, top + 1)}"


def _names(stakeholders: Iterable[Any]) -> str:
    return "\n".join(s.name for s in stakeholders)


def _slots() -> str:
    return "\n".join(f"{n}. " for n in range(1, paper.SLOTS_PER_SECTOR + 1))


def stakeholders_workbook(sheet: StakeholderSheet, lines: Sequence[str], blank: bool) -> bytes:
    book = Workbook()
    steps = book.active
    assert steps is not None
    steps.title = "1 รายชื่อตามภาค"
    row = _heading(steps, [paper.WORKSHEET_1, *lines, paper.STEP_1, paper.STEP_1_TABLE])
    sectors = [s for s in sheet.sectors]
    _header_row(steps, row, (s.thai for s in sectors), (NAMES_WIDTH for _s in sectors))
    for column, sector in enumerate(sectors, start=1):
        names = [s.name for s in sector.stakeholders]
        if blank:
            names = [f"{n}." for n in range(1, paper.SLOTS_PER_SECTOR + 1)]
        for offset, name in enumerate(names, start=1):
            _put(steps, row + offset, column, name).border = BORDER

    groups = book.create_sheet("2 กลุ่ม × ภาค")
    row = _heading(groups, [paper.WORKSHEET_1, *lines, paper.STEP_2, paper.STEP_2_INSTRUCTION])
    headers = [paper.GROUP_COLUMN, *(s.thai for s in sheet.groups[0].sectors)]
    _header_row(groups, row, headers, [34, *(NAMES_WIDTH for _h in headers[1:])])
    for offset, group in enumerate(sheet.groups, start=1):
        _put(groups, row + offset, 1, f"{offset}) {group.group.thai}").border = BORDER
        for column, sector in enumerate(group.sectors, start=2):
            text = _slots() if blank else _names(sector.stakeholders)
            _put(groups, row + offset, column, text).border = BORDER
    if sheet.ungrouped:
        _put(groups, row + len(sheet.groups) + 2, 1, paper.UNGROUPED).font = HEADER_FONT
        _put(groups, row + len(sheet.groups) + 2, 2, _names(sheet.ungrouped))

    grid = book.create_sheet("3 อิทธิพล × ความสนใจ")
    row = _heading(grid, [paper.WORKSHEET_1, *lines, paper.STEP_3, paper.STEP_3_INSTRUCTION])
    by_key = {cell.quadrant.key: cell for cell in sheet.quadrants}
    _header_row(grid, row, ["", "สนใจน้อย", "สนใจมาก"], [16, 48, 48])
    for offset, influence in enumerate(("high", "low"), start=1):
        side = _put(grid, row + offset, 1, "อิทธิพลมาก" if influence == "high" else "อิทธิพลน้อย")
        side.font, side.fill, side.border = HEADER_FONT, HEADER_FILL, BORDER
        for column, interest in enumerate(("low", "high"), start=2):
            cell = by_key[f"{influence}-{interest}"]
            text = "\n".join(
                [
                    f"{cell.quadrant.thai} — {cell.quadrant.action}",
                    *(s.name for s in cell.stakeholders),
                ]
            )
            _put(grid, row + offset, column, text).border = BORDER
    if sheet.unplaced:
        _put(grid, row + 4, 1, paper.UNPLACED).font = HEADER_FONT
        _put(grid, row + 4, 2, _names(sheet.unplaced))

    cards = book.create_sheet("บัตรวิเคราะห์ภาคี")
    top = _heading(cards, [paper.WORKSHEET_1, *lines, f"{paper.STEP_3}: {paper.CARDS}"])
    _table(cards, top, STAKEHOLDER_CARDS, [] if blank else sheet.cards)
    _screening(book, sheet, lines, blank)
    return _saved(book)


SCREENING_ANSWERS = {True: "ใช่", False: "ไม่ใช่", None: ""}


def _screening(book: Workbook, sheet: StakeholderSheet, lines: Sequence[str], blank: bool) -> None:
    """The forum's screening of candidate partners (its four criteria and host questions), for
    the stakeholders screened: read by people, not by the import."""
    screening = book.create_sheet("คัดกรองภาคี")
    top = _heading(screening, [paper.WORKSHEET_1, *lines, paper.SCREENING])
    questions = [*SCREENING_CRITERIA, *HOST_QUESTIONS]
    # Not the card table's name header: this sheet must never be read as a card table.
    headers = [paper.SCREENED, *(q.thai for q in questions)]
    _header_row(screening, top, headers, [28, *(18 for _q in SCREENING_CRITERIA),
                                          *(30 for _q in HOST_QUESTIONS)])  # fmt: skip
    screened = [] if blank else [s for s in sheet.cards if _is_screened(s)]
    for row, stakeholder in enumerate(screened, start=top + 1):
        answers = [SCREENING_ANSWERS[getattr(stakeholder, c.field)] for c in SCREENING_CRITERIA]
        hosts = [getattr(stakeholder, q.field) for q in HOST_QUESTIONS]
        for column, value in enumerate([stakeholder.name, *answers, *hosts], start=1):
            _put(screening, row, column, value).border = BORDER


def _is_screened(stakeholder: Any) -> bool:
    criteria = (getattr(stakeholder, c.field) is not None for c in SCREENING_CRITERIA)
    return any(criteria) or any(getattr(stakeholder, q.field) for q in HOST_QUESTIONS)


def lessons_workbook(sheet: LessonsSheet, lines: Sequence[str], prompts: list[str]) -> bytes:
    """One row per answer, under its session and prompt; a prompt no one answered yet has an
    empty row of its own. ``prompts`` are the blank worksheet's (no session given)."""
    book = Workbook()
    lessons = book.active
    assert lessons is not None
    lessons.title = "ถอดบทเรียน"
    row = _heading(lessons, [paper.WORKSHEET_2, *lines, paper.LESSON_POINTS])
    headers = [_("Session"), _("Date"), paper.CASE, _("Prompt"), _("Participant"), _("Answer"),
               _("Tags")]  # fmt: skip
    _header_row(lessons, row, headers, [26, 12, 20, 46, 20, 60, 18])
    lines_out: list[list[Any]] = []
    for session, items in sheet.sessions:
        for item in items:
            base = [session.title, session.held_on or "", session.case, item.prompt.text]
            answers: list[Any] = item.answers or [None]
            for answer in answers:
                if answer is None:
                    lines_out.append([*base, "", "", ""])
                    continue
                tags = ", ".join(tag.name for tag in answer.tags.all())
                lines_out.append([*base, answer.participant, answer.text, tags])
    if not sheet.sessions:
        lines_out = [["", "", "", text, "", "", ""] for text in prompts]
    for offset, values in enumerate(lines_out, start=1):
        for column, value in enumerate(values, start=1):
            _put(lessons, row + offset, column, value).border = BORDER
    return _saved(book)


def plan_workbook(sheet: PlanSheet, lines: Sequence[str], us: str, blank: bool) -> bytes:
    book = Workbook()
    plan = book.active
    assert plan is not None
    plan.title = "แผนการขยายเครือข่าย"
    plan_row = sheet.plan
    vision = "" if blank or plan_row is None else plan_row.vision
    benefit = "" if blank or plan_row is None else plan_row.common_benefit
    top = _heading(plan, [paper.WORKSHEET_4, *lines, paper.PLAN_TABLE])
    for offset, (label, text) in enumerate(
        ((paper.VISION, vision), (paper.COMMON_BENEFIT, benefit), (_("Our group"), us))
    ):
        _put(plan, top + offset, 1, label).font = HEADER_FONT
        _put(plan, top + offset, 2, text)
        plan.merge_cells(start_row=top + offset, start_column=2, end_row=top + offset,
                         end_column=len(EXPANSION_PLAN.columns))  # fmt: skip
    _table(plan, top + 4, EXPANSION_PLAN, [] if blank else sheet.rows)
    return _saved(book)


def _saved(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
