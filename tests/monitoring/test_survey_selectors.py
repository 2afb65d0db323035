"""Reading surveys: a respondent by the link's token, the roster's statuses in Thai dictionary
order, the partners one may name, a workspace's rounds with their counts."""

import pytest

from phakhi.core.selectors import NotFound
from phakhi.monitoring.survey_responses import response_consent, response_withdraw
from phakhi.monitoring.survey_selectors import (
    partners_for,
    respondent_by_token,
    roster,
    survey_in,
    surveys_of,
)
from phakhi.monitoring.survey_services import survey_open
from tests.monitoring.survey_support import AUTHOR, answer, respondent_of


def test_a_respondent_is_found_by_the_token_and_an_unknown_one_is_not(surveyed):
    a = respondent_of(surveyed["survey"], surveyed["A"])
    found = respondent_by_token(a.token)
    assert (found.pk, found.survey.slug, found.actor.key) == (a.pk, "round-1", "m-a")
    with pytest.raises(NotFound):
        respondent_by_token("not-a-token")


def test_the_roster_shows_each_members_status_in_thai_order(surveyed):
    survey = survey_open(AUTHOR, surveyed["survey"])
    answer(respondent_of(survey, surveyed["B"]), {surveyed["A"]: 2})
    response_consent(respondent_of(survey, surveyed["C"]), notice_version=1)
    response_consent(respondent_of(survey, surveyed["D"]), notice_version=1)
    response_withdraw(respondent_of(survey, surveyed["D"]))
    rows = roster(survey)
    # นายกมล (title ignored: กมล), ขวัญ, จันทร์, ชาติ, ดาว
    assert [(r.actor.key, status) for r, status in rows] == [
        ("m-a", "not-yet"),
        ("m-b", "responded"),
        ("m-c", "consented"),
        ("m-d", "withdrawn"),
        ("m-e", "not-yet"),
    ]


def test_partners_are_the_other_roster_members(surveyed):
    a = respondent_of(surveyed["survey"], surveyed["A"])
    assert [p.key for p in partners_for(a)] == ["m-b", "m-c", "m-d", "m-e"]


def test_surveys_of_a_workspace_with_their_counts(surveyed, other_workspace):
    survey = survey_open(AUTHOR, surveyed["survey"])
    answer(respondent_of(survey, surveyed["B"]), {surveyed["A"]: 2})
    (found,) = surveys_of(surveyed["workspace"], surveyed["network"])
    assert (found.slug, found.roster_size, found.responded) == ("round-1", 5, 1)
    assert not surveys_of(other_workspace).exists()
    assert survey_in(surveyed["workspace"], "round-1").pk == survey.pk
    with pytest.raises(NotFound) as error:
        survey_in(surveyed["workspace"], "nope")
    assert "round-1" in str(error.value)
