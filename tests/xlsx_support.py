"""Workbooks written part by part, for what a spreadsheet program would never save: a sheet
or a shared-text table far larger than its rows, a row wider than a sheet. The parts around
them are openpyxl's, so the workbook is otherwise an ordinary one."""

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook

_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_STRINGS_TYPE = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_STRINGS_REL = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def inline_row(number: int, *texts: str) -> bytes:
    cells = b"".join(
        b'<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>'
        % (chr(ord("A") + i).encode(), number, text.encode())
        for i, text in enumerate(texts)
    )
    return b'<row r="%d">%s</row>' % (number, cells)


def shared_row(number: int, *indexes: int) -> bytes:
    """A row whose cells are the shared texts at ``indexes``."""
    cells = b"".join(
        b'<c r="%s%d" t="s"><v>%d</v></c>' % (chr(ord("A") + i).encode(), number, index)
        for i, index in enumerate(indexes)
    )
    return b'<row r="%d">%s</row>' % (number, cells)


def write_parts(
    path: Path,
    sheet_rows: Iterable[bytes],
    shared_strings: Iterable[bytes] | None = None,
    dimension: str | None = None,
) -> Path:
    """A one-sheet workbook ("s") whose sheet data are ``sheet_rows`` and whose shared-text
    table, when given, is ``shared_strings`` (each an ``<si>`` element or several)."""
    template = io.BytesIO()
    workbook = Workbook()
    workbook.active.title = "s"
    workbook.save(template)
    with (
        zipfile.ZipFile(template) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                with out.open(info.filename, "w", force_zip64=True) as sheet:
                    sheet.write(b'<?xml version="1.0"?><worksheet %s>' % _NS)
                    if dimension:
                        sheet.write(b'<dimension ref="%s"/>' % dimension.encode())
                    sheet.write(b"<sheetData>")
                    for chunk in sheet_rows:
                        sheet.write(chunk)
                    sheet.write(b"</sheetData></worksheet>")
                continue
            if shared_strings is not None and info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s"/></Types>'
                    % _STRINGS_TYPE,
                )
            if shared_strings is not None and info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdStrings" Type="%s" Target="sharedStrings.xml"/>'
                    b"</Relationships>" % _STRINGS_REL,
                )
            out.writestr(info, data)
        if shared_strings is not None:
            with out.open("xl/sharedStrings.xml", "w", force_zip64=True) as table:
                table.write(b'<?xml version="1.0"?><sst %s>' % _NS)
                for chunk in shared_strings:
                    table.write(chunk)
                table.write(b"</sst>")
    return path
