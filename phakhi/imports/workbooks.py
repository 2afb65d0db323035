"""Opening an XLSX workbook for import in bounded memory.

openpyxl's read-only mode streams a sheet's rows, but three things in a workbook still cost
memory in proportion to what the file claims rather than to what a spreadsheet can hold: the
unzipped size (checked here from the zip's central directory before anything is read), the
shared-text table (read here into one compact buffer instead of a list of strings), and what
openpyxl's XML parser keeps of every row it has passed (a few dozen bytes a row). Each part of
the workbook is therefore watched as openpyxl reads it, and the read stops as soon as a sheet
holds more rows or cells than Excel allows, or one text is beyond anything a cell could hold.

The ceiling that results (docs/operations.md, "Limits"): the shared-text part of the workbook,
plus about 100 MB for the rows of a full-size sheet, plus one row.
"""

import zipfile
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, overload
from xml.parsers import expat

from django.utils.translation import gettext as _
from openpyxl.cell.text import Text
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.cell import range_boundaries
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from phakhi.core.limits import SHEET_COLUMNS, SHEET_ROWS, import_max_expanded_bytes

MAX_RATIO = 200  # a part of more than 10 MB that deflated over 200 times is a zip bomb
MAX_PARTS = 10_000  # a workbook has a few dozen parts; each costs memory to list
MAX_TEXT = 1024**2  # characters in one XML text: far beyond a cell (the importer's limit is lower)
MAX_ROW_ELEMENTS = 8 * SHEET_COLUMNS  # a full row of cells, each with a value and rich text
MAX_PART_ELEMENTS = 1_000_000  # any other part (styles, relationships) is read whole by openpyxl
_SI = f"{{{SHEET_MAIN_NS}}}si"


class WorkbookRefused(Exception):
    """The workbook holds more than the import reads; the message says what and where.

    Not a ValueError: openpyxl turns those into a message naming the stored file's path."""


def _mb(size: int) -> str:
    return f"{size / 1024**2:,.0f}"


def check_archive(path: Path, name: str) -> None:
    """Refuse a workbook whose parts, unzipped, would hold more than the import reads, from
    the sizes its central directory declares (zipfile never reads past a declared size)."""
    try:
        with path.open("rb") as handle:
            end = zipfile._EndRecData(handle)  # type: ignore[attr-defined]
    except OSError:
        end = None
    if end is None:
        raise WorkbookRefused(
            _("“%(name)s” is a damaged XLSX workbook and cannot be opened.") % {"name": name}
        )
    if end[zipfile._ECD_ENTRIES_TOTAL] > MAX_PARTS:  # type: ignore[attr-defined]
        raise WorkbookRefused(
            _("“%(name)s” holds %(count)d parts; an XLSX workbook holds a few dozen.")
            % {"name": name, "count": end[zipfile._ECD_ENTRIES_TOTAL]}  # type: ignore[attr-defined]
        )
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise WorkbookRefused(
            _("“%(name)s” is a damaged XLSX workbook and cannot be opened.") % {"name": name}
        ) from None
    limit = import_max_expanded_bytes()
    total = sum(info.file_size for info in parts)
    if total > limit:
        raise WorkbookRefused(
            _(
                "“%(name)s” holds %(size)s MB once unzipped; an import reads workbooks of at "
                "most %(limit)s MB. Save the sheet as CSV (which has no such limit) or split "
                "the workbook, or ask the administrator to raise PHAKHI_IMPORT_MAX_EXPANDED_MB."
            )
            % {"name": name, "size": _mb(total), "limit": _mb(limit)}
        )
    for info in parts:
        if info.file_size > 10 * 1024**2 and info.file_size > MAX_RATIO * info.compress_size:
            raise WorkbookRefused(
                _("“%(name)s” expands to far more data than it holds (a “zip bomb”); refused.")
                % {"name": name}
            )


def open_workbook(path: Path, name: str) -> Any:
    """The workbook, read-only with the values formulas last gave, after ``check_archive``."""
    check_archive(path, name)
    reader = _BoundedReader(path, name)
    try:
        reader.read()
    except BaseException:
        reader.archive.close()
        raise
    return reader.wb


class SharedStrings(Sequence[str]):
    """The workbook's shared texts in one UTF-8 buffer with their end offsets: about the size of
    the text itself, where a list of strings costs some sixty bytes more for each."""

    def __init__(self) -> None:
        self._text = bytearray()
        self._ends = array("Q")

    def append(self, text: str) -> None:
        self._text += text.encode()
        self._ends.append(len(self._text))

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        end = self._ends[index]  # IndexError for a reference past the table, as a list gives
        start = self._ends[index - 1] if index % len(self._ends) else 0
        return self._text[start:end].decode()


