"""A worksheet import's report as a coordinator reads it in a terminal: the actor import's
summary (``phakhi.imports.summary``) with the worksheet, where its rows went and the columns
it did not read."""

from django.utils.translation import gettext as _

from phakhi.imports.summary import summary_text as import_summary
from phakhi.worksheets.import_rows import WorksheetReport


def worksheet_lines(report: WorksheetReport) -> list[str]:
    lines = [
        _("  worksheet %(number)d (%(what)s), into %(target)s of the project %(project)s")
        % {
            "number": report.worksheet,
            "what": worksheet_name(report.worksheet),
            "target": report.target,
            "project": report.project,
        }
    ]
    if report.header_line > 1:
        lines.append(
            _("  the table's headers are on line %(line)d; the lines above them are not read")
            % {"line": report.header_line}
        )
    if report.ignored_columns:
        lines.append(
            _("  columns not read (not a column of the worksheet): %(columns)s")
            % {"columns": ", ".join(f"“{c}”" for c in report.ignored_columns)}
        )
    if report.skipped_columns:
        lines.append(
            _("  columns not read (written for the reader, read from the map): %(columns)s")
            % {"columns": ", ".join(f"“{c}”" for c in report.skipped_columns)}
        )
    return lines


def worksheet_name(number: int) -> str:
    if number == 1:
        return _("stakeholder analysis cards")
    return _("cross-issue expansion plan")


def summary_text(report: WorksheetReport) -> str:
    first, *rest = import_summary(report).split("\n")
    return "\n".join([first, *worksheet_lines(report), *rest])
