"""A round's results counted by hand: response rate, each member's trust and value (the mean of
the ratings received), the network's as % of the maximum, confirmed ties, reciprocity (checked
against networkx on the respondents' graph); drafts and withdrawals do not count."""

import math

import networkx as nx
import pytest

from phakhi.monitoring.survey_responses import (
    report_set,
    response_consent,
    response_withdraw,
)
from phakhi.monitoring.survey_results import survey_results
from phakhi.monitoring.survey_services import survey_open
from tests.monitoring.survey_support import AUTHOR, answer, respondent_of


@pytest.fixture
def answered(surveyed):
    """A names B (trust 4, value 2) and C (trust 2, value 4); B names A (trust 3, value 3);
    C names D (trust 1, no value). D consented and named A but never submitted; E withdrew."""
    s = surveyed
    survey = survey_open(AUTHOR, s["survey"])
    A, B, C, D, E = (s[x] for x in "ABCDE")
    answer(respondent_of(survey, A), {B: 4}, trust=4, value=2)
    report_set(respondent_of(survey, A), C, level=2, trust_openness=2, trust_reliability=2,
               trust_mission=2, value_power=4, value_resources=4, value_involvement=4)  # fmt: skip
    answer(respondent_of(survey, B), {A: 3}, trust=3, value=3)
    answer(respondent_of(survey, C), {D: 1}, trust=1, value=None)
    report_set(respondent_of(survey, C), D, level=1, trust_openness=1)  # one trust dim only
    d = response_consent(respondent_of(survey, D), notice_version=1)
    report_set(d, A, level=4, trust_openness=1)
    answer(respondent_of(survey, E), {A: 4}, trust=1, value=1)
    response_withdraw(respondent_of(survey, E))
    return s


def test_the_network_figures(answered):
    found = survey_results(answered["survey"])
    assert found.survey["respondents"] == 3  # A, B, C
    assert found.survey["roster"] == 5
    assert found.survey["response_rate"] == pytest.approx(3 / 5)
    # trust ratings: A→B 4, A→C 2, B→A 3, C→D 1 → mean 2.5 → 62.5 %
    assert found.survey["trust"] == pytest.approx(62.5)
    # value ratings: A→B 2, A→C 4, B→A 3 (C gave none) → mean 3 → 75 %
    assert found.survey["value"] == pytest.approx(75.0)


def test_each_members_scores_are_the_mean_of_what_they_received(answered):
    scores = {s.actor.key: (s.trust, s.value, s.reported_by) for s in survey_results(
        answered["survey"]).actors}  # fmt: skip
    assert scores == {
        "m-a": (3.0, 3.0, 1),  # from B only: D's draft and E's withdrawn answer do not count
        "m-b": (4.0, 2.0, 1),
        "m-c": (2.0, 4.0, 1),
        "m-d": (1.0, None, 1),
        "m-e": (None, None, 0),
    }


def test_ties_confirmation_and_reciprocity(answered):
    found = survey_results(answered["survey"])
    ties = {(t.source.key, t.target.key): (t.level, t.confirmed) for t in found.ties}
    assert ties == {
        ("m-a", "m-b"): (4, True),
        ("m-a", "m-c"): (2, False),
        ("m-b", "m-a"): (3, True),
        ("m-c", "m-d"): (1, False),  # D did not submit: cannot confirm
    }
    assert found.confirmed_share == pytest.approx(2 / 4)
    # Pairs of respondents (A, B, C) with a report: A–B both ways, A–C one way → 1 of 2.
    assert found.reciprocity == pytest.approx(1 / 2)
    respondents = {"m-a", "m-b", "m-c"}
    graph = nx.DiGraph([pair for pair in ties if set(pair) <= respondents])
    edge_share = nx.overall_reciprocity(graph)  # 2M / (2M + A) over edges
    assert math.isclose(found.reciprocity, edge_share / (2 - edge_share))


def test_the_json_of_the_command_line(answered):
    data = survey_results(answered["survey"]).as_json()
    assert data["survey"]["respondents"] == 3
    assert data["survey"]["response_rate"] == 0.6
    assert data["survey"]["trust"] == 62.5
    assert {"key": "m-d", "name": "ชาติ ชัยชนะ", "trust": 1.0, "value": None,
            "reported_by": 1} in data["actors"]  # fmt: skip
    assert {"source": "m-a", "target": "m-b", "level": 4, "confirmed": True} in data["ties"]


def test_a_round_without_answers(surveyed):
    found = survey_results(surveyed["survey"])
    assert found.survey == {
        "respondents": 0,
        "roster": 5,
        "response_rate": 0.0,
        "trust": None,
        "value": None,
    }
    assert (found.ties, found.reciprocity, found.confirmed_share) == ([], None, None)
    assert len(found.actors) == 5
