"""Picking an actor by name in Chromium (issue 12, item 5): type part of a Thai name, choose from
the suggestions with the keyboard or the mouse, and the tie, the member or the organization is
saved — on a desktop and on a phone."""

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from phakhi.actors.models import Actor
from phakhi.core.models import Workspace
from phakhi.networks.models import Membership
from phakhi.ties.models import Tie

pytestmark = pytest.mark.browser


def _suggestions(page: Page, field: str, typed: str) -> Any:
    box = page.locator(f"input[name={field}]")
    box.press_sequentially(typed, delay=30)
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    return box, listbox


def _fits(page: Page, listbox: Any, width: int) -> None:
    edge = listbox.bounding_box()
    assert edge is not None and edge["x"] >= 0 and edge["x"] + edge["width"] <= width


@pytest.mark.parametrize("width", [1366, 390])
def test_a_tie_to_an_actor_chosen_by_part_of_the_name(
    signed_in_page: Page, workspace: Workspace, data: dict[str, Any], width: int
) -> None:
    page = signed_in_page
    page.set_viewport_size({"width": width, "height": 900})
    person = data["person"]
    page.goto(reverse("web:actor", kwargs={"workspace": workspace.slug, "pk": person.pk}))
    box, listbox = _suggestions(page, "other", "สมศ")
    option = listbox.get_by_role("option")
    expect(option).to_have_count(1)
    expect(option).to_contain_text("นางสาวสมศรี มีสุข")
    expect(option).to_contain_text("p-2")
    _fits(page, listbox, width)
    # The keyboard: down to the suggestion, Enter chooses it (and does not send the form).
    box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id") or "")
    box.press("Enter")
    expect(listbox).to_be_hidden()
    expect(box).to_have_value("นางสาวสมศรี มีสุข")
    expect(page.locator("input[name=other_key]")).to_have_value("p-2")
    page.locator("form[action$='/ties/'] button[type=submit]").click()
    page.wait_for_load_state()
    assert Tie.objects.filter(source=person, target=data["third"]).exists()
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_member_chosen_with_the_mouse(
    signed_in_page: Page, workspace: Workspace, data: dict[str, Any]
) -> None:
    page = signed_in_page
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(reverse("web:network", kwargs={"workspace": workspace.slug, "slug": "health"}))
    box, listbox = _suggestions(page, "actor", "มีสุข")
    _fits(page, listbox, 390)
    listbox.get_by_role("option", name="นางสาวสมศรี มีสุข").click()
    expect(page.locator("input[name=actor_key]")).to_have_value("p-2")
    # Typing again forgets the choice: the text is what counts then.
    box.press("End")
    box.press_sequentially("x")
    expect(page.locator("input[name=actor_key]")).to_have_value("")
    box.press("Backspace")
    listbox.get_by_role("option", name="นางสาวสมศรี มีสุข").click()
    page.locator("form[action$='/members/add/'] button[type=submit]").click()
    page.wait_for_load_state()
    assert Membership.objects.filter(network=data["network"], actor=data["third"]).exists()


def test_an_organization_chosen_for_a_new_actor(
    signed_in_page: Page, workspace: Workspace, data: dict[str, Any]
) -> None:
    page = signed_in_page
    page.goto(reverse("web:actor-add", kwargs={"workspace": workspace.slug}))
    page.fill("input[name=name]", "นางใหม่ ใจงาม")
    page.fill("input[name=key]", "p-9")
    # "ชุมชน" is in the organization's name and so in its person's match: organizations only.
    box, listbox = _suggestions(page, "organization", "ชุมชน")
    expect(listbox.get_by_role("option")).to_have_count(1)
    box.press("ArrowDown")
    box.press("Enter")
    expect(page.locator("input[name=organization_key]")).to_have_value("org-1")
    page.locator("form.actor-form .form-actions button[type=submit]").click()
    page.wait_for_load_state()
    assert Actor.objects.get(key="p-9").organization == data["org"]
