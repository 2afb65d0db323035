"""Shared fixtures of the expansion plan tests: a workspace whose organic-farming network
(กลุ่มเกษตรอินทรีย์, the "us" of the source's plan) leads a project, and the source's six rows."""

from dataclasses import dataclass, field
from typing import Any

import pytest

from phakhi.actors.models import Actor
from phakhi.actors.services import actor_create
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.expansion.examples import ORGANIC_FARMING_ROWS, US
from phakhi.expansion.models import ExpansionPlan
from phakhi.expansion.services import plan_create, plan_row_add
from phakhi.networks.models import Network
from phakhi.networks.services import membership_set, network_create
from phakhi.projects.models import Project
from phakhi.projects.services import project_create
from phakhi.ties.services import tie_create

AUTHOR = Author("test:planner")


@dataclass
class World:
    workspace: Workspace
    network: Network
    project: Project
    plan: ExpansionPlan
    actors: dict[str, Actor] = field(default_factory=dict)

    def actor(self, name: str, *, member: bool = False, kind: str = "group") -> Actor:
        actor = actor_create(
            AUTHOR, self.workspace, key=f"k{len(self.actors) + 1}", name=name, kind=kind
        )
        if member:
            membership_set(AUTHOR, self.network, actor)
        self.actors[name] = actor
        return actor

    def tie(self, a: str, b: str, strength: int = 2, **fields: Any) -> None:
        tie_create(
            AUTHOR, self.workspace, self.actors[a], self.actors[b], strength=strength, **fields
        )


@pytest.fixture
def world(workspace: Workspace) -> World:
    network = network_create(AUTHOR, workspace, slug="organic", name=US)
    project = project_create(
        AUTHOR, workspace, slug="organic-plan", name="ขยายเครือข่ายเกษตรอินทรีย์", network=network
    )
    plan = plan_create(AUTHOR, project=project, title=US, vision="อาหารปลอดภัยทั้งจังหวัด")
    return World(workspace, network, project, plan)


@pytest.fixture
def source_plan(world: World) -> World:
    """The world with the source's six example rows, as written (no target on the map)."""
    for row in ORGANIC_FARMING_ROWS:
        plan_row_add(AUTHOR, world.plan, **row)
    return world
