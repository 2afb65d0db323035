"""The coordinator's pages of a network survey, through Django's test client: the rounds and the
network page's block, a new round with its items, its details, opening and closing, the roster
and comments for those who manage the round and the totals only for everyone else, one member's
link, deleting (the key typed when there are answers), and the results with their sorting and the
scores of members rated by too few kept to the coordinators."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import pytest
from django.urls import reverse

from phakhi.assessments.opdc_lists import C7, C8
from phakhi.monitoring.models import Respondent, Survey
from phakhi.monitoring.survey_services import survey_open
from tests.accounts_support import client_for, user_with_role
from tests.monitoring.survey_support import AUTHOR, answer, respondent_of

WS = "khon-kaen"


def _url(name: str, **kwargs: Any) -> str:
    return reverse(f"web:{name}", kwargs={"workspace": WS, **kwargs})


@pytest.fixture
def coordinator(surveyed: dict[str, Any]) -> Any:
    return client_for(user_with_role(surveyed["workspace"], "coordinator"))


@pytest.fixture
def viewer(surveyed: dict[str, Any]) -> Any:
    return client_for(user_with_role(surveyed["workspace"], "viewer"))


def _text(response: Any) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def _words(response: Any) -> str:
    """The page's text without its tags."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_a_new_round_from_the_network_page_with_items_to_score(surveyed, coordinator):
    network = _text(
        coordinator.get(reverse("web:network", kwargs={"workspace": WS, "slug": "health"}))
    )
    assert "Network surveys" in network and "สำรวจเครือข่ายรอบที่ 1" in network
    assert "0/5 answered" in network
    add = f"{_url('survey-add')}?network=health"
    assert f'href="{add}"' in network.replace("&amp;", "&")
    form = coordinator.get(add)
    assert (
        form.status_code == 200
        and C7.thai in _text(form)
        and str(C7.english) in unescape(_text(form))
    )
    item = f"{C7.code}:1"
    bad = coordinator.post(add, {"network": surveyed["network"].pk, "slug": "Round 2",
                                 "name": "รอบสอง", "assessment_items": [item]})  # fmt: skip
    assert bad.status_code == 400
    assert "slug" in bad.context["form"].errors
    assert f'value="{item}" checked' in _text(bad)  # the ticks are kept
    made = coordinator.post(add, {
        "network": surveyed["network"].pk, "slug": "round-2", "name": "รอบสอง",
        "purpose": "ดูความร่วมมือ", "closes_on": "31/03/2570",
        "assessment_items": [item, f"{C8.code}:2"],
    })  # fmt: skip
    assert made.status_code == 302 and made["Location"] == _url("survey", slug="round-2")
    survey = Survey.objects.get(slug="round-2")
    assert survey.assessment_items == [item, f"{C8.code}:2"]
    assert survey.closes_on.isoformat() == "2027-03-31"  # 2570 in the Buddhist era
    assert survey.respondents.count() == 5


def test_the_round_page_shows_names_and_comments_only_to_those_who_manage_it(
    surveyed, coordinator, viewer
):
    survey = survey_open(AUTHOR, surveyed["survey"])
    answer(respondent_of(survey, surveyed["A"]), {surveyed["B"]: 3}, comment="ประชุมบ่อยขึ้น")
    mine = _text(coordinator.get(_url("survey", slug="round-1")))
    assert "1 / 5 " in _words(coordinator.get(_url("survey", slug="round-1"))) and "20%" in mine
    assert surveyed["C"].name in mine and "ประชุมบ่อยขึ้น" in mine
    assert "Invite by e-mail" in mine and "Close the round" in mine
    assert (
        _url("survey-link", slug="round-1", respondent=respondent_of(survey, surveyed["A"]).pk)
        in mine
    )
    theirs = _text(viewer.get(_url("survey", slug="round-1")))
    assert "1 / 5 " in _words(viewer.get(_url("survey", slug="round-1"))) and "20%" in theirs
    for letter in "ABCDE":
        assert surveyed[letter].name not in theirs
    assert "ประชุมบ่อยขึ้น" not in theirs and "Invite by e-mail" not in theirs
    assert respondent_of(survey, surveyed["A"]).token not in theirs


