"""Merging two actors who are both on a round's roster keeps the fuller response, whichever
actor's it was; reports become the kept actor's and the survey ties follow them."""

from phakhi.imports.merge import actors_merge
from phakhi.monitoring.models import PartnerReport, Respondent
from phakhi.monitoring.survey_services import survey_open
from phakhi.ties.models import Tie
from phakhi.ties.vocabulary import CONFIRMED, SURVEYED
from tests.monitoring.survey_support import AUTHOR, answer, respondent_of


def survey_ties() -> dict[tuple[str, str], bool]:
    return {
        (t.source.key, t.target.key): t.attributes[CONFIRMED]
        for t in Tie.objects.filter(kind=SURVEYED).select_related("source", "target")
    }


def test_the_merged_actors_response_stays_when_the_kept_one_never_answered(surveyed):
    survey = survey_open(AUTHOR, surveyed["survey"])
    A, B, C, D = (surveyed[x] for x in "ABCD")
    answer(respondent_of(survey, D), {B: 3, C: 2})  # D answered; A (kept) did not
    answer(respondent_of(survey, B), {D: 2})
    actors_merge(AUTHOR, A, D)
    (kept,) = Respondent.objects.filter(survey=survey, actor=A)
    assert kept.submitted_at is not None
    assert sorted(r.partner.key for r in PartnerReport.objects.filter(respondent=kept)) == [
        "m-b", "m-c",
    ]  # fmt: skip
    assert survey_ties() == {("m-a", "m-b"): True, ("m-a", "m-c"): False, ("m-b", "m-a"): True}


def test_the_kept_actors_response_stays_when_it_is_the_fuller(surveyed):
    survey = survey_open(AUTHOR, surveyed["survey"])
    A, B, C, D = (surveyed[x] for x in "ABCD")
    answer(respondent_of(survey, A), {B: 4, D: 2})  # names the actor merged into it
    answer(respondent_of(survey, C), {D: 1})
    actors_merge(AUTHOR, A, D)
    (kept,) = Respondent.objects.filter(survey=survey, actor=A)
    # The report naming D became A naming itself: gone.
    assert [r.partner.key for r in PartnerReport.objects.filter(respondent=kept)] == ["m-b"]
    assert survey_ties() == {("m-a", "m-b"): False, ("m-c", "m-a"): False}
