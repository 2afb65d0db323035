"""The respondent's pages of a network survey (``/s/<token>/``), through Django's test client:
the notice and its two answers (not agreeing keeps nothing), the partner list and its search
without scripts, the cards, the items and sending, changing the answers, withdrawing, and a round
that is not open. The browser's side (the list filtering as one types, a phone's width) is in
tests/browser/test_survey.py."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from phakhi.core.models import AuditEvent, Workspace
from phakhi.monitoring.models import ItemScore, PartnerReport, Respondent
from phakhi.monitoring.survey_services import (
    survey_close,
    survey_create,
    survey_open,
    survey_update,
)
from tests.monitoring.survey_support import AUTHOR, respondent_of, surveyed_data


@pytest.fixture
def surveyed(workspace: Workspace) -> dict[str, Any]:
    """survey_support's network of five members and its draft round."""
    return surveyed_data(workspace)


def url(name: str, respondent: Respondent) -> str:
    return reverse(f"web:{name}", kwargs={"token": respondent.token})


@pytest.fixture
def opened(surveyed: dict[str, Any]) -> dict[str, Any]:
    surveyed["survey"] = survey_open(AUTHOR, surveyed["survey"])
    return surveyed


@pytest.fixture
def a(opened: dict[str, Any]) -> Respondent:
    """กมล's link."""
    return respondent_of(opened["survey"], opened["A"])


def _agree(client: Client, respondent: Respondent) -> None:
    answer = client.post(url("survey-respond-consent", respondent), {"notice_version": "1"})
    assert answer.status_code == 302
    assert answer["Location"] == url("survey-respond-partners", respondent)


def _card(partner: Any, level: int, rating: int | None = None) -> dict[str, Any]:
    fields: dict[str, Any] = {f"p{partner.pk}-level": str(level)}
    if rating is not None:
        for name in ("trust_openness", "trust_reliability", "trust_mission",
                     "value_power", "value_resources", "value_involvement"):  # fmt: skip
            fields[f"p{partner.pk}-{name}"] = str(rating)
    return fields


def _monitoring_rows() -> tuple[int, ...]:
    return (
        PartnerReport.objects.count(),
        ItemScore.objects.count(),
        AuditEvent.objects.count(),
    )


def test_the_notice_says_what_why_who_and_how_to_withdraw(client: Client, a: Respondent) -> None:
    page = client.get(url("survey-respond", a))
    assert page.status_code == 200
    text = page.content.decode()
    for said in ("เพื่อดูความไว้วางใจและคุณค่าของภาคี", "ผู้ประสานงานเครือข่าย",
                 "ผู้ประสานงาน 081-111-2222", "Withdraw", "What we collect", "trust"):  # fmt: skip
        assert said in text
    assert "no-store" in page["Cache-Control"]
    assert page["X-Robots-Tag"] == "noindex, nofollow"


def test_not_agreeing_keeps_nothing(client: Client, a: Respondent) -> None:
    before = _monitoring_rows()
    page = client.get(url("survey-respond-decline", a))
    assert page.status_code == 200
    assert "nothing was kept" in page.content.decode()
    a.refresh_from_db()
    assert (a.consented_at, a.consent_notice, a.submitted_at, a.withdrawn_at) == (None,) * 4
    assert _monitoring_rows() == before
    # And no page past the notice opens without consent.
    for name in ("survey-respond-partners", "survey-respond-about", "survey-respond-items",
                 "survey-respond-done"):  # fmt: skip
        answer = client.get(url(name, a))
        assert answer.status_code == 302 and answer["Location"] == url("survey-respond", a)
    assert client.post(url("survey-respond-about", a), {"p": "1"}).status_code == 302
    assert _monitoring_rows() == before


def test_the_list_holds_the_other_members_in_thai_order_without_contacts(
    client: Client, a: Respondent, opened: dict[str, Any]
) -> None:
    _agree(client, a)
    page = client.get(url("survey-respond-partners", a))
    assert page.status_code == 200
    names = [row.name for row in page.context["rows"]]
    # Not กมล himself, not เอก who left the network; ดร.ขวัญ under ข.
    assert names == ["ดร.ขวัญ รักเรียน", "นางจันทร์ เพ็ญ", "ชาติ ชัยชนะ", "ดาว ประกาย"]
    assert "081" not in page.content.decode().split("survey-partners")[1]


