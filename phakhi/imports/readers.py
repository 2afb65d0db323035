"""Opening a CSV or XLSX file as a header and a stream of rows, refusing files that are not
tables (empty, binary, zip bombs) or that hold more than an import reads (docs/operations.md,
"Limits") before they cost memory: a row is read at a time, never the whole file."""

import codecs
import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from phakhi.core.limits import CELL_LENGTH, import_max_columns
from phakhi.imports.workbooks import WorkbookRefused, merged_ranges, open_workbook

SAMPLE_BYTES = 256 * 1024
XLSX_MAGIC = b"PK\x03\x04"
# One row of a CSV (one line, or several within quotes) is read whole: at most this much.
ROW_BYTES = 16 * 1024 * 1024

csv.field_size_limit(ROW_BYTES)


class ImportFileError(ValueError):
    """The file as a whole cannot be read; nothing was imported."""


@dataclass
class Table:
    headers: list[str]
    rows: Iterator[tuple[int, list[Any]]]  # (line or row number in the file, cells)
    description: str  # "CSV, UTF-8, comma" or "XLSX, sheet ภาคี"
    written: list[str] | None = None  # the file's own headers, where a mapping renamed them

    @property
    def file_headers(self) -> list[str]:
        return self.written if self.written is not None else self.headers


def open_table(
    path: Path, sheet: str | None = None, name: str | None = None, header_line: int = 1
) -> Table:
    """The file's table. ``name`` is how messages call the file (the name a browser upload
    had); by default its path, as the user typed it. ``header_line`` is the line (row) of the
    headers, when a title stands above them: the lines above it are not read."""
    name = name or str(path)
    if not path.exists():
        raise ImportFileError(_("The file %(path)s does not exist.") % {"path": name})
    if path.stat().st_size == 0:
        raise ImportFileError(_("The file is empty."))
    with path.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES)
    if head.startswith(XLSX_MAGIC):
        return _open_xlsx(path, sheet, name, header_line)
    if sheet:
        raise ImportFileError(_("--sheet applies to XLSX workbooks; this file is CSV."))
    return _open_csv(path, head, name, header_line)


def _load_workbook(path: Path, name: str) -> Any:
    """The workbook, read-only with cached values, opened in bounded memory (workbooks.py)."""
    try:
        return open_workbook(path, name)
    except WorkbookRefused as refused:
        raise ImportFileError(str(refused)) from None
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        # openpyxl wraps the parser's error in its own, which names the stored file's path.
        reason = (str(error.__cause__ or error).splitlines() or ["?"])[0]
        raise ImportFileError(
            _("“%(name)s” cannot be opened as an XLSX workbook: %(error)s")
            % {"name": name, "error": reason.replace(str(path), name)}
        ) from None


def workbook_sheets(path: Path, name: str | None = None) -> list[str]:
    """The sheets of an XLSX workbook that hold cells (all of them if none does), after the same
    checks as ``open_table``; the browser import lets the user choose one."""
    workbook = _load_workbook(path, name or str(path))
    try:
        filled = [name for name in workbook.sheetnames if _has_cells(workbook[name])]
        return filled or list(workbook.sheetnames)
    except WorkbookRefused as refused:
        raise ImportFileError(str(refused)) from None
    finally:
        workbook.close()


def workbook_rows(path: Path, sheet: str, name: str | None = None) -> int:
    """The number of rows a sheet says it has (its recorded size), without reading them."""
    workbook = _load_workbook(path, name or str(path))
    try:
        return int(workbook[sheet].max_row or 1)
    finally:
        workbook.close()


def table_from_rows(headers: list[str], rows: list[list[Any]], description: str) -> Table:
    """A table from rows already in memory (the demo data, the browser's upload preview)."""
    return Table(headers, ((n, row) for n, row in enumerate(rows, start=2)), description)


