"""One set of rules for a tie (phakhi.ties.validation): a tie made on a page or by the API
(tie_create), an import row and the admin's form are refused for the same mistakes with the same
message, naming the same column."""

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from phakhi.actors.models import Actor
from phakhi.actors.services import actor_create
from phakhi.core.models import Workspace
from phakhi.imports.services import ties_import
from phakhi.ties.models import Tie
from phakhi.ties.services import tie_create, tie_set_strength
from tests.conftest import AUTHOR
from tests.helpers import write_csv

LONG_KIND = "ก" * 101

# (import row: source, target, strength, kind, via, since, until), tie_create's arguments, column
MISTAKES = {
    "a tie to itself": (["A", "A", "1", "", "", "", ""], {"target": "A"}, "target"),
    "the broker is an end": (["A", "B", "1", "", "A", "", ""], {"via": "A"}, "via"),
    "it ends before it starts": (
        ["A", "B", "1", "", "", "2024-05-01", "2024-01-01"],
        {"since": dt.date(2024, 5, 1), "until": dt.date(2024, 1, 1)},
        "until",
    ),
    "strength 5": (["A", "B", "5", "", "", "", ""], {"strength": 5}, "strength"),
    "a kind longer than its column": (
        ["A", "B", "1", LONG_KIND, "", "", ""],
        {"kind": LONG_KIND},
        "kind",
    ),
}


@pytest.fixture
def actors(workspace: Workspace) -> dict[str, Actor]:
    return {k: actor_create(AUTHOR, workspace, key=k, name=f"ภาคี {k}") for k in "ABC"}


def _service_reasons(workspace: Workspace, actors: dict[str, Actor], fields: dict) -> dict:
    arguments: dict[str, Any] = {"source": actors["A"], "target": actors["B"], **fields}
    for name in ("target", "via"):
        if isinstance(arguments.get(name), str):
            arguments[name] = actors[arguments[name]]
    with pytest.raises(ValidationError) as refused:
        tie_create(AUTHOR, workspace, **arguments)
    return refused.value.message_dict


@pytest.mark.parametrize("mistake", MISTAKES)
def test_an_import_row_and_tie_create_are_refused_with_one_message(
    workspace, actors, tmp_path, mistake
):
    row, fields, column = MISTAKES[mistake]
    headers = ["source", "target", "strength", "kind", "via", "since", "until"]
    with translation.override("en"):
        report = ties_import(
            workspace, write_csv(tmp_path / "t.csv", [headers, row]), author=AUTHOR
        )
        by_service = _service_reasons(workspace, actors, fields)
    assert report.rejected == 1 and report.created == 0
    by_import = {e.column: [e.reason] for e in report.errors}
    assert by_import == by_service
    assert list(by_service) == [column]
    assert not Tie.objects.exists()


def test_a_strength_is_refused_with_the_importers_words(workspace, actors):
    tie = tie_create(AUTHOR, workspace, actors["A"], actors["B"], strength=2)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        tie_set_strength(AUTHOR, tie, 0)
    [reason] = refused.value.message_dict["strength"]
    assert reason.startswith("Strength 0 is outside 1–4 (1 networking, 2 coordinate")
    tie.refresh_from_db()
    assert tie.strength == 2


def test_the_admin_refuses_a_broker_at_an_end_as_an_import_does(
    admin_client: Client, workspace, actors, tmp_path
):
    payload = {
        "workspace": workspace.pk,
        "source": actors["A"].pk,
        "target": actors["B"].pk,
        "via": actors["B"].pk,
        "strength": 1,
        "origin": "manual",
        "attributes": "{}",
    }
    url = reverse("admin:ties_tie_add")
    response = admin_client.post(url, payload, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["via"] == ["The broker must be a third actor, not one of the two ends."]
    assert not Tie.objects.exists()
