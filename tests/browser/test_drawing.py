"""Worksheet 3 in a real Chromium: on a project's map a coordinator adds an actor where they tap,
drags a tie from one actor to another and chooses หลวม ๆ, ends it from the ties between the two,
and shares the picture (downloaded here, read back with Pillow) — with a mouse at 1366 px and
with touch on a 390 px phone."""

import io
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from PIL import Image
from playwright.sync_api import Browser, BrowserContext, Page, expect

from phakhi.accounts.services import user_create
from phakhi.actors.models import Actor
from phakhi.actors.services import actor_create
from phakhi.analysis.mapmeta import SECTOR_COLOURS
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.networks.models import Membership
from phakhi.networks.services import membership_set, network_create
from phakhi.projects.drawing import project_actor_place
from phakhi.projects.models import ProjectPlacement, ProjectTie
from phakhi.projects.services import project_create
from phakhi.ties.models import Origin, Tie
from tests.browser.conftest import PASSWORD, TIMEOUT_MS

pytestmark = pytest.mark.browser

AUTHOR = Author("test:browser")
WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}


@pytest.fixture
def drawn(workspace: Workspace) -> dict[str, Any]:
    """Two members of the project's lead network, put far apart on its map."""
    organic = network_create(AUTHOR, workspace, slug="organic", name="กลุ่มเกษตรอินทรีย์")
    project = project_create(
        AUTHOR, workspace, slug="organic-2569", name="ตลาดเกษตรอินทรีย์", network=organic
    )
    actors = {}
    for key, name, sector, x, y in (
        ("a", "นายชาคริต ดีงาม", "civil", 0.0, 0.0),
        ("b", "รพ.สต.บ้านนา", "government", 100.0, 0.0),
    ):
        actors[key] = actor_create(AUTHOR, workspace, key=key, name=name, sector=sector)
        membership_set(AUTHOR, organic, actors[key])
        project_actor_place(AUTHOR, project, actors[key], x=x, y=y)
    return {"project": project, "network": organic, **actors}


def signed_in_context(
    browser: Browser, live_server: Any, workspace: Workspace, name: str, **options: Any
) -> BrowserContext:
    """A browser context of a new coordinator of ``workspace``, signed in."""
    context = browser.new_context(base_url=live_server.url, accept_downloads=True, **options)
    context.set_default_timeout(TIMEOUT_MS)
    user = user_create(AUTHOR, name, "", PASSWORD, workspace, "coordinator")
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value,
                          "url": live_server.url}])  # fmt: skip
    return context


@pytest.fixture(params=list(WIDTHS))
def device(
    request: Any, browser: Browser, live_server: Any, workspace: Workspace
) -> Iterator[tuple[str, Page]]:
    """A coordinator's page in Thai: a desktop with a mouse, or a phone with touch."""
    name = request.param
    width, height = WIDTHS[name]
    phone = name == "phone"
    context = signed_in_context(
        browser, live_server, workspace, f"facilitator-{name}", locale="th-TH",
        viewport={"width": width, "height": height}, has_touch=phone, is_mobile=phone,
    )  # fmt: skip
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors  # type: ignore[attr-defined]
    yield name, page
    context.close()


def node_point(page: Page, key: str) -> dict[str, float]:
    """Where the actor ``key`` is drawn, in the page's coordinates."""
    return page.evaluate(
        """(key) => {
          const state = document.getElementById("network-map").phakhiMap.state;
          const node = state.data.nodes.key.indexOf(key);
          const at = state.graph.getNodeAttributes(String(node));
          const point = state.renderer.graphToViewport({ x: at.x, y: at.y });
          const box = document.getElementById("map-canvas").getBoundingClientRect();
          return { x: box.left + point.x, y: box.top + point.y };
        }""",
        key,
    )


def tap(page: Page, phone: bool, point: dict[str, float]) -> None:
    if phone:
        page.touchscreen.tap(point["x"], point["y"])
    else:
        page.mouse.click(point["x"], point["y"])


def drag(page: Page, phone: bool, start: dict[str, float], end: dict[str, float]) -> None:
    """A drag from ``start`` to ``end``: the mouse's, or one finger's (Chromium's touch events
    through the DevTools protocol, as a phone sends them)."""
    steps = [
        {"x": start["x"] + (end["x"] - start["x"]) * k / 12,
         "y": start["y"] + (end["y"] - start["y"]) * k / 12}
        for k in range(1, 13)
    ]  # fmt: skip
    if not phone:
        page.mouse.move(start["x"], start["y"])
        page.mouse.down()
        for point in steps:
            page.mouse.move(point["x"], point["y"])
        page.mouse.up()
        return
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [start]})
    for point in steps:
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def open_drawing(page: Page, workspace: Workspace, project: Any) -> None:
    page.goto(reverse("web:project-map", args=[workspace.slug, project.slug]))
    expect(page.locator("#network-map")).to_have_attribute("data-state", "ready")
    expect(page.locator("#network-map")).to_have_attribute("data-drawing", "on")


