"""What one imported file may hold (docs/operations.md, "Limits"): a workbook's unzipped size,
the memory reading it takes, its columns and extra attributes, a cell's length and characters —
each refusal names the file, the column and the line."""

import os
import random
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from phakhi.actors.models import Actor
from phakhi.core.limits import CELL_LENGTH, SHEET_COLUMNS, SHEET_ROWS
from phakhi.imports.readers import ImportFileError, open_table
from phakhi.imports.services import actors_import, ties_import
from phakhi.ties.models import Tie
from tests.conftest import AUTHOR
from tests.helpers import write_csv, write_xlsx
from tests.xlsx_support import inline_row, shared_row, write_parts

ROOT = Path(__file__).resolve().parent.parent


def run(workspace, path, **options):
    return actors_import(workspace, path, author=AUTHOR, **options)


def random_texts(count: int, seed: int = 1) -> list[str]:
    """Texts that do not compress far: a zip of them is not refused as a zip bomb."""
    draw = random.Random(seed)
    return [f"{draw.getrandbits(48):x}" for _ in range(count)]


def test_a_workbook_larger_unzipped_than_the_limit_is_refused_before_it_is_read(
    workspace, tmp_path, settings
):
    settings.PHAKHI_IMPORT_MAX_EXPANDED_MB = 1
    texts = random_texts(15_000)
    rows = [inline_row(1, "key", "name")]
    rows += [inline_row(n, f"K{n}", text) for n, text in enumerate(texts, start=2)]
    path = write_parts(tmp_path / "สมาชิก.xlsx", rows)
    assert path.stat().st_size < 3 * 1024**2  # a few MB on disk, well under the bomb ratio

    with pytest.raises(ImportFileError) as refused:
        run(workspace, path, file_name="สมาชิก.xlsx")
    message = str(refused.value)
    assert re.search(r"“สมาชิก.xlsx” holds \d MB once unzipped; .* at most 1 MB", message)
    assert "PHAKHI_IMPORT_MAX_EXPANDED_MB" in message
    assert str(tmp_path) not in message
    assert not Actor.objects.exists()

    settings.PHAKHI_IMPORT_MAX_EXPANDED_MB = 10
    assert run(workspace, path, dry_run=True).created == 15_000


# Reading a workbook keeps its shared texts (compactly) and one row; this one holds 400,000
# shared texts, which as a list of strings took 4 times their size in the XML.
MEMORY_PROBE = """
import re, sys
import django
django.setup()
from pathlib import Path
from phakhi.imports.readers import open_table

def kilobytes(field):
    with open("/proc/self/status") as status:
        return int(re.search(field + r":\\s+(\\d+) kB", status.read()).group(1))

# The peak so far is starting Python and Django (compiling modules takes more than it keeps):
# start the peak again from what is in use now, then read the file.
with open("/proc/self/clear_refs", "w") as clear:
    clear.write("5")
before = kilobytes("VmRSS")
table = open_table(Path(sys.argv[1]))
rows = sum(1 for _ in table.rows)
print(rows, (kilobytes("VmHWM") - before) * 1024)
"""


def test_reading_a_workbook_stays_under_its_memory_ceiling(tmp_path):
    texts = random_texts(400_000)
    strings = (
        "".join(f"<si><t>{t}</t></si>" for t in texts[i : i + 10_000]).encode()
        for i in range(0, len(texts), 10_000)
    )
    rows = [inline_row(1, "key", "name")]
    rows += [shared_row(n, n, n + 1) for n in range(2, 20_002)]
    path = write_parts(tmp_path / "big.xlsx", rows, shared_strings=strings)
    part = sum(len(t) + len("<si><t></t></si>") for t in texts)

    probe = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(MEMORY_PROBE), str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"},
        check=True,
    )
    rows_read, grown = map(int, probe.stdout.split())
    assert rows_read == 20_000
    # The ceiling docs/operations.md states: the shared-text part, plus at most ~100 MB for the
    # rows of a full-size sheet (a few MB for these), plus one row.
    assert grown < part + 16 * 1024**2, f"grew {grown / 1024**2:.0f} MB for a {part >> 20} MB part"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([inline_row(1, "key", "name"), b'<row r="%d"/>' % (SHEET_ROWS + 1)], "row 1048577"),
        (
            [
                inline_row(1, "key", "name"),
                b"<row>" + b"<c><v>1</v></c>" * (SHEET_COLUMNS + 1) + b"</row>",
            ],
            "cell 16385",
        ),
        (
            [inline_row(1, "key", "name"), inline_row(2, "K1", "x" * (1024**2 + 1))],
            "cell B2 holds more than 1048576 characters",
        ),
    ],
    ids=["rows beyond a sheet", "a row wider than a sheet", "a text beyond any cell"],
)
def test_a_sheet_beyond_what_a_spreadsheet_holds_is_refused_as_it_is_read(
    workspace, tmp_path, rows, message
):
    path = write_parts(tmp_path / "odd.xlsx", rows)
    with pytest.raises(ImportFileError, match=message):
        run(workspace, path)
    assert not Actor.objects.exists()


def test_a_row_number_beyond_a_sheet_is_refused_without_counting_up_to_it(workspace, tmp_path):
    path = write_parts(
        tmp_path / "far.xlsx",
        [inline_row(1, "key", "name"), inline_row(5_000_000, "K1", "ไกล")],
    )
    with pytest.raises(ImportFileError, match="row 5000000 is beyond what a spreadsheet holds"):
        run(workspace, path)


def test_a_recorded_sheet_size_that_is_wrong_neither_cuts_nor_pads_the_rows(workspace, tmp_path):
    rows = [inline_row(1, "key", "name"), *(inline_row(n, f"K{n}", "ภาคี") for n in range(2, 6))]
    path = write_parts(tmp_path / "size.xlsx", rows, dimension="A1:B2")
    assert run(workspace, path).created == 4


