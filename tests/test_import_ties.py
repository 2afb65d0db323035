import datetime as dt

import pytest

from phakhi.actors.services import actor_create
from phakhi.core.models import AuditEvent
from phakhi.imports.services import ties_import
from phakhi.ties.models import Tie
from tests.conftest import AUTHOR
from tests.helpers import write_csv, write_xlsx


@pytest.fixture
def actors(workspace):
    return {k: actor_create(AUTHOR, workspace, key=k, name=f"ภาคี {k}") for k in "ABCD"}


def run(workspace, path, **options):
    return ties_import(workspace, path, author=AUTHOR, **options)


def test_thai_vocabulary_dates_and_direction(workspace, actors, tmp_path):
    rows = [
        ["จาก", "ถึง", "ระดับความสัมพันธ์", "ประเภทความสัมพันธ์", "ผ่าน", "ตั้งแต่", "ถึงวันที่", "มีทิศทาง"],
        ["A", "B", "แน่นแฟ้น", "ทุน", "C", "15/03/2567", "", ""],
        ["B", "C", "หลวม", "", "", "2024-01-31", "๓๑/๑๒/๒๕๖๘", "ไม่"],
        ["C", "D", "ประสานการทำงาน", "", "", "", "", "ใช่"],
        ["D", "C", "รู้จัก", "", "", "", "", "yes"],
    ]
    report = run(workspace, write_csv(tmp_path / "t.csv", rows))
    assert (report.created, report.rejected) == (4, 0)
    ab = Tie.objects.get(source=actors["A"], target=actors["B"])
    assert (ab.strength, ab.kind, ab.via, ab.since) == (4, "ทุน", actors["C"], dt.date(2024, 3, 15))
    bc = Tie.objects.get(source=actors["B"])
    assert (bc.strength, bc.until) == (2, dt.date(2025, 12, 31))
    # a directed tie each way is two ties
    assert Tie.objects.filter(directed=True).count() == 2


def test_a_b_and_b_a_are_one_undirected_tie_and_reimport_changes_nothing(
    workspace, actors, tmp_path
):
    rows = [["source", "target", "strength"], ["A", "B", "3"], ["B", "A", "3"], ["A", "C", 2.0]]
    path = write_csv(tmp_path / "t.csv", rows)
    first = run(workspace, path)
    assert (first.rows, first.created, first.unchanged) == (3, 2, 1)
    again = run(workspace, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert Tie.objects.count() == 2
    stronger = run(
        workspace,
        write_csv(tmp_path / "u.csv", [["source", "target", "strength"], ["B", "A", "4"]]),
    )
    assert stronger.updated == 1 and Tie.objects.get(target=actors["B"]).strength == 4
    event = AuditEvent.objects.get(action="update", object_type="ties.tie")
    assert event.changes == {"strength": [3, 4]}


@pytest.mark.parametrize(
    ("row", "column", "expected"),
    [
        (["A", "A", "1", ""], "target", "two different actors"),
        (["A", "Z", "1", ""], "target", "“Z”"),
        (["", "B", "1", ""], "source", "missing"),
        (["A", "B", "5", ""], "strength", "outside 1–4"),
        (["A", "B", "แน่น", ""], "strength", "แน่นแฟ้น"),
        (["A", "B", "1", "30/02/2567"], "since", "not a real date"),
        (["A", "B", "1", "next week"], "since", "not a date"),
    ],
)
def test_bad_tie_rows_are_rejected(workspace, actors, tmp_path, row, column, expected):
    rows = [["source", "target", "strength", "since"], ["C", "D", "1", ""], row]
    report = run(workspace, write_csv(tmp_path / "t.csv", rows))
    assert (report.created, report.rejected) == (1, 1)
    [error] = [e for e in report.errors if e.column == column]
    assert error.line == 3 and expected in error.reason


def test_conflicting_rows_of_one_tie_are_refused_not_guessed(workspace, actors, tmp_path):
    rows = [["source", "target", "strength"], ["A", "B", "3"], ["B", "A", "2"]]
    report = run(workspace, write_csv(tmp_path / "t.csv", rows))
    assert report.rejected == 1 and "line 2" in report.errors[0].reason
    assert Tie.objects.get().strength == 3


def test_end_before_start_and_broker_at_an_end_are_rejected(workspace, actors, tmp_path):
    rows = [
        ["source", "target", "since", "until", "via"],
        ["A", "B", "2024-05-01", "2024-01-01", ""],
        ["A", "C", "", "", "A"],
    ]
    report = run(workspace, write_csv(tmp_path / "t.csv", rows))
    assert {(e.line, e.column) for e in report.errors} == {(2, "until"), (3, "via")}


def test_excel_dates_and_numbers_from_a_workbook(workspace, actors, tmp_path):
    path = write_xlsx(
        tmp_path / "t.xlsx",
        {
            "ties": [
                ["source", "target", "strength", "since", "until"],
                ["A", "B", 4, dt.datetime(2024, 3, 15), 45658],
            ]
        },
    )
    report = run(workspace, path)
    tie = Tie.objects.get()
    assert report.created == 1
    assert (tie.strength, tie.since, tie.until) == (4, dt.date(2024, 3, 15), dt.date(2025, 1, 1))


def test_ties_never_reach_another_workspace(workspace, other_workspace, actors, tmp_path):
    actor_create(AUTHOR, other_workspace, key="X", name="คนนอก")
    rows = [["source", "target"], ["A", "X"]]
    report = run(workspace, write_csv(tmp_path / "t.csv", rows))
    assert report.rejected == 1 and not Tie.objects.exists()


def test_all_or_nothing_and_dry_run_leave_ties_untouched(workspace, actors, tmp_path):
    rows = [["source", "target"], ["A", "B"], ["A", "C"], ["A", "Z"], ["B", "C"]]
    path = write_csv(tmp_path / "t.csv", rows)
    report = run(workspace, path, all_or_nothing=True)
    assert (report.applied, report.created, report.rejected) == (False, 3, 1)
    assert run(workspace, path, dry_run=True).applied is False
    assert not Tie.objects.exists()
    assert run(workspace, path).created == 3 and Tie.objects.count() == 3