def coloured_pixels(image: Image.Image, colour: str, tolerance: int = 40) -> int:
    want = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])
    pixels = np.asarray(image.convert("RGB"), dtype=np.int16)
    return int((np.abs(pixels - want) <= tolerance).all(axis=-1).sum())


def test_add_an_actor_draw_a_loose_tie_end_it_and_share_the_picture(
    device: tuple[str, Page], workspace: Workspace, drawn: dict[str, Any]
) -> None:
    name, page = device
    phone = name == "phone"
    project = drawn["project"]
    open_drawing(page, workspace, project)
    expect(page.locator("#map-status")).to_contain_text("2")

    # An actor, put where the map is tapped: below the middle of the two.
    page.get_by_role("button", name="เพิ่มภาคี").click()
    form = page.locator("#map-actor-form")
    expect(form).to_be_visible()
    form.get_by_label("กลุ่มคน").check()
    form.get_by_label("ชื่อ").fill("ผู้บริโภค")
    form.get_by_label("ภาคส่วน").select_option("civil")
    page.locator("#map-canvas").scroll_into_view_if_needed()
    a, b = node_point(page, "a"), node_point(page, "b")
    box = page.locator("#map-canvas").bounding_box()
    assert box is not None
    below = {"x": (a["x"] + b["x"]) / 2, "y": min(a["y"] + 0.3 * box["height"],
                                                  box["y"] + box["height"] - 40)}  # fmt: skip
    tap(page, phone, below)
    expect(page.locator("#map-actor-place")).to_have_text("จะวางตรงที่แตะไว้ แตะที่อื่นเพื่อย้าย")
    form.get_by_role("button", name="เพิ่มลงในผัง").click()
    expect(page.locator("#map-draw-status")).to_contain_text("เพิ่ม ผู้บริโภค ลงในผังแล้ว")
    expect(page.locator("#map-status")).to_contain_text("3")
    added = Actor.objects.get(workspace=workspace, name="ผู้บริโภค")
    assert (added.kind, added.sector) == ("group", "civil")
    assert Membership.objects.filter(actor=added, network=drawn["network"]).exists()
    place = ProjectPlacement.objects.get(project=project, actor=added)
    assert 0 < place.x < 100 and place.y != 0  # between the two, off their line

    # A tie dragged from the first actor to the new one, at หลวม ๆ (co-operate).
    page.locator("#map-canvas").scroll_into_view_if_needed()
    drag(page, phone, node_point(page, "a"), node_point(page, added.key))
    tie_form = page.locator("#map-tie-form")
    expect(tie_form).to_be_visible()
    expect(tie_form.locator("legend").first).to_have_text("ความสัมพันธ์ระหว่าง นายชาคริต ดีงาม กับ ผู้บริโภค")
    tie_form.get_by_label("หลวม ๆ — ประสานการทำงาน (3)").check()
    tie_form.get_by_role("button", name="วาดความสัมพันธ์นี้").click()
    expect(page.locator("#map-draw-status")).to_contain_text("วาดความสัมพันธ์ระหว่าง")
    expect(page.locator("#map-status")).to_contain_text("3")
    tie = Tie.objects.get(workspace=workspace, until__isnull=True, source=drawn["a"])
    assert (tie.target, tie.strength, tie.origin) == (added, 3, Origin.WORKSHOP)
    assert ProjectTie.objects.get(tie=tie).project == project

    # Ended from the ties between the two: the actor's panel lists its partner on the map.
    page.locator("#map-canvas").scroll_into_view_if_needed()
    tap(page, phone, node_point(page, "a"))
    panel = page.locator("#map-panel")
    expect(panel).to_be_visible()
    panel.get_by_role("button", name="ผู้บริโภค").click()
    ties = page.locator("#map-ties")
    expect(ties).to_be_visible()
    expect(ties.get_by_role("heading", level=2)).to_contain_text("นายชาคริต ดีงาม")
    ties.get_by_role("button", name="สิ้นสุดความสัมพันธ์").click()
    expect(ties).to_contain_text("ทั้งสองไม่มีความสัมพันธ์ที่ยังมีผลอยู่")
    tie.refresh_from_db()
    assert tie.until is not None
    expect(page.locator("#map-status")).to_contain_text("0")  # the map loaded again: no tie

    # The picture: downloaded (no share sheet in this browser), titled, with the legend.
    with page.expect_download() as download:
        page.get_by_role("button", name="แชร์ภาพผัง (PNG)").click()
    expect(page.locator("#network-map")).to_have_attribute("data-shared", "downloaded")
    assert download.value.suggested_filename == "organic-2569.png"
    picture = Image.open(io.BytesIO(download.value.path().read_bytes()))
    width, height = picture.size
    assert picture.format == "PNG" and height > width * 900 / 1200  # graph + title + legend
    title_band = picture.crop((0, 0, width, int(height * 0.06)))
    assert coloured_pixels(title_band, "#1f1f1f") > 200  # the project's name
    legend_band = picture.crop((0, int(height * 0.8), width, height))
    for sector in ("civil", "government"):
        assert coloured_pixels(legend_band, SECTOR_COLOURS[sector]) > 30, sector
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_tie_is_drawn_by_name_with_the_keyboard(
    browser: Browser, live_server: Any, workspace: Workspace, drawn: dict[str, Any]
) -> None:
    context = signed_in_context(browser, live_server, workspace, "keyboard", locale="en-US",
                                viewport={"width": 1366, "height": 900})  # fmt: skip
    page = context.new_page()
    page.set_extra_http_headers({"Accept-Language": "en"})
    open_drawing(page, workspace, drawn["project"])
    page.get_by_role("button", name="Draw a tie by name").click()
    source = page.get_by_role("combobox", name="From", exact=True)
    expect(source).to_be_focused()
    source.press_sequentially("ชาคริต")
    expect(page.locator("#tie-source-suggestions [role=option]")).to_have_count(1)
    source.press("ArrowDown")
    source.press("Enter")
    target = page.get_by_role("combobox", name="To", exact=True)
    target.press_sequentially("รพ.สต.")
    expect(page.locator("#tie-target-suggestions [role=option]")).to_have_count(1)
    target.press("ArrowDown")
    target.press("Enter")
    page.keyboard.press("Tab")
    page.get_by_label("Tight — collaborate (4)").check()
    page.get_by_role("button", name="Draw the tie").click()
    expect(page.locator("#map-draw-status")).to_contain_text("has been drawn")
    tie = Tie.objects.get(workspace=workspace)
    assert (tie.source, tie.target, tie.strength) == (drawn["a"], drawn["b"], 4)
    context.close()


