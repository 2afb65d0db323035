"""The co-participation rule in Chromium: a coordinator lowers the limit on the rule's page (the
ties of a 5-person meeting go), and on the map a tie of a pair that took part together names the
activities they shared and the last one's date in the Buddhist era."""

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from phakhi.analysis.services import analysis_request
from phakhi.core.audit import Author
from phakhi.participation.coparticipation import KIND, coparticipation_rebuild
from phakhi.ties.models import Tie
from tests.participation.coparticipation_support import attend, make_activities, make_actors

pytestmark = pytest.mark.browser

# Sigma's edge picking needs the pointer over a line a few pixels wide; the test names the tie
# through the renderer's own event instead, as a pointer over it would.
POINT_AT_TIE = """() => {
  const state = document.getElementById('network-map').phakhiMap.state;
  const k = state.data.together.shared.indexOf(Math.max(...state.data.together.shared));
  const edge = String(state.data.together.edge[k]);
  state.renderer.emit('enterEdge', {edge, event: {x: 40, y: 40}});
  return document.querySelector('.map-tip').textContent;
}"""


@pytest.fixture
def meetings(workspace):
    people = make_actors(workspace, 5)
    first, second = make_activities(workspace, 2)
    first.starts_on, second.starts_on = dt.date(2026, 1, 5), dt.date(2026, 3, 12)
    first.save()
    second.save()
    attend(first, people)
    attend(second, people[:2])
    coparticipation_rebuild(workspace)
    analysis_request(Author("test:browser"), workspace, background=False)
    return people


def test_lowering_the_limit_on_the_rule_page(signed_in_page, workspace, meetings):
    page = signed_in_page
    page.goto(reverse("web:coparticipation", kwargs={"workspace": workspace.slug}))
    expect(page.locator("[data-ties]")).to_have_text("10")
    page.fill("input[name=max_participants]", "4")
    page.get_by_role("button", name="เปลี่ยนจำนวนสูงสุด").click()
    expect(page.locator("[data-ties]")).to_have_text("1")  # the pair of the 2-person meeting
    expect(page.get_by_text("เกิน 4 คน")).to_be_visible()
    assert Tie.objects.filter(kind=KIND).count() == 1
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_tie_on_the_map_says_they_took_part_together(signed_in_page, workspace, meetings):
    page = signed_in_page
    page.goto(reverse("web:map", kwargs={"workspace": workspace.slug}))
    expect(page.locator("#network-map")).to_have_attribute("data-state", "ready")
    text = page.evaluate(POINT_AT_TIE)
    assert "ร่วมกิจกรรมกัน 2 ครั้ง ล่าสุด 12 มี.ค. 2569" in text
    expect(page.locator(".map-tip")).to_be_visible()
    assert page.errors == []  # type: ignore[attr-defined]
