"""The self-assessment in Chromium: on a 390 px phone a coordinator scores three items of OPDC's
list, each card saving itself, and links an activity found by its title; on a 1366 px desktop
the result shows each item against the previous assessment, the fallen one marked, with its
chart — nothing wider than the screen."""

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import BrowserContext, Page, expect

from phakhi.assessments.models import Answer
from phakhi.assessments.opdc_lists import C7
from phakhi.assessments.selectors import answer_for_item
from phakhi.assessments.services import answer_set, assessment_create, assessment_finalise
from phakhi.assessments.templates import AWARD_TEMPLATES
from phakhi.core.audit import Author
from phakhi.participation.models import Activity

pytestmark = pytest.mark.browser
AUTHOR = Author("test:browser")


def _fits(page: Page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.fixture
def assessments(data: dict[str, Any]) -> tuple[Any, Any]:
    workspace = data["workspace"]
    Activity.objects.create(
        workspace=workspace, key="forum-1", title="เวทีประชาคมแผนสุขภาพตำบล",
        kind="forum", starts_on=dt.date(2025, 3, 15),
    )  # fmt: skip
    first = assessment_create(
        AUTHOR, workspace, templates=AWARD_TEMPLATES, held_on=dt.date(2024, 6, 1)
    )
    for item, score in (("1", 3), ("2", 4), ("3", 2)):
        answer_set(AUTHOR, answer_for_item(first, C7.code, item), score=score)
    assessment_finalise(AUTHOR, first)
    now = assessment_create(
        AUTHOR, workspace, templates=AWARD_TEMPLATES, held_on=dt.date(2025, 6, 1)
    )
    return first, now


def test_three_items_on_a_phone_then_the_comparison_on_a_desktop(
    signed_in_page: Page,
    browser_context: BrowserContext,
    live_server: Any,
    assessments: tuple[Any, Any],
) -> None:
    browser_context.add_cookies(
        [{"name": "django_language", "value": "th", "url": live_server.url}]
    )
    _first, now = assessments
    page = signed_in_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(reverse("web:assessment", kwargs={"workspace": "khon-kaen", "assessment": now.pk}))
    expect(page.locator("h2").first).to_contain_text(C7.thai)
    _fits(page, 390)
    for item, score in (("1", 4), ("2", 2), ("3", 3)):
        answer = answer_for_item(now, C7.code, item)
        card = page.locator(f"#answer-{answer.pk}")
        expect(card).to_contain_text(C7.item(item).thai)
        card.locator(f".assessment-scale__point:has(input[name=score][value='{score}'])").click()
        expect(page.locator(f"#answer-{answer.pk} .assessment-card__saved")).to_be_visible()
        expect(
            page.locator(f"#answer-{answer.pk} input[name=score][value='{score}']")
        ).to_be_checked()
    expect(page.locator("#assessment-progress")).to_have_text("3")
    _fits(page, 390)
    scores = dict(
        Answer.objects.filter(
            assessment=now, template=C7.code, item__in=["1", "2", "3"]
        ).values_list("item", "score")
    )
    assert scores == {"1": 4, "2": 2, "3": 3}

    first_card = page.locator(f"#answer-{answer_for_item(now, C7.code, '1').pk}")
    first_card.locator(".assessment-picker summary").click()
    first_card.locator("input[name=q]").fill("ประชาคม")
    first_card.get_by_role("button", name="เวทีประชาคมแผนสุขภาพตำบล").click()
    card = page.locator(f"#answer-{answer_for_item(now, C7.code, '1').pk}")
    expect(card.locator(".assessment-evidence__list")).to_contain_text("เวทีประชาคมแผนสุขภาพตำบล")
    _fits(page, 390)

    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(
        reverse("web:assessment-result", kwargs={"workspace": "khon-kaen", "assessment": now.pk})
    )
    table = page.locator(f"#scores-{C7.code}")
    rows = table.locator("tbody tr")
    expect(rows.nth(0)).to_contain_text("▲")  # 3 → 4
    expect(rows.nth(1)).to_contain_text("▼")  # 4 → 2
    expect(rows.nth(1)).to_have_class("assessment-row--fell")
    expect(page.locator(".assessment-fallen")).to_contain_text(C7.items[1].thai)
    canvas = page.locator(f"canvas[data-chart-source='scores-{C7.code}']")
    expect(canvas).to_be_visible()
    page.wait_for_function(
        "c => c.width > 0 && c.getContext('2d') !== null", arg=canvas.element_handle()
    )
    _fits(page, 1366)
