"""The scorecard's figures on the small network of scorecard_support (counted by hand there)."""

import datetime as dt

import pytest

from phakhi.analysis.services import analysis_request
from phakhi.assessments.services import answer_set, assessment_create, assessment_finalise
from phakhi.monitoring.figures import KEYS, network_figures
from phakhi.monitoring.lights import AMBER, GREEN, GREY, RED, light_of, lights
from tests.monitoring.scorecard_support import AUTHOR, TODAY, scorecard_data

pytestmark = pytest.mark.django_db
LIST = "opdc-network-factors"


def test_activity_figures_count_participation_and_dormancy(workspace):
    data = scorecard_data(workspace)
    activity = network_figures(workspace, data["network"], on=TODAY).activity
    assert activity["activities"] == 2  # X2, X3: X1 is older than 12 months
    assert activity["iap2_levels"] == {"1": 0, "2": 0, "3": 1, "4": 1, "5": 0}
    assert activity["iap2_highest"] == 4
    assert activity["iap2_involve_share"] == 1.0
    assert (activity["members"], activity["participants"]) == (4, 3)
    assert activity["participation_rate"] == 0.75
    assert (activity["dormant_members"], activity["dormant_member_share"]) == (2, 0.5)
    assert (activity["tie_count"], activity["dormant_ties"]) == (6, 3)
    assert activity["dormant_tie_share"] == 0.5
    assert activity["last_activity_on"] == "2026-05-15"
    assert activity["days_since_activity"] == 46


def test_a_later_shared_activity_wakes_a_dormant_tie(workspace):
    from phakhi.participation.attendance import attendance_add
    from phakhi.participation.services import activity_create

    data = scorecard_data(workspace)
    actors = data["actors"]
    later = activity_create(AUTHOR, workspace, key="X4", title="เวที X4",
                            starts_on=dt.date(2026, 6, 1), networks=[data["network"]])  # fmt: skip
    for key in "AD":
        attendance_add(AUTHOR, later, actors[key])
    activity = network_figures(workspace, data["network"], on=TODAY).activity
    # A–D now took part together; a new A–D co-participation tie is lively too: 7 ties, 2 dormant.
    assert (activity["tie_count"], activity["dormant_ties"]) == (7, 2)
    assert activity["dormant_members"] == 1  # C only


def test_structure_comes_from_the_latest_analysis_of_the_scope(workspace):
    data = scorecard_data(workspace)
    before = network_figures(workspace, data["network"], on=TODAY).structure
    assert before["size"] is None and before["run"] is None  # no analysis yet: not known
    assert before["sectors"] == {"civil": 2, "academic": 1, "government": 1, "": 0}
    assert before["sectors_present"] == 3
    run = analysis_request(AUTHOR, workspace, network=data["network"], at=TODAY, background=False)
    structure = network_figures(workspace, data["network"], on=TODAY).structure
    assert structure["run"] == run.number
    assert (structure["size"], structure["ties"]) == (4, 4)  # A–B, A–C, A–D, B–C
    assert structure["density"] == pytest.approx(4 / 6)
    assert structure["components"] == 1 and structure["largest_component_share"] == 1.0
    assert structure["isolates"] == 0
    # Without A (the top broker) D is cut off: the largest group keeps B, C of 4.
    assert structure["fragility_k1"] == pytest.approx(0.5)
    assert structure["ei_index"] == pytest.approx((3 - 1) / 4)  # A–D is the one within a sector


def test_the_workspace_scorecard_counts_every_network(workspace):
    data = scorecard_data(workspace)
    analysis_request(AUTHOR, workspace, at=TODAY, background=False)
    figures = network_figures(workspace, None, on=TODAY)
    assert figures.structure["size"] == 5 and figures.structure["ties"] == 5
    assert figures.activity["members"] == 4
    assert figures.network is None and data["network"] is not None


