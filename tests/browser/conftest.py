"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

The browser is the system's /usr/bin/chromium (`apt-get install chromium`), launched through
``executable_path``: Playwright never downloads one. The live server serves the static files
from the finders (assets/build, built by `make install`), so no collectstatic is needed.
"""

import os
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test import Client
from django.test.testcases import LiveServerThread
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from phakhi.accounts.services import user_create
from phakhi.core.audit import Author
from phakhi.core.models import Workspace

# Playwright's synchronous API keeps an asyncio loop running in this thread, which Django's
# guard against ORM calls from async code would take for a coroutine; the tests are plain
# synchronous code, so the guard is turned off for them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


class _OneRequestAtATime(ThreadedWSGIServer):
    """The live server, answering one request at a time when its threads share the test's
    in-memory SQLite connection (pytest-django hands every thread that one connection, which
    Python's sqlite3 does not allow two threads to use at once, and a page fires requests
    together: an actor picker's suggestions as one types, a live session's polls). Connections
    are still accepted in parallel; only the application's work is in turn."""

    _answering = threading.Lock()

    def set_app(self, application: Any) -> None:
        if not self.connections_override:
            super().set_app(application)
            return

        def in_turn(environ: dict[str, Any], start_response: Any) -> list[bytes]:
            with self._answering:
                answer = application(environ, start_response)
                try:
                    return list(answer)
                finally:
                    if hasattr(answer, "close"):
                        answer.close()

        super().set_app(in_turn)


LiveServerThread.server_class = _OneRequestAtATime

CHROMIUM = os.environ.get("PHAKHI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(settings.BASE_DIR)
BUILT = ROOT / "assets" / "build" / "phakhi"
PASSWORD = "a-long-browser-passphrase-7"
TIMEOUT_MS = 20_000


def _sources() -> list[Path]:
    return [p for p in (ROOT / "assets").rglob("*") if p.is_file() and "build" not in p.parts]


@pytest.fixture(scope="session")
def built_assets() -> Path:
    """The front-end bundle, rebuilt when a source is newer (a bare `pytest` after an edit)."""
    outputs = [BUILT / name for name in ("app.js", "app.css", "admin.css", "map.js")]
    newest = max((p.stat().st_mtime for p in _sources()), default=0.0)
    if all(p.exists() and p.stat().st_mtime >= newest for p in outputs):
        return BUILT
    if not (ROOT / "node_modules").exists():
        pytest.fail("The front-end is not built: run `make install` (npm ci and the build).")
    subprocess.run(["node", str(ROOT / "assets" / "build.mjs")], cwd=ROOT, check=True)
    return BUILT


@pytest.fixture(scope="session")
def browser(built_assets: Path) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"No Chromium at {CHROMIUM}: `apt-get install chromium` (as .ci/run does).")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture
def browser_context(browser: Browser, live_server: Any) -> Iterator[BrowserContext]:
    context = browser.new_context(
        base_url=live_server.url,
        locale="th-TH",
        viewport={"width": 1280, "height": 900},
        accept_downloads=True,
    )
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(browser_context: BrowserContext) -> Iterator[Page]:
    """A page that records the script errors it meets in ``page.errors`` (a missing favicon
    is not one)."""
    page = browser_context.new_page()
    errors: list[str] = []

    def console(message: Any) -> None:
        # The browser asks for /favicon.ico, which the application does not serve.
        if message.type == "error" and "404" not in message.text:
            errors.append(message.text)

    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", console)
    page.errors = errors  # type: ignore[attr-defined]
    yield page
    page.close()


@pytest.fixture
def log_in(browser_context: BrowserContext, live_server: Any) -> Callable[..., Any]:
    """``log_in(workspace, role)``: a new user with that role, signed in in the browser."""
    count = 0

    def sign_in(workspace: Workspace, role: str = "coordinator") -> Any:
        nonlocal count
        count += 1
        user = user_create(Author("test:browser"), f"{role}-{count}", "", PASSWORD, workspace, role)
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        browser_context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                                      "value": cookie.value, "url": live_server.url}])  # fmt: skip
        return user

    return sign_in


@pytest.fixture
def signed_in_page(page: Page, log_in: Callable[..., Any], workspace: Workspace) -> Page:
    """A page signed in as a coordinator of the ``workspace`` fixture."""
    log_in(workspace, "coordinator")
    return page


# How many pixels of a <canvas> are drawn on: a chart that drew nothing counts 0.
INKED = """canvas => {
  const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
  let inked = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked += 1;
  return inked;
}"""


def role_context(
    browser: Browser, live_server: Any, workspace: Workspace, *, role: str, language: str,
    width: int, author: Author,
) -> Iterator[BrowserContext]:  # fmt: skip
    """A browser context in ``language`` at ``width`` px, signed in as a new user with ``role``
    in ``workspace`` (for a fixture: ``yield from role_context(…)``)."""
    context = browser.new_context(
        base_url=live_server.url,
        locale="th-TH" if language == "th" else "en-US",
        extra_http_headers={"Accept-Language": language},
        viewport={"width": width, "height": 900},
    )
    context.set_default_timeout(TIMEOUT_MS)
    user = user_create(author, f"{role}-{language}", "", PASSWORD, workspace, role)
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    yield context
    context.close()
