"""A respondent's answers: nothing before consent, nothing on a round that is not open, only
roster partners, ratings and levels 1–4 (words too); a submitted response makes directed survey
ties, confirmed when both name each other; a withdrawal takes its ties and leaves no answer in
the audit trail; the latest round a pair was reported in makes the tie."""

import pytest
from django.core.exceptions import ValidationError

from phakhi.core.models import AuditEvent
from phakhi.monitoring.models import ItemScore, PartnerReport, Respondent
from phakhi.monitoring.survey_responses import (
    ReportInput,
    item_score_set,
    report_remove,
    report_set,
    response_consent,
    response_reports_set,
    response_submit,
    response_withdraw,
)
from phakhi.monitoring.survey_services import survey_close, survey_create, survey_open
from phakhi.monitoring.survey_ties import survey_ties_refresh
from phakhi.ties.models import Tie
from phakhi.ties.services import tie_create
from phakhi.ties.vocabulary import CONFIRMED, SURVEY_ROUND, SURVEYED
from tests.monitoring.survey_support import AUTHOR, answer, respondent_of


@pytest.fixture
def opened(surveyed):
    surveyed["survey"] = survey_open(AUTHOR, surveyed["survey"])
    return surveyed


def survey_ties() -> dict[tuple[str, str], Tie]:
    return {
        (t.source.key, t.target.key): t
        for t in Tie.objects.filter(kind=SURVEYED).select_related("source", "target")
    }


def test_nothing_is_kept_before_consent(opened):
    a = respondent_of(opened["survey"], opened["A"])
    with pytest.raises(ValidationError) as error:
        report_set(a, opened["B"], level=2)
    assert "consent" in error.value.message_dict
    with pytest.raises(ValidationError):
        response_submit(a)
    assert not PartnerReport.objects.exists()
    assert not AuditEvent.objects.filter(object_type="monitoring.respondent").exists()


def test_a_round_that_is_not_open_takes_no_answers(surveyed):
    a = respondent_of(surveyed["survey"], surveyed["A"])  # a draft
    with pytest.raises(ValidationError) as error:
        response_consent(a, notice_version=1)
    assert "survey" in error.value.message_dict
    survey = survey_open(AUTHOR, surveyed["survey"])
    response_consent(a, notice_version=1)
    survey_close(AUTHOR, survey)
    with pytest.raises(ValidationError):
        report_set(a, surveyed["B"], level=2)


def test_consent_to_an_older_notice_is_refused(opened):
    a = respondent_of(opened["survey"], opened["A"])
    with pytest.raises(ValidationError) as error:
        response_consent(a, notice_version=0)
    assert "notice_version" in error.value.message_dict
    a = response_consent(a, notice_version=1)
    assert a.consented_at is not None and a.consent_notice == 1
    consent = AuditEvent.objects.get(object_type="monitoring.respondent")
    assert consent.by == f"survey:{a.pk}"
    assert consent.changes["response"] == [None, "consent"]


@pytest.mark.parametrize(
    ("answers", "field"),
    [
        ({"level": 5}, "level"),
        ({"level": "ไม่รู้"}, "level"),
        ({"level": 2, "trust_openness": 0}, "trust_openness"),
        ({"level": 2, "value_power": 5}, "value_power"),
        ({"level": 2, "frequency": "sometimes maybe"}, "frequency"),
        ({"level": 2, "flows": ["gossip"]}, "flows"),
    ],
)
def test_bad_answers_are_refused_naming_the_field(opened, answers, field):
    a = response_consent(respondent_of(opened["survey"], opened["A"]), notice_version=1)
    with pytest.raises(ValidationError) as error:
        report_set(a, opened["B"], **answers)
    assert field in error.value.message_dict
    assert not PartnerReport.objects.exists()


def test_partners_are_other_members_of_the_roster(opened):
    a = response_consent(respondent_of(opened["survey"], opened["A"]), notice_version=1)
    for partner in (opened["A"], opened["F"]):  # oneself; F left before the round
        with pytest.raises(ValidationError) as error:
            report_set(a, partner, level=1)
        assert "partner" in error.value.message_dict


def test_words_and_thai_digits_are_read(opened):
    a = response_consent(respondent_of(opened["survey"], opened["A"]), notice_version=1)
    report = report_set(
        a, opened["B"], level="แน่นแฟ้น", frequency="ทุกสัปดาห์", flows="ข้อมูล, งบประมาณ",
        trust_openness="๔", value_resources=2.0,
    )  # fmt: skip
    assert (report.level, report.frequency, report.flows) == (
        4,
        "weekly",
        ["information", "funding"],
    )
    assert (report.trust_openness, report.value_resources, report.trust_mission) == (4, 2, None)


def test_a_draft_makes_no_ties_until_submitted(opened):
    a = response_consent(respondent_of(opened["survey"], opened["A"]), notice_version=1)
    report_set(a, opened["B"], level=3)
    assert not survey_ties()
    response_submit(a)
    tie = survey_ties()[("m-a", "m-b")]
    assert (tie.strength, tie.directed, tie.origin) == (3, True, "survey")
    assert tie.attributes[SURVEY_ROUND] == "round-1"
    assert tie.attributes[CONFIRMED] is False
    assert "trust_openness" not in tie.attributes  # ratings stay in the survey


