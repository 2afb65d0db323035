"""A live workshop in Chromium: a facilitator opens a session on a projector-sized screen,
three phone-sized pages (390 px, no account) join by its code and name stakeholders, the
projector shows them within 3 s, a phone places its card on the grid once the facilitator
moves to step 3, and the facilitator merges the duplicate, accepts the cards into the
project's assessment, drags one of them to a quadrant on worksheet 1's grid and downloads
worksheet 1 as PDF, whose text (pdftotext) has the project and the cards."""

import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from phakhi.stakeholders.models import Stakeholder
from phakhi.workshops.models import Contribution, WorkshopSession

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}


def _fits(page: Page) -> None:
    width = page.viewport_size["width"] if page.viewport_size else 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def _centre(locator: Locator) -> tuple[float, float]:
    box = locator.bounding_box()
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def _drag(page: Page, handle: Locator, target: Locator) -> None:
    x, y = _centre(handle)
    page.mouse.move(x, y)
    page.mouse.down()
    tx, ty = _centre(target)
    page.mouse.move(tx, ty, steps=12)
    page.mouse.up()


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


def _join(phone: Page, typed_code: str, name: str) -> None:
    phone.goto(reverse("web:join"))
    _fits(phone)
    phone.fill("input[name=code]", typed_code)
    phone.get_by_role("button", name="ต่อไป").click()
    expect(phone.get_by_role("heading", name="เราเก็บข้อมูลอะไร และเพื่ออะไร")).to_be_visible()
    _fits(phone)
    phone.fill("input[name=display_name]", name)
    phone.get_by_text("ประชาชน ประชาสังคม เอกชน").click()  # the worksheet's words
    phone.get_by_role("button", name="เข้าร่วม", exact=True).click()
    expect(phone.locator("h1")).to_contain_text("ขั้นที่ 1 จาก 3")
    _fits(phone)


def _add(phone: Page, stakeholder: str) -> None:
    phone.fill("input[name=name]", stakeholder)
    phone.get_by_role("button", name="เพิ่ม", exact=True).click()
    expect(phone.locator("#my-cards")).to_contain_text(stakeholder.strip())
    expect(phone.locator("input[name=name]")).to_have_value("")