def read_shared_strings(source: "IO[bytes] | _GuardedStream") -> SharedStrings:
    """openpyxl's reading of the shared-text table (``read_string_table``), without keeping
    an element for each text it has passed."""
    strings = SharedStrings()
    root = None
    for event, node in iterparse(source, events=("start", "end")):
        if root is None:
            root = node
        elif event == "end" and node.tag == _SI:
            strings.append(Text.from_tree(node).content.replace("x005F_", ""))
            root.clear()
    return strings


def merged_ranges(workbook: Any, worksheet: Any) -> list[tuple[int, int, int, int]]:
    """The sheet's merged ranges (min_col, min_row, max_col, max_row). Read-only worksheets do
    not expose them, and they come after the rows: the sheet's XML is read once through for
    them, by its guard alone (nothing of the rows is kept)."""
    archive: _GuardedArchive = workbook._archive
    ranges = []
    for ref in archive.merges(worksheet._worksheet_path):
        try:
            ranges.append(range_boundaries(ref))
        except (TypeError, ValueError):
            continue  # as openpyxl does with a range it cannot read: the cells stay as they are
    return ranges  # type: ignore[return-value]


class _BoundedReader(ExcelReader):  # type: ignore[misc]
    """openpyxl's reader with every part read through a guard, and the shared texts kept
    compactly. External links are not read: an import needs the cached values only."""

    def __init__(self, path: Path, name: str) -> None:
        # Given an open file, openpyxl neither insists on an .xlsx suffix nor names the
        # stored file's path in its errors.
        handle = path.open("rb")
        try:
            super().__init__(handle, read_only=True, data_only=True, keep_links=False)
        except BaseException:
            handle.close()
            raise
        self.archive: Any = _GuardedArchive(self.archive, name, handle)

    def read_strings(self) -> None:
        part = self.package.find(SHARED_STRINGS)
        if part is not None:
            with self.archive.open(part.PartName[1:], strings=True) as source:
                self.shared_strings = read_shared_strings(source)

    def read_workbook(self) -> None:
        super().read_workbook()
        self.archive.sheets = {rel.target: sheet.name for sheet, rel in self.parser.find_sheets()}


class _GuardedArchive:
    """The workbook's zip archive as openpyxl uses it, each XML part watched as it is read."""

    def __init__(self, archive: zipfile.ZipFile, name: str, handle: IO[bytes]) -> None:
        self.zip = archive
        self.name = name
        self.handle = handle
        self.sheets: dict[str, str] = {}

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.zip, attribute)

    def _guard(self, part: str, strings: bool) -> "_PartGuard":
        if part in self.sheets:
            return _SheetGuard(self.name, self.sheets[part])
        if strings:
            return _StringsGuard(self.name)
        return _PartGuard(self.name)

    def open(self, part: str, mode: str = "r", *, strings: bool = False) -> "_GuardedStream":
        if mode != "r":
            raise ValueError("an import reads a workbook, never writes it")
        return _GuardedStream(self.zip.open(part), self._guard(part, strings))

    def read(self, part: str) -> bytes:
        data = self.zip.read(part)
        if part.endswith((".xml", ".rels")):
            self._guard(part, False).feed(data, final=True)
        return data

    def merges(self, part: str) -> list[str]:
        guard = _SheetGuard(self.name, self.sheets.get(part, part))
        with self.zip.open(part) as stream:
            while data := stream.read(1 << 16):
                guard.feed(data)
        return guard.merges

    def close(self) -> None:
        self.zip.close()
        self.handle.close()


class _GuardedStream:
    """A part's bytes, each chunk shown to the guard before the reader gets it."""

    def __init__(self, stream: IO[bytes], guard: "_PartGuard") -> None:
        self.stream = stream
        self.guard = guard

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.guard.feed(data, final=not data)
        return data

    def close(self) -> None:
        self.stream.close()

    def __enter__(self) -> "_GuardedStream":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __iter__(self) -> Iterator[bytes]:
        return iter(lambda: self.read(1 << 16), b"")


