"""The Content-Security-Policy (no 'unsafe-inline', no eval) in a real Chromium: every main page —
the application's, the API docs and the Django admin — loads without one violation, so nothing
the pages need was left inline; and what moved out of the templates still works."""

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from playwright.sync_api import BrowserContext, Page, expect

from phakhi.core.models import Workspace
from phakhi.imports.models import ImportJob

pytestmark = pytest.mark.browser

# Every violation is an event on the document (its directive and what was blocked).
LISTEN = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


@pytest.fixture
def watched(page: Page) -> Page:
    page.add_init_script(LISTEN)
    return page


def _violations(page: Page, path: str) -> list[str]:
    response = page.goto(path)
    assert response is not None and response.ok, path
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy, (path, policy)
    page.wait_for_load_state("networkidle")
    found = page.evaluate("window.cspViolations")
    reported = [e for e in page.errors if "Content Security Policy" in e]  # type: ignore[attr-defined]
    return [*found, *reported]


def _app_paths(workspace: Workspace, data: dict[str, Any]) -> list[str]:
    slug = workspace.slug
    job = ImportJob.objects.create(workspace=workspace, what="actors", file_name="a.csv")
    return [
        reverse("web:chooser"),
        reverse("web:home", args=[slug]),
        reverse("web:directory", args=[slug]),
        reverse("web:actor", args=[slug, data["person"].pk]),
        reverse("web:actor-edit", args=[slug, data["person"].pk]),
        reverse("web:actor-add", args=[slug]),
        reverse("web:networks", args=[slug]),
        reverse("web:network", args=[slug, data["network"].slug]),
        reverse("web:map", args=[slug]),
        reverse("web:import", args=[slug]),
        reverse("web:import-job", args=[slug, job.pk]),
        reverse("web:people", args=[slug]),
        reverse("web:tokens"),
        "/api/v1/docs",
    ]


def test_the_main_pages_load_without_a_policy_violation(
    watched: Page, log_in: Any, workspace: Workspace, data: dict[str, Any]
) -> None:
    log_in(workspace, "admin")
    for path in _app_paths(workspace, data):
        assert _violations(watched, path) == [], path
    watched.goto(reverse("web:map", args=[workspace.slug]))
    expect(watched.locator("canvas").first).to_be_visible()  # the map drew
    watched.goto("/api/v1/docs")
    expect(watched.locator(".swagger-ui .opblock").first).to_be_visible()  # the docs drew


def test_the_sign_in_page_and_the_admin_work_under_the_policy(
    watched: Page, browser_context: BrowserContext, live_server: Any, data: dict[str, Any]
) -> None:
    assert _violations(watched, reverse("web:login")) == []
    admin = get_user_model().objects.create_superuser("root", "", "a-long-admin-passphrase-7")
    client = Client()
    client.force_login(admin)
    cookie = {"name": "sessionid", "value": client.cookies["sessionid"].value}
    browser_context.add_cookies([{**cookie, "url": live_server.url}])
    paths = [
        reverse("admin:index"),
        reverse("admin:actors_actor_changelist"),
        reverse("admin:actors_actor_change", args=[data["person"].pk]),
        reverse("admin:networks_network_add"),
        reverse("admin:core_auditevent_changelist"),
    ]
    for path in paths:
        assert _violations(watched, path) == [], path
    switcher = watched.locator("#language-switcher button").first
    assert switcher.evaluate("b => getComputedStyle(b).borderStyle") == "solid"  # admin.css


def test_the_token_copy_button_works_from_the_bundle(
    watched: Page, browser_context: BrowserContext, log_in: Any, workspace: Workspace
) -> None:
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"])
    log_in(workspace, "coordinator")
    watched.goto(reverse("web:tokens"))
    watched.locator("form.form input[type=text]").first.fill("ระบบรายงาน")
    watched.locator("form.form button[type=submit]").last.click()
    secret = watched.locator("#token-secret").input_value()
    assert secret
    watched.locator("#token-copy").click()
    expect(watched.locator("#token-copy-status")).not_to_be_empty()
    assert watched.evaluate("navigator.clipboard.readText()") == secret
    assert watched.evaluate("window.cspViolations") == []
