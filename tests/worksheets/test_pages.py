"""The worksheets on paper in the browser: the project's page of blank and filled worksheets,
and the files it and each worksheet's tab offer — the same files as the command line's, with
the contact persons masked for a viewer."""

import io
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.accounts_support import client_for, user_with_role
from tests.worksheets.filled import Filled
from tests.worksheets.paper_support import compared, pdf_info, pdf_text

pytestmark = pytest.mark.django_db


def _url(filled: Filled, name: str, **kwargs: Any) -> str:
    return reverse(
        f"web:{name}",
        kwargs={"workspace": filled.workspace.slug, "project": filled.project.slug, **kwargs},
    )


def _client(filled: Filled, role: str) -> Client:
    return client_for(user_with_role(filled.workspace, role))


def test_the_page_offers_every_worksheet_blank_and_filled(filled: Filled) -> None:
    response = _client(filled, "viewer").get(_url(filled, "project-paper"))
    assert response.status_code == 200
    page = response.content.decode()
    for worksheet in (1, 2, 4):
        for fmt in ("pdf", "xlsx"):
            assert _url(filled, "worksheet-blank", worksheet=worksheet, fmt=fmt) in page
            assert _url(filled, "worksheet-download", worksheet=worksheet, fmt=fmt) in page
    assert "ใบงาน Network 4" in page
    assert 'id="worksheet-paper-masked"' in page  # a viewer is told why contacts are masked
    assert f'href="{_url(filled, "project-paper")}" aria-current="page"' in page  # its tab


def test_a_download_is_an_attachment_named_for_the_project(filled: Filled, tmp_path: Path) -> None:
    response = _client(filled, "coordinator").get(
        _url(filled, "worksheet-download", worksheet=1, fmt="pdf")
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="organic-worksheet-1.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert pdf_info(response.content, tmp_path)["Page size"] == "841.89 x 595.276 pts (A4)"
    assert "0879998888" in pdf_text(response.content, tmp_path)


def test_a_viewers_workbook_has_the_contact_masked(filled: Filled) -> None:
    response = _client(filled, "viewer").get(
        _url(filled, "worksheet-download", worksheet=1, fmt="xlsx")
    )
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    cells = [str(v) for row in book["บัตรวิเคราะห์ภาคี"].iter_rows(values_only=True) for v in row]
    assert "นายก ทม." in cells and "ป•••••" in cells
    assert not any("0879998888" in cell for cell in cells)


def test_an_earlier_assessment_is_chosen_by_its_id(filled: Filled, tmp_path: Path) -> None:
    import datetime as dt

    from phakhi.stakeholders.services import assessment_create
    from tests.worksheets.filled import AUTHOR

    later = assessment_create(AUTHOR, filled.project, held_on=dt.date(2026, 12, 5), copy_last=False)
    client = _client(filled, "admin")
    latest = client.get(_url(filled, "worksheet-download", worksheet=1, fmt="pdf"))
    assert "นายก ทม." not in compared(pdf_text(latest.content, tmp_path))  # the new, empty one
    url = _url(filled, "worksheet-download", worksheet=1, fmt="pdf")
    earlier = client.get(f"{url}?assessment={filled.assessment.pk}")
    assert compared("นายก ทม.") in compared(pdf_text(earlier.content, tmp_path))
    assert client.get(f"{url}?assessment={later.pk + 100}").status_code == 404


@pytest.mark.parametrize(("worksheet", "fmt"), [(3, "pdf"), (1, "docx"), (5, "xlsx")])
def test_what_does_not_exist_is_not_found(filled: Filled, worksheet: int, fmt: str) -> None:
    client = _client(filled, "admin")
    assert (
        client.get(_url(filled, "worksheet-download", worksheet=worksheet, fmt=fmt)).status_code
        == 404
    )
    assert (
        client.get(_url(filled, "worksheet-blank", worksheet=worksheet, fmt=fmt)).status_code == 404
    )


def test_a_blank_worksheet_carries_the_project_and_no_rows(filled: Filled, tmp_path: Path) -> None:
    response = _client(filled, "member").get(
        _url(filled, "worksheet-blank", worksheet=1, fmt="pdf")
    )
    assert response["Content-Disposition"] == 'attachment; filename="organic-worksheet-1-blank.pdf"'
    text = pdf_text(response.content, tmp_path)
    assert "โครงการเกษตรอินทรีย์" in text and "นายก ทม." not in text
    assert len(re.findall("๙", text)) == 12
