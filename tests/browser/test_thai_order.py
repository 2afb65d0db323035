"""Thai dictionary order in Chromium (issue 12, item 10): the directory lists names, and its
province list offers provinces, as a Thai dictionary orders them — เชียงใหม่ under ช, not after
every name that begins with a consonant; as the search narrows the list, the order holds."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from phakhi.actors.services import actor_create
from phakhi.core.models import Workspace
from tests.conftest import AUTHOR
from tests.test_thai_order import DICTIONARY, PROVINCES, shuffled

pytestmark = pytest.mark.browser


def test_the_directory_in_dictionary_order(signed_in_page: Page, workspace: Workspace) -> None:
    for number, name in enumerate(shuffled(DICTIONARY)):
        province = PROVINCES[number % len(PROVINCES)]
        actor_create(AUTHOR, workspace, key=f"a{number}", name=name, province=province)
    page = signed_in_page
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(reverse("web:directory", kwargs={"workspace": workspace.slug}))
    names = page.locator(".directory-table tbody th a")
    expect(names).to_have_text(DICTIONARY)
    provinces = page.locator("select[name=province] option").all_inner_texts()[1:]
    assert provinces == PROVINCES
    # The instant search keeps the order of what it finds.
    page.fill("input[name=q]", "สม")
    expect(names).to_have_text(["สมชาย", "สมศรี"])  # retried until the results are swapped in
    page.fill("input[name=q]", "")
    expect(names).to_have_text(DICTIONARY)
