"""A project's worksheet as a file: worksheet 1, 2 or 4, as XLSX or PDF, filled or blank.

The one entry point for the pages and the command line: ``worksheet_file`` reads the
worksheet (``selectors``), masks what the reader may not see (``view``: their personal-data
view; none for the command line's own files) and writes it (``xlsx``, ``pdf``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.core.dates import current_language, format_date
from phakhi.core.personal import PersonalView
from phakhi.lessons.vocabulary import default_prompts
from phakhi.projects.models import Project
from phakhi.stakeholders.models import Assessment
from phakhi.stakeholders.vocabulary import CARD_COLUMNS
from phakhi.worksheets import paper, xlsx
from phakhi.worksheets.columns import EXPANSION_PLAN
from phakhi.worksheets.pdf import render_pdf
from phakhi.worksheets.selectors import (
    WORKSHEETS,
    lessons_sheet,
    plan_sheet,
    stakeholder_sheet,
)
from phakhi.worksheets.values import STATUS_WORDS, relationship_text

FORMATS = ("xlsx", "pdf")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
TITLES = {1: paper.WORKSHEET_1, 2: paper.WORKSHEET_2, 4: paper.WORKSHEET_4}
# The card's two questions in the worksheet's own words (W 191).
CARD_QUESTIONS = {
    "impact": "ภาคีรับผลกระทบอะไรจากโครงการเรา",
    "influence_how": "ภาคีมีอิทธิพลต่อโครงการเราอย่างไร",
}


class WorksheetError(ValueError):
    """A worksheet or format that does not exist."""


@dataclass(frozen=True)
class WorksheetFile:
    name: str
    content_type: str
    content: bytes


def file_name(project: Project, worksheet: int, fmt: str, blank: bool) -> str:
    """kaset-worksheet-1.pdf, kaset-worksheet-4-blank.xlsx"""
    return f"{project.slug}-worksheet-{worksheet}{'-blank' if blank else ''}.{fmt}"


def paper_date(value: dt.date) -> str:
    """A date on paper: in the Buddhist era for Thai readers, with it for English ones."""
    if current_language() == "th":
        return format_date(value, "th")
    return f"{format_date(value, 'en')} (B.E. {value.year + 543})"


def _when(date: dt.date | None, blank: bool) -> str:
    if blank:
        return _("Date: ……………………")
    if date is not None:
        return _("Worksheet of %(date)s") % {"date": paper_date(date)}
    return _("Printed on %(date)s") % {"date": paper_date(timezone.localdate())}


def _us(project: Project) -> str:
    """ "โครงการเรา": the project, with its lead network when it has one."""
    network = project.network
    return f"{project.name} ({network.name})" if network else project.name


def worksheet_file(
    project: Project,
    worksheet: int,
    fmt: str,
    *,
    blank: bool = False,
    view: PersonalView | None = None,
    assessment: Assessment | None = None,
) -> WorksheetFile:
    """Worksheet 1, 2 or 4 of ``project`` as ``fmt`` (xlsx or pdf); ``blank`` for one to print
    and fill by hand. Worksheet 1 is the latest assessment unless ``assessment`` is given."""
    if worksheet not in WORKSHEETS:
        raise WorksheetError(_("There is no worksheet %(n)s: choose 1, 2 or 4.") % {"n": worksheet})
    if fmt not in FORMATS:
        raise WorksheetError(_("A worksheet is written as xlsx or pdf, not %(f)s.") % {"f": fmt})
    if worksheet == 1:
        content = _worksheet_1(project, fmt, blank, view, assessment)
    elif worksheet == 2:
        content = _worksheet_2(project, fmt, blank)
    else:
        content = _worksheet_4(project, fmt, blank)
    return WorksheetFile(file_name(project, worksheet, fmt, blank), CONTENT_TYPES[fmt], content)


def _lines(project: Project, date: dt.date | None, blank: bool) -> list[str]:
    lines = [_("Project: %(name)s") % {"name": project.name}]
    if project.network:
        lines.append(_("Lead network: %(name)s") % {"name": project.network.name})
    return [*lines, _when(date, blank)]


def _pdf(template: str, project: Project, worksheet: int, **context: Any) -> bytes:
    paper_words = {**vars(paper), "title": TITLES[worksheet]}
    html = render_to_string(
        f"worksheets/pdf/{template}",
        {"project": project, "paper": paper_words, "language": current_language(), **context},
    )
    return render_pdf(html)


def _worksheet_1(
    project: Project,
    fmt: str,
    blank: bool,
    view: PersonalView | None,
    assessment: Assessment | None,
) -> bytes:
    sheet = stakeholder_sheet(project, assessment=assessment, view=view, blank=blank)
    if fmt == "xlsx":
        return xlsx.stakeholders_workbook(sheet, _lines(project, sheet.date, blank), blank)
    columns = [
        {"field": c.field, "thai": c.thai, "question_thai": CARD_QUESTIONS.get(c.field, "")}
        for c in CARD_COLUMNS
    ]
    return _pdf(
        "worksheet_1.html", project, 1, sheet=sheet, blank=blank, card_columns=columns,
        when=_when(sheet.date, blank), minutes=paper.WORKSHEET_1_MINUTES,
        slots=range(1, paper.SLOTS_PER_SECTOR + 1),
        blank_rows=range(1, paper.BLANK_CARD_ROWS + 1),
    )  # fmt: skip


def _worksheet_2(project: Project, fmt: str, blank: bool) -> bytes:
    sheet = lessons_sheet(project)
    prompts = default_prompts()
    if blank:
        sheet.sessions = []
    if fmt == "xlsx":
        return xlsx.lessons_workbook(sheet, _lines(project, sheet.date, blank), prompts)
    sessions: list[tuple[Any, list[Any]]] = [
        (_dated(session), items) for session, items in sheet.sessions
    ]
    if blank:
        empty = [SimpleNamespace(prompt=SimpleNamespace(text=t), answers=[]) for t in prompts]
        sessions = [(SimpleNamespace(title=paper.LESSON_POINTS, case="", held_on=None), empty)]
    return _pdf(
        "worksheet_2.html", project, 2, sessions=sessions, blank=blank,
        when=_when(sheet.date, blank), blank_lines=range(paper.BLANK_ANSWER_LINES),
    )  # fmt: skip


def _dated(session: Any) -> Any:
    session.when = paper_date(session.held_on) if session.held_on else ""
    return session


def _worksheet_4(project: Project, fmt: str, blank: bool) -> bytes:
    sheet = plan_sheet(project)
    if fmt == "xlsx":
        return xlsx.plan_workbook(sheet, _lines(project, sheet.date, blank), _us(project), blank)
    shown = [c for c in EXPANSION_PLAN.columns if not c.read_only]
    rows = [] if blank else [_plan_row(row) for row in sheet.rows]
    return _pdf(
        "worksheet_4.html", project, 4, sheet=sheet, blank=blank, rows=rows, us=_us(project),
        plan_columns=[{"key": c.key, "header": c.thai} for c in shown],
        when=_when(sheet.date, blank), minutes=paper.WORKSHEET_4_MINUTES,
        blank_rows=range(1, paper.BLANK_PLAN_ROWS + 1),
    )  # fmt: skip


def _plan_row(row: Any) -> dict[str, Any]:
    columns = {c.key: c for c in EXPANSION_PLAN.columns}
    return {
        "target": row.target_name,
        "current": columns["current"].write(row),
        "from_map": relationship_text(row.current_level, row.current_via_name),
        "new": relationship_text(row.new_level),
        "our_benefit": row.our_benefit,
        "their_benefit": row.their_benefit,
        "methods": row.methods or [],
        "owner": columns["owner"].write(row),
        "due": paper_date(row.due_on) if row.due_on else "",
        "status": STATUS_WORDS.get(row.status, row.status),
    }
