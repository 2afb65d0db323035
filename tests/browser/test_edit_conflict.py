"""Two colleagues with the same actor open in two tabs: the second to save sees both values side
by side, on a desktop and on a phone, in Thai and in English, and saves the one chosen."""

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import BrowserContext, Page, expect

from phakhi.actors.models import Actor
from phakhi.core.models import Workspace

pytestmark = pytest.mark.browser


def _save(page: Page) -> None:
    page.locator("form.actor-form .form-actions button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize(("width", "language"), [(1366, "th"), (390, "en")])
def test_the_second_to_save_chooses_between_both_values(
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
    person = data["person"]
    url = reverse("web:actor-edit", kwargs={"workspace": workspace.slug, "pk": person.pk})
    mine = signed_in_page
    mine.set_viewport_size({"width": width, "height": 900})
    mine.goto(url)
    theirs = browser_context.new_page()
    theirs.goto(url)
    theirs.fill("input[name=subsector]", "ชุมชนบ้านโนนสวรรค์")
    theirs.fill("input[name=line_id]", "somsri.line")
    _save(theirs)

    mine.fill("input[name=subsector]", "มูลนิธิพัฒนาชุมชนอีสาน")
    mine.fill("input[name=email]", "mana@example.org")
    _save(mine)

    box = mine.locator(".conflicts")
    expect(box).to_be_visible()
    expect(box).to_contain_text("ชุมชนบ้านโนนสวรรค์")
    expect(box).to_contain_text("มูลนิธิพัฒนาชุมชนอีสาน")
    # Both values fit on the screen, beside or under each other, without scrolling sideways.
    assert mine.evaluate("document.documentElement.scrollWidth") <= width
    for value in mine.locator(".conflict-value").all():
        edge = value.bounding_box()
        assert edge is not None and edge["x"] + edge["width"] <= width
    # The colleague's other change is in the form now; the person's own is kept.
    expect(mine.locator("input[name=line_id]")).to_have_value("somsri.line")
    expect(mine.locator("input[name=email]")).to_have_value("mana@example.org")

    box.locator("input[value=theirs]").check()
    _save(mine)
    expect(mine).to_have_url(
        f"{live_server.url}{reverse('web:actor', args=[workspace.slug, person.pk])}"
    )
    stored = Actor.objects.get(pk=person.pk)
    assert (stored.subsector, stored.line_id, stored.email) == (
        "ชุมชนบ้านโนนสวรรค์",
        "somsri.line",
        "mana@example.org",
    )
    # The form sent back with both values is a 409, which Chromium logs; nothing else failed.
    assert [e for e in mine.errors if "409" not in e] == []  # type: ignore[attr-defined]
