"""Opening a CSV or XLSX file as a header and a stream of rows, refusing files that are not
tables (empty, binary, zip bombs) before they cost memory."""

import codecs
import csv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

SAMPLE_BYTES = 256 * 1024
MAX_XLSX_UNCOMPRESSED = 2 * 1024**3
MAX_XLSX_RATIO = 200
XLSX_MAGIC = b"PK\x03\x04"
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

csv.field_size_limit(16 * 1024 * 1024)


class ImportFileError(ValueError):
    """The file as a whole cannot be read; nothing was imported."""


@dataclass
class Table:
    headers: list[str]
    rows: Iterator[tuple[int, list[Any]]]  # (line or row number in the file, cells)
    description: str  # "CSV, UTF-8, comma" or "XLSX, sheet ภาคี"


def open_table(path: Path, sheet: str | None = None) -> Table:
    if not path.exists():
        raise ImportFileError(_("The file %(path)s does not exist.") % {"path": path})
    if path.stat().st_size == 0:
        raise ImportFileError(_("The file is empty."))
    with path.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES)
    if head.startswith(XLSX_MAGIC):
        return _open_xlsx(path, sheet)
    if sheet:
        raise ImportFileError(_("--sheet applies to XLSX workbooks; this file is CSV."))
    return _open_csv(path, head)


def _load_workbook(path: Path) -> Any:
    """The workbook, read-only with cached values, after the zip-bomb check."""
    _check_zip(path).close()
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise ImportFileError(
            _("The XLSX file cannot be opened: %(error)s") % {"error": error}
        ) from None


def workbook_sheets(path: Path) -> list[str]:
    """The sheets of an XLSX workbook that hold cells (all of them if none does), after the same
    zip-bomb check as ``open_table``; the browser import lets the user choose one."""
    workbook = _load_workbook(path)
    try:
        filled = [name for name in workbook.sheetnames if _has_cells(workbook[name])]
        return filled or list(workbook.sheetnames)
    finally:
        workbook.close()


def table_from_rows(headers: list[str], rows: list[list[Any]], description: str) -> Table:
    """A table from rows already in memory (the demo data, the browser's upload preview)."""
    return Table(headers, ((n, row) for n, row in enumerate(rows, start=2)), description)


def _detect_encoding(head: bytes) -> str:
    if b"\x00" in head:
        raise ImportFileError(
            _("This is not a text table (it contains binary data). Save it as CSV or XLSX.")
        )
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = head.decode("cp874")
    except UnicodeDecodeError:
        raise ImportFileError(
            _("The file is neither UTF-8 nor Windows-874 (TIS-620) text. Save it as CSV UTF-8.")
        ) from None
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\r\n\t")
    if controls > len(text) // 100:
        raise ImportFileError(
            _("This is not a text table (it contains binary data). Save it as CSV or XLSX.")
        )
    return "cp874"


def _detect_delimiter(sample: str) -> str:
    lines = [line for line in sample.splitlines()[:20] if line.strip()]
    if not lines:
        return ","
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters=",;\t").delimiter
    except csv.Error:
        counts = {d: lines[0].count(d) for d in ",;\t"}
        return max(counts, key=lambda d: counts[d])


class _DecodedLines:
    """The file's lines decoded one by one, so that a line in another encoding is named by its
    own number rather than by wherever a read-ahead buffer happened to end."""

    def __init__(self, path: Path, encoding: str):
        self.handle = path.open("rb")
        self.encoding = "utf-8" if encoding == "utf-8-sig" else encoding
        self.line = 0

    def __iter__(self) -> Iterator[str]:
        for raw in self.handle:
            self.line += 1
            if self.line == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            try:
                yield raw.decode(self.encoding)
            except UnicodeDecodeError:
                raise ImportFileError(
                    _("Line %(line)d is not valid %(encoding)s text; the file mixes encodings.")
                    % {"line": self.line, "encoding": self.encoding}
                ) from None

    def close(self) -> None:
        self.handle.close()


