"""The import template on the import page: its files download, have the Thai headers, and
import without one rejected row through the real importer — actors first, then the ties
between them, from the CSV files and from the workbook's two sheets."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from phakhi.actors.models import Actor
from phakhi.core.models import Workspace
from phakhi.imports.columns import ACTOR_COLUMNS, TIE_COLUMNS
from phakhi.imports.report import ImportReport
from phakhi.imports.services import actors_import, ties_import
from phakhi.ties.models import Tie
from tests.accounts_support import AUTHOR, client_for, user_with_role

pytestmark = pytest.mark.django_db

ACTORS, TIES = 7, 6


@pytest.fixture
def coordinator(workspace: Workspace) -> Client:
    return client_for(user_with_role(workspace, "coordinator"))


def _download(client: Client, workspace: Workspace, name: str, tmp_path: Path) -> Path:
    response = client.get(reverse("web:import-template", args=[workspace.slug, name]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    path = tmp_path / name
    path.write_bytes(response.content)
    return path


def _clean(report: ImportReport, created: int) -> None:
    assert (report.errors, report.rejected, report.created) == ([], 0, created)
    assert report.possible_duplicates == []
    assert report.errors_file is None


def _imported_as_written(workspace: Workspace) -> None:
    malee = Actor.objects.get(workspace=workspace, key="P-01")
    assert (malee.name, malee.kind, malee.sector) == ("นางสาวมาลี ศรีสุข", "person", "government")
    assert malee.organization is not None and malee.organization.key == "ORG-01"
    assert malee.phone == "+66812345678"
    brokered = Tie.objects.get(workspace=workspace, via__key="P-02")
    assert (brokered.strength, brokered.since) == (2, dt.date(2024, 3, 15))  # 15/03/2567
    assert Tie.objects.get(workspace=workspace, until__isnull=False).until == dt.date(2025, 12, 31)


def test_the_import_page_offers_the_template(coordinator: Client, workspace: Workspace) -> None:
    page = coordinator.get(reverse("web:import", args=[workspace.slug])).content.decode()
    for name in ("phakhi-actors.csv", "phakhi-ties.csv", "phakhi-import.xlsx"):
        assert reverse("web:import-template", args=[workspace.slug, name]) in page


def test_the_csv_templates_import_without_a_rejected_row(
    coordinator: Client, workspace: Workspace, tmp_path: Path
) -> None:
    actors = _download(coordinator, workspace, "phakhi-actors.csv", tmp_path)
    ties = _download(coordinator, workspace, "phakhi-ties.csv", tmp_path)
    assert actors.read_bytes().startswith("\ufeffรหัส,ชื่อ,".encode())  # Excel reads it as UTF-8

    _clean(actors_import(workspace, actors, author=AUTHOR), ACTORS)
    _clean(ties_import(workspace, ties, author=AUTHOR), TIES)
    _imported_as_written(workspace)
    # Importing it again changes nothing.
    assert actors_import(workspace, actors, author=AUTHOR).unchanged == ACTORS


def test_the_workbook_has_thai_headers_text_cells_and_imports_sheet_by_sheet(
    coordinator: Client, workspace: Workspace, tmp_path: Path
) -> None:
    path = _download(coordinator, workspace, "phakhi-import.xlsx", tmp_path)
    workbook = load_workbook(io.BytesIO(path.read_bytes()))
    assert workbook.sheetnames == ["ภาคี", "ความสัมพันธ์"]
    actors, ties = workbook["ภาคี"], workbook["ความสัมพันธ์"]
    assert [c.value for c in actors[1]] == [c.thai for c in ACTOR_COLUMNS]
    assert [c.value for c in ties[1]] == [c.thai for c in TIE_COLUMNS]
    phone = actors.cell(row=6, column=11)  # P-01's โทรศัพท์
    assert (phone.value, phone.data_type, phone.number_format) == ("081-234-5678", "s", "@")

    _clean(actors_import(workspace, path, author=AUTHOR, sheet="ภาคี"), ACTORS)
    _clean(ties_import(workspace, path, author=AUTHOR, sheet="ความสัมพันธ์"), TIES)
    _imported_as_written(workspace)


def test_only_the_templates_are_served(coordinator: Client, workspace: Workspace) -> None:
    url = reverse("web:import-template", args=[workspace.slug, "settings.py"])
    assert coordinator.get(url).status_code == 404
