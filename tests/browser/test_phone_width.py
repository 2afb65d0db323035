"""Every page fits a phone 360 px wide, in Thai and in English: nothing makes the page scroll
sideways (a wide table scrolls inside its own box, a `.table-wrap`), and every item of the top
navigation is on the screen. At 390 px the actor page was 509 px wide with its tie controls
off-screen, the network page 429 px, and the navigation cut its last item."""

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Browser, BrowserContext, Page, expect

from phakhi.accounts.services import user_create
from phakhi.actors.services import actor_create, actor_update
from phakhi.analysis.services import analysis_request
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.networks.services import membership_set
from phakhi.ties.services import tie_create, tie_end
from tests.browser.conftest import PASSWORD, TIMEOUT_MS
from tests.helpers import write_csv

pytestmark = pytest.mark.browser

PHONE = 360
AUTHOR = Author("test:phone")

# What the page's width is made of when it is too wide: the elements that stick out of the
# screen and are not inside a box that scrolls or clips them.
STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth;
  const inside = (element) => {
    for (let box = element.parentElement; box; box = box.parentElement) {
      const overflow = getComputedStyle(box).overflowX;
      if (overflow !== "visible" && box.getBoundingClientRect().right <= width) return true;
    }
    return false;
  };
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
  for (let node = walker.nextNode(); node && found.length < 5; node = walker.nextNode()) {
    const text = node.nodeType === Node.TEXT_NODE;
    const range = document.createRange();
    range.selectNodeContents(node);
    const right = (text ? range : node).getBoundingClientRect?.().right ?? 0;
    const element = text ? node.parentElement : node;
    if (right > width + 0.5 && element && !inside(text ? node : element)) {
      const what = text ? `text "${node.textContent.trim().slice(0, 30)}" in ` : "";
      found.push(`${what}${element.tagName.toLowerCase()}.${element.className} (${right} px)`);
    }
  }
  return found;
}"""


@pytest.fixture
def phone_data(data: dict[str, Any], workspace: Workspace) -> dict[str, Any]:
    """The shared data, plus what makes pages long and wide: an actor with long contacts, a
    change history, several ties (one ended), an analysis run."""
    person, org, third = data["person"], data["org"], data["third"]
    long_one = actor_create(
        AUTHOR,
        workspace,
        key="องค์การบริหารส่วนตำบลหนองแดง-2567",
        name="องค์การบริหารส่วนตำบลหนองแดงอำเภอเมืองนครพนมจังหวัดนครพนม",
        kind="organization",
        sector="government",
        email="saraban.nongdaeng.municipality.office@nongdaeng-nakhonphanom.go.th",
        line_id="nongdaeng_subdistrict_administrative_organization",
        tags="สุขภาพชุมชน; การศึกษา; เกษตรอินทรีย์",
    )
    actor_update(AUTHOR, person, email="somchai.jaidee.health.volunteer@example.org")
    actor_update(AUTHOR, person, phone="081-234-5678, 02-123-4567")
    tie_create(AUTHOR, workspace, person, long_one, strength=4, kind="ร่วมจัดกิจกรรม")
    ended = tie_create(AUTHOR, workspace, person, third, strength=2, since=dt.date(2023, 1, 5))
    tie_end(AUTHOR, ended, dt.date(2025, 6, 30))
    membership_set(AUTHOR, data["network"], long_one, role="core_leader")
    membership_set(AUTHOR, data["network"], org, role="member")
    analysis_request(AUTHOR, workspace)
    return {**data, "long_one": long_one}


def _context(browser: Browser, live_server: Any, language: str, width: int) -> BrowserContext:
    context = browser.new_context(
        base_url=live_server.url,
        locale="th-TH" if language == "th" else "en-US",
        viewport={"width": width, "height": 800},
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context


def _sign_in(context: BrowserContext, live_server: Any, user: Any) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def _too_wide(page: Page, what: str) -> str | None:
    page.wait_for_load_state("load")  # styles and scripts; the fonts come next
    page.evaluate("document.fonts.ready.then(() => true)")
    width = page.evaluate("document.documentElement.scrollWidth")
    if width <= PHONE:
        return None
    return f"{what}: {width} px wide, {page.evaluate(STICKING_OUT)}"


def _import_job_pages(page: Page, workspace: Workspace, tmp_path: Path) -> Iterator[str | None]:
    """The import's steps: the upload form, the columns and preview, the check with errors."""
    source = write_csv(
        tmp_path / "รายชื่อภาคีเครือข่ายจังหวัดนครพนม.csv",
        [
            ["รหัส", "ชื่อ", "จังหวัด", "อีเมล", "ที่อยู่สำหรับติดต่อประสานงานโครงการ"],
            ["N1", "นายสมชาย ใจดี", "นครพนม", "somchai@example.org", "123 หมู่ 4 ตำบลหนองแดง"],
            ["N2", "", "นครพนม", "not-an-email-address-at-all-and-quite-long", ""],
        ],
    )
    page.goto(reverse("web:import", args=[workspace.slug]))
    yield _too_wide(page, "import")
    page.locator("#id_file").set_input_files(source)
    page.locator("form.import-upload button[type=submit]").click()
    expect(page.locator("form.import-mapping")).to_be_visible()
    yield _too_wide(page, "import: columns and preview")
    page.locator("form.import-mapping button[type=submit]").click()
    expect(page.locator(".import-errors tbody tr").first).to_be_visible()
    yield _too_wide(page, "import: check with errors")