def test_search_without_scripts_finds_thai_names_and_keeps_the_ticks(
    client: Client, a: Respondent, opened: dict[str, Any]
) -> None:
    _agree(client, a)
    partners = url("survey-respond-partners", a)
    d = opened["D"]
    for typed in ("ขวัญ", "ดร. ขวัญ", "ดร.ขวัญ", "รักเรียน", "ขวัญ\u200b"):
        page = client.get(partners, {"q": typed, "chosen": "1", "p": str(d.pk)})
        assert [row.name for row in page.context["rows"]] == ["ดร.ขวัญ รักเรียน"], typed
        # ชาติ was ticked before the search: not shown, still ticked (a hidden field).
        assert f'<input type="hidden" name="p" value="{d.pk}">' in page.content.decode()
    page = client.get(partners, {"q": "ไม่มีใคร"})
    assert page.context["rows"] == []
    assert "Nobody on the list matches" in page.content.decode()


def test_name_partners_score_items_and_send(client: Client, opened: dict[str, Any]) -> None:
    survey = survey_create(
        AUTHOR, opened["workspace"], network=opened["network"], slug="items", name="รอบคะแนน",
        assessment_items=["network-principles:1", "network-problems:2"],
    )  # fmt: skip
    survey_open(AUTHOR, survey)
    a = respondent_of(survey, opened["A"])
    client.post(url("survey-respond-consent", a), {"notice_version": "1"})
    b, c = opened["B"], opened["C"]
    about = client.get(url("survey-respond-about", a), {"chosen": "1", "p": [b.pk, c.pk]})
    assert [actor.name for actor, _form in about.context["cards"]] == [b.name, c.name]

    # A card without its level: nothing is saved, and the page says whose card.
    missing = client.post(
        url("survey-respond-about", a), {"chosen": "1", "p": [b.pk, c.pk], **_card(b, 4, 3)}
    )
    assert missing.status_code == 400
    assert "Choose how closely you work together." in missing.content.decode()
    assert [actor.name for actor in missing.context["invalid"]] == [c.name]
    assert not PartnerReport.objects.filter(respondent=a).exists()

    saved = client.post(
        url("survey-respond-about", a),
        {"chosen": "1", "p": [b.pk, c.pk], **_card(b, 4, 3), **_card(c, 2),
         f"p{c.pk}-frequency": "monthly", f"p{c.pk}-flows": ["information", "funding"],
         f"p{c.pk}-trust_openness": ""},
    )  # fmt: skip
    assert saved.status_code == 302 and saved["Location"] == url("survey-respond-items", a)
    reports = {r.partner_id: r for r in PartnerReport.objects.filter(respondent=a)}
    assert reports[b.pk].level == 4 and reports[b.pk].trust_mission == 3
    assert reports[c.pk].flows == ["information", "funding"]
    assert reports[c.pk].trust_openness is None and reports[c.pk].frequency == "monthly"

    items = client.get(url("survey-respond-items", a))
    assert items.status_code == 200
    text = items.content.decode()
    # The sources' words, their English gloss, and a problem read as "how far overcome".
    assert "สร้างความผูกพันและรับผิดชอบต่อการสร้างเครือข่าย" in text
    assert "Commitment and responsibility for building the network" in text
    assert text.count("how far the network has overcome it") == 1
    sent = client.post(
        url("survey-respond-items", a),
        {"item-network-principles-1": "4", "item-network-problems-2": "", "comment": " ขอบคุณครับ "},
    )
    assert sent.status_code == 302 and sent["Location"] == url("survey-respond-done", a)
    a.refresh_from_db()
    assert a.submitted_at is not None and a.comment == "ขอบคุณครับ"
    assert {(s.template, s.item, s.score) for s in ItemScore.objects.filter(respondent=a)} == {
        ("network-principles", "1", 4)
    }
    done = client.get(url("survey-respond-done", a)).content.decode()
    assert b.name in done and c.name in done and "Change my answers" in done
    # The link, opened again, goes to the thanks page.
    assert client.get(url("survey-respond", a))["Location"] == url("survey-respond-done", a)


