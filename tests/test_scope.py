"""The one scope value (phakhi.scope.Scope): how it is checked, what each of its filters keeps,
and which memberships and ties hold on its date — the actors and ties that analysis, the map
and the exports are about."""

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from phakhi.actors.services import actor_create
from phakhi.analysis.services import analysis_request
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.exports.writers import export
from phakhi.networks.services import membership_set, network_create
from phakhi.scope import Scope, from_other_workspace
from phakhi.ties.services import tie_create

DAY = dt.date(2025, 3, 10)


@pytest.fixture
def town(workspace: Workspace, author: Author) -> dict[str, Any]:
    """Actors in two networks: a health network (H, A, B) and a youth network (Y, B), C in no
    network, U without a sector; ties of every level, one starting and one ending on DAY."""
    make = lambda key, **f: actor_create(author, workspace, key=key, name=f"ภาคี {key}", **f)  # noqa: E731
    actors = {
        "H": make("H", sector="government", province="เชียงใหม่", tags="สุขภาพ"),
        "A": make("A", sector="civil", province="เชียงใหม่"),
        "B": make("B", sector="academic", province="ลำพูน", tags="สุขภาพ; เยาวชน"),
        "Y": make("Y", sector="civil", province="ลำพูน", tags="เยาวชน"),
        "C": make("C", sector="civil", province="ลำปาง"),
        "U": make("U"),
    }  # fmt: skip
    health = network_create(author, workspace, slug="health", name="สุขภาพ")
    youth = network_create(author, workspace, slug="youth", name="เยาวชน")
    for key in ("H", "A"):
        membership_set(author, health, actors[key])
    # B joins the health network on DAY and leaves it ten days later.
    membership_set(author, health, actors["B"], since=DAY, until=DAY + dt.timedelta(days=10))
    for key in ("Y", "B"):
        membership_set(author, youth, actors[key])
    tie = lambda s, t, **f: tie_create(author, workspace, actors[s], actors[t], **f)  # noqa: E731
    ties = {
        "HA": tie("H", "A", strength=4),
        "HB": tie("H", "B", strength=2, since=DAY),  # begins on DAY
        "AB": tie("A", "B", strength=1, until=DAY),  # ends on DAY: not active on DAY
        "BY": tie("B", "Y", strength=3),
        "YC": tie("Y", "C", strength=1),
        "CU": tie("C", "U", strength=2),
    }
    return {"actors": actors, "health": health, "youth": youth, "ties": ties}


def keys(scope: Scope) -> set[str]:
    return set(scope.actors().values_list("key", flat=True))


def tie_names(scope: Scope, town: dict[str, Any]) -> set[str]:
    found = set(scope.ties().values_list("id", flat=True))
    return {name for name, tie in town["ties"].items() if tie.pk in found}


def test_a_wrong_scope_names_every_field_that_is_wrong(workspace: Workspace) -> None:
    with pytest.raises(ValidationError) as error:
        Scope(workspace, min_strength=5, radius=3, sectors=["media"], provinces=["Atlantis"])
    messages = error.value.message_dict
    assert messages["min_strength"] == ["The minimum strength must be 1 to 4."]
    assert messages["radius"] == ["The ego network radius must be 1 or 2."]
    assert messages["sectors"] == ["Unknown sector; use one of: academic, civil, government, none."]
    assert "Atlantis" in messages["provinces"][0]
    for low in (0, -1):
        with pytest.raises(ValidationError, match="minimum strength"):
            Scope(workspace, min_strength=low)


def test_a_network_or_ego_of_another_workspace_is_refused(
    workspace: Workspace, other_workspace: Workspace, author: Author
) -> None:
    theirs = network_create(author, other_workspace, slug="theirs", name="Theirs")
    stranger = actor_create(author, other_workspace, key="S", name="S")
    with pytest.raises(ValidationError) as error:
        Scope(workspace, networks=[theirs], ego=stranger)
    assert set(error.value.message_dict) == {"networks", "ego"}
    assert from_other_workspace(error.value)
    with pytest.raises(ValidationError) as error:
        Scope(workspace, min_strength=9)
    assert not from_other_workspace(error.value)


