"""What the two worksheet imports share: the report, a row's cells read through the column
table, a service's refusal turned into the row's problems, and one row written in its own
transaction."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from phakhi.core.cells import cell_text
from phakhi.core.versions import EditConflict
from phakhi.imports.report import ImportReport
from phakhi.worksheets.columns import ColumnError
from phakhi.worksheets.reading import WorksheetTable

Problem = tuple[str, str]  # (column key, reason)


@dataclass
class WorksheetReport(ImportReport):
    """An import's report (``phakhi.imports.report``: the counts, each rejected row's line,
    column and reason, the error file) with the worksheet it read and where its rows went."""

    worksheet: int = 0
    project: str = ""
    target: str = ""  # the assessment or plan the rows went into, as people read it
    header_line: int = 1
    ignored_columns: list[str] = field(default_factory=list)
    skipped_columns: list[str] = field(default_factory=list)


@dataclass
class Row:
    """One row of the file, read: the text of each known column and the fields it gives."""

    line: int
    texts: dict[str, str]
    values: dict[str, Any]


def read_row(
    worksheet: WorksheetTable,
    line: int,
    cells: list[Any],
    blanks: Mapping[str, dict[str, Any]] | None = None,
) -> tuple[Row | None, list[Problem]]:
    """The row's fields, read by each column's own ``read``; None for a row with nothing in
    its known columns. ``blanks`` gives what an empty cell of a column means where the
    column's reading of "" is not what the importer stores."""
    texts = worksheet.cells(cells)
    if not any(texts.values()):
        return None, []
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, column in worksheet.columns.items():
        text = texts[key]
        if not text and blanks and key in blanks:
            values.update(blanks[key])
            continue
        try:
            values.update(column.read(text))
        except ColumnError as error:
            problems.append((key, str(error)))
    return Row(line, texts, values), problems


def changes_of(worksheet: WorksheetTable, row: Row, stored: Any) -> dict[str, Any]:
    """The fields the row changes on ``stored``. A cell that reads exactly as the export
    writes the stored value changes nothing (an owner written as the user's name, a kind
    nobody wrote), so a filled export imports back unchanged."""
    changes: dict[str, Any] = {}
    for key, column in worksheet.columns.items():
        if row.texts[key] == cell_text(column.write(stored)):
            continue
        for name in column.fields:
            if name in row.values and getattr(stored, name) != row.values[name]:
                changes[name] = row.values[name]
    return changes


def column_of_field(worksheet: WorksheetTable, name: str, default: str) -> str:
    """The column a model field is read from (``influence_score`` → the influence level's)."""
    for key, column in worksheet.columns.items():
        if name == key or name in column.fields:
            return key
    return default


def refusal_problems(
    worksheet: WorksheetTable, error: ValidationError, default: str
) -> list[Problem]:
    """A service's refusal as problems of the row's columns (a field the file has no column
    for is named on ``default``'s column)."""
    if hasattr(error, "error_dict"):
        return [
            (column_of_field(worksheet, name, default), " ".join(messages))
            for name, messages in error.message_dict.items()
        ]
    return [(default, " ".join(error.messages))]


def write_row(
    report: WorksheetReport,
    worksheet: WorksheetTable,
    line: int,
    default: str,
    write: Callable[[], None],
) -> bool:
    """Run ``write`` in the row's own transaction; a refusal rejects the row, naming its
    column, and leaves the rows before and after it as they are."""
    try:
        with transaction.atomic():
            write()
    except ValidationError as error:
        report.reject(line, refusal_problems(worksheet, error, default))
        return False
    except IntegrityError:
        # Someone added the same stakeholder or row between this import's reading and its
        # write: the row is refused, not merged blindly.
        report.reject(line, [(default, _("It was changed meanwhile; import the file again."))])
        return False
    except EditConflict as conflict:
        report.reject(
            line,
            [
                (
                    default,
                    _("%(conflict)s Import the file again to apply this row.")
                    % {"conflict": conflict},
                )
            ],
        )
        return False
    return True


def repeated(text: str, first: int) -> str:
    return _("“%(value)s” is repeated; it is first on line %(line)d.") % {
        "value": text,
        "line": first,
    }
