"""Worksheet 1's grid in Chromium: a coordinator drags a card from the tray to a cell of a
quadrant (by mouse on a desktop, by touch on its grip on a phone) and moves another with the
arrow keys — on a desktop in Thai and on a phone in English, nothing wider than the screen,
each move saved and still there after a reload."""

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import BrowserContext, Locator, Page, expect

from phakhi.core.audit import Author
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.services import assessment_create, stakeholder_add
from tests.fixtures_stakeholders import add_example_card

pytestmark = pytest.mark.browser
SOMSRI = Author("somsri")


def _centre(locator: Locator) -> tuple[float, float]:
    box = locator.bounding_box()
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def _mouse_drag(page: Page, handle: Locator, target: Locator) -> None:
    x, y = _centre(handle)
    page.mouse.move(x, y)
    page.mouse.down()
    tx, ty = _centre(target)
    page.mouse.move(tx, ty, steps=12)
    page.mouse.up()


def _touch_drag(page: Page, context: BrowserContext, handle: Locator, target: Locator) -> None:
    """A finger on the card's grip, moved to the target: real touch events through the
    DevTools protocol, which Chromium turns into pointer events of type "touch"."""
    cdp = context.new_cdp_session(page)
    x, y = _centre(handle)
    tx, ty = _centre(target)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 13):
        point = {"x": x + (tx - x) * step / 12, "y": y + (ty - y) * step / 12}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


@pytest.fixture
def assessment(data: dict[str, Any]) -> Assessment:
    made = assessment_create(SOMSRI, data["project"], held_on=dt.date(2026, 11, 20))
    add_example_card(SOMSRI, data["project"], made)
    stakeholder_add(SOMSRI, made, name="ผู้บริโภค", kind="group", sector="civil")
    stakeholder_add(SOMSRI, made, name="ร้านค้า", influence="low", interest="low")
    return made


@pytest.mark.parametrize(("width", "language"), [(1366, "th"), (390, "en")])
def test_drag_a_card_to_a_quadrant_and_move_one_by_keyboard(
    signed_in_page: Page,
    browser_context: BrowserContext,
    live_server: Any,
    assessment: Assessment,
    width: int,
    language: str,
) -> None:
    browser_context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page = signed_in_page
    page.set_viewport_size({"width": width, "height": 900})
    url = reverse(
        "web:stakeholders-grid",
        kwargs={"workspace": "khon-kaen", "project": "clinic", "assessment": assessment.pk},
    )
    page.goto(url)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    consumers = Stakeholder.objects.get(name="ผู้บริโภค")
    mayor = Stakeholder.objects.get(name="นายก ทม.")
    card = page.locator(f"#card-{consumers.pk}")
    expect(page.locator("[data-unplaced]").locator(f"#card-{consumers.pk}")).to_be_visible()

    # Drag the unplaced card to low influence, high interest.
    keep_informed = page.locator('.quadrant[data-quadrant="low-high"]')
    if width >= 768:  # the finer cells show on a wide screen: the cell sets the scores
        target = keep_informed.locator('[data-influence-score="2"][data-interest-score="5"]')
        card.scroll_into_view_if_needed()  # the tray, under the grid, and the quadrant above
        _mouse_drag(page, card.locator(".grid-card__name"), target)
        expected_scores = (2, 5)
    else:  # on a phone the quadrant takes the drop, without scores
        card.scroll_into_view_if_needed()
        _touch_drag(page, browser_context, card.locator("[data-grip]"), keep_informed)
        expected_scores = (None, None)
    expect(keep_informed.locator(f"#card-{consumers.pk}")).to_be_visible()
    expect(keep_informed.locator("[data-count]")).to_have_text("1")
    consumers.refresh_from_db()
    assert (consumers.influence, consumers.interest) == ("low", "high")
    assert (consumers.influence_score, consumers.interest_score) == expected_scores

    # The keyboard: the mayor down to low influence, then one step further right inside it.
    mayor_card = page.locator(f"#card-{mayor.pk}")
    mayor_card.focus()
    page.keyboard.press("ArrowDown")
    expect(keep_informed.locator(f"#card-{mayor.pk}")).to_be_visible()
    expect(mayor_card).to_be_focused()
    mayor_card.press("Shift+ArrowRight")
    expect(mayor_card).to_have_attribute("data-interest-score", "5")
    mayor.refresh_from_db()
    assert (mayor.influence, mayor.interest, mayor.interest_score) == ("low", "high", 5)
    status = page.locator("[data-grid-status]")
    expect(status).to_contain_text("นายก ทม.")

    page.reload()
    expect(keep_informed.locator(f"#card-{consumers.pk}")).to_be_visible()
    expect(keep_informed.locator(f"#card-{mayor.pk}")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_move_someone_else_made_first_is_reported_and_kept(
    signed_in_page: Page, assessment: Assessment
) -> None:
    page = signed_in_page
    url = reverse(
        "web:stakeholders-grid",
        kwargs={"workspace": "khon-kaen", "project": "clinic", "assessment": assessment.pk},
    )
    page.goto(url)
    shop = Stakeholder.objects.get(name="ร้านค้า")
    from phakhi.stakeholders.services import stakeholder_place

    stakeholder_place(Author("mana"), shop, influence="high", interest="high")
    card = page.locator(f"#card-{shop.pk}")
    card.focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator("[data-grid-error]")).to_contain_text("mana")
    shop.refresh_from_db()
    assert (shop.influence, shop.interest) == ("high", "high")


