"""What an analysis is called: runs numbered within their workspace, a headline that names the
ego actor or the network, and one name per measure on the actor page, the map, the API and the
command line, in Thai and in English (docs/metrics.md lists the same names)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django.utils import translation

from phakhi.accounts.services import user_create
from phakhi.actors.services import actor_create
from phakhi.analysis import selectors
from phakhi.analysis.mapmeta import PANEL_MEASURES, metric_labels
from phakhi.analysis.measures import ACTOR_PAGE, MEASURES, measure_name
from phakhi.analysis.services import analysis_request
from phakhi.analysis.summary import summary_text
from phakhi.cli import main
from phakhi.core.selectors import NotFound
from phakhi.core.services import workspace_create
from phakhi.networks.services import membership_set, network_create
from phakhi.ties.services import tie_create
from phakhi.web.views.actor_text import measures_of
from tests.conftest import AUTHOR

DOCS = Path(settings.BASE_DIR) / "docs" / "metrics.md"


@pytest.fixture
def triangle(workspace, author):
    """สมศรี, สมชาย and สมหญิง all tied at the collaborate level, and one co-operate tie out."""
    people = {key: actor_create(author, workspace, key=key, name=name, sector="civil")
              for key, name in (("s1", "สมศรี ใจดี"), ("s2", "สมชาย ใจงาม"),
                                ("s3", "สมหญิง ใจเย็น"), ("s4", "สมปอง ใจกว้าง"))}  # fmt: skip
    for a, b in (("s1", "s2"), ("s2", "s3"), ("s1", "s3")):
        tie_create(author, workspace, people[a], people[b], strength=4)
    tie_create(author, workspace, people["s3"], people["s4"], strength=3)
    return people


# --- run numbers -------------------------------------------------------------------------------


def test_runs_are_numbered_within_their_workspace(workspace, other_workspace, author, triangle):
    mine = [analysis_request(author, workspace) for _ in range(2)]
    theirs = analysis_request(author, other_workspace)
    assert [run.number for run in mine] == [1, 2]
    assert theirs.number == 1  # another workspace's runs do not count
    assert summary_text(theirs).startswith("Analysis #1 ")
    assert selectors.run_get(workspace, 2) == mine[1]
    with pytest.raises(NotFound):
        selectors.run_get(other_workspace, 2)


def test_the_cli_compares_with_a_run_by_its_number(workspace, other_workspace, author, triangle,
                                                    capsys):  # fmt: skip
    analysis_request(author, other_workspace)
    analysis_request(author, workspace)
    assert main(["--lang", "en", "analyze", "--workspace", workspace.slug,
                 "--compare-with", "1"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert out.startswith("Analysis #2 ")


def test_the_map_says_which_run_of_the_workspace_laid_it_out(
    workspace, other_workspace, author, triangle
):
    analysis_request(author, other_workspace)
    analysis_request(author, workspace)
    user = user_create(author, "viewer-1", "", "a-long-passphrase-77", workspace, "viewer")
    client = Client()
    client.force_login(user)
    page = client.get(reverse("web:map", args=[workspace.slug])).content.decode()
    assert "Laid out by analysis #1 " in page


@pytest.mark.django_db(transaction=True)
def test_the_migration_numbers_existing_runs_per_workspace_in_their_order():
    executor = MigrationExecutor(connection)
    executor.migrate([("analysis", "0001_initial")])
    apps = executor.loader.project_state([("analysis", "0001_initial")]).apps
    AnalysisRun = apps.get_model("analysis", "AnalysisRun")
    first, second = (workspace_create(AUTHOR, slug=s, name=s) for s in ("first", "second"))
    made = [AnalysisRun.objects.create(workspace_id=w.pk, scope="workspace", at="2026-01-01")
            for w in (first, second, first, second, first)]  # fmt: skip
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    from phakhi.analysis.models import AnalysisRun as Run

    assert [Run.objects.get(pk=run.pk).number for run in made] == [1, 1, 2, 2, 3]


# --- headlines ---------------------------------------------------------------------------------


def test_an_ego_run_names_its_actor(workspace, author, triangle):
    run = analysis_request(author, workspace, ego=triangle["s1"], ego_radius=2)
    assert (
        summary_text(run)
        .splitlines()[0]
        .startswith("Analysis #1 of the actors within 2 steps of สมศรี ใจดี (s1) on ")
    )
    with translation.override("th"):
        assert "สมศรี ใจดี (s1)" in summary_text(run).splitlines()[0]


def test_a_network_run_names_its_network(workspace, author, triangle):
    network = network_create(author, workspace, slug="elderly", name="เครือข่ายผู้สูงอายุ")
    for actor in triangle.values():
        membership_set(author, network, actor)
    run = analysis_request(author, workspace, network=network)
    assert "of the network เครือข่ายผู้สูงอายุ on" in summary_text(run).splitlines()[0]


def test_the_summary_calls_a_triangle_of_collaborate_ties_tight_in_the_sources_words(
    workspace, author, triangle
):
    # three of the four ties are at level 4: tight (แน่นแฟ้น), whatever the shape
    run = analysis_request(author, workspace)
    assert run.results["structure"]["cohesion"] == "tight"
    with translation.override("th"):
        assert "ความสัมพันธ์แน่นแฟ้น" in summary_text(run)


def test_hubs_are_jut_ruam_not_sun_klang_in_thai(workspace, author, triangle):
    run = analysis_request(author, workspace)
    with translation.override("th"):
        text = summary_text(run)
    assert "จุดร่วม" in text and "ศูนย์กลาง" not in text


# --- one name per measure ----------------------------------------------------------------------


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_actor_page_the_map_and_the_cli_call_each_measure_by_one_name(
    workspace, author, triangle, language
):
    run = analysis_request(author, workspace)
    result = selectors.actor_metrics(run, triangle["s1"])
    with translation.override(language):
        page = {row.key: row.label for row in measures_of(result)}
        panel = {key: value["label"] for key, value in metric_labels().items()}
        text = summary_text(run)
        names = {key: measure_name(key) for key in MEASURES}
    for key in set(page) & set(panel):
        assert page[key] == panel[key] == names[key], key
    assert set(ACTOR_PAGE) - {"core"} <= set(PANEL_MEASURES)
    for key in ("degree", "betweenness", "degree_centralization", "modularity"):
        assert names[key] in text, key


def test_thai_measure_names_are_thai(workspace, author, triangle):
    """No English left in the Thai summary's words (actor names aside) or measure names."""
    run = analysis_request(author, workspace)
    with translation.override("th"):
        text = summary_text(run)
        names = [measure_name(key) for key in MEASURES]
    for name in names:
        assert not re.search(r"[A-Za-z]", name), name
    for word in ("betweenness", "modularity", "degree"):
        assert word not in text


def test_the_api_schema_describes_each_measure_by_its_name(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    fields = schema["components"]["schemas"]["ActorMeasures"]["properties"]
    with translation.override("en"):
        for key in ("betweenness", "closeness", "brokerage"):
            assert fields[key]["description"].startswith(f"{MEASURES[key].name}: "), key


def test_docs_metrics_give_each_measure_its_names_in_both_languages():
    table = DOCS.read_text(encoding="utf-8")
    for key, measure in MEASURES.items():
        with translation.override("en"):
            english = str(measure.name)
        with translation.override("th"):
            thai = str(measure.name)
        assert f"| `{key}` | {thai} | {english} |" in table, key
