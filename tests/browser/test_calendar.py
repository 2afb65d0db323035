"""The activity calendar in Chromium: the month grid at 1366 px in Thai shows an activity on its
day under the Buddhist-era month title; at 390 px in English the grid is an agenda of the days
with activities, the page does not scroll sideways, and the subscribe panel copies the private
address."""

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, expect

from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.participation.services import activity_create
from tests.browser.conftest import role_context

pytestmark = pytest.mark.browser
AUTHOR = Author("test:calendar")


@pytest.fixture
def month(workspace: Workspace) -> dt.date:
    """This month, with a forum on the 10th, a three-day training across the 20th and a
    long-titled meeting; the grid is always this month's."""
    first = timezone.localdate().replace(day=1)
    activity_create(
        AUTHOR, workspace, key="forum", title="เวทีประชาคมตำบลหนองแดง", kind="forum",
        starts_on=first.replace(day=10), start_time=dt.time(9, 0), end_time=dt.time(12, 0),
    )  # fmt: skip
    activity_create(
        AUTHOR, workspace, key="training", title="อบรมแกนนำเยาวชน", kind="training",
        starts_on=first.replace(day=19), ends_on=first.replace(day=21),
    )  # fmt: skip
    activity_create(
        AUTHOR, workspace, key="long", kind="meeting", starts_on=first.replace(day=10),
        title="ประชุมคณะทำงานเครือข่ายเฝ้าระวังสุขภาพชุมชนระดับอำเภอเมืองนครพนมจังหวัดนครพนม",
    )  # fmt: skip
    return first


def _context(
    browser: Browser, live_server: Any, workspace: Workspace, language: str, width: int
) -> Iterator[BrowserContext]:
    return role_context(
        browser, live_server, workspace, role="viewer", language=language, width=width,
        author=AUTHOR,
    )  # fmt: skip


@pytest.fixture
def thai_desktop(browser: Browser, live_server: Any, workspace: Workspace) -> Iterator[Any]:
    yield from _context(browser, live_server, workspace, "th", 1366)


@pytest.fixture
def english_phone(browser: Browser, live_server: Any, workspace: Workspace) -> Iterator[Any]:
    yield from _context(browser, live_server, workspace, "en", 390)


def test_month_grid_in_thai(thai_desktop: BrowserContext, workspace: Workspace, month) -> None:
    page = thai_desktop.new_page()
    page.goto(reverse("web:calendar", kwargs={"workspace": workspace.slug}))
    year_be = month.year + 543
    expect(page.locator(".calendar-title")).to_contain_text(str(year_be))
    grid = page.locator("table.calendar-month")
    expect(grid.locator("thead th").first).to_have_text("จ.")
    tenth = grid.locator("td.calendar-day:not(.calendar-day--outside)").nth(9)
    expect(tenth.locator(".calendar-day__number")).to_have_text("10")
    forum = tenth.locator(".calendar-entry", has_text="เวทีประชาคมตำบลหนองแดง")
    expect(forum).to_contain_text("09:00–12:00")
    # All-day entries come first, then by time.
    expect(tenth.locator(".calendar-entry").first).to_contain_text("ทั้งวัน")
    # The training is on each of its three days, and nowhere else.
    expect(grid.locator(".calendar-entry", has_text="อบรมแกนนำเยาวชน")).to_have_count(3)
    # Each cell keeps to its column however long a title is.
    widths = grid.locator("td.calendar-day").evaluate_all(
        "cells => cells.map(c => Math.round(c.getBoundingClientRect().width))"
    )
    assert max(widths) - min(widths) <= 2
    page.locator(".calendar-nav a[rel=next]").click()
    following = (month + dt.timedelta(days=32)).replace(day=1)
    expect(page.locator(".calendar-title")).to_contain_text(str(following.year + 543))
    expect(page.locator(".calendar-entry", has_text="เวทีประชาคมตำบลหนองแดง")).to_have_count(0)


def test_phone_agenda_in_english(
    english_phone: BrowserContext, workspace: Workspace, month
) -> None:
    page = english_phone.new_page()
    page.goto(reverse("web:calendar", kwargs={"workspace": workspace.slug}))
    expect(page.locator(".calendar-title")).to_contain_text(f"{month:%B} {month.year}")
    page.evaluate("document.fonts.ready.then(() => true)")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Only the days with activities show, each under its whole date.
    days = page.locator("td.calendar-day:visible")
    expect(days).to_have_count(4)  # the 10th, and the training's 19th to 21st
    expect(days.first.locator(".calendar-day__date")).to_contain_text(f"10 {month:%b} {month.year}")
    expect(page.locator("thead")).to_be_hidden()
    long_title = page.locator(".calendar-entry", has_text="ระดับอำเภอเมืองนครพนม")
    box = long_title.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390
    # The subscribe panel makes the private address and copies it.
    page.get_by_role("button", name="Make my calendar address").click()
    address = page.locator("#calendar-address")
    expect(address).to_be_visible()
    assert "/calendar/" in address.input_value() and address.input_value().endswith(".ics?lang=en")
    english_phone.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Copy").click()
    expect(page.locator("#calendar-copy-status")).to_have_text("Copied")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
