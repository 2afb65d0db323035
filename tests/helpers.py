import csv
from pathlib import Path

from openpyxl import Workbook


def write_csv(
    path: Path, rows: list[list[object]], *, encoding: str = "utf-8", delimiter: str = ","
) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def save_formula_results(path: Path, results: dict[str, str]) -> None:
    """Store a formula's last result in the workbook, as Excel does when it saves: openpyxl
    writes formulas without one. ``results`` maps a cell such as "B2" to its text value."""
    import re
    import zipfile

    member = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    xml = files[member].decode()
    for ref, value in results.items():
        xml = re.sub(
            rf'<c r="{ref}"(?: [^>]*)?><f>(.*?)</f><v\s*/>',
            rf'<c r="{ref}" t="str"><f>\1</f><v>{value}</v>',
            xml,
        )
    files[member] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
