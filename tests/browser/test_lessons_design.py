"""Lessons learned and network design in Chromium: on a 390 px phone a coordinator starts a
session from the project's tab, adds two participants' answers a box per prompt, and finds the
session in the library by a Thai substring; on a desktop and a phone the network's systems map
is built (goal, strategy, working group with its lead) and read, with nothing wider than the
screen."""

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import BrowserContext, Page, expect

from phakhi.core.models import Workspace
from phakhi.lessons.models import LessonAnswer, LessonSession

pytestmark = pytest.mark.browser


def _fits(page: Page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def _language(context: BrowserContext, live_server: Any, language: str) -> None:
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])


def _open(details: Any) -> None:
    if details.get_attribute("open") is None:
        details.locator("summary").click()


def _submit(page: Page, form: Any) -> None:
    form.locator(".form-actions button[type=submit]").click()
    page.wait_for_load_state()


def test_a_session_with_answers_on_a_phone_is_found_in_the_library(
    signed_in_page: Page,
    browser_context: BrowserContext,
    live_server: Any,
    workspace: Workspace,
    data: dict[str, Any],
) -> None:
    _language(browser_context, live_server, "th")
    page = signed_in_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(
        reverse("web:project-lessons", kwargs={"workspace": "khon-kaen", "project": "clinic"})
    )
    expect(page.locator("nav.project-tabs [aria-current=page]")).to_have_text("ถอดบทเรียน")
    _fits(page, 390)
    page.get_by_role("link", name="เวทีถอดบทเรียนใหม่").click()
    page.wait_for_load_state()
    _fits(page, 390)
    page.fill("input[name=title]", "ถอดบทเรียนคลินิกชุมชน")
    page.fill("textarea[name=case]", "เทศบาลเมืองยะลา")
    page.fill("input[name=held_on]", "20/11/2569")
    page.fill("input[name=tags]", "ภาวะผู้นำ")
    _submit(page, page.locator("main form"))

    session = LessonSession.objects.get(workspace=workspace)
    assert session.project == data["project"]
    prompts = list(session.prompts.order_by("position"))
    assert len(prompts) == 3
    form = page.locator("#answers-form form")
    expect(form.locator("textarea")).to_have_count(3)  # one box a prompt
    _fits(page, 390)
    for box in form.locator("textarea").all():
        area = box.bounding_box()
        assert area is not None and area["x"] >= 0 and area["x"] + area["width"] <= 390

    page.fill("input[name=participant]", "นางสาวกนกพร")
    page.fill(f"textarea[name=prompt-{prompts[0].pk}]", "เปิดเวทีประชาคมทุกชุมชนให้ชาวบ้านเสนอปัญหาเอง")
    page.fill(f"textarea[name=prompt-{prompts[2].pk}]", "ผู้นำที่ฟังเสียงชุมชน")
    _submit(page, form)
    expect(page.locator(".messages")).to_contain_text("บันทึก 2 คำตอบแล้ว")
    expect(page.locator("input[name=participant]")).to_have_value("")  # ready for the next one
    page.fill("input[name=participant]", "นายสมปอง")
    page.fill(f"textarea[name=prompt-{prompts[1].pk}]", "ตั้งคณะกรรมการร่วมสามภาคส่วน ประชุมทุกเดือน")
    _submit(page, page.locator("#answers-form form"))
    assert LessonAnswer.objects.filter(session=session).count() == 3
    sheet = page.locator("#sheet")
    expect(sheet).to_contain_text("ตั้งคณะกรรมการร่วมสามภาคส่วน")
    expect(sheet).to_contain_text("นายสมปอง")
    _fits(page, 390)

    page.goto(reverse("web:lessons", kwargs={"workspace": "khon-kaen"}))
    page.fill("input[name=q]", "กรรมการ ร่วม")  # a substring, with a space the text has not
    _submit(page, page.locator("form.lesson-search"))
    _fits(page, 390)
    cards = page.locator(".lesson-card")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("ถอดบทเรียนคลินิกชุมชน")
    expect(cards.first.locator(".lesson-card__answers")).to_contain_text("ตั้งคณะกรรมการร่วมสามภาคส่วน")
    cards.first.get_by_role("link", name="ถอดบทเรียนคลินิกชุมชน").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("ถอดบทเรียนคลินิกชุมชน")
    assert page.errors == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(("width", "language"), [(1366, "th"), (390, "en")])
def test_a_network_is_designed_goal_strategy_working_group(
    signed_in_page: Page,
    browser_context: BrowserContext,
    live_server: Any,
    workspace: Workspace,
    data: dict[str, Any],
    width: int,
    language: str,
) -> None:
    _language(browser_context, live_server, language)
    page = signed_in_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(reverse("web:network", kwargs={"workspace": "khon-kaen", "slug": "health"}))
    page.get_by_role(
        "link",
        name={"th": "การออกแบบเครือข่าย: เป้าหมาย ยุทธศาสตร์ คณะทำงาน",
              "en": "Its design: goals, strategies, working groups"}[language],
    ).click()  # fmt: skip
    page.wait_for_load_state()
    _fits(page, width)

    goal = page.locator("details").filter(has=page.locator("input[name=title][id^=goal]"))
    _open(goal)
    goal.locator("input[name=title]").fill("ลดผู้ป่วยเบาหวานรายใหม่")
    goal.locator("input[name=target_value]").fill("100")
    goal.locator("input[name=current_value]").fill("40")
    _submit(page, goal.locator("form"))
    strategy = page.locator("details").filter(has=page.locator("[id^=strategy-title]"))
    _open(strategy)
    strategy.locator("input[name=title]").fill("อสม. เคาะประตูบ้าน")
    strategy.locator("select[name=goal]").select_option(label="ลดผู้ป่วยเบาหวานรายใหม่")
    _submit(page, strategy.locator("form"))
    group = page.locator("details").filter(has=page.locator("[id^=group-name]"))
    _open(group)
    group.locator("input[name=name]").fill("คณะทำงานเคาะประตู")
    group.locator("input[name=slug]").fill("door-to-door")
    group.locator("select[name=strategy]").select_option(label="อสม. เคาะประตูบ้าน")
    group.locator("input[name=lead]").press_sequentially("สมชาย", delay=30)
    page.get_by_role("option").filter(has_text="p-1").click()
    _submit(page, group.locator("form"))

    goal_box = page.locator(".sysmap__box--goal").first
    expect(goal_box).to_contain_text("ลดผู้ป่วยเบาหวานรายใหม่")
    expect(goal_box).to_contain_text("40%")
    strategy_node = page.locator(".sysmap__strategy").first
    expect(strategy_node.locator(".sysmap__box--strategy")).to_contain_text("อสม. เคาะประตูบ้าน")
    expect(strategy_node.locator(".sysmap__group")).to_contain_text("คณะทำงานเคาะประตู")
    expect(strategy_node.locator(".sysmap__lead")).to_contain_text("นายสมชาย ใจดี")
    _fits(page, width)
    goal_area = goal_box.bounding_box()
    strategy_area = strategy_node.locator(".sysmap__box--strategy").bounding_box()
    group_area = strategy_node.locator(".sysmap__box--group").bounding_box()
    assert goal_area and strategy_area and group_area
    # goal above strategy above working group, each within the screen
    assert goal_area["y"] < strategy_area["y"] < group_area["y"]
    for area in (goal_area, strategy_area, group_area):
        assert area["x"] >= 0 and area["x"] + area["width"] <= width
    assert page.errors == []  # type: ignore[attr-defined]
