"""Check-in at the door in Chromium: a coordinator opens check-in and shows the door's page;
three phones (390 px, no account) check in — two find their names (one scanned the QR code's
address and pressed Search, one typed the code and saw the names come as it typed), one is not
on the list and registers; the door's page counts three arrivals and one registration waiting;
the coordinator accepts it as a new actor, who is then on the attendance list as arrived."""

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, BrowserContext, Page, expect

from phakhi.participation.attendance import attendance_add
from phakhi.participation.models import Activity, Attendance, Registration
from tests.participation.attendance_support import make_activity

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def _fits(page: Page) -> None:
    width = page.viewport_size["width"] if page.viewport_size else 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def _phone(browser: Browser, live_server: Any) -> BrowserContext:
    context = browser.new_context(
        base_url=live_server.url,
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        locale="th-TH",
        extra_http_headers={"Accept-Language": "th"},
    )
    context.set_default_timeout(20_000)
    return context


def _find_and_tap(phone: Page, typed: str, name: str, *, press_search: bool = True) -> None:
    phone.fill("input[name=q]", typed)
    if press_search:
        phone.get_by_role("button", name="ค้นหา").click()
    # Without pressing: the names come as one types (htmx).
    expect(phone.get_by_role("button", name=name)).to_be_visible()
    _fits(phone)
    phone.get_by_role("button", name=name).click()
    expect(phone.locator("h1")).to_contain_text(f"ยินดีต้อนรับ {name}")
    _fits(phone)


def test_three_phones_check_in_at_the_door(
    signed_in_page: Page, browser: Browser, live_server: Any, data: dict[str, Any], author: Any
) -> None:
    activity = make_activity(data["workspace"], networks=(data["network"],))
    attendance_add(author, activity, data["third"])  # สมศรี is registered; สมชาย is a member
    page = signed_in_page
    page.goto(
        reverse(
            "web:activity-attendance", kwargs={"workspace": "khon-kaen", "activity": activity.pk}
        )
    )
    page.get_by_role("button", name="เปิดการลงทะเบียนหน้างาน").click()
    expect(page.locator(".live-code")).to_be_visible()
    activity.refresh_from_db()
    code = activity.check_in_code
    assert page.locator(".live-join__qr svg").count() == 1
    expect(page.locator(".live-code")).to_have_text(f"{code[:3]} {code[3:]}")

    phones = [_phone(browser, live_server) for _n in range(3)]
    try:
        scanned = phones[0].new_page()
        scanned.goto(reverse("web:door", kwargs={"code": code}))  # the QR code's address
        _find_and_tap(scanned, "สมชาย", "นายสมชาย ใจดี")

        typed = phones[1].new_page()
        typed.goto(reverse("web:door-code"))
        typed.fill("input[name=code]", f"{code[:3].lower()} {code[3:].lower()}")
        typed.get_by_role("button", name="ต่อไป").click()
        _find_and_tap(typed, "มีสุข", "นางสาวสมศรี มีสุข", press_search=False)

        newcomer = phones[2].new_page()
        newcomer.goto(reverse("web:door", kwargs={"code": code}))
        newcomer.get_by_role("link", name="ฉันไม่มีชื่อในรายชื่อ").click()
        expect(newcomer.get_by_role("heading", name="เราเก็บข้อมูลอะไร และเพื่ออะไร")).to_be_visible()
        _fits(newcomer)
        newcomer.fill("input[name=name]", "นางอรุณี แสงทอง")
        newcomer.fill("input[name=organization_name]", "อสม.บ้านโนน")
        newcomer.get_by_text("ภาคประชาชน ประชาสังคม และเอกชน").click()
        newcomer.get_by_role("button", name="ลงทะเบียน", exact=True).click()
        expect(newcomer.locator("h1")).to_contain_text("ขอบคุณ นางอรุณี แสงทอง")
        _fits(newcomer)
    finally:
        for context in phones:
            context.close()

    # The door's page counts them by itself (it polls).
    expect(page.locator("[data-arrived]")).to_have_text("3", timeout=15_000)
    expect(page.locator("[data-pending]")).to_contain_text("1")

    page.goto(
        reverse(
            "web:activity-registrations", kwargs={"workspace": "khon-kaen", "activity": activity.pk}
        )
    )
    expect(page.get_by_role("heading", name="นางอรุณี แสงทอง")).to_be_visible()
    page.get_by_role("button", name="รับเป็นภาคีใหม่").click()
    expect(page.get_by_text("ไม่มีการลงทะเบียนที่รอตรวจสอบ")).to_be_visible()

    assert Registration.objects.get().status == Registration.Status.ACCEPTED
    arrived = Attendance.objects.filter(activity=activity, checked_in_at__isnull=False)
    assert set(arrived.values_list("actor__name", flat=True)) == {
        "นายสมชาย ใจดี",
        "นางสาวสมศรี มีสุข",
        "นางอรุณี แสงทอง",
    }
    page.goto(
        reverse(
            "web:activity-attendance", kwargs={"workspace": "khon-kaen", "activity": activity.pk}
        )
    )
    expect(page.locator("#summary")).to_contain_text("3 มาแล้ว")
    assert not page.errors  # type: ignore[attr-defined]
    assert Activity.objects.get(pk=activity.pk).check_in_code == code
