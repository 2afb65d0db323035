"""A self-assessment on paper, for an award application: the report's content (``report``), its
XLSX workbook (``assessment_xlsx``, openpyxl) and the HTML its PDF is drawn from
(``assessment_html``; ``phakhi.worksheets.assessment_files`` draws it with the worksheets' Thai
font). Both carry the header (agency, network, date in the Buddhist era, who answered), each
list with its items, scores, notes and evidence, and the comparison with the previous
assessment."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from phakhi.assessments.checklists import SCALE, SCALE_THAI, Template
from phakhi.assessments.models import Answer, Evidence, SelfAssessment
from phakhi.assessments.selectors import Comparison, answers_with_evidence, comparison
from phakhi.core.dates import current_language, format_date


def paper_date(value: dt.date) -> str:
    """A date on paper: in the Buddhist era for Thai readers, with it for English ones."""
    if current_language() == "th":
        return format_date(value, "th")
    return f"{format_date(value, 'en')} (B.E. {value.year + 543})"


def score_word(score: int | None) -> str:
    if score is None:
        return _("not assessed")
    if current_language() == "th":
        return SCALE_THAI[score]
    return str(dict((n, word) for n, word, _meaning in SCALE)[score])


def arrow(change: float | None) -> str:
    if change is None:
        return ""
    if change > 0:
        return "▲"
    if change < 0:
        return "▼"
    return "="


def signed(change: float | None) -> str:
    if change is None:
        return ""
    text = f"{change:+.2f}".rstrip("0").rstrip(".") if isinstance(change, float) else f"{change:+d}"
    return "0" if text in ("+0", "-0") else text


def evidence_text(evidence: Evidence) -> str:
    """One line naming a piece of evidence as the reader of an application needs it."""
    if evidence.kind == Evidence.Kind.ACTIVITY and evidence.activity is not None:
        activity = evidence.activity
        return _("Activity: %(title)s (%(date)s)") % {
            "title": activity.title,
            "date": paper_date(activity.starts_on),
        }
    if evidence.kind == Evidence.Kind.RUN and evidence.run is not None:
        return _("Analysis run %(number)d of %(date)s") % {
            "number": evidence.run.number,
            "date": paper_date(evidence.run.at),
        }
    if evidence.kind == Evidence.Kind.DOCUMENT:
        return _("Document: %(name)s") % {"name": evidence.label or evidence.file_name}
    if evidence.kind == Evidence.Kind.LINK:
        return (
            f"{evidence.label} <{evidence.url}>" if evidence.label != evidence.url else evidence.url
        )
    return evidence.label  # an activity or run deleted since: what it was called


@dataclass(frozen=True)
class Report:
    assessment: SelfAssessment
    agency: str
    network: str
    date: str
    answered_by: str
    comparison: Comparison

    respondents: str = ""

    def header(self) -> list[tuple[str, str]]:
        rows = [
            (_("Agency"), self.agency),
            (_("Network"), self.network),
            (_("Date"), self.date),
            (_("Answered by"), self.answered_by),
        ]
        if self.respondents:
            rows.append((_("Who took part"), self.respondents))
        rows.append((_("Status"), str(self.assessment.get_status_display())))
        return rows


def report(assessment: SelfAssessment, *, respondents: str | None = None) -> Report:
    """The report of ``assessment``; ``respondents`` replaces who took part (masked for a
    viewer; None: as stored)."""
    answers = answers_with_evidence(assessment)
    return Report(
        assessment=assessment,
        agency=assessment.workspace.name,
        network=assessment.network.name if assessment.network else _("the whole agency"),
        date=paper_date(assessment.held_on),
        answered_by=str(assessment.get_answered_by_display()),
        comparison=comparison(assessment, answers),
        respondents=assessment.respondents if respondents is None else respondents,
    )


def item_text(template: Template, answer: Answer) -> str:
    """The item as a file shows it: in Thai, the source's words; in English, the gloss with
    them; a sub-item after its heading's words."""
    item = template.item(answer.item)
    text = item.thai if current_language() == "th" else f"{item.english} ({item.thai})"
    if template.kind_of(item) == "problem":
        text = f"{text} ({_('a problem: 5 = overcome')})"
    heading = template.heading_of(item.code)
    return f"{heading.thai}: {text}" if heading is not None else text


def template_title(template: Template) -> str:
    return template.thai if current_language() == "th" else str(template.english)


def file_name(assessment: SelfAssessment, fmt: str) -> str:
    return f"self-assessment-{assessment.pk}-{assessment.held_on.isoformat()}.{fmt}"


# --- XLSX -----------------------------------------------------------------------------------

