"""Analysis runs: scope and date read from the database, results stored and read back."""

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from phakhi.actors.services import actor_create
from phakhi.analysis import selectors
from phakhi.analysis.models import ActorResult, AnalysisRun
from phakhi.analysis.services import analysis_request
from phakhi.cli import main
from phakhi.core.models import AuditEvent
from phakhi.engine import ACTOR_KEYS
from phakhi.networks.services import membership_set
from phakhi.ties.services import tie_create, tie_end

NETWORK_KEYS = {
    "nodes", "ties", "density", "components", "largest_component", "isolates", "average_degree",
    "degree_centralization", "betweenness_centralization", "transitivity", "average_clustering",
    "average_path_length", "diameter", "modularity", "communities", "reciprocity", "sector_mix",
    "ei_index", "bridges", "structure", "fragility",
}  # fmt: skip


@pytest.fixture
def village(workspace, author):
    """Two groups of three joined through one broker (b1), plus an isolate and an ended tie."""
    sectors = {"a": "civil", "b": "government", "c": "academic"}
    actors = {}
    for key in ("a1", "a2", "a3", "b1", "c1", "c2", "c3", "z"):
        actors[key] = actor_create(author, workspace, key=key, name=f"คุณ {key}",
                                   sector=sectors.get(key[0], ""), province="ขอนแก่น")  # fmt: skip
    for a, b in (("a1", "a2"), ("a2", "a3"), ("a1", "a3"), ("c1", "c2"), ("c2", "c3"),
                 ("c1", "c3"), ("a1", "b1"), ("b1", "c1")):  # fmt: skip
        tie_create(author, workspace, actors[a], actors[b], strength=3)
    old = tie_create(author, workspace, actors["a2"], actors["c2"], strength=2,
                     since=dt.date(2020, 1, 1))  # fmt: skip
    tie_end(author, old, until=dt.date(2023, 1, 1))
    return actors


def test_run_stores_every_actor_and_the_network_figures(workspace, author, village):
    run = analysis_request(author, workspace, at=dt.date(2025, 1, 1))
    assert run.status == AnalysisRun.Status.DONE and run.progress == 1.0
    assert ActorResult.objects.filter(run=run).count() == 8
    assert set(run.results) >= NETWORK_KEYS
    assert run.results["ties"] == 8  # the tie ended in 2023 is not active in 2025
    assert run.results["isolates"] == 1
    broker = ActorResult.objects.get(run=run, actor=village["b1"])
    assert broker.articulation and broker.betweenness == max(
        ActorResult.objects.filter(run=run).values_list("betweenness", flat=True)
    )
    isolate = ActorResult.objects.get(run=run, actor=village["z"])
    assert isolate.constraint is None and isolate.community is None
    assert broker.x is not None and broker.y is not None
    assert {"load", "graph", "store"} <= set(run.timings)
    assert AuditEvent.objects.filter(object_id=str(run.pk), action="analyze").exists()


def test_the_date_decides_which_ties_count(workspace, author, village):
    run = analysis_request(author, workspace, at=dt.date(2021, 6, 1))
    assert run.results["ties"] == 9
    assert run.results["isolates"] == 1


def test_network_scope_counts_only_members_and_ties_among_them(workspace, author, village):
    from phakhi.networks.services import network_create

    network = network_create(author, workspace, slug="a-side", name="กลุ่ม a")
    for key in ("a1", "a2", "a3", "b1"):
        membership_set(author, network, village[key])
    run = analysis_request(author, workspace, network=network, at=dt.date(2025, 1, 1))
    assert run.scope == "network"
    assert run.results["nodes"] == 4 and run.results["ties"] == 4
    assert selectors.latest_run(workspace, network) == run
    assert selectors.latest_run(workspace) is None


def test_filters_and_ego_scope(workspace, author, village):
    run = analysis_request(author, workspace, sectors=["civil"], at=dt.date(2025, 1, 1))
    assert run.scope == "filter" and run.results["nodes"] == 3
    ego = analysis_request(author, workspace, ego=village["b1"], ego_radius=1,
                           at=dt.date(2025, 1, 1))  # fmt: skip
    assert ego.scope == "ego" and ego.results["nodes"] == 3
    wider = analysis_request(author, workspace, ego=village["b1"], ego_radius=2,
                             at=dt.date(2025, 1, 1))  # fmt: skip
    assert wider.results["nodes"] == 7


def test_bad_requests_name_the_field(workspace, other_workspace, author, village):
    from phakhi.networks.services import network_create

    with pytest.raises(ValidationError) as error:
        analysis_request(author, workspace, min_strength=5)
    assert "min_strength" in error.value.message_dict
    elsewhere = network_create(author, other_workspace, slug="x", name="x")
    with pytest.raises(ValidationError) as error:
        analysis_request(author, workspace, network=elsewhere)
    assert "network" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        analysis_request(author, workspace, provinces=["ไม่มีจังหวัดนี้"])
    assert "provinces" in error.value.message_dict


def test_large_runs_wait_for_the_worker(transactional_db, workspace, author, village):
    # The worker closes its database connection when done, which a test transaction cannot survive.
    run = analysis_request(author, workspace, background=True)
    assert run.status == AnalysisRun.Status.QUEUED
    assert not ActorResult.objects.filter(run=run).exists()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    run.refresh_from_db()
    assert run.status == AnalysisRun.Status.DONE
    assert ActorResult.objects.filter(run=run).count() == 8


def test_cli_writes_the_documented_json(workspace, village, capsys):
    assert main(["--lang", "en", "analyze", "--workspace", workspace.slug, "--at", "2025-01-01",
                 "--json", "-"]) == 0  # fmt: skip
    captured = capsys.readouterr()
    document = json.loads(captured.out)
    assert set(document) == {"run", "network", "actors", "communities"}
    assert set(document["network"]) == NETWORK_KEYS
    assert [row["key"] for row in document["actors"]] == sorted(village)
    assert set(document["actors"][0]) == {"key", *ACTOR_KEYS}
    broker = next(row for row in document["actors"] if row["key"] == "b1")
    assert broker["articulation"] is True and broker["boundary"] + broker["liaison"] > 0
    assert "Analysis #" in captured.err and "Structure:" in captured.err


def test_cli_summary_is_thai_by_default(workspace, village, capsys):
    assert main(["analyze", "--workspace", workspace.slug, "--at", "1/1/2568"]) == 0
    out = capsys.readouterr().out
    assert "1 ม.ค. 2568" in out and "โครงสร้าง" in out


def test_compare_two_runs(workspace, author, village):
    before = analysis_request(author, workspace, at=dt.date(2025, 1, 1))
    newcomer = actor_create(author, workspace, key="n1", name="คุณใหม่", sector="civil")
    tie_create(author, workspace, village["z"], newcomer, strength=2)
    after = analysis_request(author, workspace, at=dt.date(2025, 1, 1))
    change = selectors.run_compare(before, after)
    assert change["actors_added"] == ["n1"]
    assert change["ties_added"] == [["n1", "z"]]
    assert change["network"]["ties"]["change"] == 1
