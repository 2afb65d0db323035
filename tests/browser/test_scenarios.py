"""What a coordinator does every day, end to end in a real Chromium: log in, find a Thai name
in the directory, add a tie and see it on the map; a viewer cannot edit; the language switch.

The browser opens pages in Thai (its locale is th-TH), as most users' browsers do.
"""

from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from phakhi.accounts.services import user_create
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.ties.models import Tie
from tests.browser.conftest import PASSWORD

pytestmark = pytest.mark.browser


def actor_url(workspace: Workspace, actor: Any) -> str:
    return reverse("web:actor", args=[workspace.slug, actor.pk])


def test_a_user_logs_in_with_the_form_and_lands_on_the_workspace(
    page: Page, live_server: Any, workspace: Workspace
) -> None:
    user_create(Author("test:browser"), "somchai", "", PASSWORD, workspace, "coordinator")
    page.goto(reverse("web:chooser"))
    expect(page).to_have_url(f"{live_server.url}{reverse('web:login')}?next=/")
    page.locator("#id_username").press_sequentially("somchai")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    expect(page).to_have_url(f"{live_server.url}{reverse('web:home', args=[workspace.slug])}")
    expect(page.locator(".workspace-name")).to_contain_text(workspace.name)
    expect(page.locator(".user-menu summary")).to_contain_text("somchai")
    assert page.errors == []  # type: ignore[attr-defined]


def test_typing_part_of_a_thai_name_updates_the_directory_in_place(
    signed_in_page: Page, live_server: Any, workspace: Workspace, data: dict[str, Any]
) -> None:
    page = signed_in_page
    page.goto(reverse("web:directory", args=[workspace.slug]))
    rows = page.locator("#directory-results tbody tr")
    expect(rows).to_have_count(3)
    page.evaluate("() => { window.samePage = true; }")  # lost if the page were reloaded
    page.locator("#id_q").press_sequentially("สมชาย", delay=30)
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("นายสมชาย ใจดี")  # the title นาย does not get in the way
    assert page.evaluate("() => window.samePage") is True
    assert "q=" in page.url  # the search can be bookmarked
    rows.first.get_by_role("link", name="นายสมชาย ใจดี").click()
    expect(page).to_have_url(f"{live_server.url}{actor_url(workspace, data['person'])}")
    expect(page.locator("h1")).to_have_text("นายสมชาย ใจดี")
    assert page.errors == []  # type: ignore[attr-defined]


def map_has_tie(page: Page, one: str, other: str) -> bool:
    """Whether the graph the map page holds links the actors labelled ``one`` and ``other``."""
    return bool(
        page.evaluate(
            """([one, other]) => {
                const graph = document.getElementById('network-map').phakhiMap.state.graph;
                const key = (label) => graph.findNode((_, node) => node.label === label);
                const a = key(one), b = key(other);
                return Boolean(a && b && graph.areNeighbors(a, b));
            }""",
            [one, other],
        )
    )


def test_a_coordinator_adds_a_tie_and_sees_it_on_the_map(
    signed_in_page: Page, workspace: Workspace, data: dict[str, Any]
) -> None:
    page = signed_in_page
    third, person = data["third"], data["person"]
    page.goto(actor_url(workspace, third))
    form = page.locator("form[action$='/ties/']")
    form.locator("#id_other").fill(person.key)
    form.locator("#id_strength").select_option("4")
    form.locator("#id_kind").fill("ทุน")
    form.locator("button[type=submit]").click()
    expect(page.locator(".message--success")).to_contain_text(person.name)
    expect(page.locator("table.ties")).to_contain_text(person.name)

    page.goto(reverse("web:map", args=[workspace.slug]))
    expect(page.locator("#network-map")).to_have_attribute("data-state", "ready")
    assert map_has_tie(page, third.name, person.name)
    assert map_has_tie(page, data["org"].name, person.name)  # the tie that was there before
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_viewer_sees_no_edit_controls_and_a_forged_edit_is_refused(
    page: Page, log_in: Any, workspace: Workspace, data: dict[str, Any]
) -> None:
    log_in(workspace, "viewer")
    person = data["person"]
    page.goto(actor_url(workspace, person))
    expect(page.locator("h1")).to_have_text(person.name)
    expect(page.locator("main form[method=post]")).to_have_count(0)  # no tie or edit forms
    contacts = page.locator("section[aria-labelledby=contacts-title]")
    expect(contacts).not_to_contain_text("081-234-5678")
    expect(contacts).not_to_contain_text("5678")

    # A form the page does not offer, posted with the page's own CSRF token.
    tie_add = reverse("web:actor-tie-add", args=[workspace.slug, person.pk])
    with page.expect_response(lambda response: response.url.endswith(tie_add)) as answer:
        page.evaluate(
            """([action, other]) => {
                const form = document.createElement('form');
                form.method = 'post';
                form.action = action;
                const fields = {
                    csrfmiddlewaretoken:
                        document.querySelector('input[name=csrfmiddlewaretoken]').value,
                    other, strength: '4',
                };
                for (const [name, value] of Object.entries(fields)) {
                    const input = document.createElement('input');
                    Object.assign(input, { type: 'hidden', name, value });
                    form.append(input);
                }
                document.body.append(form);
                form.submit();
            }""",
            [tie_add, data["third"].key],
        )
    assert answer.value.status == 403
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("ไม่มีสิทธิ์")  # "Not allowed"
    expect(page.locator("main")).to_contain_text("ผู้ดู")  # it names the role: viewer
    assert Tie.objects.filter(workspace=workspace).count() == 1


def test_the_language_switch_changes_the_text_and_the_era_of_dates(
    signed_in_page: Page, workspace: Workspace, data: dict[str, Any]
) -> None:
    page = signed_in_page
    url = actor_url(workspace, data["person"])
    page.goto(url)
    html, memberships = page.locator("html"), page.locator("#memberships-title")
    dates = page.locator("section[aria-labelledby=memberships-title]")
    expect(html).to_have_attribute("lang", "th")
    expect(memberships).to_have_text("เครือข่ายและบทบาท")
    expect(dates).to_contain_text("15 มี.ค. 2567")  # พ.ศ.

    page.locator("#language-switcher button[value=en]").click()
    expect(html).to_have_attribute("lang", "en")
    expect(memberships).to_have_text("Networks and roles")
    expect(dates).to_contain_text("15 Mar 2024")
    assert page.url.endswith(url)  # the same page, in the other language

    page.locator("#language-switcher button[value=th]").click()
    expect(html).to_have_attribute("lang", "th")
    expect(dates).to_contain_text("2567")
    assert page.errors == []  # type: ignore[attr-defined]