def _open_csv(path: Path, head: bytes) -> Table:
    encoding = _detect_encoding(head)
    sample = codecs.getincrementaldecoder(encoding)(errors="ignore").decode(head, final=False)
    delimiter = _detect_delimiter(sample)
    lines = _DecodedLines(path, encoding)
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        headers = next(reader)
    except StopIteration:
        lines.close()
        raise ImportFileError(_("The file is empty.")) from None
    except (ImportFileError, csv.Error) as error:
        lines.close()
        raise ImportFileError(
            _("The first line cannot be read: %(error)s") % {"error": error}
        ) from None

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            start = lines.line + 1
            for cells in reader:
                yield start, cells
                start = lines.line + 1
        except csv.Error as error:
            raise ImportFileError(
                _("Line %(line)d cannot be read: %(error)s") % {"line": start, "error": error}
            ) from None
        finally:
            lines.close()

    names = {",": _("comma"), ";": _("semicolon"), "\t": _("tab")}
    label = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "cp874": "Windows-874"}[encoding]
    return Table(headers, rows(), f"CSV, {label}, {names[delimiter]}")


def _check_zip(path: Path) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise ImportFileError(_("The XLSX file is damaged and cannot be opened.")) from None
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > MAX_XLSX_UNCOMPRESSED or (
            info.file_size > 10 * 1024**2 and ratio > MAX_XLSX_RATIO
        ):
            archive.close()
            raise ImportFileError(
                _("The XLSX file expands to far more data than it holds (a “zip bomb”); refused.")
            )
    return archive


def _open_xlsx(path: Path, sheet: str | None) -> Table:
    workbook = _load_workbook(path)
    names = workbook.sheetnames
    if sheet is not None:
        if sheet not in names:
            workbook.close()
            raise ImportFileError(
                _("The workbook has no sheet “%(sheet)s”; its sheets are: %(names)s.")
                % {"sheet": sheet, "names": ", ".join(names)}
            )
        chosen = sheet
    else:
        filled = [name for name in names if _has_cells(workbook[name])]
        if len(filled) > 1:
            workbook.close()
            raise ImportFileError(
                _("The workbook has several sheets (%(names)s); choose one with --sheet.")
                % {"names": ", ".join(filled)}
            )
        chosen = filled[0] if filled else names[0]
    worksheet = workbook[chosen]
    merges = _Merges(_merged_ranges(workbook, worksheet))
    stream = worksheet.iter_rows(values_only=True)
    try:
        header_row = next(stream)
    except StopIteration:
        workbook.close()
        raise ImportFileError(_("The sheet “%(sheet)s” is empty.") % {"sheet": chosen}) from None
    merges.fill(1, list(header_row))  # a range may start in the header; headers stay as written

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            for number, cells in enumerate(stream, start=2):
                values = list(cells)
                if merges.ranges:
                    merges.fill(number, values)
                yield number, values
        finally:
            workbook.close()

    headers = [("" if h is None else str(h)) for h in header_row]
    return Table(headers, rows(), f"XLSX, {chosen}")


def _has_cells(worksheet: Any) -> bool:
    return any(
        any(v is not None for v in row) for row in worksheet.iter_rows(max_row=5, values_only=True)
    )


Range = tuple[int, int, int, int]  # min_col, min_row, max_col, max_row


def _merged_ranges(workbook: Any, worksheet: Any) -> list[Range]:
    """The sheet's merged ranges. Read-only worksheets do not expose merges, so they are read
    from the sheet's XML, streamed."""
    refs: list[str] = []
    with workbook._archive.open(worksheet._worksheet_path) as xml:
        for _event, element in iterparse(xml):
            if element.tag == f"{_MAIN_NS}mergeCell":
                refs.append(element.get("ref", ""))
            element.clear()
    return [range_boundaries(ref) for ref in refs]  # type: ignore[misc]


class _Merges:
    """Fills each merged range with the value of its top-left cell, taken as the rows stream
    past it (a merged range holds its value only there)."""

    def __init__(self, ranges: list[Range]) -> None:
        self.ranges = ranges
        self.values: dict[Range, Any] = {}

    def fill(self, number: int, values: list[Any]) -> None:
        for merged in self.ranges:
            min_col, min_row, max_col, max_row = merged
            if number == min_row:
                self.values[merged] = values[min_col - 1] if min_col <= len(values) else None
            if min_row <= number <= max_row:
                values.extend([None] * (max_col - len(values)))
                values[min_col - 1 : max_col] = [self.values.get(merged)] * (max_col - min_col + 1)