def test_capacity_is_the_latest_final_assessment_of_each_list(workspace):
    data = scorecard_data(workspace)
    network = data["network"]
    for held_on, score in ((dt.date(2025, 1, 1), 2), (dt.date(2026, 1, 1), 4)):
        assessment = assessment_create(
            AUTHOR, workspace, network=network, templates=[LIST], held_on=held_on
        )
        for answer in assessment.answers.all():
            answer_set(AUTHOR, answer, score=score)
        assessment_finalise(AUTHOR, assessment)
    draft = assessment_create(
        AUTHOR, workspace, network=network, templates=[LIST], held_on=dt.date(2026, 3, 1)
    )
    for answer in draft.answers.all():
        answer_set(AUTHOR, answer, score=1)
    capacity = network_figures(workspace, network, on=TODAY).capacity
    assert capacity["lists"] == {LIST: 4.0}  # the draft does not count
    assert capacity["average"] == 4.0
    assert capacity["assessed_on"] == {LIST: "2026-01-01"}
    earlier = network_figures(workspace, network, on=dt.date(2025, 6, 1)).capacity
    assert earlier["average"] == 2.0


def test_without_a_survey_relationships_are_not_known(workspace):
    data = scorecard_data(workspace)
    figures = network_figures(workspace, data["network"], on=TODAY)
    assert all(figures.relationships[key] is None for key in KEYS["relationships"])
    assert lights(figures.as_dict())["trust"] == GREY


@pytest.mark.parametrize(
    ("figure", "value", "expected"),
    [
        ("participation_rate", 0.6, GREEN), ("participation_rate", 0.59, AMBER),
        ("participation_rate", 0.1, RED), ("dormant_member_share", 0.2, GREEN),
        ("dormant_member_share", 0.51, RED), ("trust", 75, GREEN), ("trust", 50, AMBER),
        ("trust", None, GREY), ("sectors_present", 1, RED), ("density", 0.5, None),
    ],
)  # fmt: skip
def test_lights_follow_the_documented_bands(figure, value, expected):
    assert light_of(figure, value) == expected


def test_the_documented_thresholds_are_the_ones_the_lights_use():
    from pathlib import Path

    from phakhi.monitoring.lights import BANDS

    text = (Path(__file__).resolve().parents[2] / "docs" / "monitoring.md").read_text()
    rows = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[1] in ("higher", "lower"):
            rows[cells[0].strip("`")] = (cells[1] == "higher", float(cells[2]), float(cells[3]))
    assert rows == {band.figure: (band.higher, band.green, band.amber) for band in BANDS}


def test_relationships_come_from_the_latest_closed_survey(workspace):
    """Area 1's survey on its own small network: A and B name each other, C names A; D and E
    do not answer. Response rate 3/5, trust 3 of 4 = 75 %, value 2 of 4 = 50 %; of the three
    reported ties A–B is confirmed both ways (A→B, B→A), C→A is not: 2 of 3 confirmed; among
    the respondents' dyads A–B is reciprocated, A–C is not: reciprocity 1/2."""
    from phakhi.monitoring.survey_services import survey_close, survey_open
    from tests.monitoring.survey_support import answer, respondent_of, surveyed_data

    data = surveyed_data(workspace)
    survey, network = data["survey"], data["network"]
    survey_open(AUTHOR, survey)
    answer(respondent_of(survey, data["A"]), {data["B"]: 3})
    answer(respondent_of(survey, data["B"]), {data["A"]: 3})
    answer(respondent_of(survey, data["C"]), {data["A"]: 2})
    before = network_figures(workspace, network).relationships
    assert before["trust"] is None  # an open round does not count yet
    survey_close(AUTHOR, survey)
    figures = network_figures(workspace, network)
    found = figures.relationships
    assert figures.survey == survey and found["survey"] == "round-1"
    assert (found["respondents"], found["roster"]) == (3, 5)
    assert found["response_rate"] == pytest.approx(0.6)
    assert found["trust"] == pytest.approx(75) and found["value"] == pytest.approx(50)
    assert found["survey_ties"] == 3
    assert found["confirmed_share"] == pytest.approx(2 / 3)
    assert found["reciprocity"] == pytest.approx(0.5)
    lit = lights(figures.as_dict())
    assert (lit["trust"], lit["value"], lit["response_rate"]) == (GREEN, AMBER, GREEN)


def test_a_dimension_is_its_worst_known_light_when_most_of_it_is_known():
    from phakhi.monitoring.lights import dimension_light

    assert dimension_light([GREEN, AMBER, RED, GREY]) == RED
    assert dimension_light([GREEN, GREEN, GREY, GREY]) == GREEN  # half known
    assert dimension_light([GREEN, GREY, GREY, GREY, GREY, GREY]) == GREY  # one of six
    assert dimension_light([]) == GREY