def test_a_tie_both_name_is_confirmed_and_one_side_stays_unconfirmed(opened):
    survey = opened["survey"]
    answer(respondent_of(survey, opened["A"]), {opened["B"]: 3, opened["C"]: 1})
    answer(respondent_of(survey, opened["B"]), {opened["A"]: 4})
    ties = survey_ties()
    assert set(ties) == {("m-a", "m-b"), ("m-a", "m-c"), ("m-b", "m-a")}
    assert ties[("m-a", "m-b")].attributes[CONFIRMED] is True
    assert ties[("m-b", "m-a")].attributes[CONFIRMED] is True
    assert ties[("m-b", "m-a")].strength == 4  # each as its reporter saw it
    assert ties[("m-a", "m-c")].attributes[CONFIRMED] is False


def test_a_change_after_submitting_counts_at_once(opened):
    a = answer(respondent_of(opened["survey"], opened["A"]), {opened["B"]: 3})
    report_set(a, opened["B"], level=1)
    assert survey_ties()[("m-a", "m-b")].strength == 1
    report_remove(a, opened["B"])
    assert not survey_ties()


def test_the_list_is_replaced_whole_or_not_at_all(opened):
    a = answer(respondent_of(opened["survey"], opened["A"]), {opened["B"]: 3, opened["C"]: 2})
    with pytest.raises(ValidationError):
        response_reports_set(a, [ReportInput(opened["D"], 2), ReportInput(opened["E"], 9)])
    assert set(survey_ties()) == {("m-a", "m-b"), ("m-a", "m-c")}
    response_reports_set(a, [ReportInput(opened["D"], 2)])
    assert set(survey_ties()) == {("m-a", "m-d")}


def test_withdrawal_removes_the_answers_and_the_ties_that_came_from_them(opened):
    survey = opened["survey"]
    a = answer(respondent_of(survey, opened["A"]), {opened["B"]: 3}, comment="ขอบคุณ")
    answer(respondent_of(survey, opened["B"]), {opened["A"]: 2})
    survey = survey_close(AUTHOR, survey)  # one may withdraw after the round closes
    response_withdraw(a)
    a = Respondent.objects.get(pk=a.pk)
    assert (a.consented_at, a.submitted_at, a.comment) == (None, None, "")
    assert a.withdrawn_at is not None
    assert not PartnerReport.objects.filter(respondent=a).exists()
    ties = survey_ties()
    assert set(ties) == {("m-b", "m-a")}
    assert ties[("m-b", "m-a")].attributes[CONFIRMED] is False
    trail = AuditEvent.objects.filter(object_type="monitoring.respondent", object_id=str(a.pk))
    assert [e.changes["response"][1] for e in trail.order_by("id")] == [
        "consent", "submit", "withdraw",
    ]  # fmt: skip
    for event in AuditEvent.objects.all():
        assert "ขอบคุณ" not in str(event.changes)
        assert "trust" not in str(event.changes)


def test_the_latest_round_a_pair_was_reported_in_makes_the_tie(opened, author):
    first = opened["survey"]
    answer(respondent_of(first, opened["A"]), {opened["B"]: 2})
    answer(respondent_of(first, opened["B"]), {opened["A"]: 2})
    survey_close(AUTHOR, first)
    second = survey_open(
        AUTHOR, survey_create(AUTHOR, opened["workspace"], network=opened["network"],
                              slug="round-2", name="รอบสอง")
    )  # fmt: skip
    answer(respondent_of(second, opened["A"]), {opened["B"]: 4})
    tie = survey_ties()[("m-a", "m-b")]
    assert (tie.strength, tie.attributes[SURVEY_ROUND], tie.attributes[CONFIRMED]) == (
        4, "round-2", False,
    )  # fmt: skip
    assert survey_ties()[("m-b", "m-a")].attributes[SURVEY_ROUND] == "round-1"
    response_withdraw(respondent_of(second, opened["A"]))  # back to the first round's answer
    tie = survey_ties()[("m-a", "m-b")]
    assert (tie.strength, tie.attributes[SURVEY_ROUND], tie.attributes[CONFIRMED]) == (
        2, "round-1", True,
    )  # fmt: skip


def test_a_survey_tie_entered_by_hand_is_left_alone(opened, author):
    hand = tie_create(
        author, opened["workspace"], opened["A"], opened["B"], strength=1, kind=SURVEYED,
        directed=True,
    )  # fmt: skip
    answer(respondent_of(opened["survey"], opened["A"]), {opened["B"]: 4})
    hand.refresh_from_db()
    assert (hand.strength, hand.origin) == (1, "manual")
    assert survey_ties_refresh(opened["workspace"]).changed is False


def test_item_scores_of_the_rounds_items_only(surveyed):
    survey = survey_create(
        AUTHOR, surveyed["workspace"], network=surveyed["network"], slug="items",
        name="รอบประเมิน", assessment_items=["opdc-success-factors:1", "opdc-success-factors:2"],
    )  # fmt: skip
    survey_open(AUTHOR, survey)
    a = response_consent(respondent_of(survey, surveyed["A"]), notice_version=1)
    item_score_set(a, "opdc-success-factors", "1", 4, notes="ดี")
    item_score_set(a, "opdc-success-factors", "1", 5)
    assert ItemScore.objects.get(respondent=a).score == 5
    for template, item, score, field in (
        ("opdc-success-factors", "3", 3, "item"),
        ("opdc-success-factors", "2", 6, "score"),
    ):
        with pytest.raises(ValidationError) as error:
            item_score_set(a, template, item, score)
        assert field in error.value.message_dict
    item_score_set(a, "opdc-success-factors", "1", None)
    assert not ItemScore.objects.exists()
