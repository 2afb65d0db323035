"""A network survey in Chromium, on a phone (390 px, no account): a member opens the private
link and does not agree — nothing is kept; opens it again, agrees, finds three partners in the
list by typing Thai names (the list filters as one types), rates their trust and value, and
sends. The coordinator then sees the scores and the survey ties on the round's results."""

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, BrowserContext, Page, expect

from phakhi.actors.services import actor_create
from phakhi.core.models import AuditEvent, Workspace
from phakhi.monitoring.models import ItemScore, PartnerReport
from phakhi.monitoring.survey_services import survey_open
from phakhi.networks.services import membership_set
from phakhi.ties.models import Tie
from phakhi.ties.vocabulary import CONFIRMED, SURVEYED
from tests.monitoring.survey_support import AUTHOR, answer, respondent_of, surveyed_data

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def surveyed(workspace: Workspace) -> dict[str, Any]:
    """survey_support's network of five members and its draft round."""
    return surveyed_data(workspace)


def _fits(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


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


def _tick(phone: Page, typed: str, name: str, *, visible: int) -> None:
    """Type part of a name: the list keeps only the members who match; tick the one wanted."""
    phone.fill("#survey-q", typed)
    rows = phone.locator("#survey-partner-list li:visible")
    expect(rows).to_have_count(visible)
    phone.get_by_role("checkbox", name=name).check()


def _rate(card: Any, level: str, trust: int, value: int) -> None:
    card.get_by_role("radio", name=level).check()
    card.locator(".survey-choice--often input").nth(2).check()  # about once a month
    card.locator(".survey-choice--flows input").first.check()  # information
    for scale in card.locator(".survey-ratings").nth(0).locator(".survey-scale").all():
        scale.locator("input").nth(trust - 1).check()
    for scale in card.locator(".survey-ratings").nth(1).locator(".survey-scale").all():
        scale.locator("input").nth(value - 1).check()


def test_a_member_declines_then_answers_and_the_coordinator_sees_it(
    signed_in_page: Page, browser: Browser, live_server: Any, surveyed: dict[str, Any]
) -> None:
    # A list of hundreds in small: 41 more members, one of them another ขวัญ.
    for n in range(40):
        extra = actor_create(AUTHOR, surveyed["workspace"], key=f"x-{n}", name=f"สมาชิกที่ {n}")
        membership_set(AUTHOR, surveyed["network"], extra)
    kwan = actor_create(AUTHOR, surveyed["workspace"], key="x-kwan", name="นางขวัญใจ ดีงาม")
    membership_set(AUTHOR, surveyed["network"], kwan)
    survey = survey_open(AUTHOR, surveyed["survey"])  # the roster takes the members of today
    a = respondent_of(survey, surveyed["A"])  # นายกมล ใจดี
    link = reverse("web:survey-respond", kwargs={"token": a.token})
    events = AuditEvent.objects.count()

    phone_context = _phone(browser, live_server)
    try:
        phone = phone_context.new_page()
        errors: list[str] = []
        phone.on("pageerror", lambda error: errors.append(str(error)))
        phone.goto(link)
        expect(phone.locator("h1")).to_have_text("ก่อนตอบแบบสำรวจ")
        expect(phone.get_by_text("เพื่อดูความไว้วางใจและคุณค่าของภาคี")).to_be_visible()
        _fits(phone)
        phone.get_by_role("link", name="ไม่ยินยอม").click()
        expect(phone.get_by_role("status")).to_contain_text("ไม่มีการเก็บข้อมูลใด ๆ ไว้")
        a.refresh_from_db()
        assert a.consented_at is None and AuditEvent.objects.count() == events

        phone.goto(link)
        phone.get_by_role("button", name="ยินยอม — เริ่มตอบ").click()
        expect(phone.locator("h1")).to_have_text("คุณทำงานร่วมกับใครบ้าง")
        expect(phone.locator("#survey-partner-list li")).to_have_count(45)
        _fits(phone)
        # Typed in part, or with its title and a space: Thai-normalized, in the page.
        phone.fill("#survey-q", "ขวัญ")
        expect(phone.locator("#survey-partner-list li:visible")).to_have_count(2)
        _tick(phone, "ดร. ขวัญ", "ดร.ขวัญ รักเรียน", visible=1)
        _tick(phone, "จันทร์", "นางจันทร์ เพ็ญ", visible=1)
        _tick(phone, "ชาติ", "ชาติ ชัยชนะ", visible=1)
        phone.fill("#survey-q", "ไม่มีชื่อนี้")
        expect(phone.get_by_text("ไม่พบชื่อที่ตรงกันในรายชื่อ", exact=False)).to_be_visible()
        phone.fill("#survey-q", "")
        expect(phone.locator("#survey-partner-list li:visible")).to_have_count(45)
        expect(phone.locator("[data-survey-count]")).to_have_text("เลือกแล้ว 3 ราย")
        phone.get_by_role("button", name="ถัดไป").click()

        expect(phone.locator("h1")).to_have_text("ความสัมพันธ์กับภาคีที่คุณเลือก")
        cards = phone.locator(".survey-card")
        expect(cards).to_have_count(3)
        _fits(phone)
        levels = {"ดร.ขวัญ รักเรียน": ("แน่นแฟ้น", 4, 3), "นางจันทร์ เพ็ญ": ("รู้จัก", 2, 1),
                  "ชาติ ชัยชนะ": ("หลวม ๆ — ประสานการทำงาน", 3, 4)}  # fmt: skip
        for n in range(3):
            card = cards.nth(n)
            level, trust, value = levels[card.locator("h2").inner_text()]
            _rate(card, level, trust, value)
        phone.get_by_role("button", name="บันทึกและไปต่อ").click()

        expect(phone.locator("h1")).to_have_text("ขั้นสุดท้าย: ส่งคำตอบ")
        phone.fill("textarea[name=comment]", "อยากให้ประชุมร่วมกันบ่อยขึ้น")
        phone.get_by_role("button", name="ส่งคำตอบ").click()
        expect(phone.locator("h1")).to_have_text("ขอบคุณ ส่งคำตอบของคุณแล้ว")
        expect(phone.locator(".survey-done__partners li")).to_have_count(3)
        _fits(phone)
        assert errors == []
    finally:
        phone_context.close()

    reports = {r.partner.name: r for r in PartnerReport.objects.filter(respondent=a)}
    assert {name: r.level for name, r in reports.items()} == {
        "ดร.ขวัญ รักเรียน": 4, "นางจันทร์ เพ็ญ": 1, "ชาติ ชัยชนะ": 3}  # fmt: skip
    assert reports["ดร.ขวัญ รักเรียน"].trust_reliability == 4
    assert reports["ชาติ ชัยชนะ"].value_power == 4
    assert not ItemScore.objects.exists()

    # ขวัญ answers too (naming กมล): that tie is confirmed, the others one-sided.
    answer(respondent_of(survey, surveyed["B"]), {surveyed["A"]: 4}, trust=2, value=2)
    ties = {
        (tie.source.name, tie.target.name): tie.attributes.get(CONFIRMED)
        for tie in Tie.objects.filter(kind=SURVEYED).select_related("source", "target")
    }
    assert ties[("นายกมล ใจดี", "ดร.ขวัญ รักเรียน")] is True
    assert ties[("นายกมล ใจดี", "ชาติ ชัยชนะ")] is False

    page = signed_in_page
    page.goto(reverse("web:survey-results", kwargs={"workspace": "khon-kaen", "slug": survey.slug}))
    scores = page.locator("table.survey-scores tbody tr", has_text="ดร.ขวัญ รักเรียน")
    expect(scores).to_contain_text("4.00")  # trust rated 4 on all three by กมล
    expect(page.locator("table.survey-ties")).to_contain_text("ชาติ ชัยชนะ")
    confirmed = page.locator("table.survey-ties tbody tr", has_text="ดร.ขวัญ รักเรียน").first
    expect(confirmed).to_contain_text("ยืนยันทั้งสองฝ่าย")