@pytest.mark.parametrize("language", ["th", "en"])
def test_every_page_fits_a_phone(
    browser: Browser,
    live_server: Any,
    workspace: Workspace,
    phone_data: dict[str, Any],
    tmp_path: Path,
    settings: Any,
    language: str,
) -> None:
    settings.DATA_DIR = tmp_path / "data"
    slug, person = workspace.slug, phone_data["person"]
    network, membership = phone_data["network"], phone_data["membership"]
    user = user_create(AUTHOR, f"admin-{language}", "", PASSWORD, workspace, "admin")
    pages = {
        "chooser": reverse("web:chooser"),
        "home": reverse("web:home", args=[slug]),
        "directory": reverse("web:directory", args=[slug]),
        "actor with ties and history": reverse("web:actor", args=[slug, person.pk]),
        "actor with long contacts": reverse("web:actor", args=[slug, phone_data["long_one"].pk]),
        "actor edit": reverse("web:actor-edit", args=[slug, person.pk]),
        "actor add": reverse("web:actor-add", args=[slug]),
        "actor merge": reverse("web:actor-merge", args=[slug, person.pk]),
        "networks": reverse("web:networks", args=[slug]),
        "network": reverse("web:network", args=[slug, network.slug]),
        "network edit": reverse("web:network-edit", args=[slug, network.slug]),
        "network add": reverse("web:networks-add", args=[slug]),
        "member": reverse("web:network-member", args=[slug, network.slug, membership.pk]),
        "map": reverse("web:map", args=[slug]),
        "people": reverse("web:people", args=[slug]),
        "personal data": reverse("web:personal-data", args=[slug]),
        "tokens": reverse("web:tokens"),
    }
    context = _context(browser, live_server, language, PHONE)
    try:
        page = context.new_page()
        problems: list[str | None] = []
        for what, path in {"login": reverse("web:login"),
                           "password reset": reverse("web:password_reset")}.items():  # fmt: skip
            page.goto(path)
            assert page.locator("html").get_attribute("lang") == language
            problems.append(_too_wide(page, what))
        _sign_in(context, live_server, user)
        for what, path in pages.items():
            response = page.goto(path)
            assert response is not None and response.ok, (what, path)
            if what == "map":  # drawn once its data has come
                expect(page.locator(".map-stage canvas").first).to_be_visible()
            problems.append(_too_wide(page, what))
        problems.extend(_import_job_pages(page, workspace, tmp_path))
    finally:
        context.close()
    too_wide = [p for p in problems if p]
    assert not too_wide, "\n".join(too_wide)


@pytest.mark.parametrize(("language", "width"), [("th", 360), ("th", 390), ("en", 360)])
def test_every_item_of_the_navigation_is_on_the_screen(
    browser: Browser, live_server: Any, workspace: Workspace, language: str, width: int
) -> None:
    user = user_create(AUTHOR, "nav", "", PASSWORD, workspace, "admin")
    context = _context(browser, live_server, language, width)
    try:
        _sign_in(context, live_server, user)
        page = context.new_page()
        page.goto(reverse("web:home", args=[workspace.slug]))
        page.evaluate("document.fonts.ready.then(() => true)")
        links = page.locator(".site-nav a")
        assert links.count() >= 4
        for link in links.all():
            box = link.bounding_box()
            assert box is not None
            label = link.inner_text()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (label, box)
    finally:
        context.close()


def test_the_controls_of_ties_and_members_are_on_a_phones_screen(
    browser: Browser, live_server: Any, workspace: Workspace, phone_data: dict[str, Any]
) -> None:
    """On the screen as the page opens, not merely inside a box that scrolls sideways."""
    user = user_create(AUTHOR, "phone", "", PASSWORD, workspace, "coordinator")
    context = _context(browser, live_server, "th", PHONE)
    try:
        _sign_in(context, live_server, user)
        page = context.new_page()
        pages = {
            reverse("web:actor", args=[workspace.slug, phone_data["person"].pk]):
                ".ties select, .ties button, .ties input:not([type=hidden])",
            reverse("web:network", args=[workspace.slug, phone_data["network"].slug]):
                ".network-members a",
        }  # fmt: skip
        for path, selector in pages.items():
            page.goto(path)
            controls = page.locator(selector)
            assert controls.count() >= 3, selector
            for control in controls.all():
                box = control.bounding_box()
                assert box is not None, selector
                assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE, (selector, box)
    finally:
        context.close()
