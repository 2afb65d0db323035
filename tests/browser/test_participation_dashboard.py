"""The participation dashboard in Chromium: at 1366 px in Thai the levels chart is drawn (the
canvas has pixels, in the page's Sarabun font) beside the sectors chart, and its table gives the
planned and achieved counts of the hand-counted dataset; at 390 px in English the charts stack,
the tables scroll inside their boxes and the page never scrolls sideways."""

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from tests.browser.conftest import INKED, role_context
from tests.participation.dashboard_support import dashboard_data

pytestmark = pytest.mark.browser
AUTHOR = Author("test:dashboard")
PAGE = "/w/khon-kaen/participation/?fy=2568"


def _context(
    browser: Browser, live_server: Any, workspace: Workspace, language: str, width: int
) -> Iterator[BrowserContext]:
    return role_context(
        browser, live_server, workspace, role="viewer", language=language, width=width,
        author=AUTHOR,
    )  # fmt: skip


@pytest.fixture
def thai_desktop(browser: Browser, live_server: Any, workspace: Workspace) -> Iterator[Any]:
    dashboard_data(workspace)
    yield from _context(browser, live_server, workspace, "th", 1366)


@pytest.fixture
def english_phone(browser: Browser, live_server: Any, workspace: Workspace) -> Iterator[Any]:
    dashboard_data(workspace)
    yield from _context(browser, live_server, workspace, "en", 390)


def _drawn(page: Page, source: str) -> Any:
    canvas = page.locator(f"canvas[data-chart-source={source}]")
    expect(canvas).to_have_attribute("data-chart-drawn", "true")
    assert canvas.evaluate(INKED) > 500
    return canvas


def test_levels_planned_and_achieved_in_thai(thai_desktop: BrowserContext) -> None:
    page = thai_desktop.new_page()
    page.goto(PAGE)
    expect(page.locator("#period-heading")).to_have_text("ปีงบประมาณ 2568")
    levels = _drawn(page, "levels-table")
    assert "แผนภูมิแท่ง" in (levels.get_attribute("aria-label") or "")
    sectors = _drawn(page, "sectors-table")
    assert page.evaluate("document.fonts.check('14px Sarabun', 'ปรึกษาหารือ')")
    rows = page.locator("#levels-table tbody tr")
    expect(rows.nth(1)).to_contain_text("ปรึกษาหารือ")
    expect(rows.nth(1).locator("td")).to_have_text(["1", "1"])  # A1 planned 2, A3 achieved 2
    expect(rows.nth(3).locator("td")).to_have_text(["1", "0"])  # A4 planned 4, not assessed
    expect(page.locator("#levels-table tfoot td").first).to_have_text("5")
    # Side by side at this width.
    one, two = levels.bounding_box(), sectors.bounding_box()
    assert one and two and abs(one["y"] - two["y"]) < 5 and two["x"] > one["x"] + one["width"]
    # The explanation of the levels opens under the table.
    page.get_by_text("ความหมายของทั้งห้าระดับ").click()
    expect(page.locator(".participation-levels dd").first).to_be_visible()


def test_the_phone_in_english(english_phone: BrowserContext) -> None:
    page = english_phone.new_page()
    page.goto(PAGE)
    expect(page.locator("#period-heading")).to_have_text("FY 2025 (Oct 2024–Sep 2025)")
    levels, sectors = _drawn(page, "levels-table"), _drawn(page, "sectors-table")
    expect(page.locator("#levels-table tbody tr").nth(1)).to_contain_text("consult")
    one, two = levels.bounding_box(), sectors.bounding_box()
    assert one and two and two["y"] > one["y"] + one["height"]  # stacked
    assert one["x"] + one["width"] <= 390
    # The wide tables scroll inside their boxes, never the page.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    wraps = page.locator(".participation-section .table-wrap").evaluate_all(
        "boxes => boxes.map(b => [b.scrollWidth, b.clientWidth, b.getBoundingClientRect().right])"
    )
    assert all(right <= 390 for _, _, right in wraps)
    assert any(scroll > client for scroll, client, _ in wraps)
    # The period chooser: a range of days.
    page.get_by_text("Any range of days").click()
    page.locator("#period-from").fill("2025-03-15")
    page.locator("#period-to").fill("2025-05-01")
    page.locator(".participation-period__range button").click()
    expect(page.locator("#period-heading")).to_have_text("15 Mar 2025 – 1 May 2025")
    expect(page.locator("#levels-table tfoot td").first).to_have_text("2")
