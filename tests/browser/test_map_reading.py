"""Reading the network map in a real Chromium: the side panel says nothing it should not, the
zoom buttons and the panel cover neither the legend nor the graph, names stay on the canvas, the
centre of an ego view is marked, the highlights have a legend and are on screen at 1366×900."""

import io
from typing import Any

import numpy as np
import pytest
from django.conf import settings
from PIL import Image
from playwright.sync_api import Locator, Page, expect

from phakhi.analysis.services import analysis_request
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from tests.browser.test_map import open_map
from tests.map_support import small_network

pytestmark = pytest.mark.browser

MAP = "document.getElementById('network-map').phakhiMap"


@pytest.fixture
def mapped(workspace: Workspace, author: Author) -> dict[str, Any]:
    actors = small_network(author, workspace)
    analysis_request(author, workspace, background=False)
    return actors


def box(locator: Locator) -> dict[str, float]:
    found = locator.bounding_box()
    assert found is not None, locator
    return found


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def node_index(page: Page, key: str) -> int:
    return int(page.evaluate(f"(key) => {MAP}.state.data.nodes.key.indexOf(key)", key))


def on_screen_nodes(page: Page) -> list[dict[str, float]]:
    """Every shown node's centre in page coordinates (CSS pixels)."""
    return page.evaluate(
        f"""() => {{
          const {{ state }} = {MAP};
          const canvas = document.getElementById('map-canvas').getBoundingClientRect();
          const out = [];
          state.graph.forEachNode((key, attributes) => {{
            if (!state.visible.node[attributes.i]) return;
            const p = state.renderer.graphToViewport(attributes);
            out.push({{ x: canvas.left + p.x, y: canvas.top + p.y }});
          }});
          return out;
        }}"""
    )


def test_the_panel_of_an_actor_without_badges_says_no_null(
    signed_in_page: Page, workspace: Workspace, mapped: dict[str, Any]
) -> None:
    page = signed_in_page
    open_map(page, workspace)
    page.evaluate(f"(i) => {MAP}.select(i)", node_index(page, "C"))  # no hub, broker or cut
    panel = page.locator("#map-panel")
    expect(panel.get_by_role("heading")).to_have_text("ภาคี C")
    expect(panel.locator(".map-panel__badges")).to_have_count(0)
    assert "null" not in panel.inner_text()
    assert "undefined" not in panel.inner_text()


def test_reach_reads_higher_is_closer(
    signed_in_page: Page, workspace: Workspace, mapped: dict[str, Any]
) -> None:
    """Closeness grows as the others come nearer; its line must not say that fewer is better."""
    page = signed_in_page
    open_map(page, workspace)
    about = page.evaluate(f"() => {MAP}.state.data.metrics.closeness.help")
    assert about.startswith("ยิ่งสูง"), about


def test_zoom_buttons_cover_neither_legend_nor_panel(
    signed_in_page: Page, workspace: Workspace, mapped: dict[str, Any]
) -> None:
    page = signed_in_page
    open_map(page, workspace)
    zoom = box(page.locator(".map-zoom"))
    assert not overlap(zoom, box(page.locator(".map-legend")))
    assert not overlap(zoom, box(page.locator("#map-legend-sectors")))
    assert overlap(zoom, box(page.locator("#map-canvas")))  # they sit on the drawing itself