class _PartGuard:
    """Counts what an XML part holds as it streams past, in constant memory (expat events,
    nothing kept). A part that is not well-formed is left to openpyxl to refuse at the same
    place; a document type declaration (entities) is refused here."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.elements = 0
        self.text = 0
        self.parser: Any = expat.ParserCreate(namespace_separator=" ")
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text
        self.parser.StartDoctypeDeclHandler = self._doctype

    def feed(self, data: bytes, final: bool = False) -> None:
        if self.parser is None:
            return
        try:
            self.parser.Parse(data, final)
        except expat.ExpatError:
            self.parser = None

    def refuse(self, message: str) -> None:
        self.parser = None
        raise WorkbookRefused(message)

    def _doctype(self, *args: object) -> None:
        self.refuse(
            _("“%(name)s” declares its own XML entities, which a workbook never does; refused.")
            % {"name": self.name}
        )

    def _start(self, tag: str, attributes: dict[str, str]) -> None:
        self.text = 0
        self.elements += 1
        if self.elements > MAX_PART_ELEMENTS:
            self.refuse(
                _("“%(name)s” holds far more settings than a workbook has; refused.")
                % {"name": self.name}
            )

    def _end(self, tag: str) -> None:
        self.text = 0

    def _text(self, data: str) -> None:
        self.text += len(data)
        if self.text > MAX_TEXT:
            self.refuse(self._long_text())

    def _long_text(self) -> str:
        return _("“%(name)s” holds a text of more than %(limit)d characters; refused.") % {
            "name": self.name,
            "limit": MAX_TEXT,
        }


class _StringsGuard(_PartGuard):
    """The shared-text table: any number of texts (kept compactly), none beyond MAX_TEXT."""

    def _start(self, tag: str, attributes: dict[str, str]) -> None:
        self.text = 0
        if tag.rpartition(" ")[2] == "si":
            self.elements += 1

    def _long_text(self) -> str:
        return _(
            "“%(name)s”: the shared text number %(number)d holds more than %(limit)d characters, "
            "far more than a cell can; refused."
        ) % {"name": self.name, "number": self.elements, "limit": MAX_TEXT}


class _SheetGuard(_PartGuard):
    """A worksheet: at most Excel's rows, each with at most Excel's columns."""

    def __init__(self, name: str, sheet: str) -> None:
        super().__init__(name)
        self.sheet = sheet
        self.rows = 0
        self.cells = 0
        self.in_row = -1  # elements in the row being read; -1 outside rows
        self.cell = ""
        self.merges: list[str] = []  # the merged ranges' references, as they pass

    def _refuse_size(self, where: str) -> None:
        self.refuse(
            _(
                "“%(name)s”, sheet “%(sheet)s”: %(where)s is beyond what a spreadsheet holds "
                "(%(rows)d rows of %(columns)d columns); refused."
            )
            % {
                "name": self.name,
                "sheet": self.sheet,
                "where": where,
                "rows": SHEET_ROWS,
                "columns": SHEET_COLUMNS,
            }
        )

    def _start(self, tag: str, attributes: dict[str, str]) -> None:
        self.text = 0
        local = tag.rpartition(" ")[2]
        if local == "row":
            self.rows += 1
            self.cells = self.in_row = 0
            number = attributes.get("r", "")
            if self.rows > SHEET_ROWS or (number.isdigit() and int(number) > SHEET_ROWS):
                self._refuse_size(_("row %(row)s") % {"row": number or self.rows})
        elif self.in_row < 0:
            super()._start(tag, attributes)  # outside the rows: counted as any part's elements
            if local == "mergeCell":
                self.merges.append(attributes.get("ref", ""))
            elif local == "dimension":
                self._check_dimension(attributes.get("ref", ""))
            return
        elif local == "c":
            # A reference has at most three letters, so a column can be no further than ZZZ:
            # counting the cells is enough.
            self.cells += 1
            self.cell = attributes.get("r", "")
            if self.cells > SHEET_COLUMNS:
                self._refuse_size(_("cell %(cell)s") % {"cell": self.cell or self.cells})
        self.in_row += 1
        if self.in_row > MAX_ROW_ELEMENTS:
            self._refuse_size(_("row %(row)s") % {"row": self.rows})

    def _end(self, tag: str) -> None:
        self.text = 0
        if tag.rpartition(" ")[2] == "row":
            self.in_row = -1

    def _check_dimension(self, ref: str) -> None:
        try:
            bounds = range_boundaries(ref)
        except (TypeError, ValueError):
            return  # openpyxl ignores a size it cannot read
        if (bounds[2] or 0) > SHEET_COLUMNS or (bounds[3] or 0) > SHEET_ROWS:
            self._refuse_size(_("the size it declares"))

    def _long_text(self) -> str:
        return _(
            "“%(name)s”, sheet “%(sheet)s”: cell %(cell)s holds more than %(limit)d characters, "
            "far more than a cell can; refused."
        ) % {"name": self.name, "sheet": self.sheet, "cell": self.cell, "limit": MAX_TEXT}
