"""Spreadsheet cells: their text as a person reads it, and protection against formula injection.

A cell that begins with = + - @ (or a tab or carriage return) would run as a formula when a
spreadsheet opens the file. A workbook says it is text by the cell's type (``xlsx_text``): a text
cell in the Text number format, which Excel and LibreOffice show as it is and keep as text when
it is edited. A CSV has no types, so there it gets an apostrophe in front (``neutralize``,
OWASP's advice) and imports take that apostrophe off again: an exported file imports back
unchanged.
"""

import datetime as dt

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from phakhi.core.thai import clean_text

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TEXT_FORMAT = "@"


def neutralize(text: str) -> str:
    # A value that already begins with apostrophes before a trigger gets one more, so that
    # unneutralize gives it back exactly.
    return "'" + text if text.lstrip("'").startswith(FORMULA_STARTS) else text


def xlsx_text(sheet: WriteOnlyWorksheet, text: str) -> Cell | str:
    """A text for a write-only workbook: as it is, or, when a spreadsheet would run it as a
    formula, as a text cell in the Text format (openpyxl would otherwise store a formula)."""
    if not text.lstrip("'").startswith(FORMULA_STARTS):
        return text
    if text.startswith("'"):
        # An apostrophe the text itself begins with: the importer takes one off (files of
        # earlier versions had one added), so it gets one more, as in a CSV.
        text = neutralize(text)
    cell = WriteOnlyCell(sheet, text)
    cell.data_type = "s"
    cell.number_format = TEXT_FORMAT
    return cell


def unneutralize(text: str) -> str:
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS):
        return text[1:]
    return text


def cell_text(value: object) -> str:
    """The text of a CSV or spreadsheet cell: 12.0 reads as "12", a date as ISO."""
    if value is None:
        return ""
    if isinstance(value, str):
        # Fast path for the millions of plain ASCII cells of a large tie list.
        if value.isascii() and "  " not in value and value.isprintable():
            text = value.strip()
        else:
            text = clean_text(value)
        return unneutralize(text) if text.startswith("'") else text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return clean_text(str(value))


def cell_texts(cells: list[object], indexes: list[int]) -> list[str]:
    """``cell_text`` of the cells at ``indexes`` (an index past the row reads as empty), with
    the plain-ASCII case inlined: a large tie list has tens of millions of such cells."""
    count = len(cells)
    texts = []
    for index in indexes:
        value = cells[index] if index < count else None
        if (
            value.__class__ is str
            and value.isascii()  # type: ignore[union-attr]
            and value.isprintable()  # type: ignore[union-attr]
            and "  " not in value  # type: ignore[operator]
            and not value.startswith("'")  # type: ignore[union-attr]
        ):
            texts.append(value.strip())  # type: ignore[union-attr]
        else:
            texts.append(cell_text(value))
    return texts