def test_more_columns_than_an_import_reads_are_refused_naming_the_first_beyond(
    workspace, tmp_path, settings
):
    headers = ["key", "name", *(f"col{i}" for i in range(3, 10_001))]
    path = write_csv(tmp_path / "wide.csv", [headers, ["K1", "ภาคี", *["x"] * 9_998]])
    with pytest.raises(ImportFileError) as refused:
        run(workspace, path)
    assert "has 10000 columns; an import reads at most 200" in str(refused.value)
    assert "The column “col201” is number 201" in str(refused.value)
    assert not Actor.objects.exists()

    # Columns after the last named one are not counted: spreadsheets leave empty ones behind.
    path = write_xlsx(tmp_path / "trailing.xlsx", {"s": [["key", "name", *[None] * 500, ""]]})
    assert open_table(path).headers == ["key", "name"]


def test_more_extra_attributes_than_an_actor_keeps_are_refused_naming_the_column(
    workspace, tmp_path
):
    headers = ["key", "name", *(f"ข้อมูล{i}" for i in range(1, 102))]
    path = write_csv(tmp_path / "many.csv", [headers, ["K1", "ภาคี", *["x"] * 101]])
    with pytest.raises(ImportFileError, match="“ข้อมูล101” would be extra attribute number 101"):
        run(workspace, path)
    path = write_csv(tmp_path / "long.csv", [["key", "name", "ก" * 101], ["K1", "ภาคี", "x"]])
    with pytest.raises(ImportFileError, match="a name of 101 characters"):
        run(workspace, path)
    assert not Actor.objects.exists()


def test_an_attribute_value_longer_than_the_api_takes_rejects_its_row(workspace, tmp_path):
    path = write_csv(
        tmp_path / "a.csv",
        [["key", "name", "หมายเหตุ"], ["K1", "ภาคี 1", "ก" * 301], ["K2", "ภาคี 2", "ก" * 300]],
    )
    report = run(workspace, path)
    assert report.created == 1
    assert [(e.line, e.column, e.reason) for e in report.errors] == [
        (2, "หมายเหตุ", "Longer than 300 characters.")
    ]
    ties = write_csv(tmp_path / "t.csv", [["source", "target", "หมายเหตุ"], ["K2", "K3", "x" * 301]])
    Actor.objects.create(workspace=workspace, key="K3", name="ภาคี 3")
    report = ties_import(workspace, ties, author=AUTHOR)
    assert [(e.column, e.reason) for e in report.errors] == [
        ("หมายเหตุ", "Longer than 300 characters.")
    ]
    assert not Tie.objects.exists()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_cell_longer_than_a_spreadsheet_holds_is_refused_naming_line_and_column(
    workspace, tmp_path, kind
):
    rows = [["key", "name", "ประวัติ"], ["K1", "ภาคี", "สั้น"], ["K2", "ภาคี", "ก" * (CELL_LENGTH + 1)]]
    if kind == "csv":
        path = write_csv(tmp_path / "long.csv", rows)
    else:  # openpyxl cuts a text to a cell's length when it writes one: a workbook of another
        path = write_parts(
            tmp_path / "long.xlsx", [inline_row(n, *r) for n, r in enumerate(rows, 1)]
        )
    with pytest.raises(ImportFileError) as refused:
        run(workspace, path)
    assert "Line 3, column “ประวัติ”: the cell holds 32768 characters" in str(refused.value)
    assert not Actor.objects.exists()


def test_a_long_cell_of_many_short_lines_is_refused_too(workspace, tmp_path):
    note = "\n".join(["บันทึกการประชุม"] * 2_500)  # 2,500 lines of 15 characters: 39,999
    path = write_csv(tmp_path / "notes.csv", [["key", "name", "บันทึก"], ["K1", "ภาคี", note]])
    with pytest.raises(ImportFileError, match="Line 2, column “บันทึก”: the cell holds 39999"):
        run(workspace, path)


def test_a_line_longer_than_a_row_can_be_is_refused_before_it_is_read(workspace, tmp_path):
    path = tmp_path / "one-line.csv"
    path.write_bytes(b"key,name\nK1," + b"x" * (17 * 1024 * 1024) + b"\n")
    with pytest.raises(ImportFileError, match="Line 2: the row is longer than 16 MB"):
        run(workspace, path)


@pytest.mark.parametrize("where", ["first block", "after the first block"])
def test_a_nul_character_in_a_csv_is_refused_with_its_line_and_column(workspace, tmp_path, where):
    lines = ["key,name,หมายเหตุ"]
    filler = 8_000 if where == "after the first block" else 3  # 8,000 lines: about 300 KB
    lines += [f"K{n},ภาคี {n},ข้อมูลประกอบ" for n in range(filler)]
    lines.append("K-nul,ภาคี\x00ปลอม,")
    path = tmp_path / "nul.csv"
    path.write_bytes("\n".join(lines).encode() + b"\n")
    with pytest.raises(ImportFileError) as refused:
        run(workspace, path)
    assert f"Line {filler + 2}, column “name”: the cell holds a NUL character" in str(refused.value)
    assert not Actor.objects.exists()


def test_a_nul_character_in_a_workbook_is_refused(workspace, tmp_path):
    path = write_parts(
        tmp_path / "nul.xlsx", [inline_row(1, "key", "name"), inline_row(2, "K1", "a&#0;b")]
    )
    with pytest.raises(ImportFileError, match=r"nul.xlsx” cannot be opened as an XLSX workbook"):
        run(workspace, path)
    assert not Actor.objects.exists()
