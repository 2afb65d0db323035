"""Thai text is drawn in the web font the application serves (Sarabun, built into the static
files by assets/build.mjs), never in whatever Thai font the machine happens to have: on a Debian
without fonts-thai-tlwg every page was boxes. Chromium says which font it actually drew a node
with (DevTools' CSS.getPlatformFontsForNode), so the test does not depend on this machine's
fonts: a system font is never a "custom" (web) font."""

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from playwright.sync_api import BrowserContext, Page

pytestmark = pytest.mark.browser

FONT_URL = "/static/phakhi/fonts/sarabun-thai-"


def _fonts_drawn(page: Page, selector: str) -> list[dict[str, Any]]:
    """The fonts Chromium drew the text of the first ``selector`` with, once fonts are ready."""
    page.evaluate("document.fonts.ready.then(() => true)")
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, selector
    fonts: list[dict[str, Any]] = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})[
        "fonts"
    ]
    session.detach()
    return fonts


def _watch_fonts(page: Page) -> list[str]:
    fetched: list[str] = []
    page.on("response", lambda r: fetched.append(r.url) if r.ok and ".woff2" in r.url else None)
    return fetched


def test_thai_text_is_drawn_in_the_web_font_served_from_this_site(
    page: Page, live_server: Any
) -> None:
    fetched = _watch_fonts(page)
    page.goto(reverse("web:login"))
    heading = page.locator("h1").first.inner_text()
    assert any("\u0e00" <= c <= "\u0e7f" for c in heading), heading  # Thai by default

    drawn = _fonts_drawn(page, "h1")
    assert [(f["familyName"], f["isCustomFont"]) for f in drawn] == [("Sarabun", True)], drawn
    assert page.evaluate("document.fonts.check('16px Sarabun', 'ภาคี')")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.family.replace(/\"/g, '') === 'Sarabun'"
        " && f.status === 'loaded').length"
    )
    assert loaded >= 1
    assert any(url.startswith(live_server.url + FONT_URL) for url in fetched), fetched
    # Only the scripts a page shows are fetched (unicode-range), from this site.
    assert all(url.startswith(live_server.url + "/static/phakhi/fonts/") for url in fetched)
    assert not [e for e in page.errors if "Content Security Policy" in e]  # type: ignore[attr-defined]


def test_the_admin_draws_thai_in_the_web_font_too(
    page: Page, browser_context: BrowserContext, live_server: Any, db: None
) -> None:
    admin = get_user_model().objects.create_superuser("root", "", "a-long-admin-passphrase-7")
    client = Client()
    client.force_login(admin)
    cookie = {"name": "sessionid", "value": client.cookies["sessionid"].value}
    browser_context.add_cookies([{**cookie, "url": live_server.url}])
    fetched = _watch_fonts(page)
    page.goto(reverse("admin:index"))
    heading = page.locator("#content h1").first.inner_text()
    assert any("\u0e00" <= c <= "\u0e7f" for c in heading), heading

    drawn = _fonts_drawn(page, "#content h1")
    assert [(f["familyName"], f["isCustomFont"]) for f in drawn] == [("Sarabun", True)], drawn
    assert any(url.startswith(live_server.url + FONT_URL) for url in fetched), fetched