def test_values_are_kept_in_one_form(workspace: Workspace, town: dict[str, Any]) -> None:
    scope = Scope(
        workspace,
        networks=[town["youth"], town["health"], town["youth"]],
        sectors=["civil ", "academic", "", "civil"],
        provinces=["เชียงใหม่", "51", "จ.เชียงใหม่"],
        tags=["  สุขภาพ", "", "สุขภาพ"],
    )
    assert scope.networks == (town["health"], town["youth"])  # by id, once each
    assert scope.sectors == ("academic", "civil")
    assert scope.provinces == ("50", "51")  # DOPA codes, from names or codes
    assert scope.tags == ("สุขภาพ",)
    assert scope.network is None  # several networks
    # A changed copy is checked again, and the same value compares equal.
    assert dataclasses.replace(scope, min_strength=2) == dataclasses.replace(scope, min_strength=2)
    with pytest.raises(ValidationError, match="minimum strength"):
        dataclasses.replace(scope, min_strength=7)


def test_the_whole_workspace_on_a_day(workspace: Workspace, town: dict[str, Any]) -> None:
    scope = Scope(workspace, at=DAY)
    assert not scope.narrowed
    assert keys(scope) == {"H", "A", "B", "Y", "C", "U"}
    assert tie_names(scope, town) == {"HA", "HB", "BY", "YC", "CU"}


def test_active_on_a_date_is_since_up_to_before_until(
    workspace: Workspace, town: dict[str, Any]
) -> None:
    day = dt.timedelta(days=1)
    # HB begins on DAY: not the day before.
    assert "HB" not in tie_names(Scope(workspace, at=DAY - day), town)
    assert "HB" in tie_names(Scope(workspace, at=DAY), town)
    # AB ends on DAY: still on the day before, no longer on DAY.
    assert "AB" in tie_names(Scope(workspace, at=DAY - day), town)
    assert "AB" not in tie_names(Scope(workspace, at=DAY), town)
    # B is a member of the health network from DAY to before DAY + 10.
    health = [town["health"]]
    for at, member in ((DAY - day, False), (DAY, True), (DAY + 9 * day, True),
                       (DAY + 10 * day, False)):  # fmt: skip
        assert ("B" in keys(Scope(workspace, networks=health, at=at))) is member, at


def test_without_a_date_every_membership_and_tie_counts(
    workspace: Workspace, town: dict[str, Any]
) -> None:
    everything = Scope(workspace)
    assert tie_names(everything, town) == set(town["ties"])
    assert keys(Scope(workspace, networks=[town["health"]])) == {"H", "A", "B"}


def test_networks_keep_their_members_and_the_ties_among_them(
    workspace: Workspace, town: dict[str, Any]
) -> None:
    health = Scope(workspace, networks=[town["health"]], at=DAY)
    assert health.narrowed and health.network == town["health"]
    assert keys(health) == {"H", "A", "B"}
    assert tie_names(health, town) == {"HA", "HB"}
    both = Scope(workspace, networks=[town["health"], town["youth"]], at=DAY)
    assert keys(both) == {"H", "A", "B", "Y"}
    assert tie_names(both, town) == {"HA", "HB", "BY"}


def test_sectors_provinces_and_tags(workspace: Workspace, town: dict[str, Any]) -> None:
    assert keys(Scope(workspace, at=DAY, sectors=["civil"])) == {"A", "Y", "C"}
    assert keys(Scope(workspace, at=DAY, sectors=["none"])) == {"U"}
    assert keys(Scope(workspace, at=DAY, sectors=["none", "government"])) == {"U", "H"}
    assert keys(Scope(workspace, at=DAY, provinces=["ลำพูน"])) == {"B", "Y"}
    assert keys(Scope(workspace, at=DAY, tags=["เยาวชน"])) == {"B", "Y"}
    both = Scope(workspace, at=DAY, sectors=["civil"], provinces=["ลำพูน", "ลำปาง"])
    assert keys(both) == {"Y", "C"}
    assert tie_names(both, town) == {"YC"}