def test_open_close_and_edit_a_round(surveyed, coordinator):
    opened = coordinator.post(_url("survey-open", slug="round-1"))
    assert opened.status_code == 302
    assert Survey.objects.get().status == Survey.Status.OPEN
    edit = _url("survey-edit", slug="round-1")
    page = coordinator.get(edit)
    assert "The items cannot change once the round has opened." in _text(page)
    saved = coordinator.post(edit, {"name": "รอบแรก", "purpose": "ใหม่", "version": "2"})
    assert saved.status_code == 302
    survey = Survey.objects.get()
    assert survey.name == "รอบแรก" and survey.notice_version == 2  # the notice changed
    stale = coordinator.post(edit, {"name": "ชื่ออื่น", "version": "2"})
    assert stale.status_code == 400 and Survey.objects.get().name == "รอบแรก"
    closed = coordinator.post(_url("survey-close", slug="round-1"))
    assert closed.status_code == 302 and Survey.objects.get().status == Survey.Status.CLOSED
    again = coordinator.post(_url("survey-close", slug="round-1"), follow=True)
    assert "Only an open survey can be closed." in _text(again)


def test_one_member_link_with_its_qr_code(surveyed, coordinator):
    respondent = respondent_of(surveyed["survey"], surveyed["B"])
    page = _text(coordinator.get(_url("survey-link", slug="round-1", respondent=respondent.pk)))
    assert f'value="http://testserver/s/{respondent.token}/"' in page
    assert "<svg" in page and "data-copy-target" in page
    assert "The round is not open" in page
    other = Respondent.objects.exclude(survey=surveyed["survey"]).first()
    assert other is None
    missing = coordinator.get(_url("survey-link", slug="round-1", respondent=99999))
    assert missing.status_code == 404


def test_a_round_with_answers_is_deleted_only_with_its_key_typed(surveyed, coordinator):
    survey = survey_open(AUTHOR, surveyed["survey"])
    answer(respondent_of(survey, surveyed["A"]), {surveyed["B"]: 3})
    url = _url("survey-delete", slug="round-1")
    assert "answers of 1 member who agreed" in _text(coordinator.get(url))
    refused = coordinator.post(url, {"confirm": "round"})
    assert refused.status_code == 400 and Survey.objects.exists()
    gone = coordinator.post(url, {"confirm": "round-1"})
    assert gone.status_code == 302 and not Survey.objects.exists()


def _rows(page: str) -> list[str]:
    body = page.split('class="table-stack survey-scores"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'data-label="Member"><a [^>]*>([^<]+)</a>', body)


def test_results_sorted_and_scores_of_few_raters_kept_to_coordinators(
    surveyed, coordinator, viewer
):
    survey = survey_open(AUTHOR, surveyed["survey"])
    a, b, c, d = (surveyed[x] for x in "ABCD")
    # กมล is named by three (trust 4, 4, 1), ขวัญ by one; ขวัญ and กมล name each other.
    answer(respondent_of(survey, b), {a: 4}, trust=4, value=4)
    answer(respondent_of(survey, c), {a: 3}, trust=4, value=2)
    answer(respondent_of(survey, d), {a: 2}, trust=1, value=1)
    answer(respondent_of(survey, a), {b: 3}, trust=2, value=3)
    url = _url("survey-results", slug="round-1")
    page = _text(coordinator.get(url, {"sort": "trust"}))
    assert "in the manner of PARTNER" in page
    assert "80%" in page  # response rate 4/5
    assert _rows(page)[:2] == [a.name, b.name]  # trust 3.00 before 2.00
    assert "3.00" in page and "2.00" in page
    assert "confirmed by both" in page and "one side only" in page
    assert f"{reverse('web:map', kwargs={'workspace': WS})}?network=health" in page
    by_name = _text(coordinator.get(url, {"sort": "name"}))
    assert _rows(by_name)[:2] == [a.name, b.name]
    by_value = _text(coordinator.get(url, {"sort": "value"}))
    assert _rows(by_value)[:2] == [b.name, a.name]  # value 3.00 before 2.33
    shown = _text(viewer.get(url, {"sort": "trust"}))
    assert "3.00" in shown  # กมล: rated by three
    assert "2.00" not in shown  # ขวัญ: by one, kept to the coordinators
    assert "shown only to the network's coordinators" in shown


def test_the_pages_in_thai(surveyed, coordinator):
    survey_open(AUTHOR, surveyed["survey"])
    for name in ("surveys", "survey", "survey-results", "survey-invite"):
        kwargs = {} if name == "surveys" else {"slug": "round-1"}
        page = _text(coordinator.get(_url(name, **kwargs), HTTP_ACCEPT_LANGUAGE="th"))
        assert "แบบสำรวจเครือข่าย" in page or "ผลของ" in page or "เชิญทางอีเมล" in page
        assert "Network surveys" not in page and "Invite by e-mail" not in page