def test_change_answers_then_withdraw(
    client: Client, a: Respondent, opened: dict[str, Any]
) -> None:
    _agree(client, a)
    b, c = opened["B"], opened["C"]
    client.post(
        url("survey-respond-about", a),
        {"chosen": "1", "p": [b.pk, c.pk], **_card(b, 3, 4), **_card(c, 1, 1)},
    )
    client.post(url("survey-respond-items", a), {"comment": ""})
    # The list shows what was named, ticked; unticking ขวัญ and saving drops her.
    page = client.get(url("survey-respond-partners", a))
    assert {int(row.pk) for row in page.context["rows"] if row.chosen} == {b.pk, c.pk}
    cards = client.get(url("survey-respond-about", a), {"chosen": "1", "p": [c.pk]})
    ((actor, form),) = cards.context["cards"]
    assert actor == c and form["level"].value() == "1"  # the answer given before
    client.post(url("survey-respond-about", a), {"chosen": "1", "p": [c.pk], **_card(c, 2)})
    client.post(url("survey-respond-items", a), {"comment": "again"})
    assert list(PartnerReport.objects.filter(respondent=a).values_list("partner_id", "level")) == [
        (c.pk, 2)
    ]

    confirm = client.get(url("survey-respond-withdraw", a))
    assert confirm.status_code == 200 and "cannot be undone" in confirm.content.decode()
    assert PartnerReport.objects.filter(respondent=a).exists()  # asking is not withdrawing
    gone = client.post(url("survey-respond-withdraw", a))
    assert gone.status_code == 200 and "You have withdrawn" in gone.content.decode()
    a.refresh_from_db()
    assert a.consented_at is None and a.submitted_at is None and a.comment == ""
    assert not PartnerReport.objects.filter(respondent=a).exists()
    # Opened again: the notice, saying so; one may take part again.
    again = client.get(url("survey-respond", a)).content.decode()
    assert "You withdrew on" in again


def test_a_changed_notice_is_read_again(
    client: Client, a: Respondent, opened: dict[str, Any]
) -> None:
    _agree(client, a)
    survey_update(AUTHOR, opened["survey"], audience="ทุกคนในเครือข่าย")
    answer = client.get(url("survey-respond-partners", a))
    assert answer["Location"] == url("survey-respond", a)
    notice = client.get(url("survey-respond", a)).content.decode()
    assert "has changed since you agreed" in notice and "ทุกคนในเครือข่าย" in notice
    # The old version's consent is refused, the new one's taken.
    stale = client.post(url("survey-respond-consent", a), {"notice_version": "1"})
    assert stale.status_code == 400
    fresh = client.post(url("survey-respond-consent", a), {"notice_version": "2"})
    assert fresh.status_code == 302
    # Not agreeing to the new notice: told that the earlier answers stay until withdrawn.
    survey_update(AUTHOR, opened["survey"], audience="ผู้ประสานงานเท่านั้น")
    declined = client.get(url("survey-respond-decline", a)).content.decode()
    assert "Withdraw and delete my answers" in declined
    assert client.get(url("survey-respond-withdraw", a)).status_code == 200


def test_a_round_not_open_and_an_unknown_link(client: Client, surveyed: dict[str, Any]) -> None:
    a = respondent_of(surveyed["survey"], surveyed["A"])
    draft = client.get(url("survey-respond", a))
    assert draft.status_code == 403 and "not open yet" in draft.content.decode()
    assert client.post(url("survey-respond-consent", a), {"notice_version": "1"}).status_code == 403
    survey = survey_open(AUTHOR, surveyed["survey"])
    client.post(url("survey-respond-consent", a), {"notice_version": "1"})
    survey_close(AUTHOR, survey)
    before = _monitoring_rows()
    for name in ("survey-respond", "survey-respond-partners", "survey-respond-withdraw"):
        closed = client.get(url(name, a))
        assert closed.status_code == 410 and "The survey has closed" in closed.content.decode()
    assert client.post(url("survey-respond-withdraw", a)).status_code == 410
    assert _monitoring_rows() == before
    unknown = client.get(reverse("web:survey-respond", kwargs={"token": "x" * 40}))
    assert unknown.status_code == 404 and "does not work" in unknown.content.decode()


def test_the_pages_in_thai(client: Client, a: Respondent) -> None:
    page = client.get(url("survey-respond", a), HTTP_ACCEPT_LANGUAGE="th")
    text = page.content.decode()
    assert "ก่อนตอบแบบสำรวจ" in text and "ยินยอม" in text


def test_the_partner_list_asks_the_same_queries_for_more_members(
    client: Client, a: Respondent, opened: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    from phakhi.actors.services import actor_create
    from phakhi.monitoring.survey_services import roster_sync
    from phakhi.networks.services import membership_set

    _agree(client, a)
    with django_assert_max_num_queries(12) as few:
        client.get(url("survey-respond-partners", a))
    for n in range(30):
        actor = actor_create(AUTHOR, opened["workspace"], key=f"x-{n}", name=f"สมาชิก {n}")
        membership_set(AUTHOR, opened["network"], actor)
    roster_sync(AUTHOR, opened["survey"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url("survey-respond-partners", a))
    assert len(page.context["rows"]) == 34
