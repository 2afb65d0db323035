"""Opening a filled worksheet: which worksheet it is (1's card table or 4's plan), told from its
headers by ``phakhi.worksheets.columns``, and which column holds what.

The file is read by ``phakhi.imports.readers`` (encodings, XLSX, limits). A workbook may hold
several sheets (the export writes one per step of worksheet 1) and a title above the table:
the first sheet with a worksheet's header row among its first rows is the one read."""

import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from phakhi.core.cells import cell_text
from phakhi.imports.columns import ERROR_LINE_COLUMN, ERROR_REASON_COLUMN
from phakhi.imports.readers import (
    XLSX_MAGIC,
    ImportFileError,
    Table,
    open_table,
    workbook_sheets,
)
from phakhi.worksheets.columns import EXPANSION_PLAN, STAKEHOLDER_CARDS, Column
from phakhi.worksheets.columns import Table as ColumnTable
from phakhi.worksheets.columns import recognize as recognize_table

# A title, the project's name and a date may stand above the table's header row.
HEADER_SEARCH_ROWS = 20


@dataclass
class WorksheetTable:
    """A worksheet's rows and the column each of its fields is read from. ``ignored`` are the
    file's columns the import does not know, ``skipped`` those it knows and does not read
    (what the map said): the report names both, so nothing is dropped in silence."""

    sheet: ColumnTable
    table: Table
    columns: dict[str, Column]  # column key → its column
    indexes: dict[str, int]  # column key → index of its cell in a row
    header_line: int
    ignored: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def header(self, key: str) -> str:
        """The file's own header of a column, as the messages name it."""
        index = self.indexes.get(key)
        return str(self.table.headers[index]).strip() if index is not None else key

    def cells(self, cells: list[Any]) -> dict[str, str]:
        """A row's text in each known column (a cell past the row's end reads as empty)."""
        return {
            key: cell_text(cells[index]) if index < len(cells) else ""
            for key, index in self.indexes.items()
        }


@dataclass
class _Match:
    sheet: ColumnTable
    indexes: dict[str, int]
    ignored: list[str]
    skipped: list[str]
    repeated: list[tuple[str, str, str]]  # (first header, second header, column key)


def match_headers(headers: list[str], sheet: ColumnTable) -> _Match:
    """Which of ``headers`` are the worksheet's columns (by any of their names, compared in
    normalized form); the columns written for the reader only are skipped."""
    indexes: dict[str, int] = {}
    ignored: list[str] = []
    skipped: list[str] = []
    repeated: list[tuple[str, str, str]] = []
    for index, header in enumerate(headers):
        text = str(header or "").strip()
        if not text or text in (ERROR_LINE_COLUMN, ERROR_REASON_COLUMN):
            continue
        column = sheet.column_for(text)
        if column is None:
            ignored.append(text)
        elif column.read_only:
            skipped.append(text)
        elif column.key in indexes:
            repeated.append((str(headers[indexes[column.key]]).strip(), text, column.key))
        else:
            indexes[column.key] = index
    return _Match(sheet, indexes, ignored, skipped, repeated)


def recognize(headers: list[str]) -> _Match | None:
    sheet = recognize_table(headers)
    return match_headers(headers, sheet) if sheet is not None else None


def _close(table: Table) -> None:
    close = getattr(table.rows, "close", None)
    if close is not None:
        close()


def _from_table(table: Table, line: int, found: _Match) -> WorksheetTable:
    if found.repeated:
        _close(table)
        first, second, key = found.repeated[0]
        raise ImportFileError(
            _("The columns “%(first)s” and “%(second)s” both mean “%(name)s”; keep one.")
            % {"first": first, "second": second, "name": found.sheet.column(key).english}
        )
    columns = {key: found.sheet.column(key) for key in found.indexes}
    return WorksheetTable(
        found.sheet, table, columns, found.indexes, line, found.ignored, found.skipped
    )


def _not_a_worksheet(name: str, seen: list[str]) -> ImportFileError:
    wanted = "; ".join(
        f"{sheet.english_title} ({sheet.thai_title}): "
        + ", ".join(f"“{c.thai}” / “{c.english}”" for c in sheet.required)
        for sheet in (STAKEHOLDER_CARDS, EXPANSION_PLAN)
    )
    found = ", ".join(f"“{h}”" for h in seen if str(h).strip()) or _("none")
    return ImportFileError(
        _(
            "“%(name)s” is neither a worksheet 1 card table nor a worksheet 4 plan: none of its "
            "first rows holds the headers of one (%(wanted)s). Its first row holds: %(found)s."
        )
        % {"name": name, "wanted": wanted, "found": found}
    )


def _known(text: str) -> bool:
    return bool(text) and any(t.column_for(text) for t in (STAKEHOLDER_CARDS, EXPANSION_PLAN))


def _lines_with_headers(table: Table) -> list[int]:
    """The first lines (after the first) that hold one of the worksheets' headers: where a
    header row may be. The rows read here are as wide as the first line, which may be a title
    alone, so each is only a hint."""
    return [
        line
        for line, cells in itertools.islice(table.rows, HEADER_SEARCH_ROWS - 1)
        if any(_known(cell_text(c)) for c in cells)
    ]


def _sheet_worksheet(
    path: Path, sheet: str | None, name: str, every_line: bool
) -> WorksheetTable | None:
    """The worksheet of one sheet (or of a CSV file), its headers on one of its first lines;
    None when no line of them is a worksheet's header row. With ``every_line`` each of the
    first lines is tried (a single sheet); otherwise those that hold a worksheet's header."""
    table = open_table(path, sheet, name)
    found = recognize(table.headers)
    if found is not None:
        return _from_table(table, 1, found)
    try:
        lines = range(2, HEADER_SEARCH_ROWS + 1) if every_line else _lines_with_headers(table)
    finally:
        _close(table)
    for line in lines:
        try:
            table = open_table(path, sheet, name, header_line=line)
        except ImportFileError:
            return None  # fewer lines than that
        found = recognize(table.headers)
        if found is not None:
            return _from_table(table, line, found)
        _close(table)
    return None


def open_worksheet(path: Path, name: str | None = None) -> WorksheetTable:
    """The worksheet in the file at ``path`` (``name``: how messages call the file)."""
    name = name or str(path)
    sheets: list[str | None] = [None]
    if path.is_file():
        with path.open("rb") as handle:
            if handle.read(len(XLSX_MAGIC)) == XLSX_MAGIC:
                sheets = list(workbook_sheets(path, name))
    for sheet in sheets:
        found = _sheet_worksheet(path, sheet, name, every_line=len(sheets) == 1)
        if found is not None:
            return found
    table = open_table(path, sheets[0], name)
    _close(table)
    raise _not_a_worksheet(name, table.headers)