def test_an_actor_moved_on_the_map_stays_where_it_was_put(
    browser: Browser, live_server: Any, workspace: Workspace, drawn: dict[str, Any]
) -> None:
    context = signed_in_context(browser, live_server, workspace, "mover", locale="en-US",
                                viewport={"width": 1366, "height": 900})  # fmt: skip
    page = context.new_page()
    page.set_extra_http_headers({"Accept-Language": "en"})
    open_drawing(page, workspace, drawn["project"])
    page.get_by_label("Move actors instead of drawing ties").check()
    page.locator("#map-canvas").scroll_into_view_if_needed()
    a, b = node_point(page, "a"), node_point(page, "b")
    drag(page, False, a, {"x": (a["x"] + b["x"]) / 2, "y": a["y"] + 120})
    expect(page.locator("#map-draw-status")).to_have_text("นายชาคริต ดีงาม stays where you put it.")
    place = ProjectPlacement.objects.get(project=drawn["project"], actor=drawn["a"])
    assert 20 < place.x < 80 and place.y != 0  # between the two, off their old line
    assert not Tie.objects.exists()  # moving draws nothing
    page.reload()
    expect(page.locator("#network-map")).to_have_attribute("data-state", "ready")
    moved = node_point(page, "a")
    assert abs(moved["y"] - node_point(page, "b")["y"]) > 50  # still where it was put
    context.close()


def test_the_actor_the_room_meant_is_put_on_the_map_instead_of_a_duplicate(
    browser: Browser, live_server: Any, workspace: Workspace, drawn: dict[str, Any]
) -> None:
    office = actor_create(AUTHOR, workspace, key="office", name="สำนักงานเกษตรจังหวัด")
    context = signed_in_context(browser, live_server, workspace, "dedup", locale="en-US",
                                viewport={"width": 1366, "height": 900})  # fmt: skip
    page = context.new_page()
    page.set_extra_http_headers({"Accept-Language": "en"})
    open_drawing(page, workspace, drawn["project"])
    page.get_by_role("button", name="Add an actor").click()
    form = page.locator("#map-actor-form")
    form.get_by_label("Name").fill("สำนักงานเกษตรจังหวัด")
    form.get_by_role("button", name="Add to the map").click()
    form.get_by_role("button", name="Put สำนักงานเกษตรจังหวัด (office) on the map").click()
    expect(page.locator("#map-draw-status")).to_have_text("สำนักงานเกษตรจังหวัด is on the map now.")
    expect(page.locator("#map-status")).to_contain_text("3 actors")
    expect(page.locator("#network-map")).to_have_attribute("data-selected", "office")
    assert Membership.objects.filter(actor=office, network=drawn["network"]).exists()
    assert Actor.objects.filter(workspace=workspace, name="สำนักงานเกษตรจังหวัด").count() == 1
    context.close()