def test_a_live_workshop_from_phones_to_the_grid(
    signed_in_page: Page,
    browser: Browser,
    live_server: Any,
    data: dict[str, Any],
    tmp_path: Path,
) -> None:
    facilitator = signed_in_page
    facilitator.set_viewport_size({"width": 1366, "height": 900})
    facilitator.goto(
        reverse("web:project-live", kwargs={"workspace": "khon-kaen", "project": "clinic"})
    )
    facilitator.get_by_role("button", name="เปิดเวทีรอบใหม่").click()
    facilitator.wait_for_load_state()
    # Read from the page, not the database: pages poll from now on (see below).
    shown_code = facilitator.locator(".live-join .live-code")
    code = shown_code.get_attribute("aria-label") or ""
    expect(shown_code).to_have_text(f"{code[:3]} {code[3:]}")
    expect(facilitator.locator(".live-qr__code")).to_be_visible()
    projector = facilitator.context.new_page()
    projector.goto(facilitator.url + "projector/")
    expect(projector.locator(".live-board")).to_contain_text("ขั้นที่ 1 จาก 3")

    contexts = [_phone(browser, live_server) for _ in range(3)]
    try:
        phones = [context.new_page() for context in contexts]
        typed = f"{code[:3].lower()} {code[3:].lower()}"  # as people type it
        for phone, (person, stakeholder) in zip(
            phones,
            [("ป้อม", "นายก ทม."), ("แดง", "ผู้บริโภค"), ("Somchai", "ผู้บริโภค ")],
            strict=True,
        ):
            _join(phone, typed, person)
            _add(phone, stakeholder)
            added = time.monotonic()
            expect(projector.locator(".live-board")).to_contain_text(
                stakeholder.strip(), timeout=3_000
            )
            assert time.monotonic() - added <= 3.0
        counts = projector.locator(".live-board__counts")
        expect(counts).to_contain_text("ผู้เข้าร่วม 3 คน · ผู้มีส่วนได้เสีย 3 ราย")

        # Step 3: the phone page follows the facilitator and a tap places the card.
        facilitator.get_by_role("button", name="3. วางบนตารางอิทธิพลและความสนใจ").click()
        mayor_phone = phones[0]
        expect(mayor_phone.locator("h1")).to_contain_text("ขั้นที่ 3 จาก 3", timeout=10_000)
        mayor_phone.wait_for_load_state("load")  # htmx (a deferred script) is there to post
        _fits(mayor_phone)
        place = mayor_phone.locator(".live-place__button--high-high")
        place.click()
        try:
            expect(place).to_have_attribute("aria-pressed", "true", timeout=5_000)
        except AssertionError:
            # The tests' in-memory SQLite is one connection for all the live server's threads:
            # a request that meets another thread's write fails ("database table is locked")
            # where a real database waits. A person taps again; so does the test, once.
            place.click()
            expect(place).to_have_attribute("aria-pressed", "true")
        manage_closely = projector.locator(".live-quadrant--high-high")
        expect(manage_closely).to_contain_text("นายก ทม.", timeout=3_000)
    finally:
        for context in contexts:
            context.close()

    # The facilitator merges the duplicate and accepts the cards. (The database is read only
    # while no page polls: the tests' in-memory SQLite is one connection for every thread.)
    projector.close()
    facilitator.reload()
    with facilitator.expect_navigation():
        facilitator.get_by_role("button", name="รวมเข้ากับ “ผู้บริโภค”").click()
    facilitator.once("dialog", lambda dialog: dialog.accept())  # "Accept every new card?"
    with facilitator.expect_navigation():
        facilitator.get_by_role("button", name="รับบัตรใหม่ทั้งหมด").click()
    expect(facilitator.locator(".messages")).to_contain_text("เพิ่มผู้มีส่วนได้เสียใหม่ 2 ราย")
    facilitator.goto("about:blank")
    session = WorkshopSession.objects.get(code=code)
    assessment = session.assessment
    stakeholders = Stakeholder.objects.filter(assessment=assessment)
    assert sorted(stakeholders.values_list("name", flat=True)) == ["นายก ทม.", "ผู้บริโภค"]
    mayor = stakeholders.get(name="นายก ทม.")
    assert (mayor.influence, mayor.interest) == ("high", "high")
    statuses = Contribution.objects.filter(session=session).values_list("status", flat=True)
    assert sorted(statuses) == ["accepted", "accepted", "merged"]

    # On worksheet 1's grid, the facilitator drags the consumers to a quadrant.
    consumers = stakeholders.get(name="ผู้บริโภค")
    facilitator.goto(
        reverse(
            "web:stakeholders-grid",
            kwargs={"workspace": "khon-kaen", "project": "clinic", "assessment": assessment.pk},
        )
    )
    card = facilitator.locator(f"#card-{consumers.pk}")
    expect(facilitator.locator("[data-unplaced]").locator(f"#card-{consumers.pk}")).to_be_visible()
    keep_informed = facilitator.locator('.quadrant[data-quadrant="low-high"]')
    target = keep_informed.locator('[data-influence-score="2"][data-interest-score="5"]')
    card.scroll_into_view_if_needed()
    _drag(facilitator, card.locator(".grid-card__name"), target)
    expect(keep_informed.locator(f"#card-{consumers.pk}")).to_be_visible()
    assert facilitator.errors == []  # type: ignore[attr-defined]

    # Worksheet 1 as PDF, from the project's worksheets on paper.
    facilitator.goto(
        reverse("web:project-paper", kwargs={"workspace": "khon-kaen", "project": "clinic"})
    )
    with facilitator.expect_download() as download:
        facilitator.locator("a[href$='/worksheets/1/pdf/']").click()
    pdf = tmp_path / "worksheet-1.pdf"
    download.value.save_as(pdf)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (data["project"].name, "นายก ทม.", "ผู้บริโภค"):
        assert expected in text, expected
    facilitator.goto("about:blank")
    consumers.refresh_from_db()
    assert (consumers.influence, consumers.interest) == ("low", "high")
