"""A filled export imports back: the paper engineer's XLSX of the นายก ทม. card and of the six
organic-farming plan rows, read by the import, changes nothing in their project and rebuilds
the same rows in another."""

from pathlib import Path

import pytest

from phakhi.accounts.models import Role
from phakhi.accounts.permissions import Access
from phakhi.core.personal import personal_view
from phakhi.expansion.examples import ORGANIC_FARMING_ROWS
from phakhi.expansion.models import PlanRow
from phakhi.expansion.services import plan_create, plan_row_add
from phakhi.projects.services import project_create
from phakhi.stakeholders.models import Stakeholder
from phakhi.stakeholders.services import stakeholder_add
from phakhi.stakeholders.validation import FIELDS
from phakhi.worksheets.exports import worksheet_file
from phakhi.worksheets.imports import worksheet_import
from tests.fixtures_stakeholders import add_example_card

pytestmark = pytest.mark.django_db

PLAN_FIELDS = (
    "target_name", "current_override", "new_level", "our_benefit", "their_benefit", "methods",
    "owner", "due_on", "status",
)  # fmt: skip


def _export(project, worksheet: int, path: Path, view=None) -> Path:  # type: ignore[no-untyped-def]
    path.write_bytes(worksheet_file(project, worksheet, "xlsx", view=view).content)
    return path


@pytest.fixture
def cards(data, author):  # type: ignore[no-untyped-def]
    mayor = add_example_card(author, data["project"])
    stakeholder_add(
        author, mayor.assessment, name="ผู้บริโภค", kind="group", sector="civil",
        affected_by_us=True, interested_in_outcome=True, influence="low", influence_score=2,
        interest="high", priority=3, what_matters="ผักปลอดสารพิษ",
    )  # fmt: skip
    stakeholder_add(author, mayor.assessment, name="ป้าแดง")  # nothing but a name
    return mayor.assessment


@pytest.fixture
def plan(data, author):  # type: ignore[no-untyped-def]
    plan = plan_create(author, project=data["project"], title="แผนการขยายเครือข่ายข้ามประเด็น")
    for row in ORGANIC_FARMING_ROWS:
        plan_row_add(author, plan, **row)
    return plan


def _card_values(assessment) -> list[dict]:  # type: ignore[no-untyped-def]
    rows = Stakeholder.objects.filter(assessment=assessment).order_by("name")
    return [{f: getattr(s, f) for f in FIELDS} for s in rows]


def test_the_mayors_card_exported_imports_back_unchanged(data, author, cards, tmp_path):
    path = _export(data["project"], 1, tmp_path / "worksheet-1.xlsx")
    versions = sorted(Stakeholder.objects.values_list("id", "version"))
    report = worksheet_import(author, data["project"], path)
    assert (report.rows, report.unchanged, report.created, report.updated, report.rejected) == (
        3, 3, 0, 0, 0,
    ), report.errors  # fmt: skip
    assert report.worksheet == 1 and report.header_line > 1
    assert sorted(Stakeholder.objects.values_list("id", "version")) == versions


def test_an_export_rebuilds_the_same_cards_in_another_project(data, author, cards, tmp_path):
    path = _export(data["project"], 1, tmp_path / "worksheet-1.xlsx")
    other = project_create(author, data["workspace"], slug="copy", name="โครงการสำเนา")
    report = worksheet_import(author, other, path)
    assert (report.created, report.rejected) == (3, 0), report.errors
    copied = other.assessments.get()
    assert _card_values(copied) == _card_values(cards)


def test_the_organic_farming_plan_exported_imports_back_unchanged(data, author, plan, tmp_path):
    path = _export(data["project"], 4, tmp_path / "worksheet-4.xlsx")
    versions = sorted(PlanRow.objects.values_list("id", "version"))
    report = worksheet_import(author, data["project"], path)
    assert (report.rows, report.unchanged, report.rejected) == (6, 6, 0), report.errors
    assert report.worksheet == 4
    assert sorted(PlanRow.objects.values_list("id", "version")) == versions
    other = project_create(author, data["workspace"], slug="copy", name="โครงการสำเนา")
    assert worksheet_import(author, other, path).created == 6

    def values(project):  # type: ignore[no-untyped-def]
        rows = PlanRow.objects.filter(plan__project=project).order_by("position")
        return [{f: getattr(r, f) for f in PLAN_FIELDS} for r in rows]

    assert values(other) == values(data["project"])


def test_a_viewers_export_with_masked_contacts_changes_no_contact(
    data, author, cards, tmp_path, workspace
):
    view = personal_view(Access(None, workspace, Role.VIEWER))
    path = _export(data["project"], 1, tmp_path / "viewer.xlsx", view=view)
    report = worksheet_import(author, data["project"], path)
    assert (report.unchanged, report.rejected) == (3, 0), report.errors
    mayor = Stakeholder.objects.get(name="นายก ทม.")
    assert mayor.contact_person == "ป้อม เลข 0879998888"
    other = project_create(author, data["workspace"], slug="copy", name="โครงการสำเนา")
    copied = worksheet_import(author, other, path)
    assert (copied.created, copied.rejected) == (2, 1)
    assert copied.errors[0].column == "contact_person" and "masked" in copied.errors[0].reason


@pytest.mark.parametrize("worksheet", [1, 4])
def test_a_blank_worksheet_filled_in_excel_imports(data, author, tmp_path, worksheet):
    """A room with a laptop: the blank XLSX, its table filled under the printed headers."""
    from openpyxl import load_workbook

    from tests.worksheet_import_support import (
        CARD_HEADERS,
        MAYOR_ROW,
        PLAN_HEADERS,
        plan_rows,
    )

    path = tmp_path / "blank.xlsx"
    path.write_bytes(worksheet_file(data["project"], worksheet, "xlsx", blank=True).content)
    book = load_workbook(path)
    first = "ชื่อผู้มีส่วนได้เสีย/ภาคี" if worksheet == 1 else "กลุ่ม"
    sheet, header = next(
        (sheet, row[0].row)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        if row[0].value == first and sheet.cell(row[0].row, 2).value
    )
    headers, filled = (CARD_HEADERS, [MAYOR_ROW]) if worksheet == 1 else (PLAN_HEADERS, plan_rows())
    columns = {cell.value: cell.column for cell in sheet[header] if cell.value}
    for offset, values in enumerate(filled, start=1):
        for name, value in zip(headers, values, strict=True):
            sheet.cell(header + offset, columns[name], value)
    book.save(path)
    report = worksheet_import(author, data["project"], path)
    assert (report.worksheet, report.created, report.rejected) == (worksheet, len(filled), 0)
