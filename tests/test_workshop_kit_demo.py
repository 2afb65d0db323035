"""``phakhi demo --size workshop`` loads the workshop kit's example: the organic-farming project
of the source workshop, led by the province's organic-farming group."""

from phakhi.cli import main
from phakhi.core.models import AuditEvent, Workspace
from phakhi.demo.services import demo_load
from phakhi.demo.workshop_kit import load_workshop_kit
from phakhi.networks.models import Membership, Role
from phakhi.projects.models import Project


def test_the_workshop_demo_has_the_organic_farming_project(db, author):
    assert main(["demo", "--size", "workshop", "--workspace", "demo"]) == 0
    workspace = Workspace.objects.get(slug="demo")
    project = Project.objects.select_related("network", "lead_actor").get(
        workspace=workspace, slug="organic-farming"
    )
    assert project.name == "โครงการเกษตรอินทรีย์"
    assert project.starts_on and project.ends_on and project.starts_on < project.ends_on
    network = project.network
    assert network is not None and network.kind == "issue"
    members = Membership.objects.filter(network=network).select_related("actor")
    assert members.count() >= 5
    assert all("เกษตรอินทรีย์" in m.actor.tags.values_list("name", flat=True) for m in members)
    assert members.filter(role=Role.CORE_LEADER).count() == 2
    assert project.lead_actor is not None and project.lead_actor.kind == "organization"
    assert members.filter(actor=project.lead_actor).exists()
    assert AuditEvent.objects.filter(object_type="projects.project", action="create").count() == 1


def test_loading_again_keeps_the_one_project(db, author):
    demo_load(author, size="workshop", seed=1, slug="demo")
    workspace = Workspace.objects.get(slug="demo")
    again = load_workshop_kit(author, workspace)
    assert Project.objects.filter(workspace=workspace).get() == again