def _detect_encoding(head: bytes) -> str:
    # A stray NUL in a text file is named with its line and column as the rows are read; many
    # of them make a binary file.
    if head.count(b"\x00") > max(len(head) // 100, 1):
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


@dataclass
class _Scan:
    """What a pass over a CSV file's bytes found, before its rows are read."""

    nul: bool = False  # a NUL character somewhere
    long_lines: bool = False  # a line that may hold a cell longer than CELL_LENGTH


def _scan_csv(path: Path) -> _Scan:
    """One quick pass over the file's bytes (at the speed of reading it): a line longer than
    ROW_BYTES is refused here, before any is read whole, and the rows are then checked cell by
    cell only where a NUL or a line long enough for a cell beyond CELL_LENGTH may be."""
    scan = _Scan()
    window = CELL_LENGTH // 2  # a line longer than a cell covers a whole window without "\n"
    line, run = 1, 0  # the line the chunk starts in, and its bytes in earlier chunks
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            scan.nul = scan.nul or b"\x00" in chunk
            first = chunk.find(b"\n")
            if run + (len(chunk) if first < 0 else first) > ROW_BYTES:
                raise ImportFileError(
                    _(
                        "Line %(line)d: the row is longer than %(limit)d MB, far more than a "
                        "row of a table; is this a CSV file?"
                    )
                    % {"line": line, "limit": ROW_BYTES // 1024**2}
                )
            if first < 0:
                run += len(chunk)
                continue
            if not scan.long_lines:
                scan.long_lines = run + first > CELL_LENGTH or any(
                    chunk.find(b"\n", at, at + window) < 0
                    for at in range(first, len(chunk) - window, window)
                )
            line += chunk.count(b"\n")
            run = len(chunk) - chunk.rfind(b"\n") - 1
    scan.long_lines = scan.long_lines or run > CELL_LENGTH
    return scan


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


def _column_name(headers: list[str], index: int) -> str:
    header = str(headers[index]).strip() if index < len(headers) else ""
    if not header:
        return _("column %(number)d") % {"number": index + 1}
    return header if len(header) <= 100 else header[:100] + "…"


def check_cells(line: int, cells: list[Any], headers: list[str]) -> None:
    """Refuse a row with a cell no spreadsheet can hold (longer than CELL_LENGTH) or that the
    database cannot store (a NUL character), naming its line and column."""
    for index, value in enumerate(cells):
        if value.__class__ is not str:
            continue
        if "\x00" in value:
            raise ImportFileError(
                _(
                    "Line %(line)d, column “%(column)s”: the cell holds a NUL character (binary "
                    "data), which cannot be stored. Remove it and import the file again."
                )
                % {"line": line, "column": _column_name(headers, index)}
            )
        if len(value) > CELL_LENGTH:
            raise ImportFileError(
                _(
                    "Line %(line)d, column “%(column)s”: the cell holds %(length)d characters; a "
                    "cell may hold at most %(limit)d (a spreadsheet's limit). Shorten it and "
                    "import the file again."
                )
                % {
                    "line": line,
                    "column": _column_name(headers, index),
                    "length": len(value),
                    "limit": CELL_LENGTH,
                }
            )


def checked_headers(cells: list[Any], name: str) -> list[str]:
    """The header row as text, up to its last named column, within the column limit."""
    headers = ["" if h is None else str(h) for h in cells]
    while headers and not headers[-1].strip():
        headers.pop()
    check_cells(1, headers, headers)
    limit = import_max_columns()
    if len(headers) > limit:
        raise ImportFileError(
            _(
                "“%(name)s” has %(count)d columns; an import reads at most %(limit)d. The column "
                "“%(column)s” is number %(number)d: delete the columns you do not need, or ask "
                "the administrator to raise PHAKHI_IMPORT_MAX_COLUMNS."
            )
            % {
                "name": name,
                "count": len(headers),
                "limit": limit,
                "column": _column_name(headers, limit),
                "number": limit + 1,
            }
        )
    return headers


def _open_csv(path: Path, head: bytes, name: str, header_line: int = 1) -> Table:
    encoding = _detect_encoding(head)
    sample = codecs.getincrementaldecoder(encoding)(errors="ignore").decode(head, final=False)
    delimiter = _detect_delimiter(sample)
    scan = _scan_csv(path)
    check_every_row = scan.nul or scan.long_lines
    lines = _DecodedLines(path, encoding)
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        for _line in range(header_line - 1):
            next(reader)
        header_cells = next(reader)
        headers = checked_headers(header_cells, name)
    except StopIteration:
        lines.close()
        raise ImportFileError(_("The file is empty.")) from None
    except ImportFileError:
        lines.close()
        raise
    except csv.Error as error:
        lines.close()
        raise ImportFileError(
            _("The first line cannot be read: %(error)s") % {"error": error}
        ) from None
    width = len(headers)

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            start = lines.line + 1
            for cells in reader:
                # A row over several lines (a quoted line break) may add up to a long cell.
                if check_every_row or lines.line != start:
                    check_cells(start, cells, headers)
                yield start, cells if len(cells) <= width else cells[:width]
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


def _open_xlsx(path: Path, sheet: str | None, name: str, header_line: int = 1) -> Table:
    workbook = _load_workbook(path, name)
    try:
        return _sheet_table(workbook, sheet, name, header_line)
    except WorkbookRefused as refused:
        workbook.close()
        raise ImportFileError(str(refused)) from None
    except BaseException:
        workbook.close()
        raise


def _sheet_table(workbook: Any, sheet: str | None, name: str, header_line: int = 1) -> Table:
    names = workbook.sheetnames
    if sheet is not None:
        if sheet not in names:
            raise ImportFileError(
                _("The workbook has no sheet “%(sheet)s”; its sheets are: %(names)s.")
                % {"sheet": sheet, "names": ", ".join(names)}
            )
        chosen = sheet
    else:
        filled = [name for name in names if _has_cells(workbook[name])]
        if len(filled) > 1:
            raise ImportFileError(
                _("The workbook has several sheets (%(names)s); choose one with --sheet.")
                % {"names": ", ".join(filled)}
            )
        chosen = filled[0] if filled else names[0]
    worksheet = workbook[chosen]
    # Rows are read as they are in the sheet, not as its recorded size says: a size that is
    # wrong would cut rows off or pad every row to it.
    worksheet.reset_dimensions()
    merges = _Merges(merged_ranges(workbook, worksheet))
    header_row = next(
        worksheet.iter_rows(min_row=header_line, max_row=header_line, values_only=True), None
    )
    if header_row is None:
        raise ImportFileError(_("The sheet “%(sheet)s” is empty.") % {"sheet": chosen})
    # A range may start in the header; headers stay as written.
    merges.fill(header_line, list(header_row))
    headers = checked_headers(list(header_row), name)
    width = max(len(headers), 1)
    stream = worksheet.iter_rows(min_row=header_line + 1, max_col=width, values_only=True)

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            for number, row in enumerate(stream, start=header_line + 1):
                values = list(row)
                if merges.ranges:
                    merges.fill(number, values)
                check_cells(number, values, headers)
                yield number, values
        except WorkbookRefused as refused:
            raise ImportFileError(str(refused)) from None
        finally:
            workbook.close()

    return Table(headers, rows(), f"XLSX, {chosen}")


def _has_cells(worksheet: Any) -> bool:
    return any(
        any(v is not None for v in row) for row in worksheet.iter_rows(max_row=5, values_only=True)
    )


Range = tuple[int, int, int, int]  # min_col, min_row, max_col, max_row


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
