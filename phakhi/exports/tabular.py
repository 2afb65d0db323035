"""CSV and XLSX: the import columns, so an exported file imports back unchanged.

Text that a spreadsheet would run as a formula (it begins with = + - @, a tab or a carriage
return) gets an apostrophe in front (``phakhi.core.cells.neutralize``); the importer takes it
off again (``unneutralize`` in ``cell_text``).
"""

import csv
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from phakhi.core.cells import neutralize
from phakhi.core.limits import CELL_LENGTH, SHEET_ROWS
from phakhi.exports.errors import ExportError
from phakhi.exports.selectors import (
    TIE_FIELDS,
    Scope,
    actor_attribute_keys,
    actor_keys,
    iter_actors,
    iter_ties,
    tie_attribute_keys,
)
from phakhi.imports.columns import ACTOR_COLUMNS, TIE_COLUMNS, headers_for

SHEETS = {False: ("actors", "ties"), True: ("ภาคี", "ความสัมพันธ์")}
XLSX_MAX_ROWS = SHEET_ROWS
XLSX_MAX_CELL = CELL_LENGTH


class Table:
    """Headers and text rows of the actor and tie tables of a scope."""

    def __init__(self, scope: Scope, thai_headers: bool) -> None:
        self.scope = scope
        self.actor_attributes = actor_attribute_keys(scope)
        self.tie_attributes = tie_attribute_keys(scope)
        self.actor_headers = [*headers_for(ACTOR_COLUMNS, thai_headers), *self.actor_attributes]
        self.tie_headers = [*headers_for(TIE_COLUMNS, thai_headers), *self.tie_attributes]
        self.keys = actor_keys(scope)

    def actor_rows(self) -> Iterator[list[str]]:
        for row in iter_actors(self.scope, self.keys):
            yield row.cells(self.actor_attributes)

    def tie_rows(self) -> Iterator[list[str]]:
        for row in iter_ties(self.scope, self.keys):
            yield row.cells(self.tie_attributes)


def write_csv(scope: Scope, paths: list[Path], thai_headers: bool) -> None:
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


def xlsx_cell(value: str, sheet: str, key: str, header: str) -> str | None:
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
                "sheet": sheet,
                "length": len(value),
                "limit": XLSX_MAX_CELL,
            }
        )
    # Control characters cannot be stored in a workbook at all (openpyxl refuses them).
    return neutralize(ILLEGAL_CHARACTERS_RE.sub("", value))


def _check_size(scope: Scope, sheets: tuple[str, str]) -> None:
    for sheet, count in ((sheets[0], scope.actors().count()), (sheets[1], scope.ties().count())):
        if count >= XLSX_MAX_ROWS:
            raise ExportError(
                _(
                    "The sheet %(sheet)s would have %(count)d rows, more than the %(limit)d an "
                    "Excel sheet holds. Export as CSV instead, or export one network at a time."
                )
                % {"sheet": sheet, "count": count, "limit": XLSX_MAX_ROWS - 1}
            )


def write_xlsx(scope: Scope, paths: list[Path], thai_headers: bool) -> None:
    """One workbook with an actors sheet and a ties sheet (ภาคี and ความสัมพันธ์ in Thai)."""
    sheets = SHEETS[thai_headers]
    _check_size(scope, sheets)
    table = Table(scope, thai_headers)
    workbook = Workbook(write_only=True)
    strength = TIE_FIELDS.index("strength")
    try:
        for title, headers, rows in (
            (sheets[0], table.actor_headers, table.actor_rows()),
            (sheets[1], table.tie_headers, table.tie_rows()),
        ):
            sheet = workbook.create_sheet(title)
            sheet.append([neutralize(h) for h in headers])
            numbers = title == sheets[1]  # tie strength is a number: Excel can sum and sort it
            for row in rows:
                cells: list[str | int | None] = [
                    xlsx_cell(v, title, row[0], h) for v, h in zip(row, headers, strict=True)
                ]
                if numbers:
                    cells[strength] = int(row[strength])
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