_BOLD = Font(bold=True)
_HEAD = PatternFill("solid", fgColor="ECECEC")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _sheet_title(template: Template, used: set[str]) -> str:
    base = f"{template.inventory} {template_title(template)}"[:31]
    for char in "[]:*?/\\":
        base = base.replace(char, " ")
    title, n = base, 2
    while title in used:
        title = f"{base[:28]} {n}"
        n += 1
    used.add(title)
    return title


def assessment_xlsx(found: Report) -> bytes:
    """A workbook: a summary sheet (header, each list's average now and before, items that
    fell), then a sheet a list with every item."""
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = _("Summary")[:31]
    summary.append([found.assessment.title])
    summary["A1"].font = Font(bold=True, size=14)
    for label, value in found.header():
        summary.append([label, value])
    summary.append([])
    heads = [_("List"), _("Source"), _("Items scored"), _("Average"), _("Previous average"),
             pgettext("score", "Change"), _("Previous assessment")]  # fmt: skip
    summary.append(heads)
    for cell in summary[summary.max_row]:
        cell.font, cell.fill = _BOLD, _HEAD
    for listed in found.comparison.lists:
        previous = listed.previous
        summary.append([
            template_title(listed.template),
            listed.template.source,
            f"{listed.scored}/{len(listed.rows)}",
            listed.average,
            listed.previous_average,
            listed.change,
            f"{previous.title} ({paper_date(previous.held_on)})" if previous else _("none"),
        ])  # fmt: skip
    fallen = found.comparison.fallen
    summary.append([])
    summary.append([_("Items that fell since the previous assessment")])
    summary[summary.max_row][0].font = _BOLD
    if not fallen:
        summary.append([_("none")])
    for template, row in fallen:
        summary.append([template_title(template), item_text(template, row.answer), row.previous,
                        row.score, row.change])  # fmt: skip
    for column, width in zip("ABCDEFG", (44, 36, 14, 12, 16, 10, 40), strict=True):
        summary.column_dimensions[column].width = width

    used: set[str] = set()
    for listed in found.comparison.lists:
        sheet = book.create_sheet(_sheet_title(listed.template, used))
        sheet.append([f"{listed.template.thai} — {listed.template.english}"])
        sheet["A1"].font = Font(bold=True, size=12)
        sheet.append([_("Source: %(source)s") % {"source": listed.template.source}])
        heads = [_("No."), _("Item"), _("Score"), _("Meaning"), _("Previous score"),
                 pgettext("score", "Change"), _("Notes"), _("Evidence")]  # fmt: skip
        sheet.append(heads)
        for cell in sheet[sheet.max_row]:
            cell.font, cell.fill = _BOLD, _HEAD
        for row in listed.rows:
            sheet.append([
                row.item.code,
                item_text(listed.template, row.answer),
                row.score,
                score_word(row.score),
                row.previous,
                row.change,
                row.answer.notes,
                "\n".join(evidence_text(e) for e in row.answer.evidence.all()),
            ])  # fmt: skip
            for cell in sheet[sheet.max_row]:
                cell.alignment = _WRAP
        sheet.append([])
        sheet.append(["", _("Average"), listed.average, "", listed.previous_average,
                      listed.change])  # fmt: skip
        for index, width in enumerate((6, 60, 8, 14, 12, 9, 40, 50), start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A4"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- PDF ------------------------------------------------------------------------------------


def assessment_html(found: Report) -> str:
    """The HTML of the PDF (``assessments/pdf/assessment.html``), in the worksheets' print
    stylesheet's classes."""
    lists = []
    for listed in found.comparison.lists:
        rows: list[dict[str, Any]] = [
            {
                "code": row.item.code,
                "text": item_text(listed.template, row.answer),
                "score": row.score,
                "word": score_word(row.score),
                "previous": row.previous,
                "arrow": arrow(row.change),
                "change": signed(row.change),
                "notes": row.answer.notes,
                "evidence": [evidence_text(e) for e in row.answer.evidence.all()],
            }
            for row in listed.rows
        ]
        lists.append(
            {
                "title": template_title(listed.template),
                "thai": listed.template.thai,
                "source": listed.template.source,
                "rows": rows,
                "long_evidence": any(len(row["evidence"]) > 3 for row in rows),
                "average": listed.average,
                "previous_average": listed.previous_average,
                "change": signed(listed.change),
                "arrow": arrow(listed.change),
                "previous": listed.previous,
                "previous_date": paper_date(listed.previous.held_on) if listed.previous else "",
                "fallen": [
                    {"code": r.item.code, "text": item_text(listed.template, r.answer)}
                    for r in listed.fallen
                ],
            }
        )
    return render_to_string(
        "assessments/pdf/assessment.html",
        {
            "report": found,
            "assessment": found.assessment,
            "lists": lists,
            "scale": [(n, score_word(n), meaning) for n, _word, meaning in SCALE],
            "language": current_language(),
        },
    )
