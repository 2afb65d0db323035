"""Links from the systems map to the expansion plan rows (ใบงาน 4) that serve each strategy: a
plan row opens on its plan's page, the project's or the network's expansion tab."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse

from phakhi.core.models import Workspace
from phakhi.networks.design_selectors import DesignMap
from phakhi.ties.models import Strength

# The expansion area's pages of a project's plan and of a network's plan.
PROJECT_PLAN_ROUTE = "web:project-plan"
NETWORK_PLAN_ROUTE = "web:network-plan"


def _plan_url(workspace: Workspace, plan: Any) -> str:
    try:
        if plan.project_id is not None:
            return reverse(
                PROJECT_PLAN_ROUTE,
                kwargs={"workspace": workspace.slug, "project": plan.project.slug},
            )
        if plan.network_id is not None:
            return reverse(
                NETWORK_PLAN_ROUTE, kwargs={"workspace": workspace.slug, "slug": plan.network.slug}
            )
    except NoReverseMatch:
        return ""
    return ""


@dataclass(frozen=True)
class PlanRowLink:
    url: str  # "" where the plan's page has no address
    level: str  # the relationship the row aims for, in words


def _level(value: int | None) -> str:
    return str(Strength(value).label) if value in Strength.values else ""


def link_plan_rows(workspace: Workspace, design: DesignMap) -> None:
    """Give each plan row of the map its ``link``: the address of the row on its plan's page
    and its aim in words."""
    plans: dict[int, str] = {}
    nodes = [*(s for g in design.goals for s in g.strategies), *design.unplaced]
    for node in nodes:
        for row in node.plan_rows:
            if row.plan_id not in plans:
                plans[row.plan_id] = _plan_url(workspace, row.plan)
            base = plans[row.plan_id]
            url = f"{base}#row-{row.pk}" if base else ""
            row.link = PlanRowLink(url, _level(row.new_level))
