"""The scorecard in Chromium: at 1366 px in Thai a coordinator takes a snapshot from the
network's scorecard and sees the figure over time drawn (pixels on the canvas, in Sarabun) with
its table; at 390 px in English the monitoring hub and a scorecard never scroll sideways and
every light says its word."""

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, expect

from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.monitoring.snapshots import snapshot_take
from tests.browser.conftest import INKED, role_context
from tests.monitoring.scorecard_support import scorecard_data

pytestmark = pytest.mark.browser
AUTHOR = Author("test:scorecard")


def _context(
    browser: Browser, live_server: Any, workspace: Workspace, language: str, width: int
) -> Iterator[BrowserContext]:
    return role_context(
        browser, live_server, workspace, role="coordinator", language=language, width=width,
        author=AUTHOR,
    )  # fmt: skip


@pytest.fixture
def thai_desktop(browser: Browser, live_server: Any, workspace: Workspace) -> Iterator[Any]:
    data = scorecard_data(workspace, timezone.localdate())
    # Two earlier snapshots, so that the chart has a line.
    for days in (150, 60):
        day = timezone.localdate() - dt.timedelta(days=days)
        snapshot_take(AUTHOR, workspace, data["network"], on=day)
    yield from _context(browser, live_server, workspace, "th", 1366)


@pytest.fixture
def english_phone(browser: Browser, live_server: Any, workspace: Workspace) -> Iterator[Any]:
    data = scorecard_data(workspace, timezone.localdate())
    snapshot_take(AUTHOR, workspace, data["network"])
    yield from _context(browser, live_server, workspace, "en", 390)


def test_a_snapshot_taken_and_the_figure_over_time_in_thai(thai_desktop: BrowserContext) -> None:
    page = thai_desktop.new_page()
    page.goto("/w/khon-kaen/networks/health/scorecard/")
    expect(page.locator("h1")).to_have_text("ความเข้มแข็งของ เครือข่ายสุขภาพ")
    expect(page.locator(".scorecard-dimension h3")).to_have_count(4)
    page.get_by_role("button", name="บันทึกภาพรวมตอนนี้").click()
    expect(page.locator(".message--success")).to_contain_text("บันทึกภาพรวมความเข้มแข็งไว้แล้ว")
    expect(page.locator(".scorecard-meta")).to_contain_text("บันทึกภาพรวมไว้ 3 ครั้ง")
    page.get_by_role("link", name="อัตราการเข้าร่วม").click()
    canvas = page.locator("canvas[data-trend-source]")
    expect(canvas).to_have_attribute("data-chart-drawn", "true")
    assert canvas.evaluate(INKED) > 500
    assert page.evaluate("document.fonts.check('14px Sarabun', 'อัตราการเข้าร่วม')")
    rows = page.locator("#trend-table tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.last.locator("td").first).to_have_text("75%")  # 3 of 4 members today
    # The figure chooser: another figure, without a button (the page's script submits it).
    page.locator("#figure").select_option("dormant_member_share")
    expect(page.locator("h2").first).to_have_text("สมาชิกที่เงียบหาย")
    expect(rows.last.locator("td").first).to_have_text("50%")  # C and D of 4


def test_the_hub_and_a_scorecard_on_a_phone(english_phone: BrowserContext) -> None:
    page = english_phone.new_page()
    for path in ("/w/khon-kaen/monitoring/", "/w/khon-kaen/networks/health/scorecard/"):
        page.goto(path)
        expect(page.locator(".scorecard-dimension")).to_have_count(4)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        words = page.locator(".scorecard-dimension .light__word").all_text_contents()
        assert words and all(word in ("good", "watch", "act", "not known") for word in words)
    # The hub's networks table: one row a network, each light with its word.
    page.goto("/w/khon-kaen/monitoring/")
    row = page.locator(".scorecard-networks tbody tr").first
    expect(row).to_contain_text("เครือข่ายสุขภาพ")
    expect(row.locator(".light__word").first).to_be_visible()
