"""Self-assessments over time in Chromium: a network's page in Thai at 1366 px draws one line a
list (the 12 principles in their colour, the four pillars in theirs) from the table it folds
under the chart, a survey-made assessment among the dates; the workspace's page on a 390 px
phone in English switches from the agency's results to the network's, nothing wider than the
screen."""

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import BrowserContext, Page, expect

from phakhi.assessments.from_survey import assessment_from_survey
from phakhi.assessments.network_lists import C1, C14
from phakhi.assessments.opdc_lists import C7
from phakhi.assessments.selectors import answer_for_item
from phakhi.assessments.services import answer_set, assessment_create, assessment_finalise
from phakhi.assessments.trends import colour_of
from phakhi.core.audit import Author

pytestmark = pytest.mark.browser
AUTHOR = Author("test:browser")

# Pixels of the canvas within a few steps of the colour #rrggbb (the line and its points).
PIXELS_OF = """(canvas, hex) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
  let found = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 200 && Math.abs(data[i] - r) < 12 && Math.abs(data[i + 1] - g) < 12
        && Math.abs(data[i + 2] - b) < 12) found += 1;
  }
  return found;
}"""


def _final(workspace: Any, network: Any, templates: list[str], day: dt.date, score: int) -> Any:
    made = assessment_create(AUTHOR, workspace, templates=templates, held_on=day, network=network)
    for answer in made.answers.all():
        answer_set(AUTHOR, answer, score=score)
    return assessment_finalise(AUTHOR, made)


@pytest.fixture
def over_time(data: dict[str, Any]) -> dict[str, Any]:
    workspace, network = data["workspace"], data["network"]
    _final(workspace, network, [C1.code, C14.code], dt.date(2024, 6, 1), 2)
    _final(workspace, network, [C1.code, C14.code], dt.date(2025, 1, 15), 3)
    survey = assessment_from_survey(
        AUTHOR, workspace=workspace, network=network, held_on=dt.date(2025, 6, 30),
        templates=[C1.code], scores={(C1.code, "1"): [4, 5, 4], (C1.code, "3"): [4, 4]},
        title="แบบสำรวจเครือข่าย รอบ 1",
    )  # fmt: skip
    agency = assessment_create(AUTHOR, workspace, templates=[C7.code], held_on=dt.date(2025, 3, 1))
    answer_set(AUTHOR, answer_for_item(agency, C7.code, "1"), score=3)
    assessment_finalise(AUTHOR, agency)
    return {"workspace": workspace, "network": network, "survey": survey}


def _fits(page: Page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def _chart(page: Page) -> Any:
    canvas = page.locator("canvas[data-chart-source='assessments-over-time']")
    expect(canvas).to_have_attribute("data-chart-drawn", "true")
    return canvas


def test_a_networks_lists_over_time_in_thai(
    signed_in_page: Page, browser_context: BrowserContext, live_server: Any, over_time: Any
) -> None:
    browser_context.add_cookies(
        [{"name": "django_language", "value": "th", "url": live_server.url}]
    )
    page = signed_in_page
    page.set_viewport_size({"width": 1366, "height": 900})
    network = over_time["network"]
    page.goto(reverse("web:network-assessments",
                      kwargs={"workspace": "khon-kaen", "slug": network.slug}))  # fmt: skip
    canvas = _chart(page)
    assert "กราฟเส้น" in (canvas.get_attribute("aria-label") or "")
    assert canvas.evaluate(PIXELS_OF, colour_of(C1.code)) > 100
    assert canvas.evaluate(PIXELS_OF, colour_of(C14.code)) > 100
    assert page.evaluate("document.fonts.check('14px Sarabun', 'หลักในการทำงาน')")
    # The figures under the chart: three dates; the survey's round has only the principles.
    page.locator(".assessment-trend__figures summary").click()
    rows = page.locator("#assessments-over-time tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("1 มิ.ย. 2567")
    expect(rows.nth(2)).to_contain_text("แบบสำรวจเครือข่าย รอบ 1")
    expect(rows.nth(2).locator("td").nth(0)).to_have_text("4.0")  # items 1 and 3: 4 and 4
    expect(rows.nth(2).locator("td").nth(1)).to_have_text("–")  # no pillars that day
    _fits(page, 1366)


def test_the_workspace_page_on_a_phone_switches_to_the_network(
    signed_in_page: Page, browser_context: BrowserContext, live_server: Any, over_time: Any
) -> None:
    browser_context.add_cookies(
        [{"name": "django_language", "value": "en", "url": live_server.url}]
    )
    page = signed_in_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(reverse("web:assessments", kwargs={"workspace": "khon-kaen"}))
    # The agency's own single result: figures, no line yet.
    expect(page.locator(".assessment-over-time")).to_contain_text(
        "the chart shows once there are two"
    )
    expect(page.locator("canvas[data-chart-source='assessments-over-time']")).to_have_count(0)
    _fits(page, 390)
    page.locator("select[name=scope]").select_option(over_time["network"].slug)
    page.get_by_role("button", name="Show").click()
    canvas = _chart(page)
    assert canvas.evaluate(PIXELS_OF, colour_of(C1.code)) > 50
    expect(page.locator(".assessment-lists")).to_contain_text("Network strength")
    _fits(page, 390)
