"""The expansion plan in Chromium: a coordinator opens the project's tab, starts the plan,
adds a group from the directory with the source's methods, and reads beside it the
relationship the map shows — on a desktop in Thai and on a phone in English, with nothing
wider than the screen."""

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import BrowserContext, Page, expect

from phakhi.core.models import Workspace
from phakhi.expansion.models import PlanRow

pytestmark = pytest.mark.browser

WORDS = {
    "th": {"tab": "แผนขยายเครือข่าย", "start": "เริ่มทำแผน", "add": "เพิ่มกลุ่ม",
           "map": "ผังวันนี้: ประสานการทำงาน", "next": "ควรชวนใครต่อ?", "who": "ควรชวนใครต่อ"},
    "en": {"tab": "Expansion plan", "start": "Start the plan", "add": "Add a group",
           "map": "Map today: cooperate", "next": "Who to reach next?", "who": "Who to reach next"},
}  # fmt: skip


def _fits(page: Page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def _save(page: Page) -> None:
    page.locator("main form .form-actions button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize(("width", "language"), [(1366, "th"), (390, "en")])
def test_start_a_plan_and_add_a_group_read_from_the_map(
    signed_in_page: Page,
    browser_context: BrowserContext,
    live_server: Any,
    workspace: Workspace,
    data: dict[str, Any],
    width: int,
    language: str,
) -> None:
    words = WORDS[language]
    browser_context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page = signed_in_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(reverse("web:project", kwargs={"workspace": workspace.slug, "project": "clinic"}))
    page.locator(".project-tabs").get_by_role("link", name=words["tab"]).click()
    page.wait_for_load_state()
    _fits(page, width)
    page.get_by_role("link", name=words["start"]).click()
    page.wait_for_load_state()
    page.fill("input[name=title]", "เครือข่ายสุขภาพ")
    page.fill("textarea[name=vision]", "คนในจังหวัดมีสุขภาวะ")
    _save(page)

    page.get_by_role("link", name=words["add"]).click()
    page.wait_for_load_state()
    _fits(page, width)
    picker = page.locator("input[name=target_actor]")
    picker.press_sequentially("เพื่อนชุมชน", delay=30)
    page.get_by_role("option").filter(has_text="org-1").click()
    expect(page.locator("input[name=target_actor_key]")).to_have_value("org-1")
    page.get_by_label("เชิญเป็นวิทยากร").check()
    page.fill("textarea[name=other_methods]", "ประชุมร่วมทุกเดือน")
    page.select_option("select[name=new_level]", "4")
    page.fill("textarea[name=our_benefit]", "ได้อาสาสมัคร")
    _save(page)

    row = PlanRow.objects.get()
    assert row.methods == ["เชิญเป็นวิทยากร", "ประชุมร่วมทุกเดือน"]
    line = page.locator(f"#row-{row.pk}")
    expect(line).to_contain_text("มูลนิธิเพื่อนชุมชน")
    # The foundation is tied to the network's coordinator at level 3 (cooperate).
    expect(line).to_contain_text(words["map"])
    expect(line).to_contain_text("ประชุมร่วมทุกเดือน")
    _fits(page, width)
    assert not page.errors  # type: ignore[attr-defined]

    page.get_by_role("link", name=words["next"]).click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name=words["who"])).to_be_visible()
    _fits(page, width)