@pytest.mark.parametrize("width", [1366, 390])
def test_names_stay_inside_the_canvas_at_its_right_edge(
    signed_in_page: Page, workspace: Workspace, mapped: dict[str, Any], width: int
) -> None:
    page = signed_in_page
    page.set_viewport_size({"width": width, "height": 900})
    open_map(page, workspace)
    # Move the camera so that the hub H, whose name is always written, sits 12 px from the right
    # edge: a name written rightwards would run off the canvas there.
    page.evaluate(
        f"""(i) => {{
          const {{ state }} = {MAP};
          const renderer = state.renderer, camera = renderer.getCamera();
          const here = renderer.getNodeDisplayData(String(i));
          const from = renderer.framedGraphToViewport(here);
          const to = renderer.viewportToFramedGraph({{ x: renderer.getDimensions().width - 12,
                                                        y: from.y }});
          const state0 = camera.getState();
          camera.setState({{ ...state0, x: state0.x + (here.x - to.x) }});
          renderer.setSetting('labelRenderedSizeThreshold', 0);
          renderer.refresh();
        }}""",
        node_index(page, "H"),
    )
    page.wait_for_timeout(300)
    shot = page.locator("#map-canvas").screenshot()
    rgb = np.asarray(Image.open(io.BytesIO(shot)).convert("RGB"), dtype=np.int16)
    # Names are black; nodes are in colour, ties grey and lighter, the background white.
    text_dark = (rgb.max(axis=-1) < 90) & (np.ptp(rgb, axis=-1) < 30)
    assert not text_dark[:, -4:].any(), "a name runs off the right edge"
    assert text_dark.any(), "no name was written at all"


def test_the_ego_is_ringed_and_the_panel_leaves_the_graph_whole(
    signed_in_page: Page, workspace: Workspace, mapped: dict[str, Any]
) -> None:
    page = signed_in_page
    page.set_viewport_size({"width": 1366, "height": 900})
    open_map(page, workspace)
    hub = node_index(page, "H")
    page.evaluate(f"(i) => {MAP}.select(i)", hub)
    page.locator("#map-panel button.button").first.click()  # the actors around H
    expect(page.locator("#map-ego-note")).to_be_visible()
    page.wait_for_timeout(500)  # the camera moves onto the actors around H
    panel, canvas = page.locator("#map-panel"), page.locator("#map-canvas")
    expect(panel).to_be_visible()
    assert not overlap(box(panel), box(canvas))
    page.wait_for_timeout(300)
    area = box(canvas)
    for node in on_screen_nodes(page):
        assert area["x"] <= node["x"] <= area["x"] + area["width"], node
        assert area["y"] <= node["y"] <= area["y"] + area["height"], node
    shown = page.evaluate(f"(i) => {MAP}.state.renderer.getNodeDisplayData(String(i))", hub)
    assert shown["ego"] is True and shown["highlighted"] is True
    ring = page.locator("#map-legend-marks [data-mark=ego]")
    expect(ring).to_be_visible()
    expect(ring).to_contain_text("รอบ")
    page.locator("#map-ego-clear").click()
    expect(ring).to_be_hidden()
    assert page.errors == []  # type: ignore[attr-defined]


def test_the_highlights_have_a_legend_of_their_colours(
    signed_in_page: Page, workspace: Workspace, mapped: dict[str, Any]
) -> None:
    page = signed_in_page
    open_map(page, workspace)
    marks = page.locator("#map-legend-marks li:visible")
    expect(marks).to_have_count(0)
    page.locator("#map-hl-hub").check()
    expect(page.locator("#map-legend-marks [data-mark=marked]")).to_be_visible()
    dimmed = page.locator("#map-legend-marks [data-mark=dimmed] span")
    expect(dimmed).to_have_css("background-color", "rgb(212, 212, 212)")  # the greyed nodes
    page.locator("#map-hl-bridge").check()
    bridge = page.locator("#map-legend-marks [data-mark=bridge] span")
    expect(bridge).to_be_visible()
    expect(bridge).to_have_css("background-color", "rgb(179, 0, 27)")  # the bridges' red


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_highlights_are_on_screen_at_1366_by_900(
    signed_in_page: Page,
    workspace: Workspace,
    mapped: dict[str, Any],
    live_server: Any,
    language: str,
) -> None:
    page = signed_in_page
    page.set_viewport_size({"width": 1366, "height": 900})
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )
    open_map(page, workspace)
    for name in ("hub", "broker", "articulation", "bridge"):
        check = page.locator(f"#map-hl-{name}")
        expect(check).to_be_in_viewport()
        assert box(check)["y"] + box(check)["height"] <= 900, name
