"""A survey's item scores become a self-assessment answered by the survey: each item's score is
the members' mean rounded half up, its notes keep the mean and the count, items no one scored
stay not assessed, the assessment is final, and bad keys or scores are refused whole."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from phakhi.assessments.from_survey import assessment_from_survey
from phakhi.assessments.models import SelfAssessment
from phakhi.assessments.network_lists import C1, C14
from phakhi.assessments.selectors import answer_for_item, history
from phakhi.core.models import AuditEvent


def _made(data, author, scores, **fields):
    fields.setdefault("templates", [C1.code, C14.code])
    return assessment_from_survey(
        author,
        workspace=data["workspace"],
        network=data["network"],
        held_on=dt.date(2025, 9, 30),
        scores=scores,
        title="แบบสำรวจเครือข่าย รอบ 1",
        **fields,
    )


def test_each_item_is_the_members_mean_with_its_count(data, author):
    made = _made(
        data,
        author,
        {(C1.code, "1"): [4, 5, 3], (C1.code, "3"): [2, 3], (C14.code, "4.a"): [1, 2, 2, 2]},
    )
    assert made.answered_by == SelfAssessment.AnsweredBy.SURVEY
    assert made.is_final and made.network == data["network"]
    assert made.respondents == "Members who answered the survey: 4"
    first = answer_for_item(made, C1.code, "1")
    assert first.score == 4 and "mean 4.00, scored by 3" in first.notes
    half = answer_for_item(made, C1.code, "3")
    assert half.score == 3 and "mean 2.50, scored by 2" in half.notes  # halves round up
    risk = answer_for_item(made, C14.code, "4.a")
    assert risk.score == 2 and "1.75" in risk.notes
    assert answer_for_item(made, C1.code, "2").score is None  # no one scored it
    # Final at once: it is a point of the lists' history.
    assert [
        p.assessment_id for p in history(data["workspace"], C1.code, network=data["network"])
    ] == [made.pk]


def test_the_audit_trail_keeps_means_and_counts_not_the_scores(data, author):
    made = _made(data, author, {(C1.code, "1"): [4, 5, 3]})
    events = AuditEvent.objects.filter(
        object_id=str(made.pk), object_type="assessments.selfassessment"
    )
    update = events.get(action=AuditEvent.Action.UPDATE)
    assert update.changes["survey_scores"][1] == {f"{C1.code} 1": ["4.00", 3]}
    assert "[4, 5, 3]" not in str(update.changes)


def test_no_score_leaves_a_draft(data, author):
    made = _made(data, author, {(C1.code, "1"): []})
    assert not made.is_final and made.respondents == "Members who answered the survey: 0"


@pytest.mark.parametrize(
    ("scores", "words"),
    [
        ({("opdc-success-factors", "1"): [3]}, "not among the assessment's lists"),
        ({(C1.code, "13"): [3]}, "has no item 13"),
        ({(C14.code, "1"): [3]}, "has no item 1"),  # a pillar's heading is not scored
        ({(C1.code, "1"): [3, 6]}, "a score of 6"),
        ({(C1.code, "1"): [0]}, "a score of 0"),
        ({(C1.code, "1"): ["4"]}, "a score of '4'"),
    ],
)
def test_bad_keys_and_scores_are_refused_and_nothing_is_made(data, author, scores, words):
    with pytest.raises(ValidationError) as refused:
        _made(data, author, scores)
    assert words in " ".join(refused.value.messages)
    assert not SelfAssessment.objects.exists()
