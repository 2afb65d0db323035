"""Importing a filled worksheet in Chromium: a coordinator uploads the organic-farming plan with
a bad row, checks it, reads the rejected row, imports the valid rows and downloads the rejected
one — on a desktop in Thai and on a phone in English, nothing wider than the screen."""

import csv
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import BrowserContext, Page, expect

from phakhi.core.models import Workspace
from phakhi.expansion.models import PlanRow
from tests.worksheet_import_support import PLAN_HEADERS, plan_rows, write_xlsx

pytestmark = pytest.mark.browser

WORDS = {
    "th": {"check": "ตรวจสอบไฟล์", "report": "รายงานผลการตรวจสอบ", "apply": "นำเข้าแถวที่ถูกต้อง",
           "done": "ผลการนำเข้า", "download": "ดาวน์โหลดแถวที่ไม่ผ่านพร้อมเหตุผล",
           "reason": "ระบุชื่อกลุ่มที่จะขยายเครือข่ายไปถึง", "tab": "นำเข้าใบงาน"},
    "en": {"check": "Check the file", "report": "Check report", "apply": "Import the valid rows",
           "done": "What the import did",
           "download": "Download the rejected rows with their reasons",
           "reason": "Name the group (กลุ่ม) to reach.", "tab": "Import worksheets"},
}  # fmt: skip


def _fits(page: Page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize(("width", "language"), [(1366, "th"), (390, "en")])
def test_check_a_filled_plan_then_import_it_and_download_the_rejected_row(
    signed_in_page: Page,
    browser_context: BrowserContext,
    live_server: Any,
    workspace: Workspace,
    data: dict[str, Any],
    settings: Any,
    tmp_path: Path,
    width: int,
    language: str,
) -> None:
    settings.DATA_DIR = tmp_path / "data"
    words = WORDS[language]
    browser_context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page = signed_in_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(reverse("web:project", kwargs={"workspace": workspace.slug, "project": "clinic"}))
    page.locator("nav.project-tabs").get_by_role("link", name=words["tab"]).click()
    page.wait_for_load_state()
    _fits(page, width)

    rows = [*plan_rows(), ["", "หลวม", "มีส่วนร่วม", "", "", ""]]
    path = write_xlsx(tmp_path / "แผนขยายเครือข่าย.xlsx", PLAN_HEADERS, rows)
    page.set_input_files("input[name=file]", str(path))
    page.get_by_role("button", name=words["check"]).click()
    page.wait_for_load_state()
    expect(page.locator("#import-report-title")).to_have_text(words["report"])
    expect(page.locator("#import-created")).to_have_text("6")
    expect(page.locator("#import-rejected")).to_have_text("1")
    expect(page.locator("table.import-errors")).to_contain_text(words["reason"])
    _fits(page, width)
    assert not PlanRow.objects.exists()

    page.get_by_role("button", name=words["apply"]).click()
    page.wait_for_load_state()
    expect(page.locator("#import-report-title")).to_have_text(words["done"])
    assert PlanRow.objects.count() == 6
    _fits(page, width)

    with page.expect_download() as info:
        page.get_by_role("link", name=words["download"]).click()
    download = info.value
    assert download.suggested_filename.endswith(".errors.csv")
    saved = tmp_path / "errors.csv"
    download.save_as(saved)
    with saved.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0][:6] == PLAN_HEADERS and lines[1][-2] == "8"
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_larger_file_waits_in_the_background_and_its_report_appears_by_itself(
    signed_in_page: Page,
    workspace: Workspace,
    data: dict[str, Any],
    settings: Any,
    monkeypatch: Any,
    tmp_path: Path,
) -> None:
    from phakhi.worksheets import background
    from phakhi.worksheets.tasks import worksheet_import_task

    settings.DATA_DIR = tmp_path / "data"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(background, "INLINE_ROWS", 3)
    page = signed_in_page
    page.goto(
        reverse("web:worksheet-import", kwargs={"workspace": workspace.slug, "project": "clinic"})
    )
    page.set_input_files(
        "input[name=file]", str(write_xlsx(tmp_path / "p.xlsx", PLAN_HEADERS, plan_rows()))
    )
    page.get_by_role("button", name=WORDS["th"]["check"]).click()
    page.wait_for_load_state()
    expect(page.locator("#import-report-title")).to_have_text("กำลังตรวจสอบไฟล์อยู่เบื้องหลัง")
    token = page.url.rstrip("/").rsplit("/", 1)[1]
    worksheet_import_task.call(data["project"].pk, token, True, "web:coordinator", None, "th")
    # No reload: the page asks every 2 s and swaps the report in.
    expect(page.locator("#import-report-title")).to_have_text(WORDS["th"]["report"], timeout=10_000)
    expect(page.locator("#import-created")).to_have_text("6")
    assert page.errors == []  # type: ignore[attr-defined]
