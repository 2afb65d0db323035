import tracemalloc
import zipfile

import pytest

from phakhi.actors.models import Actor
from phakhi.imports.readers import ImportFileError, open_table
from phakhi.imports.services import actors_import
from tests.conftest import AUTHOR
from tests.helpers import save_formula_results, write_csv, write_xlsx

ROWS = [["รหัส", "ชื่อ", "จังหวัด"], ["P1", "นางสาวมาลี ศรีสุข", "กทม."], ["P2", "นายเอก", "นนทบุรี"]]


def run(workspace, path, **options):
    return actors_import(workspace, path, author=AUTHOR, **options)


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ";"), ("cp874", "\t"), ("tis-620", ",")],
)
def test_encodings_and_delimiters_are_detected(workspace, tmp_path, encoding, delimiter):
    path = write_csv(tmp_path / "a.csv", ROWS, encoding=encoding, delimiter=delimiter)
    report = run(workspace, path)
    assert report.created == 2, report.errors
    assert Actor.objects.get(key="P1").name == "นางสาวมาลี ศรีสุข"
    assert Actor.objects.get(key="P1").province_code == "10"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        ("รหัส,ชื่อ\n".encode(), "no rows"),
        ("ชื่อ,อีเมล\nสมชาย,a@b.co\n".encode(), r"no “key” \(รหัส\) column"),
        (b"\x00\x01\x02\xff\xfe binary \x00 junk" * 50, "binary"),
        (bytes(range(128, 256)) * 20, "Windows-874"),
        ("key,name,ชื่อ\n1,a,b\n".encode(), "both mean"),
    ],
)
def test_bad_files_get_a_clear_error_and_change_nothing(workspace, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        run(workspace, path)
    assert not Actor.objects.exists()


def test_xlsx_with_several_sheets_needs_sheet(workspace, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", {"ภาคี": ROWS, "notes": [["x"], ["y"]]})
    with pytest.raises(ImportFileError, match="ภาคี, notes"):
        run(workspace, path)
    with pytest.raises(ImportFileError, match="no sheet “nope”"):
        run(workspace, path, sheet="nope")
    assert run(workspace, path, sheet="ภาคี").created == 2


def test_xlsx_merged_cells_fill_their_range_and_formulas_give_their_values(workspace, tmp_path):
    path = write_xlsx(
        tmp_path / "a.xlsx",
        {
            "Sheet": [
                ["key", "name", "province", "tags"],
                ["P1", '=CONCAT("สม","ชาย")', "เชียงราย", "ป่าชุมชน"],
                ["P2", "สมหญิง", None, None],
                ["P3", "สมศรี", "ลำปาง", None],
            ]
        },
    )
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook.active.merge_cells("C2:C3")
    workbook.active.merge_cells("D2:D4")
    workbook.save(path)
    save_formula_results(path, {"B2": "สมชาย"})
    report = run(workspace, path)
    assert report.created == 3, report.errors
    assert Actor.objects.get(key="P1").name == "สมชาย"
    assert Actor.objects.get(key="P2").province_code == Actor.objects.get(key="P1").province_code
    assert Actor.objects.get(key="P3").tags.get().name == "ป่าชุมชน"


def test_zip_bomb_disguised_as_xlsx_is_refused_before_reading(workspace, tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (64 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(ImportFileError, match="zip bomb"):
        run(workspace, path)


def test_damaged_xlsx_is_refused(workspace, tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"not really a zip" * 100)
    with pytest.raises(ImportFileError, match="XLSX"):
        run(workspace, path)


def test_a_50_mb_file_streams_in_bounded_memory(tmp_path):
    path = tmp_path / "big.csv"
    filler = "ข้อมูลประกอบ" * 12
    with path.open("w", encoding="utf-8") as handle:
        handle.write("key,name,note\n")
        line = 0
        while handle.tell() < 50 * 1024 * 1024:
            handle.writelines(f"K{line + i},ภาคี {line + i},{filler}\n" for i in range(10_000))
            line += 10_000
    tracemalloc.start()
    table = open_table(path)
    count = sum(1 for _row in table.rows)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == line
    assert peak < 16 * 1024 * 1024


def test_mixed_encodings_name_the_line(workspace, tmp_path):
    path = tmp_path / "mixed.csv"
    lines = ["key,name"] + [f"K{i},ภาคี{i}" for i in range(20_000)]
    path.write_bytes("\n".join(lines).encode() + "\nK,มาลี\n".encode("cp874"))
    with pytest.raises(ImportFileError, match="Line 20002"):
        run(workspace, path)
    assert not Actor.objects.exists()
