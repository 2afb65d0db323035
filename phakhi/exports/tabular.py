"""CSV and XLSX: the import columns, so an exported file imports back unchanged.

Text that a spreadsheet would run as a formula (it begins with = + - @, a tab or a carriage
return) must stay text. A workbook says so with the cell's type: such a cell is written as a
text cell in the Text number format ("@"), which Excel and LibreOffice show as it is and keep as
text when it is edited, so "+66812345678" reads "+66812345678". A CSV has no types: there the
text gets an apostrophe in front (``phakhi.core.cells.neutralize``, OWASP's advice), which the
importer takes off again (``unneutralize`` in ``cell_text``).

With Thai headers the closed vocabularies are written in Thai too (บุคคล, ภาครัฐ, ใช่): the
labels the pages show, which the importer reads back.
"""

import csv
from collections.abc import Iterator
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from phakhi.actors.models import Kind, Sector
from phakhi.core.cells import neutralize, xlsx_text
from phakhi.core.limits import CELL_LENGTH, SHEET_ROWS
from phakhi.exports.errors import ExportError
from phakhi.exports.selectors import (
    TIE_FIELDS,
    Export,
    actor_attribute_keys,
    actor_keys,
    iter_actors,
    iter_ties,
    tie_attribute_keys,
)
from phakhi.imports.columns import ACTOR_COLUMNS, TIE_COLUMNS, headers_for
from phakhi.ties.vocabulary import INTEGER_ATTRIBUTES

SHEETS = {False: ("actors", "ties"), True: ("ภาคี", "ความสัมพันธ์")}
XLSX_MAX_ROWS = SHEET_ROWS
XLSX_MAX_CELL = CELL_LENGTH

# Yes and no as the tie vocabulary reads them (phakhi.ties.vocabulary.DIRECTED).
THAI_DIRECTED = {"true": "ใช่", "false": "ไม่ใช่"}


def thai_values() -> dict[str, dict[str, str]]:
    """Column → stored value → the Thai label the pages show for it."""
    with translation.override("th"):
        return {
            "kind": {value: str(label) for value, label in Kind.choices},
            "sector": {value: str(label) for value, label in Sector.choices},
            "directed": THAI_DIRECTED,
        }


def _in_thai(columns: list[str], labels: dict[str, dict[str, str]]) -> list[tuple[int, dict]]:
    return [(columns.index(name), labels[name]) for name in labels if name in columns]


class Table:
    """Headers and text rows of the actor and tie tables of a scope."""

    def __init__(self, scope: Export, thai_headers: bool) -> None:
        self.scope = scope
        self.actor_attributes = actor_attribute_keys(scope)
        self.tie_attributes = tie_attribute_keys(scope)
        self.actor_headers = [*headers_for(ACTOR_COLUMNS, thai_headers), *self.actor_attributes]
        self.tie_headers = [*headers_for(TIE_COLUMNS, thai_headers), *self.tie_attributes]
        self.keys = actor_keys(scope)
        labels = thai_values() if thai_headers else {}
        self._actor_thai = _in_thai(headers_for(ACTOR_COLUMNS), labels)
        self._tie_thai = _in_thai(headers_for(TIE_COLUMNS), labels)

    def actor_rows(self) -> Iterator[list[str]]:
        for row in iter_actors(self.scope, self.keys):
            yield _translated(row.cells(self.actor_attributes), self._actor_thai)

    def tie_rows(self) -> Iterator[list[str]]:
        for row in iter_ties(self.scope, self.keys):
            yield _translated(row.cells(self.tie_attributes), self._tie_thai)


def _translated(cells: list[str], columns: list[tuple[int, dict[str, str]]]) -> list[str]:
    for index, labels in columns:
        cells[index] = labels.get(cells[index], cells[index])
    return cells


def write_csv(scope: Export, paths: list[Path], thai_headers: bool) -> None:
    """Two files, actors and ties, in UTF-8 with a BOM so that Excel shows Thai correctly."""
    table = Table(scope, thai_headers)
    actors_path, ties_path = paths
    for path, headers, rows in (
        (actors_path, table.actor_headers, table.actor_rows()),
        (ties_path, table.tie_headers, table.tie_rows()),
    ):
        with path.open("w", encoding="utf-8-sig", newline="", buffering=1 << 20) as handle:
            writer = csv.writer(handle)
            writer.writerow([neutralize(h) for h in headers])
            writer.writerows([neutralize(v) if v else v for v in row] for row in rows)


def xlsx_cell(sheet: WriteOnlyWorksheet, value: str, key: str, header: str) -> Cell | str | None:
    """A value of the row of ``key`` for the column ``header``; refused if no cell holds it."""
    if not value:
        return None
    if len(value) > XLSX_MAX_CELL:
        raise ExportError(
            _(
                "The %(column)s of “%(key)s” (sheet %(sheet)s) is %(length)d characters long; "
                "an Excel cell holds at most %(limit)d. Export as CSV or JSON instead."
            )
            % {
                "column": header,
                "key": key,
                "sheet": sheet.title,
                "length": len(value),
                "limit": XLSX_MAX_CELL,
            }
        )
    # Control characters cannot be stored in a workbook at all (openpyxl refuses them).
    return xlsx_text(sheet, ILLEGAL_CHARACTERS_RE.sub("", value))


def _check_size(scope: Export, sheets: tuple[str, str]) -> None:
    for sheet, count in ((sheets[0], scope.actors().count()), (sheets[1], scope.ties().count())):
        if count >= XLSX_MAX_ROWS:
            raise ExportError(
                _(
                    "The sheet %(sheet)s would have %(count)d rows, more than the %(limit)d an "
                    "Excel sheet holds. Export as CSV instead, or export one network at a time."
                )
                % {"sheet": sheet, "count": count, "limit": XLSX_MAX_ROWS - 1}
            )


def write_xlsx(scope: Export, paths: list[Path], thai_headers: bool) -> None:
    """One workbook with an actors sheet and a ties sheet (ภาคี and ความสัมพันธ์ in Thai)."""
    sheets = SHEETS[thai_headers]
    _check_size(scope, sheets)
    table = Table(scope, thai_headers)
    workbook = Workbook(write_only=True)
    strength = TIE_FIELDS.index("strength")
    # Whole-number tie attributes (shared_activities) go in as numbers too.
    counted = [
        len(TIE_FIELDS) + i
        for i, key in enumerate(table.tie_attributes)
        if key in INTEGER_ATTRIBUTES
    ]
    try:
        for title, headers, rows in (
            (sheets[0], table.actor_headers, table.actor_rows()),
            (sheets[1], table.tie_headers, table.tie_rows()),
        ):
            sheet = workbook.create_sheet(title)
            sheet.append([xlsx_text(sheet, h) for h in headers])
            numbers = title == sheets[1]  # tie strength is a number: Excel can sum and sort it
            for row in rows:
                cells: list[Cell | str | int | None] = [
                    xlsx_cell(sheet, v, row[0], h) for v, h in zip(row, headers, strict=True)
                ]
                if numbers:
                    cells[strength] = int(row[strength])
                    for index in counted:
                        if row[index].removeprefix("-").isdigit():
                            cells[index] = int(row[index])
                sheet.append(cells)
    except BaseException:
        discard(workbook)
        raise
    workbook.save(paths[0])


def discard(workbook: Workbook) -> None:
    """Remove the temporary file openpyxl keeps each write-only sheet in until it is saved;
    otherwise a failed export in a long-running server leaves it behind until exit."""
    for sheet in workbook.worksheets:
        sheet.close()
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            writer.cleanup()