def test_the_minimum_tie_level(workspace: Workspace, town: dict[str, Any]) -> None:
    assert tie_names(Scope(workspace, at=DAY, min_strength=3), town) == {"HA", "BY"}
    assert tie_names(Scope(workspace, min_strength=2), town) == {"HA", "HB", "BY", "CU"}


def test_an_ego_network_one_and_two_steps_out(workspace: Workspace, town: dict[str, Any]) -> None:
    ego = town["actors"]["Y"]
    assert keys(Scope(workspace, at=DAY, ego=ego)) == {"Y", "B", "C"}
    assert keys(Scope(workspace, at=DAY, ego=ego, radius=2)) == {"Y", "B", "C", "H", "U"}
    two = Scope(workspace, at=DAY, ego=ego, radius=2, min_strength=2)
    assert keys(two) == {"Y", "B", "H"}  # C is tied to Y at level 1 only
    assert tie_names(two, town) == {"BY", "HB"}
    # Only through actors the filters keep: the youth network has no path from Y to H.
    youth = Scope(workspace, at=DAY, networks=[town["youth"]], ego=ego, radius=2)
    assert keys(youth) == {"Y", "B"}
    outside = Scope(workspace, at=DAY, sectors=["academic"], ego=ego)
    assert keys(outside) == set()  # the ego itself is filtered out


def test_analysis_and_exports_take_the_scope(
    workspace: Workspace, town: dict[str, Any], author: Author, tmp_path: Path
) -> None:
    scope = Scope(workspace, at=DAY, sectors=["civil", "academic"], min_strength=2)
    run = analysis_request(author, scope, background=False)
    assert (run.scope, run.at, run.min_strength) == ("filter", DAY, 2)
    assert run.filters == {"sectors": ["academic", "civil"]}
    assert run.results["nodes"] == 4 and run.results["ties"] == 1  # A, B, Y, C; B–Y
    [path] = export(scope, "json", tmp_path / "scope.json")
    text = path.read_text(encoding="utf-8")
    assert '"key": "Y"' in text and '"key": "H"' not in text
    several = analysis_request(
        author, Scope(workspace, at=DAY, networks=[town["health"], town["youth"]]),
        background=False,
    )  # fmt: skip
    assert several.scope == "filter" and several.network is None
    assert several.results["nodes"] == 4


def test_the_command_line_takes_the_same_scope_for_export_and_analyze(
    workspace: Workspace, town: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from phakhi import cli
    from phakhi.analysis.models import AnalysisRun

    target = tmp_path / "civil.json"
    options = ["--workspace", workspace.slug, "--at", DAY.isoformat(), "--sector", "civil",
               "--province", "ลำพูน", "--province", "ลำปาง"]  # fmt: skip
    assert cli.main(["export", *options, "--format", "json", "-o", str(target)]) == cli.EXIT_OK
    document = json.loads(target.read_text(encoding="utf-8"))
    assert {a["key"] for a in document["actors"]} == {"Y", "C"}
    assert len(document["ties"]) == 1
    assert cli.main(["analyze", *options]) == cli.EXIT_OK
    run = AnalysisRun.objects.get(workspace=workspace)
    assert run.filters == {"sectors": ["civil"], "provinces": ["51", "52"]}
    assert run.results["nodes"] == 2
    both = ["--network", "health", "--network", "youth", "--ego", "Y", "--radius", "2"]
    assert cli.main(["analyze", "--workspace", workspace.slug, *both]) == cli.EXIT_OK
    capsys.readouterr()
    refused = [
        "--lang",
        "en",
        "export",
        "--workspace",
        workspace.slug,
        "--format",
        "json",
        "-o",
        str(target),
    ]
    assert cli.main([*refused, "--sector", "media", "--at", "2025-13-45"]) == cli.EXIT_FAILED
    assert "--at" in capsys.readouterr().err
    assert cli.main([*refused, "--sector", "media"]) == cli.EXIT_FAILED
    assert "--sector: Unknown sector" in capsys.readouterr().err
