"""Risk alerts in Chromium on a 390 px phone, in Thai: a coordinator sees a network's alert on the
home page, opens it, dismisses it with a reason, and the home page no longer shows it; the pages
never scroll sideways."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, expect

from phakhi.accounts.services import user_create
from phakhi.core.models import Workspace
from phakhi.monitoring.alerts import alerts_check
from phakhi.monitoring.models import Alert
from tests.browser.conftest import PASSWORD, TIMEOUT_MS
from tests.monitoring.alert_support import AUTHOR, TODAY, build

pytestmark = pytest.mark.browser
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def thai_phone(browser: Browser, live_server: Any, workspace: Workspace) -> Iterator[Any]:
    made = build(workspace, ["A:civil", "B:civil", "C:civil", "D:civil", "G:government"])
    alerts_check(AUTHOR, workspace, made["network"], on=TODAY)
    context: BrowserContext = browser.new_context(
        base_url=live_server.url, locale="th-TH", extra_http_headers={"Accept-Language": "th"},
        viewport={"width": 390, "height": 844},
    )  # fmt: skip
    context.set_default_timeout(TIMEOUT_MS)
    user = user_create(AUTHOR, "coordinator-th", "", PASSWORD, workspace, "coordinator")
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    yield context.new_page()
    context.close()


def test_dismiss_an_alert_on_a_phone(thai_phone):
    page = thai_phone
    # The live server's first answer loads the URLs, templates and catalogues: on a busy
    # machine that takes longer than the usual wait.
    page.goto("/w/khon-kaen/", timeout=4 * TIMEOUT_MS)
    panel = page.locator("#workspace-alerts")
    item = panel.locator(".alert-item", has_text="ภาควิชาการ: 0 จากสมาชิก 5 ราย")
    expect(item).to_be_visible()
    assert page.evaluate(SIDEWAYS) <= 0
    item.get_by_role("link", name="มีสมาชิกเพียงประเภทเดียว").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("มีสมาชิกเพียงประเภทเดียว")
    expect(page.get_by_text("ขาดแนวร่วมในการทำงาน ปกติจะมีแต่องค์กรประเภทเดียวกันเท่านั้น")).to_be_visible()
    assert page.evaluate(SIDEWAYS) <= 0
    page.get_by_label("เหตุผลที่ปิด").fill("เครือข่ายเกษตรกรโดยเจตนา ชวนมหาวิทยาลัยในปีหน้า")
    page.get_by_role("button", name="ปิดสัญญาณเตือน").click()
    expect(page.locator(".alert-reason")).to_have_text("เครือข่ายเกษตรกรโดยเจตนา ชวนมหาวิทยาลัยในปีหน้า")
    alert = Alert.objects.get(rule="one-kind", subject="academic")
    assert alert.status == Alert.Status.DISMISSED and alert.dismissed_by == "web:coordinator-th"
    page.goto("/w/khon-kaen/")
    expect(page.locator("#workspace-alerts")).not_to_contain_text("ภาควิชาการ: 0 จากสมาชิก 5 ราย")
