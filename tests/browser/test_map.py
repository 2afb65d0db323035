"""The network map in a real Chromium: it draws, finds an actor, filters, shows the network
around an actor, exports PNG and GEXF, and lays itself out after an analysis."""

import io
import struct
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pytest
from django.urls import reverse
from PIL import Image
from playwright.sync_api import Page, expect

from phakhi.analysis.mapmeta import SECTOR_COLOURS
from phakhi.analysis.models import AnalysisRun
from phakhi.analysis.services import analysis_request
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from tests.map_support import small_network

pytestmark = pytest.mark.browser

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def mapped(workspace: Workspace, author: Author) -> dict[str, Any]:
    actors = small_network(author, workspace)
    analysis_request(author, workspace, background=False)
    return actors


def open_map(page: Page, workspace: Workspace, query: str = "") -> None:
    url = reverse("web:map", args=[workspace.slug])
    page.goto(f"{url}?{query}" if query else url)
    expect(page.locator("#network-map")).to_have_attribute("data-state", "ready")


def coloured_pixels(image: Image.Image, colour: str, tolerance: int = 40) -> int:
    """How many pixels are close to ``colour`` ("#rrggbb")."""
    want = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])
    pixels = np.asarray(image.convert("RGB"), dtype=np.int16)
    return int((np.abs(pixels - want) <= tolerance).all(axis=-1).sum())


def test_the_map_draws_every_actor_in_its_sector_colour(
    signed_in_page: Page, workspace: Workspace, mapped: dict[str, Any]
) -> None:
    page = signed_in_page
    open_map(page, workspace)
    expect(page.locator("#map-status")).to_contain_text("8")
    shot = Image.open(io.BytesIO(page.locator("#map-canvas").screenshot()))
    for sector in ("civil", "academic", "government"):
        assert coloured_pixels(shot, SECTOR_COLOURS[sector]) > 20, sector
    legend = page.locator("#map-legend-sectors li")
    expect(legend).to_have_count(4)
    assert page.errors == []  # type: ignore[attr-defined]


def test_searching_a_name_focuses_the_actor_and_opens_its_panel(
    signed_in_page: Page, workspace: Workspace, mapped: dict[str, Any]
) -> None:
    page = signed_in_page
    open_map(page, workspace)
    search = page.locator("#map-search")
    search.fill("ภาคี B")  # spaces and case do not matter
    options = page.locator("#map-search-list [role=option]")
    expect(options).to_have_count(2)
    search.press("ArrowDown")
    search.press("ArrowDown")
    expect(search).to_have_attribute("aria-activedescendant", "map-search-option-1")
    search.press("Enter")
    panel = page.locator("#map-panel")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("heading")).to_have_text("ภาคี B2")
    expect(page.locator("#network-map")).to_have_attribute("data-selected", "B2")
    expect(panel.get_by_role("heading")).to_be_focused()  # keyboard users land on it
    actor_page = reverse("web:actor", args=[workspace.slug, mapped["B2"].pk])
    expect(panel.locator(f"a[href='{actor_page}']")).to_have_count(1)
    # The camera moved in on the actor.
    ratio = page.evaluate(
        "() => document.getElementById('network-map').phakhiMap.state.renderer"
        ".getCamera().getState().ratio"
    )
    assert ratio < 1
    # The panel's "around" button shows only B2 and its partners (B1 and C).
    panel.locator("button.button").first.click()
    expect(page.locator("#map-ego-note")).to_be_visible()
    expect(page.locator("#map-status")).to_contain_text("3")
    assert "ego=B2" in page.url
    page.locator("#map-ego-clear").click()
    expect(page.locator("#map-ego-note")).to_be_hidden()
    assert page.errors == []  # type: ignore[attr-defined]


def test_filters_apply_in_the_browser_and_the_gexf_download_follows_them(
    signed_in_page: Page, workspace: Workspace, mapped: dict[str, Any], tmp_path: Path
) -> None:
    page = signed_in_page
    open_map(page, workspace)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.locator("#id_sector").select_option("academic")
    expect(page.locator("#map-status")).to_contain_text("2")  # B1 and B2 (C has no sector)
    assert "sector=academic" in page.url
    assert not [url for url in requests if "/map/data/" in url]  # narrowed without the server
    with page.expect_download() as download:
        page.locator("#map-gexf").click()
    path = tmp_path / "map.gexf"
    download.value.save_as(path)
    graph = nx.read_gexf(path)
    assert sorted(graph.nodes) == ["B1", "B2"]
    assert graph.number_of_edges() == 1


def test_png_export_downloads_a_picture_of_the_map(
    signed_in_page: Page, workspace: Workspace, mapped: dict[str, Any], tmp_path: Path
) -> None:
    page = signed_in_page
    open_map(page, workspace)
    with page.expect_download() as download:
        page.locator("#map-png").click()
    assert download.value.suggested_filename.endswith(".png")
    path = tmp_path / "map.png"
    download.value.save_as(path)
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert width > 200 and height > 200
    with Image.open(path) as image:
        image.load()
        assert image.size == (width, height)
        assert coloured_pixels(image, SECTOR_COLOURS["government"]) > 20  # the nodes are on it
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_coordinator_lays_out_an_unanalysed_network_from_the_map(
    signed_in_page: Page, workspace: Workspace, author: Author
) -> None:
    small_network(author, workspace)
    page = signed_in_page
    open_map(page, workspace)
    expect(page.locator("#map-layout-note")).not_to_be_empty()  # set out in a spiral for now
    page.locator("form[action$='/map/analyze/'] button").click()
    expect(page.locator("#network-map")).to_have_attribute("data-state", "ready")
    assert AnalysisRun.objects.filter(workspace=workspace, status="done").count() == 1
    expect(page.locator("form[action$='/map/analyze/']")).to_have_count(0)
    expect(page.locator("#map-layout-note")).to_be_empty()


def test_a_viewer_sees_the_map_but_no_analyse_button(
    page: Page, log_in: Any, workspace: Workspace, author: Author
) -> None:
    small_network(author, workspace)
    log_in(workspace, "viewer")
    open_map(page, workspace)
    expect(page.locator("form[action$='/map/analyze/']")).to_have_count(0)
    expect(page.locator("#map-status")).to_contain_text("8")
