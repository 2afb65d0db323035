"""Co-participation ties leave Phakhi with their counts: CSV and XLSX columns
``shared_activities`` (a number in the workbook) and ``last_activity`` (ISO date), and GEXF
and GraphML attributes read back by networkx and graphology as integers and dates in ISO text
(neither format has a date type)."""

import csv
import datetime as dt
import json
import subprocess
from pathlib import Path

import networkx as nx
import openpyxl
import pytest

from phakhi.exports.writers import export
from phakhi.participation.coparticipation import KIND, coparticipation_rebuild
from phakhi.ties.models import Origin
from phakhi.ties.services import tie_create
from tests.participation.coparticipation_support import attend, make_activities, make_actors

pytestmark = pytest.mark.django_db


@pytest.fixture
def tied(workspace, author):
    a, b, c = make_actors(workspace, 3)
    first, second = make_activities(workspace, 2)
    first.starts_on, second.starts_on = dt.date(2026, 1, 5), dt.date(2026, 3, 12)
    first.save()
    second.save()
    attend(first, [a, b, c])
    attend(second, [a, b])
    coparticipation_rebuild(workspace)
    # A tie of another kind whose attribute of the same name is not a number stays text-free.
    tie_create(author, workspace, b, c, kind="ทำงานร่วมกัน", strength=3)
    from phakhi.ties.models import Tie

    Tie.objects.filter(kind="ทำงานร่วมกัน").update(attributes={"shared_activities": "หลายครั้ง"})
    return {"a": a.key, "b": b.key, "c": c.key}


def expected(keys):
    return {
        (keys["a"], keys["b"]): (2, "2026-03-12"),
        (keys["a"], keys["c"]): (1, "2026-01-05"),
        (keys["b"], keys["c"]): (1, "2026-01-05"),
    }


def test_csv_carries_the_counts(workspace, tied, tmp_path):
    paths = export(workspace, "csv", tmp_path / "out")
    ties = next(p for p in paths if p.name.endswith("ties.csv"))
    with ties.open(encoding="utf-8-sig") as file:
        rows = [r for r in csv.DictReader(file) if r["kind"] == KIND]
    found = {(r["source"], r["target"]): (int(r["shared_activities"]), r["last_activity"])
             for r in rows}  # fmt: skip
    assert found == expected(tied)
    assert {r["strength"] for r in rows} == {"1"}


def test_xlsx_counts_are_numbers(workspace, tied, tmp_path):
    [path] = export(workspace, "xlsx", tmp_path / "out.xlsx")
    sheet = openpyxl.load_workbook(path).worksheets[1]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    shared, last = header.index("shared_activities"), header.index("last_activity")
    kind, source, target = header.index("kind"), header.index("source"), header.index("target")
    found = {(r[source], r[target]): (r[shared], r[last]) for r in rows[1:] if r[kind] == KIND}
    assert found == expected(tied)
    assert all(isinstance(count, int) for count, _last in found.values())
    other = next(r for r in rows[1:] if r[kind] == "ทำงานร่วมกัน")
    assert other[shared] == "หลายครั้ง"  # not a number: kept as the text it is


def _edges(graph: nx.Graph) -> dict[tuple[str, str], tuple[int, str]]:
    return {
        tuple(sorted((u, v))): (data["shared_activities"], data["last_activity"])
        for u, v, data in graph.edges(data=True)
        if data.get("kind") == KIND
    }


def test_graphml_types_the_count_as_int(workspace, tied, tmp_path):
    [path] = export(workspace, "graphml", tmp_path / "out.graphml")
    graph = nx.read_graphml(path)
    assert _edges(graph) == expected(tied)
    other = next(d for *_, d in graph.edges(data=True) if d.get("kind") != KIND)
    assert "shared_activities" not in other  # declared int: the stray text is left out
    assert 'attr.name="shared_activities" attr.type="int"' in path.read_text(encoding="utf-8")


def test_gexf_read_back_by_networkx_and_graphology(workspace, tied, tmp_path):
    [path] = export(workspace, "gexf", tmp_path / "out.gexf")
    assert _edges(nx.read_gexf(path)) == expected(tied)
    text = path.read_text(encoding="utf-8")
    assert 'id="shared_activities" title="shared_activities" type="integer"' in text
    script = Path(__file__).parent.parent / "js" / "gexf_columns.mjs"
    done = subprocess.run(["node", str(script), str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    edges = json.loads(done.stdout)["edges"]
    found = {
        tuple(sorted((e["source"], e["target"]))): (
            e["attributes"]["shared_activities"],
            e["attributes"]["last_activity"],
        )
        for e in edges
        if e["attributes"].get("kind") == KIND
    }
    assert found == expected(tied)
    assert all(e["attributes"]["origin"] == Origin.ACTIVITY for e in edges
               if e["attributes"].get("kind") == KIND)  # fmt: skip
