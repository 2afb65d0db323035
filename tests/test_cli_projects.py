"""``phakhi project create`` and ``phakhi project list``."""

import datetime as dt
import json

import pytest
from django.utils import translation

from phakhi import cli
from phakhi.core.models import AuditEvent
from phakhi.projects.models import Project


@pytest.fixture(autouse=True)
def _language_restored():
    yield
    translation.activate("en")


def test_create_then_list(data, capsys):
    code = cli.main([
        "project", "create", "organic-farming", "--workspace", "khon-kaen",
        "--name", "โครงการเกษตรอินทรีย์", "--network", "health", "--lead-actor", "org-1",
        "--description", "ตลาดสีเขียว", "--starts", "2025-01-01", "--ends", "31/12/2568",
        "--lang", "en",
    ])  # fmt: skip
    assert code == cli.EXIT_OK
    assert capsys.readouterr().out == "organic-farming\tโครงการเกษตรอินทรีย์\n"
    project = Project.objects.get(slug="organic-farming")
    assert (project.network, project.lead_actor) == (data["network"], data["org"])
    assert (project.starts_on, project.ends_on) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    event = AuditEvent.objects.get(object_type="projects.project", object_id=str(project.pk))
    assert event.by.startswith("cli")

    assert cli.main(["project", "list", "--workspace", "khon-kaen", "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "clinic\tโครงการคลินิกชุมชน\thealth\t-\t-\t-",
        "organic-farming\tโครงการเกษตรอินทรีย์\thealth\torg-1\t1 Jan 2025\t31 Dec 2025",
    ]
    assert cli.main(["project", "list", "--workspace", "khon-kaen"]) == 0  # Thai by default
    assert "1 ม.ค. 2568\t31 ธ.ค. 2568" in capsys.readouterr().out
    assert cli.main(["project", "list", "--workspace", "khon-kaen", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[1] == {
        "slug": "organic-farming",
        "name": "โครงการเกษตรอินทรีย์",
        "description": "ตลาดสีเขียว",
        "network": "health",
        "lead_actor": {"key": "org-1", "name": "มูลนิธิเพื่อนชุมชน"},
        "starts_on": "2025-01-01",
        "ends_on": "2025-12-31",
        "version": 1,
    }


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--network", "nowhere"], "There is no network “nowhere” in this workspace"),
        (["--lead-actor", "nobody"], "There is no actor with the key “nobody” in this workspace."),
        (["--starts", "2025-13-45"], "starts_on: "),
        (["--starts", "2025-06-01", "--ends", "2025-01-01"],
         "ends_on: The end date must not be before the start date."),
    ],
)  # fmt: skip
def test_bad_input_fails_with_a_message_and_creates_nothing(data, capsys, extra, message):
    argv = ["project", "create", "new-one", "--workspace", "khon-kaen", "--name", "N"]
    assert cli.main([*argv, *extra, "--lang", "en"]) == cli.EXIT_FAILED
    assert message in capsys.readouterr().err
    assert not Project.objects.filter(slug="new-one").exists()


def test_a_slug_taken_is_named(data, capsys):
    argv = [
        "project",
        "create",
        "clinic",
        "--workspace",
        "khon-kaen",
        "--name",
        "X",
        "--lang",
        "en",
    ]
    assert cli.main(argv) == cli.EXIT_FAILED
    assert "slug: A project “clinic” exists already." in capsys.readouterr().err
