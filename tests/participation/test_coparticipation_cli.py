"""``phakhi coparticipation rebuild|limit``."""

import json

import pytest
from django.utils import translation

from phakhi import cli
from phakhi.core.models import AuditEvent
from phakhi.participation.coparticipation import KIND, tie_limit
from phakhi.ties.models import Tie
from tests.participation.coparticipation_support import attend, make_activities, make_actors


@pytest.fixture(autouse=True)
def _language_restored():
    yield
    translation.activate("en")


@pytest.fixture
def attended(workspace):
    people = make_actors(workspace, 4)
    (forum,) = make_activities(workspace, 1)
    attend(forum, people)
    return people


@pytest.mark.django_db
def test_rebuild_prints_its_counts_as_json(workspace, attended, capsys):
    code = cli.main(["coparticipation", "rebuild", "--workspace", workspace.slug, "--json"])
    assert code == cli.EXIT_OK
    printed = json.loads(capsys.readouterr().out)
    assert (printed["created"], printed["updated"], printed["removed"]) == (6, 0, 0)
    assert printed["operation"] == "rebuild" and printed["seconds"] >= 0
    assert Tie.objects.filter(kind=KIND).count() == 6
    event = AuditEvent.objects.get(object_type="participation.coparticipationrule")
    assert event.by.startswith("cli:") and event.changes["created"] == 6


@pytest.mark.django_db
def test_rebuild_in_words(workspace, attended, capsys):
    cli.main(["coparticipation", "rebuild", "--workspace", workspace.slug, "--lang", "en"])
    out = capsys.readouterr().out
    assert out.startswith("Co-participation ties: 6 created, 0 updated, 0 removed")
    cli.main(["coparticipation", "rebuild", "--workspace", workspace.slug])  # Thai by default
    assert "ร่วมกิจกรรม" in capsys.readouterr().out


@pytest.mark.django_db
def test_limit_shows_and_sets(workspace, attended, capsys):
    assert cli.main(["coparticipation", "limit", "--workspace", workspace.slug, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"limit": 50, "rebuild": None}
    code = cli.main(["coparticipation", "limit", "--workspace", workspace.slug, "3", "--json"])
    assert code == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["limit"] == 3 and printed["rebuild"]["removed"] == 0
    assert tie_limit(workspace) == 3
    code = cli.main(["coparticipation", "limit", "--workspace", workspace.slug, "1"])
    assert code == cli.EXIT_FAILED  # at least 2


@pytest.mark.django_db
def test_unknown_workspace(capsys):
    code = cli.main(["coparticipation", "rebuild", "--workspace", "nowhere"])
    assert code == cli.EXIT_FAILED
