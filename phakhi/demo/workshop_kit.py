"""The workshop kit's demo: the source workshop's own example project, "โครงการเกษตรอินทรีย์"
(organic farming), led by the demo province's organic-farming group, for the worksheets to
start from. ``phakhi demo --size workshop`` (and so ``make run``) loads it after the network.

Each area of the workshop kit adds its own example to the project here, one call each, in
``load_workshop_kit``."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from phakhi.actors.models import Actor, Kind
from phakhi.core import audit
from phakhi.core.models import Workspace
from phakhi.demo.workshop_lessons_design import load_lessons_and_design
from phakhi.demo.workshop_monitoring import load_monitoring
from phakhi.demo.workshop_participation import load_participation
from phakhi.expansion.demo import load_expansion_plan
from phakhi.networks.models import Network, Role
from phakhi.networks.services import membership_set, network_create
from phakhi.projects.drawing_demo import load_drawn_map
from phakhi.projects.models import Project
from phakhi.projects.services import project_create
from phakhi.stakeholders.demo import load_stakeholder_analysis
from phakhi.workshops.demo import load_live_session

PROJECT_SLUG = "organic-farming"
PROJECT_NAME = "โครงการเกษตรอินทรีย์"
NETWORK_SLUG = "organic-farming"
NETWORK_NAME = "กลุ่มเกษตรอินทรีย์"  # "our own group" in worksheet 4's header row
ISSUE = "เกษตรอินทรีย์"
MEMBERS = 40  # the group's members: the actors working on organic farming, at most this many
DESCRIPTION = (
    "กลุ่มเกษตรอินทรีย์ของจังหวัดผนึกกำลังกับเครือข่ายประเด็นอื่นในพื้นที่เดียวกัน "
    "เพื่อขยายตลาดผักอินทรีย์ ส่งผลผลิตให้โรงพยาบาล และให้ผู้บริโภคได้อาหารปลอดภัย"
)


def _organic_farmers(workspace: Workspace) -> list[Actor]:
    """The actors working on organic farming: organizations, then groups, then people."""
    order: dict[str, int] = {Kind.ORGANIZATION: 0, Kind.GROUP: 1, Kind.PERSON: 2}
    found = Actor.objects.filter(workspace=workspace, tags__name=ISSUE).order_by("key")
    return sorted(found, key=lambda actor: order.get(actor.kind, 3))[:MEMBERS]


def _lead_network(author: audit.Author, workspace: Workspace, farmers: list[Actor]) -> Network:
    """The demo's organic-farming network if it has one, else the group made of ``farmers``:
    the first organization and group lead it, a person coordinates."""
    network = Network.objects.filter(workspace=workspace, slug=NETWORK_SLUG).first()
    if network is not None:
        return network
    network = network_create(
        author,
        workspace,
        slug=NETWORK_SLUG,
        name=NETWORK_NAME,
        kind=Network.Kind.ISSUE,
        vision="เกษตรกรและผู้บริโภคในจังหวัดมีอาหารปลอดภัย ชุมชนมีรายได้มั่นคง",
    )
    person_coordinates = False
    for position, actor in enumerate(farmers):
        role = Role.MEMBER
        if position < 2:
            role = Role.CORE_LEADER
        elif actor.kind == Kind.PERSON and not person_coordinates:
            role, person_coordinates = Role.COORDINATOR, True
        membership_set(author, network, actor, role=role)
    return network


def demo_project(author: audit.Author, workspace: Workspace) -> Project:
    """The organic-farming project (created once; loading again returns the one there)."""
    project = Project.objects.filter(workspace=workspace, slug=PROJECT_SLUG).first()
    if project is not None:
        return project
    farmers = _organic_farmers(workspace)
    network = _lead_network(author, workspace, farmers)
    organizations = [actor for actor in farmers if actor.kind == Kind.ORGANIZATION]
    year = timezone.localdate().year
    return project_create(
        author,
        workspace,
        slug=PROJECT_SLUG,
        name=PROJECT_NAME,
        description=DESCRIPTION,
        network=network,
        lead_actor=organizations[0] if organizations else None,
        starts_on=dt.date(year, 1, 1),
        ends_on=dt.date(year, 12, 31),
    )


def load_workshop_kit(author: audit.Author, workspace: Workspace) -> Project:
    """The demo project and each worksheet's example for it, in one transaction."""
    with transaction.atomic():
        project = demo_project(author, workspace)
        # One call a worksheet area, each loading its own example into ``project``.
        load_stakeholder_analysis(author, project)
        load_lessons_and_design(author, project)
        load_drawn_map(author, project)
        load_expansion_plan(author, project)
        load_live_session(author, project)
        load_participation(author, project)  # activities, attendance, self-assessments
        load_monitoring(author, project)  # surveys, analyses, scorecard snapshots, alerts
    return project
