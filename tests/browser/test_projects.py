"""Projects in Chromium: a coordinator creates a project (its lead actor chosen from the
suggestions), finds it under its tabs, and edits it — on a desktop in Thai and on a phone in
English, with nothing wider than the screen."""

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import BrowserContext, Page, expect

from phakhi.core.models import Workspace
from phakhi.projects.models import Project

pytestmark = pytest.mark.browser


def _fits(page: Page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def _save(page: Page) -> None:
    page.locator("main form .form-actions button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize(("width", "language"), [(1366, "th"), (390, "en")])
def test_create_a_project_then_edit_it(
    signed_in_page: Page,
    browser_context: BrowserContext,
    live_server: Any,
    workspace: Workspace,
    data: dict[str, Any],
    width: int,
    language: str,
) -> None:
    browser_context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page = signed_in_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(reverse("web:projects", kwargs={"workspace": workspace.slug}))
    _fits(page, width)
    new = {"th": "เพิ่มโครงการ", "en": "New project"}[language]
    page.get_by_role("link", name=new).click()
    page.wait_for_load_state()
    _fits(page, width)

    page.fill("input[name=name]", "โครงการเกษตรอินทรีย์")
    page.fill("input[name=slug]", "organic-farming")
    page.fill("textarea[name=description]", "ตลาดผักอินทรีย์ส่งโรงพยาบาล")
    page.select_option("select[name=network]", label="เครือข่ายสุขภาพ")
    picker = page.locator("input[name=lead_actor]")
    picker.press_sequentially("เพื่อนชุมชน", delay=30)
    page.get_by_role("option").filter(has_text="org-1").click()
    expect(page.locator("input[name=lead_actor_key]")).to_have_value("org-1")
    starts = {"th": "01/01/2569", "en": "2026-01-01"}[language]
    page.fill("input[name=starts_on]", starts)
    _save(page)

    project = Project.objects.get(workspace=workspace, slug="organic-farming")
    assert (project.network, project.lead_actor) == (data["network"], data["org"])
    assert project.starts_on == dt.date(2026, 1, 1)
    tabs = page.locator("nav.project-tabs")
    expect(tabs.locator("[aria-current=page]")).to_have_text(
        {"th": "ภาพรวมโครงการ", "en": "Project"}[language]
    )
    expect(page.locator("main")).to_contain_text("มูลนิธิเพื่อนชุมชน")
    expect(page.locator("main")).to_contain_text(
        {"th": "1 ม.ค. 2569", "en": "1 Jan 2026"}[language]
    )
    _fits(page, width)
    for tab in tabs.locator("a").all():  # every tab is on the screen, none under another
        box = tab.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width

    page.get_by_role("link", name={"th": "แก้ไขโครงการ", "en": "Edit the project"}[language]).click()
    page.wait_for_load_state()
    _fits(page, width)
    expect(page.locator("input[name=lead_actor]")).to_have_value("มูลนิธิเพื่อนชุมชน")
    page.fill("input[name=ends_on]", {"th": "31/12/2569", "en": "2026-12-31"}[language])
    _save(page)
    expect(page.locator(".messages")).to_contain_text(
        {"th": "บันทึกโครงการแล้ว", "en": "The project has been saved."}[language]
    )
    project.refresh_from_db()
    assert project.ends_on == dt.date(2026, 12, 31) and project.lead_actor == data["org"]
    page.goto(reverse("web:projects", kwargs={"workspace": workspace.slug}))
    expect(page.locator("main table")).to_contain_text("โครงการเกษตรอินทรีย์")
    _fits(page, width)
    assert page.errors == []  # type: ignore[attr-defined]
