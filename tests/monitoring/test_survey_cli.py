"""``phakhi survey create|open|close|list|results``: the issue's commands, their JSON, and
refusals that name the field."""

import json

import pytest
from django.utils import translation

from phakhi import cli
from phakhi.monitoring.models import Survey
from phakhi.monitoring.survey_selectors import survey_in
from phakhi.monitoring.survey_services import survey_open
from tests.monitoring.survey_support import AUTHOR, answer, respondent_of


@pytest.fixture(autouse=True)
def _language_restored():
    yield
    translation.activate("en")


def run(*argv: str) -> int:
    return cli.main([*argv, "--lang", "en"])


def test_create_open_close(surveyed, capsys):
    code = run("survey", "create", "round-2", "--workspace", "khon-kaen", "--network", "health",
               "--name", "รอบสอง", "--closes-on", "31/01/2570", "--item",
               "opdc-success-factors:1", "--open", "--json")  # fmt: skip
    assert code == cli.EXIT_OK
    made = json.loads(capsys.readouterr().out)
    assert (made["slug"], made["status"], made["roster"], made["closes_on"]) == (
        "round-2", "open", 5, "2027-01-31",
    )  # fmt: skip
    survey = survey_in(surveyed["workspace"], "round-2")
    assert survey.assessment_items == ["opdc-success-factors:1"]
    assert run("survey", "close", "--workspace", "khon-kaen", "--survey", "round-2") == 0
    assert capsys.readouterr().out.startswith("round-2\tclosed\t0/5\t")
    assert Survey.objects.get(slug="round-2").status == "closed"
    assert run("survey", "list", "--workspace", "khon-kaen", "--json") == 0
    listed = json.loads(capsys.readouterr().out)["surveys"]
    assert [(s["slug"], s["status"]) for s in listed] == [
        ("round-2", "closed"),
        ("round-1", "draft"),
    ]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--network", "nowhere"], "network"),
        (["--network", "health", "--item", "x:1"], "assessment_items"),
        (["--network", "health", "--closes-on", "someday"], "closes_on"),
    ],
)
def test_bad_input_fails_naming_the_field(surveyed, capsys, extra, message):
    code = run("survey", "create", "round-3", "--workspace", "khon-kaen", "--name", "x", *extra)
    assert code == cli.EXIT_FAILED
    assert message in capsys.readouterr().err
    assert not Survey.objects.filter(slug="round-3").exists()


def test_closing_a_draft_is_refused(surveyed, capsys):
    assert run("survey", "close", "--workspace", "khon-kaen", "--survey", "round-1") == 1
    assert "status" in capsys.readouterr().err


def test_results_as_the_issue_asks(surveyed, capsys):
    survey = survey_open(AUTHOR, surveyed["survey"])
    answer(respondent_of(survey, surveyed["A"]), {surveyed["B"]: 3}, trust=4, value=2)
    answer(respondent_of(survey, surveyed["B"]), {surveyed["A"]: 2}, trust=2, value=4)
    assert run("survey", "results", "--workspace", "khon-kaen", "--survey", "round-1",
               "--json") == 0  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert {k: data["survey"][k] for k in ("respondents", "response_rate", "trust", "value")} == {
        "respondents": 2, "response_rate": 0.4, "trust": 75.0, "value": 75.0,
    }  # fmt: skip
    by_key = {a["key"]: a for a in data["actors"]}
    assert (by_key["m-a"]["trust"], by_key["m-a"]["value"], by_key["m-a"]["reported_by"]) == (
        2.0, 4.0, 1,
    )  # fmt: skip
    assert {"source": "m-a", "target": "m-b", "level": 3, "confirmed": True} in data["ties"]
    assert run("survey", "results", "--workspace", "khon-kaen", "--survey", "round-1") == 0
    text = capsys.readouterr().out
    assert "in the manner of PARTNER" in text and "trust: 75.0%" in text


def test_an_unknown_survey_is_named(surveyed, capsys):
    assert run("survey", "results", "--workspace", "khon-kaen", "--survey", "nope") == 1
    assert "round-1" in capsys.readouterr().err