def test_step_one_quick_add_shows_the_name_in_its_row_without_leaving_the_page(
    signed_in_page: Page, assessment: Assessment
) -> None:
    page = signed_in_page
    url = reverse(
        "web:stakeholders-sectors",
        kwargs={"workspace": "khon-kaen", "project": "clinic", "assessment": assessment.pk},
    )
    page.goto(url)
    page.evaluate("window.phakhiMarker = 1")  # gone if the page were loaded again
    page.fill("#step-content input[name=name]", "มหาวิทยาลัยขอนแก่น")
    page.select_option("#step-content select[name=sector]", "academic")
    page.locator("#step-content .quick-add button[type=submit]").click()
    academic = page.locator("#step-content tbody tr").nth(1)
    expect(academic).to_contain_text("มหาวิทยาลัยขอนแก่น")
    expect(page.locator(".quick-add__done")).to_contain_text("มหาวิทยาลัยขอนแก่น")
    assert page.evaluate("window.phakhiMarker") == 1
    expect(page.locator("#step-content input[name=name]")).to_have_value("")
    page.locator("#step-content .quick-add button[type=submit]").click()  # no name
    expect(page.locator("#step-content .errorlist")).to_be_visible()
    assert Stakeholder.objects.filter(assessment=assessment).count() == 4
    assert page.errors == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", ["th", "en"])
def test_every_worksheet_1_page_fits_a_phone(
    signed_in_page: Page,
    browser_context: BrowserContext,
    live_server: Any,
    data: dict[str, Any],
    assessment: Assessment,
    language: str,
) -> None:
    browser_context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    later = assessment_create(SOMSRI, data["project"], held_on=dt.date(2027, 5, 1))
    mayor = later.stakeholders.get(name="นายก ทม.")
    from phakhi.stakeholders.services import stakeholder_place

    stakeholder_place(SOMSRI, mayor, influence="low", interest="high", interest_score=5)
    project = {"workspace": "khon-kaen", "project": "clinic"}
    one = {**project, "assessment": later.pk}
    card = {**one, "pk": mayor.pk}
    pages = {
        "assessments": reverse("web:project-stakeholders", kwargs=project),
        "new assessment": reverse("web:stakeholders-assessment-add", kwargs=project),
        "step 1": reverse("web:stakeholders-sectors", kwargs=one),
        "step 2": reverse("web:stakeholders-groups", kwargs=one),
        "grid": reverse("web:stakeholders-grid", kwargs=one),
        "grid, movement": reverse("web:stakeholders-grid", kwargs=one) + "?movement=1",
        "projector": reverse("web:stakeholders-grid", kwargs=one) + "?projector=1",
        "cards": reverse("web:stakeholders-cards", kwargs=one),
        "assessment edit": reverse("web:stakeholders-assessment-edit", kwargs=one),
        "add": reverse("web:stakeholder-add", kwargs=one),
        "stakeholder": reverse("web:stakeholder", kwargs=card),
        "stakeholder edit": reverse("web:stakeholder-edit", kwargs=card),
        "directory": reverse("web:stakeholder-directory", kwargs=card),
    }
    page = signed_in_page
    page.set_viewport_size({"width": 360, "height": 800})
    too_wide = []
    for what, path in pages.items():
        response = page.goto(path)
        assert response is not None and response.ok, (what, path)
        page.evaluate("document.fonts.ready.then(() => true)")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            too_wide.append(f"{what}: {width} px")
    assert too_wide == []
    assert page.errors == []  # type: ignore[attr-defined]
