"""The coordinator's pages of a network survey in Chromium, on a phone's width (390 px) in Thai:
the round's page and the results fit the screen, one member's link is copied to the clipboard,
the results sort by trust from the links above the stacked list, and closing asks first."""

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import BrowserContext, Page, expect

from phakhi.core.models import Workspace
from phakhi.monitoring.models import Survey
from phakhi.monitoring.survey_services import survey_open
from tests.monitoring.survey_support import AUTHOR, answer, respondent_of, surveyed_data

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def surveyed(workspace: Workspace) -> dict[str, Any]:
    return surveyed_data(workspace)


def _fits(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _url(name: str, **kwargs: Any) -> str:
    return reverse(f"web:{name}", kwargs={"workspace": "khon-kaen", "slug": "round-1", **kwargs})


def test_the_coordinator_runs_a_round_on_a_phone(
    page: Page, browser_context: BrowserContext, log_in: Any, surveyed: dict[str, Any]
) -> None:
    survey = survey_open(AUTHOR, surveyed["survey"])
    a, b, c, d = (surveyed[x] for x in "ABCD")
    answer(respondent_of(survey, b), {a: 4}, trust=4)
    answer(respondent_of(survey, c), {a: 3}, trust=4)
    answer(respondent_of(survey, a), {b: 3}, trust=1)
    log_in(surveyed["workspace"], "coordinator")
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.set_viewport_size(PHONE)

    page.goto(_url("survey"))
    expect(page.get_by_role("heading", name="สำรวจเครือข่ายรอบที่ 1")).to_be_visible()
    expect(page.locator(".survey-figures")).to_contain_text("60%")  # 3 of 5 answered
    _fits(page)

    # One member's link: copied to the clipboard, as it is on the page.
    page.locator(".survey-roster tr", has_text=d.name).get_by_role(
        "link", name="ลิงก์และคิวอาร์โค้ด"
    ).click()
    link = page.locator("#survey-link-address").input_value()
    assert link.endswith(f"/s/{respondent_of(survey, d).token}/")
    page.get_by_role("button", name="คัดลอกลิงก์").click()
    expect(page.locator("#survey-link-status")).to_have_text("คัดลอกแล้ว")
    assert page.evaluate("navigator.clipboard.readText()") == link
    expect(page.locator(".survey-link__qr svg")).to_be_visible()
    _fits(page)

    # The results: sorted by trust from the links above the stacked list.
    page.goto(_url("survey-results"))
    _fits(page)
    sort = page.locator(".survey-sort")
    expect(sort).to_be_visible()
    sort.get_by_role("link", name="ความไว้วางใจ (1–4)").click()
    expect(page).to_have_url(f"{page.url.split('?')[0]}?sort=trust")
    first = page.locator(".survey-scores tbody tr").first
    expect(first).to_contain_text(a.name)  # trust 4.00 from two raters
    expect(page.get_by_text("ยืนยันทั้งสองฝ่าย").first).to_be_visible()  # กมล ↔ ขวัญ

    # Closing asks first; dismissed, the round stays open; accepted, it closes.
    page.goto(_url("survey"))
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="ปิดรอบสำรวจ").click()
    assert Survey.objects.get().status == Survey.Status.OPEN
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="ปิดรอบสำรวจ").click()
    expect(page.locator("h1 .survey-status")).to_have_text("ปิดแล้ว")
    assert Survey.objects.get().status == Survey.Status.CLOSED
    assert page.errors == []  # type: ignore[attr-defined]
