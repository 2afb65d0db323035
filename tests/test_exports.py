"""Exports read back by the libraries that define their formats, compared with the database."""

import json
from pathlib import Path

import networkx as nx
import openpyxl
import pytest

from phakhi import cli
from phakhi.actors.models import Actor
from phakhi.core.audit import Author
from phakhi.core.cells import unneutralize
from phakhi.core.models import Workspace
from phakhi.exports import tabular
from phakhi.exports.writers import ExportError, export
from phakhi.imports.columns import ACTOR_COLUMNS, TIE_COLUMNS
from phakhi.imports.services import actors_import, ties_import
from tests.exports_support import (
    ACTOR_FIELDS,
    ATTRIBUTES,
    EVIL_NAME,
    World,
    _actor,
    actor_rows,
    compare_graph,
    expected_actors,
    expected_ties,
    read_csv,
    tie_rows,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("thai", [False, True])
def test_csv_two_files_with_bom_headers_and_neutralized_cells(world: World, tmp_path, thai):
    paths = export(world.workspace, "csv", tmp_path / "out", thai_headers=thai)
    assert paths == [tmp_path / "out/export-test-actors.csv", tmp_path / "out/export-test-ties.csv"]
    headers, rows = read_csv(paths[0])
    columns = [c.thai if thai else c.name for c in ACTOR_COLUMNS]
    assert headers == [*columns, *ATTRIBUTES]
    got = actor_rows(rows)
    evil = got["EVIL"]
    assert evil["name"] == "'" + EVIL_NAME
    assert evil["phone"] == "'+66898765432"
    assert evil["ตำแหน่ง"] == "'@SUM(A1)"
    assert got["P1"]["note"] == "'-5 points"
    assert got["P1"]["tags"] == "การศึกษา; สุขภาพ"
    assert got["P1"]["province"] == "ขอนแก่น"
    assert {k: {c: unneutralize(v) for c, v in row.items()} for k, row in got.items()} == (
        expected_actors(world, thai=thai)
    )
    headers, rows = read_csv(paths[1])
    assert headers == [c.thai if thai else c.name for c in TIE_COLUMNS]
    assert tie_rows(rows) == expected_ties(world, thai=thai)


@pytest.mark.parametrize("thai", [False, True])
def test_xlsx_sheets_headers_values_and_no_formulas(world: World, tmp_path, thai):
    [path] = export(world.workspace, "xlsx", tmp_path / "out.xlsx", thai_headers=thai)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == (["ภาคี", "ความสัมพันธ์"] if thai else ["actors", "ties"])
    actors, ties = (list(sheet.iter_rows()) for sheet in book.worksheets)
    assert all(c.data_type != "f" for row in actors + ties for c in row)
    text = [[c.value for c in r] for r in actors]
    assert text[0] == [*(c.thai if thai else c.name for c in ACTOR_COLUMNS), *ATTRIBUTES]
    got = actor_rows([[v or "" for v in r] for r in text[1:]])
    assert got == expected_actors(world, thai=thai)  # as stored: no apostrophe in any cell
    rows = [[str(c.value) if c.value is not None else "" for c in r] for r in ties[1:]]
    assert tie_rows(rows) == expected_ties(world, thai=thai)
    assert ties[1][2].value == 4  # strength is a number
    # Text a spreadsheet would run as a formula is a text cell in the Text format.
    evil = {ACTOR_FIELDS[i]: cell for i, cell in enumerate(actors[3][:13])}
    assert actors[3][0].value == "EVIL"
    for cell, value in ((evil["name"], EVIL_NAME), (evil["phone"], "+66898765432")):
        assert (cell.value, cell.data_type, cell.number_format) == (value, "s", "@")
    assert evil["key"].number_format == "General"  # other cells keep the usual format


def test_json_is_one_object_with_typed_values(world: World, tmp_path):
    [path] = export(world.workspace, "json", tmp_path / "out.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["workspace"] == {"slug": "export-test", "name": "เครือข่ายสุขภาพขอนแก่น"}
    assert data["network"] is None
    actors = {a["key"]: a for a in data["actors"]}
    assert actors["EVIL"]["name"] == EVIL_NAME  # JSON is not opened by spreadsheets
    assert actors["P1"]["tags"] == ["การศึกษา", "สุขภาพ"]
    assert actors["P1"]["attributes"] == {"ตำแหน่ง": "พยาบาล", "note": "-5 points"}
    assert actors["ORG1"]["organization"] is None
    for key, want in expected_actors(world).items():
        got = actors[key]
        flat = {**got, "tags": "; ".join(got["tags"]), "organization": got["organization"] or ""}
        assert {k: flat.get(k, got["attributes"].get(k, "")) for k in want} == want
    ties = {(t["source"], t["target"]): t for t in data["ties"]}
    assert ties[("P1", "EVIL")]["directed"] is True and ties[("P1", "EVIL")]["strength"] == 2
    for pair, want in expected_ties(world).items():
        got = ties[pair]
        assert str(got["strength"]) == want["strength"] and got["via"] == (want["via"] or None)
        assert (got["since"] or "", got["until"] or "", got["kind"]) == (
            want["since"],
            want["until"],
            want["kind"],
        )


def test_network_scope_exports_members_and_the_ties_among_them(world: World, tmp_path):
    members = {"ORG1", "P1", "P3"}

    def scoped(fmt: str) -> list[Path]:
        target = tmp_path / ("n" if fmt == "csv" else f"n.{fmt}")
        return export(world.workspace, fmt, target, world.network)

    compare_graph(nx.read_gexf(scoped("gexf")[0]), world, members)
    compare_graph(nx.read_graphml(scoped("graphml")[0]), world, members)
    actors_csv, ties_csv = scoped("csv")
    assert {r[0] for r in read_csv(actors_csv)[1]} == members
    # The broker B is not a member, but the tie it holds is kept with its key.
    ties = {(r[0], r[1], r[5]) for r in read_csv(ties_csv)[1]}
    assert ties == {("ORG1", "P1", ""), ("P1", "P3", "B")}
    data = json.loads(scoped("json")[0].read_text(encoding="utf-8"))
    assert data["network"] == {"slug": "health", "name": "เครือข่ายสุขภาพ", "kind": "other"}
    assert {a["key"] for a in data["actors"]} == members and len(data["ties"]) == 2


@pytest.mark.parametrize(("fmt", "thai"), [("csv", False), ("csv", True), ("xlsx", True)])
def test_export_imports_back_unchanged(world: World, tmp_path, fmt, thai):
    paths = export(
        world.workspace, fmt, tmp_path / ("a" if fmt == "csv" else "a.xlsx"), thai_headers=thai
    )
    copy = Workspace.objects.create(slug="copy", name="สำเนา")
    author = Author("test:export")
    sheets = (None, None) if fmt == "csv" else ("ภาคี", "ความสัมพันธ์")
    actors_file, ties_file = paths if fmt == "csv" else (paths[0], paths[0])
    report = actors_import(copy, actors_file, author=author, sheet=sheets[0])
    assert (report.created, report.rejected) == (5, 0), report.errors
    report = ties_import(copy, ties_file, author=author, sheet=sheets[1])
    assert (report.created, report.rejected) == (4, 0), report.errors
    first = [read_csv(p) for p in export(world.workspace, "csv", tmp_path / "1")]
    again = [read_csv(p) for p in export(copy, "csv", tmp_path / "2")]
    assert [(h, sorted(r)) for h, r in first] == [(h, sorted(r)) for h, r in again]


def test_text_xml_cannot_hold_is_escaped_or_dropped(world: World, tmp_path):
    name = 'A & B <C> "D"\x01\nE'
    _actor(world.workspace, "X&1", name, attributes={"note": "tab\there"})
    graph = nx.read_gexf(export(world.workspace, "gexf", tmp_path / "x.gexf")[0])
    assert graph.nodes["X&1"]["label"] == 'A & B <C> "D"\nE'
    assert graph.nodes["X&1"]["note"] == "tab\there"
    graph = nx.read_graphml(export(world.workspace, "graphml", tmp_path / "x.graphml")[0])
    assert graph.nodes["X&1"]["label"] == 'A & B <C> "D"\nE'
    book = openpyxl.load_workbook(export(world.workspace, "xlsx", tmp_path / "x.xlsx")[0])
    assert book["actors"]["B7"].value == 'A & B <C> "D"\nE'


def test_bad_requests_are_refused_and_leave_no_file(world: World, tmp_path, monkeypatch):
    with pytest.raises(ExportError, match="not an export format"):
        export(world.workspace, "pdf", tmp_path / "x.pdf")
    other = Workspace.objects.create(slug="other", name="Other")
    with pytest.raises(ExportError, match="not part of the workspace"):
        export(other, "csv", tmp_path / "x.csv", network=world.network)
    Actor.objects.filter(key="P3").update(attributes={"note": "ก" * 40_000})
    with pytest.raises(ExportError, match="at most 32767"):
        export(world.workspace, "xlsx", tmp_path / "x.xlsx")
    monkeypatch.setattr(tabular, "XLSX_MAX_ROWS", 4)
    with pytest.raises(ExportError, match="Export as CSV instead"):
        export(world.workspace, "xlsx", tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_a_directory_gets_files_named_after_the_workspace(world: World, tmp_path):
    assert export(world.workspace, "gexf", tmp_path) == [tmp_path / "export-test.gexf"]
    assert export(world.workspace, "json", tmp_path, world.network) == [
        tmp_path / "export-test-health.json"
    ]


def test_custom_attributes_that_are_not_text(world: World, tmp_path):
    _actor(world.workspace, "N1", "ตัวเลข", attributes={"score": 5, "sites": ["ก", "ข"]})
    headers, rows = read_csv(export(world.workspace, "csv", tmp_path / "a")[0])
    row = dict(zip(headers, rows[-1], strict=True))
    assert (row["score"], row["sites"], row["note"]) == ("5", '["ก", "ข"]', "")
    data = json.loads(
        export(world.workspace, "json", tmp_path / "a.json")[0].read_text(encoding="utf-8")
    )
    assert data["actors"][-1]["attributes"] == {"score": 5, "sites": ["ก", "ข"]}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_thai_headers_write_thai_values_that_import_back(world: World, tmp_path, capsys, fmt):
    """``phakhi export --thai-headers``: kinds, sectors and yes/no in Thai too, and the files
    import into a fresh workspace as the same data."""
    target = tmp_path / ("out" if fmt == "csv" else "out.xlsx")
    argv = ["--lang", "en", "export", "--workspace", "export-test", "--format", fmt]
    assert cli.main([*argv, "-o", str(target), "--thai-headers"]) == cli.EXIT_OK
    written = [Path(line) for line in capsys.readouterr().out.split()]
    if fmt == "csv":
        tables = [read_csv(path) for path in written]
        files = [(written[0], None), (written[1], None)]
    else:
        book = openpyxl.load_workbook(written[0])
        tables = [
            ([str(v) for v in rows[0]], [[str(v or "") for v in r] for r in rows[1:]])
            for rows in ([list(r) for r in sheet.iter_rows(values_only=True)] for sheet in book)
        ]
        files = [(written[0], "ภาคี"), (written[0], "ความสัมพันธ์")]
    (actor_headers, actors), (tie_headers, ties) = tables
    kinds = {row[actor_headers.index("ประเภท")] for row in actors}
    sectors = {row[actor_headers.index("ภาคส่วน")] for row in actors}
    directed = {row[tie_headers.index("มีทิศทาง")] for row in ties}
    assert kinds == {"องค์กร", "บุคคล"}
    assert sectors == {"ภาครัฐ", "ภาคประชาชน ประชาสังคม และเอกชน", "ภาควิชาการ", ""}
    assert directed == {"ใช่", "ไม่ใช่"}

    Workspace.objects.create(slug="copy", name="สำเนา")
    for what, (path, sheet) in zip(("actors", "ties"), files, strict=True):
        command = ["--lang", "en", "import", what, str(path), "--workspace", "copy"]
        assert cli.main([*command, *(["--sheet", sheet] if sheet else [])]) == cli.EXIT_OK
    copy = Workspace.objects.get(slug="copy")
    first = [read_csv(p) for p in export(world.workspace, "csv", tmp_path / "1")]
    again = [read_csv(p) for p in export(copy, "csv", tmp_path / "2")]
    assert [(h, sorted(r)) for h, r in first] == [(h, sorted(r)) for h, r in again]


def test_a_csv_export_goes_to_a_folder_and_a_file_name_is_refused(world, tmp_path, capsys):
    """CSV is two files: ``-o x.csv`` is refused, naming the folder to give and the files it
    would get, and writes nothing; ``-o x`` writes both files there and prints their paths."""
    argv = ["--lang", "en", "export", "--workspace", "export-test", "--format", "csv", "-o"]
    assert cli.main([*argv, str(tmp_path / "x.csv")]) == cli.EXIT_FAILED
    error = capsys.readouterr().err
    assert "A CSV export is two files, actors and ties" in error
    for name in ("export-test-actors.csv", "export-test-ties.csv"):
        assert str(tmp_path / "x" / name) in error
    assert list(tmp_path.iterdir()) == []
    assert cli.main([*argv, str(tmp_path / "x")]) == cli.EXIT_OK
    printed = capsys.readouterr().out.split()
    written = [tmp_path / "x" / "export-test-actors.csv", tmp_path / "x" / "export-test-ties.csv"]
    assert printed == [str(path) for path in written]
    assert all(path.is_file() for path in written)
