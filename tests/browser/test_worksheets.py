"""The worksheets on paper in Chromium: from the project's tab "Print and download", a
coordinator downloads worksheet 1 filled as PDF and worksheet 4 blank as Excel, and from worksheet
1's cards page the PDF of the assessment shown — on a desktop in Thai and on a phone in English,
nothing wider than the screen; the files read back by pdftotext and openpyxl."""

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from playwright.sync_api import BrowserContext, Page

from phakhi.core.models import Workspace
from phakhi.worksheets.columns import EXPANSION_PLAN
from tests.fixtures_stakeholders import EXAMPLE_CARD
from tests.worksheets.filled import fill_project
from tests.worksheets.paper_support import compared, pdf_info, pdf_text

pytestmark = pytest.mark.browser

WORDS = {
    "th": {"tab": "พิมพ์และดาวน์โหลด", "pdf": "PDF สำหรับพิมพ์", "excel": "Excel สำหรับกรอก",
           "page": "หน้า 1 / "},
    "en": {"tab": "Print and download", "pdf": "PDF to print", "excel": "Excel to fill in",
           "page": "Page 1 / "},
}  # fmt: skip


def _fits(page: Page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def _download(page: Page, link: Any, folder: Path) -> Path:
    with page.expect_download() as started:
        link.click()
    download = started.value
    path = folder / download.suggested_filename
    download.save_as(path)
    return path


@pytest.mark.parametrize(("width", "language"), [(1366, "th"), (390, "en")])
def test_download_the_worksheets_from_the_projects_tab(
    signed_in_page: Page,
    browser_context: BrowserContext,
    live_server: Any,
    workspace: Workspace,
    tmp_path: Path,
    width: int,
    language: str,
) -> None:
    filled = fill_project(workspace)
    words = WORDS[language]
    browser_context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page = signed_in_page
    page.set_viewport_size({"width": width, "height": 900})
    project = {"workspace": workspace.slug, "project": filled.project.slug}
    page.goto(reverse("web:project", kwargs=project))
    page.locator("nav.project-tabs").get_by_role("link", name=words["tab"]).click()
    page.wait_for_load_state()
    _fits(page, width)

    first = page.locator("#worksheet-paper-1").locator("xpath=..")
    filled_pdf = first.get_by_role("link", name=words["pdf"]).last
    path = _download(page, filled_pdf, tmp_path)
    assert path.name == "organic-worksheet-1.pdf"
    content = path.read_bytes()
    assert pdf_info(content, tmp_path)["Page size"] == "841.89 x 595.276 pts (A4)"
    text = pdf_text(content, tmp_path)
    assert words["page"] in text
    assert compared(EXAMPLE_CARD["how_to_reach"]) in compared(text)

    fourth = page.locator("#worksheet-paper-4").locator("xpath=..")
    path = _download(page, fourth.get_by_role("link", name=words["excel"]), tmp_path)
    assert path.name == "organic-worksheet-4-blank.xlsx"
    rows = list(load_workbook(path).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert list(rows[-1]) == [column.thai for column in EXPANSION_PLAN.columns]

    page.goto(
        reverse("web:stakeholders-cards", kwargs={**project, "assessment": filled.assessment.pk})
    )
    _fits(page, width)
    downloads = page.locator(".worksheet-downloads")
    path = _download(page, downloads.get_by_role("link", name=words["pdf"]), tmp_path)
    assert compared("นายก ทม.") in compared(pdf_text(path.read_bytes(), tmp_path))
    assert page.errors == []  # type: ignore[attr-defined]
