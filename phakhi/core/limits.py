"""How much one input may hold, in one place: the API's types, the forms' and importers' checks
and the exports read these, so a value one of them accepts the others can store and write.

The fixed limits are the API's contract and the spreadsheet's own; the resource limits of an
import are settings (docs/operations.md, "Limits"), read when a file is opened so that a test
or an administrator can change them.
"""

from django.conf import settings

# An actor's extra attributes (the columns an import keeps that are not Phakhi's own).
MAX_ATTRIBUTES = 100
ATTRIBUTE_NAME_LENGTH = 100
ATTRIBUTE_VALUE_LENGTH = 300

# Excel's own limits: a file beyond them was not made by a spreadsheet, and an export of a
# longer text could not be opened by one.
CELL_LENGTH = 32_767
SHEET_ROWS = 1_048_576
SHEET_COLUMNS = 16_384


def import_max_bytes() -> int:
    """The largest file the browser import accepts (PHAKHI_IMPORT_MAX_BYTES)."""
    return int(settings.PHAKHI_IMPORT_MAX_BYTES)


def import_max_expanded_bytes() -> int:
    """The most an XLSX workbook may hold once unzipped (PHAKHI_IMPORT_MAX_EXPANDED_MB)."""
    return int(settings.PHAKHI_IMPORT_MAX_EXPANDED_MB) * 1024**2


def import_max_columns() -> int:
    """The most columns an imported file may have, up to its last named one
    (PHAKHI_IMPORT_MAX_COLUMNS)."""
    return int(settings.PHAKHI_IMPORT_MAX_COLUMNS)
