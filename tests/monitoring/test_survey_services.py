"""Survey rounds: a draft's roster is the network's current members, each with a private link;
fields checked by name; the notice's version moves when what it says changes while open; open,
close, roster kept up to date, deleted with its ties — each write in the audit trail."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from phakhi.core.models import AuditEvent
from phakhi.core.versions import EditConflict
from phakhi.monitoring.models import Respondent, Survey
from phakhi.monitoring.survey_services import (
    roster_sync,
    survey_close,
    survey_create,
    survey_delete,
    survey_open,
    survey_update,
)
from phakhi.networks.services import membership_set, network_create
from phakhi.ties.models import Tie
from phakhi.ties.vocabulary import SURVEYED
from tests.monitoring.survey_support import AUTHOR, answer, respondent_of


def test_a_new_survey_is_a_draft_whose_roster_is_the_current_members(surveyed):
    survey = surveyed["survey"]
    assert survey.status == Survey.Status.DRAFT
    roster = Respondent.objects.filter(survey=survey)
    assert {r.actor_id for r in roster} == {surveyed[x].pk for x in "ABCDE"}  # F left
    tokens = [r.token for r in roster]
    assert len(set(tokens)) == 5 and all(len(t) >= 32 for t in tokens)
    created = AuditEvent.objects.get(object_type="monitoring.survey", action="create")
    assert created.changes["roster"] == [None, 5]
    assert created.changes["slug"] == [None, "round-1"]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"slug": "Round 1"}, "slug"),
        ({"slug": "round-1"}, "slug"),  # taken
        ({"name": "  "}, "name"),
        ({"assessment_items": ["opdc-success-factors:99"]}, "assessment_items"),
        ({"closes_on": "2027-01-31"}, "closes_on"),
    ],
)
def test_bad_fields_are_refused_naming_the_field(surveyed, fields, field):
    values = {"slug": "round-2", "name": "รอบสอง", **fields}
    with pytest.raises(ValidationError) as error:
        survey_create(AUTHOR, surveyed["workspace"], network=surveyed["network"], **values)
    assert field in error.value.message_dict
    assert Survey.objects.count() == 1


def test_a_network_of_another_workspace_is_refused(surveyed, other_workspace):
    far = network_create(AUTHOR, other_workspace, slug="far", name="ที่อื่น")
    with pytest.raises(ValidationError) as error:
        survey_create(AUTHOR, surveyed["workspace"], network=far, slug="x", name="x")
    assert "network" in error.value.message_dict


def test_items_of_the_self_assessment_lists_are_kept_in_order(surveyed):
    survey = survey_create(
        AUTHOR,
        surveyed["workspace"],
        network=surveyed["network"],
        slug="with-items",
        name="รอบพร้อมแบบประเมิน",
        assessment_items=[
            "opdc-network-factors:2",
            "opdc-success-factors:1",
            "opdc-network-factors:2",
        ],
    )
    assert survey.assessment_items == ["opdc-network-factors:2", "opdc-success-factors:1"]


def test_the_notice_gets_a_new_version_only_when_it_changes_while_open(surveyed):
    survey = survey_update(AUTHOR, surveyed["survey"], purpose="ใหม่")
    assert survey.notice_version == 1  # a draft: nobody has read it yet
    survey = survey_open(AUTHOR, survey)
    survey = survey_update(AUTHOR, survey, name="ชื่อใหม่")
    assert survey.notice_version == 1
    survey = survey_update(AUTHOR, survey, audience="ทุกคนในเครือข่าย")
    assert survey.notice_version == 2
    event = AuditEvent.objects.filter(object_type="monitoring.survey").latest("id")
    assert event.changes["notice_version"] == [1, 2]


def test_the_key_and_the_items_are_fixed_once_open(surveyed):
    survey = survey_open(AUTHOR, surveyed["survey"])
    for fields in ({"slug": "other"}, {"assessment_items": ["opdc-success-factors:1"]}):
        with pytest.raises(ValidationError) as error:
            survey_update(AUTHOR, survey, **fields)
        assert set(fields) <= set(error.value.message_dict)


def test_an_edit_from_an_old_version_of_the_same_field_conflicts(surveyed):
    survey = surveyed["survey"]
    read = survey.version
    survey_update(AUTHOR, survey, name="หนึ่ง")
    with pytest.raises(EditConflict):
        survey_update(AUTHOR, survey, expected_version=read, name="สอง")
    merged = survey_update(AUTHOR, survey, expected_version=read, contact="โทร 02")
    assert (merged.name, merged.contact) == ("หนึ่ง", "โทร 02")


def test_open_and_close(surveyed):
    survey = survey_open(AUTHOR, surveyed["survey"])
    assert survey.status == Survey.Status.OPEN and survey.opened_at is not None
    with pytest.raises(ValidationError):
        survey_open(AUTHOR, survey)
    survey = survey_close(AUTHOR, survey)
    assert survey.status == Survey.Status.CLOSED and survey.closed_at is not None
    with pytest.raises(ValidationError):
        survey_close(AUTHOR, survey)
    opened = survey.opened_at
    survey = survey_open(AUTHOR, survey)  # again: the first opening date stays
    assert survey.opened_at == opened and survey.closed_at is None
    statuses = [
        e.changes["status"][1]
        for e in AuditEvent.objects.filter(object_type="monitoring.survey", action="update")
    ]
    assert statuses == ["open", "closed", "open"]


def test_members_who_joined_are_added_to_the_roster(surveyed, author):
    from phakhi.actors.services import actor_create

    survey = surveyed["survey"]
    newcomer = actor_create(author, surveyed["workspace"], key="m-g", name="กานต์ ใหม่")
    membership_set(author, surveyed["network"], newcomer, since=dt.date(2026, 1, 1))
    assert roster_sync(AUTHOR, survey) == 1
    assert roster_sync(AUTHOR, survey) == 0
    assert respondent_of(survey, newcomer).token
    later = actor_create(author, surveyed["workspace"], key="m-h", name="ขจร ใหม่")
    membership_set(author, surveyed["network"], later)
    survey = survey_open(AUTHOR, survey)  # opening adds them too
    assert Respondent.objects.filter(survey=survey).count() == 7


def test_deleting_a_survey_removes_its_answers_and_ties(surveyed):
    survey = survey_open(AUTHOR, surveyed["survey"])
    answer(respondent_of(survey, surveyed["A"]), {surveyed["B"]: 3})
    assert Tie.objects.filter(kind=SURVEYED).count() == 1
    survey_delete(AUTHOR, survey)
    assert not Survey.objects.exists() and not Respondent.objects.exists()
    assert not Tie.objects.filter(kind=SURVEYED).exists()
    deleted = AuditEvent.objects.get(object_type="monitoring.survey", action="delete")
    assert deleted.changes["responded"] == [1, 0]
    assert deleted.changes["reports"] == [1, 0]


def test_closing_a_round_with_items_makes_its_self_assessment(surveyed):
    from phakhi.monitoring.survey_responses import item_score_set, response_consent

    survey = survey_create(
        AUTHOR, surveyed["workspace"], network=surveyed["network"], slug="items",
        name="รอบประเมิน", assessment_items=["opdc-success-factors:1", "opdc-success-factors:2"],
    )  # fmt: skip
    survey = survey_open(AUTHOR, survey)
    for letter, score in (("A", 4), ("B", 5), ("C", 1)):
        respondent = respondent_of(survey, surveyed[letter])
        if letter != "C":
            answer(respondent, {surveyed["D"]: 2})
        else:  # consented, scored, never submitted: does not count
            response_consent(respondent, notice_version=1)
        item_score_set(respondent, "opdc-success-factors", "1", score)
    survey = survey_close(AUTHOR, survey)
    made = survey.self_assessment
    assert made is not None and made.answered_by == "survey"
    assert made.network_id == surveyed["network"].pk and made.title == survey.name
    scored = made.answers.get(template="opdc-success-factors", item="1")
    assert scored.score == 5  # 4.5 rounded half up; C's 1 not counted
    assert made.answers.get(template="opdc-success-factors", item="2").score is None
