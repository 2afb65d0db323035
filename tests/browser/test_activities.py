"""Activities in Chromium, in Thai, on a 390 px phone and a 1366 px desktop: from the project's
tab a coordinator records an activity — an organiser chosen with the actor picker, the IAP2
level planned and achieved by their Thai names, the o25 items appearing once a consultation is
chosen — then sees it on its page and in the list, with nothing wider than the screen."""

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import BrowserContext, Page, expect

from phakhi.core.models import Workspace
from phakhi.participation.models import Activity, Attendance

pytestmark = pytest.mark.browser


def _fits(page: Page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [390, 1366])
def test_record_an_activity_with_its_iap2_levels(
    signed_in_page: Page,
    browser_context: BrowserContext,
    live_server: Any,
    workspace: Workspace,
    data: dict[str, Any],
    width: int,
) -> None:
    browser_context.add_cookies(
        [{"name": "django_language", "value": "th", "url": live_server.url}]
    )
    page = signed_in_page
    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
    page.goto(
        reverse("web:project-activities", kwargs={"workspace": "khon-kaen", "project": "clinic"})
    )
    expect(page.locator("nav.project-tabs [aria-current=page]")).to_have_text("กิจกรรม")
    _fits(page, width)
    page.get_by_role("link", name="เพิ่มกิจกรรมของโครงการนี้").click()
    page.wait_for_load_state()
    _fits(page, width)
    expect(page.locator("select[name=project]")).to_have_value(str(data["project"].pk))

    page.fill("input[name=key]", "ACT-2569-001")
    page.select_option("select[name=kind]", label="เวทีประชาคม")
    page.fill("input[name=title]", "เวทีประชาคมรับฟังความคิดเห็นแผนสุขภาพ")
    page.fill("input[name=starts_on]", "20/11/2569")
    page.fill("input[name=start_time]", "9.30")
    page.select_option("select[name=province_code]", label="ขอนแก่น")
    page.fill("input[name=place]", "ศาลาประชาคมบ้านโนนทัน")

    # The organiser from the directory, through the picker's suggestions.
    picker = page.locator("input[name=organizer_add]")
    picker.fill("เพื่อนชุมชน")
    option = page.locator("#id_organizer_add-suggestions [role=option]").first
    expect(option).to_contain_text("มูลนิธิเพื่อนชุมชน")
    option.click()

    # o25 asks nothing of an activity that only informs; a consultation brings its items.
    o25 = page.locator("fieldset[data-o25]")
    page.select_option("select[name=iap2_planned]", label="1 · ให้ข้อมูลข่าวสาร")
    expect(o25).to_be_hidden()
    page.select_option("select[name=iap2_planned]", label="2 · ปรึกษาหารือ")
    expect(o25).to_be_visible()
    page.select_option("select[name=iap2_achieved]", label="3 · ให้เข้ามามีบทบาท")
    page.locator("details.activity-levels-help summary").first.click()
    expect(page.locator("#iap2-level-3")).to_contain_text("กรรมการที่มีตัวแทนภาคประชาชนเข้าร่วม")
    page.fill("textarea[name=o25_issue]", "ร่างแผนสุขภาพตำบล ปี 2570")
    _fits(page, width)
    page.locator("form[data-activity-form] .form-actions button[type=submit]").click()
    page.wait_for_load_state()

    activity = Activity.objects.get(key="ACT-2569-001")
    assert (activity.iap2_planned, activity.iap2_achieved) == (2, 3)
    assert activity.project_id == data["project"].pk
    assert Attendance.objects.filter(activity=activity, role="organizer").count() == 1
    expect(page.locator("h1")).to_have_text("เวทีประชาคมรับฟังความคิดเห็นแผนสุขภาพ")
    main = page.locator("main")
    expect(main).to_contain_text("20 พ.ย. 2569")
    expect(main).to_contain_text("2 · ปรึกษาหารือ")
    expect(main).to_contain_text("3 · ให้เข้ามามีบทบาท")
    expect(main).to_contain_text("มูลนิธิเพื่อนชุมชน")
    expect(main).to_contain_text("ยังขาดอีก 3 รายการ")
    _fits(page, width)

    page.goto(reverse("web:activities", kwargs={"workspace": "khon-kaen"}))
    card = page.locator("article.activity-card").first
    expect(card).to_contain_text("เวทีประชาคมรับฟังความคิดเห็นแผนสุขภาพ")
    expect(card).to_contain_text("2 · ปรึกษาหารือ")
    expect(card).to_contain_text("3 · ให้เข้ามามีบทบาท")
    expect(card).to_contain_text("o25 ยังไม่ครบ")
    _fits(page, width)
    assert page.errors == []  # type: ignore[attr-defined]
