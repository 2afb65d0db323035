"""Issue #14 end to end in Chromium: a coordinator records a consultation with its IAP2 levels,
registers three people and opens check-in; the three check in on 390 px phones; taking part
together puts their co-participation ties on the network map, and the participation dashboard
shows the level planned and the level achieved."""

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from phakhi.actors.services import actor_create
from phakhi.core.audit import Author
from phakhi.participation.attendance import attendance_add_many
from phakhi.participation.models import Activity, Attendance
from phakhi.ties.models import Origin, Tie

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
NAMES = ("นายสมชาย ใจดี", "นางสาวสมศรี มีสุข", "นายประเสริฐ ทองดี")

# The map's drawn graph (graphology): whether two labelled nodes are neighbours.
NEIGHBOURS = """([a, b]) => {
  const graph = document.getElementById('network-map').phakhiMap.state.graph;
  const find = (label) => graph.findNode((key, attributes) => attributes.label === label);
  const one = find(a), two = find(b);
  return Boolean(one && two && graph.areNeighbors(one, two));
}"""


def _record_the_activity(page: Page) -> Activity:
    page.goto(reverse("web:activity-add", kwargs={"workspace": "khon-kaen"}))
    page.fill("input[name=key]", "FORUM-E2E")
    page.select_option("select[name=kind]", label="เวทีประชาคม")
    page.fill("input[name=title]", "เวทีรับฟังความคิดเห็นแผนสุขภาพตำบล")
    page.fill("input[name=starts_on]", timezone.localdate().strftime("%d/%m/%Y"))
    page.select_option("select[name=iap2_planned]", label="3 · ให้เข้ามามีบทบาท")
    page.select_option("select[name=iap2_achieved]", label="2 · ปรึกษาหารือ")
    page.locator("form[data-activity-form] .form-actions button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("เวทีรับฟังความคิดเห็นแผนสุขภาพตำบล")
    return Activity.objects.get(key="FORUM-E2E")


def _check_in(browser: Browser, live_server: Any, code: str, name: str) -> None:
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, is_mobile=True, has_touch=True,
        locale="th-TH", extra_http_headers={"Accept-Language": "th"},
    )  # fmt: skip
    try:
        phone = context.new_page()
        phone.goto(reverse("web:door", kwargs={"code": code}))
        phone.fill("input[name=q]", name.split()[1])
        phone.get_by_role("button", name="ค้นหา").click()
        phone.get_by_role("button", name=name).click()
        expect(phone.locator("h1")).to_contain_text(f"ยินดีต้อนรับ {name}")
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()


def test_record_check_in_see_the_ties_and_the_levels(
    signed_in_page: Page, browser: Browser, live_server: Any, data: dict[str, Any], author: Author
) -> None:
    page = signed_in_page
    activity = _record_the_activity(page)
    newcomer = actor_create(author, data["workspace"], key="p-3", name=NAMES[2], sector="academic")
    people = [data["person"], data["third"], newcomer]
    attendance_add_many(author, activity, people)

    page.goto(
        reverse(
            "web:activity-attendance", kwargs={"workspace": "khon-kaen", "activity": activity.pk}
        )
    )
    page.get_by_role("button", name="เปิดการลงทะเบียนหน้างาน").click()
    expect(page.locator(".live-code")).to_be_visible()
    activity.refresh_from_db()
    for name in NAMES:
        _check_in(browser, live_server, activity.check_in_code, name)
    expect(page.locator("[data-arrived]")).to_have_text("3", timeout=15_000)
    assert Attendance.objects.filter(activity=activity, checked_in_at__isnull=False).count() == 3

    ties = Tie.objects.filter(origin=Origin.ACTIVITY, kind="co-participation")
    assert ties.count() == 3 and all(t.attributes["shared_activities"] == 1 for t in ties)
    page.goto(reverse("web:map", kwargs={"workspace": "khon-kaen"}))
    expect(page.locator("#network-map")).to_have_attribute("data-state", "ready")
    assert page.evaluate(NEIGHBOURS, [NAMES[0], NAMES[2]])  # linked only by the forum
    assert page.evaluate(NEIGHBOURS, [NAMES[1], NAMES[2]])

    page.goto(reverse("web:participation", kwargs={"workspace": "khon-kaen"}))
    rows = page.locator("#levels-table tbody tr")
    expect(rows.nth(1)).to_contain_text("ปรึกษาหารือ")
    expect(rows.nth(1).locator("td")).to_have_text(["0", "1"])  # achieved: consult
    expect(rows.nth(2)).to_contain_text("ให้เข้ามามีบทบาท")
    expect(rows.nth(2).locator("td")).to_have_text(["1", "0"])  # planned: involve
    canvas = page.locator("canvas[data-chart-source=levels-table]")
    expect(canvas).to_have_attribute("data-chart-drawn", "true")
    assert page.errors == []  # type: ignore[attr-defined]
