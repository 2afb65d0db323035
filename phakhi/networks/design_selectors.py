"""Reads of a network's design: the systems map goal → strategies → working groups → members,
with the expansion plan rows that serve each strategy."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core.selectors import NotFound
from phakhi.core.thai import thai_sorted
from phakhi.networks.design_services import LEAD_ROLE
from phakhi.networks.models import Goal, Membership, Network, Strategy

# The reverse relation of the expansion plan's rows (``PlanRow.strategy``); the expansion app
# sits above this one, so its rows are read through the relation, never imported.
PLAN_ROWS = "plan_rows"
# What the map shows of a plan row (and the address of its plan's page needs).
PLAN_ROW_COLUMNS = (
    "strategy_id", "target_name", "new_level", "status", "position", "plan__id",
    "plan__project__id", "plan__project__slug", "plan__network__id", "plan__network__slug",
)  # fmt: skip
# Members a working group shows on the map; the group's own page lists them all.
MEMBERS_SHOWN = 12


@dataclass
class GroupNode:
    """A working group with its current members: leads first, then by name."""

    network: Network
    leads: list[Actor] = field(default_factory=list)
    members: list[Actor] = field(default_factory=list)

    @property
    def member_count(self) -> int:
        return len(self.leads) + len(self.members)

    @property
    def shown_members(self) -> list[Actor]:
        return self.members[:MEMBERS_SHOWN]

    @property
    def more_members(self) -> int:
        return max(0, len(self.members) - MEMBERS_SHOWN)


@dataclass
class StrategyNode:
    strategy: Strategy
    groups: list[GroupNode] = field(default_factory=list)
    plan_rows: list[Any] = field(default_factory=list)


@dataclass
class GoalNode:
    goal: Goal
    strategies: list[StrategyNode] = field(default_factory=list)

    @property
    def progress(self) -> int | None:
        """How far the value reached is towards the target, in percent (0–100), when both are
        known and the target is not zero."""
        target, reached = self.goal.target_value, self.goal.current_value
        if target is None or reached is None or target == 0:
            return None
        share = reached / target * 100
        return int(max(Decimal(0), min(Decimal(100), share)))


@dataclass
class DesignMap:
    """A network's design. ``unplaced`` strategies serve no goal; ``loose_groups`` are
    sub-networks that carry no strategy (yet)."""

    network: Network
    goals: list[GoalNode]
    unplaced: list[StrategyNode]
    loose_groups: list[GroupNode]
    plan_rows_linked: bool

    @property
    def empty(self) -> bool:
        return not (self.goals or self.unplaced or self.loose_groups)


def plan_rows_linked() -> bool:
    """Whether plan rows can name the strategy they serve (the expansion app is installed)."""
    return any(rel.related_name == PLAN_ROWS for rel in Strategy._meta.related_objects)


def _groups(network: Network, today: dt.date) -> list[GroupNode]:
    children = thai_sorted(Network.objects.filter(parent=network), key=lambda n: n.name)
    nodes = {child.pk: GroupNode(child) for child in children}
    memberships = (
        Membership.objects.filter(network__in=list(nodes))
        .filter(Q(until__isnull=True) | Q(until__gt=today))
        .select_related("actor")
        .only("network_id", "role", "actor__id", "actor__name")
        .order_by("actor__sort_key", "actor_id")
    )
    for membership in memberships:
        node = nodes[membership.network_id]
        (node.leads if membership.role == LEAD_ROLE else node.members).append(membership.actor)
    return list(nodes.values())


def _plan_rows(strategies: list[Strategy]) -> dict[int, list[Any]]:
    rows: dict[int, list[Any]] = defaultdict(list)
    if not strategies or not plan_rows_linked():
        return rows
    model: Any = Strategy._meta.get_field(PLAN_ROWS).related_model
    found: Any = (
        model._default_manager.filter(strategy__in=strategies)
        .select_related("plan__project", "plan__network")
        .only(*PLAN_ROW_COLUMNS)
        .order_by("plan_id", "position", "id")
    )
    for row in found:
        rows[row.strategy_id].append(row)
    return rows


def design_map(network: Network, today: dt.date | None = None) -> DesignMap:
    """The network's goals in order, each with its strategies in order, each with the working
    groups that carry it (and their current members) and the plan rows that serve it."""
    today = today or dt.date.today()
    goals = list(Goal.objects.filter(network=network).order_by("position", "id"))
    strategies = list(Strategy.objects.filter(network=network).order_by("position", "id"))
    groups = _groups(network, today)
    plan_rows = _plan_rows(strategies)
    by_strategy: dict[int, list[GroupNode]] = defaultdict(list)
    loose = []
    for group in groups:
        strategy_id = group.network.strategy_id
        if strategy_id is not None and any(s.pk == strategy_id for s in strategies):
            by_strategy[strategy_id].append(group)
        else:
            loose.append(group)
    nodes = {
        s.pk: StrategyNode(s, groups=by_strategy[s.pk], plan_rows=plan_rows[s.pk])
        for s in strategies
    }
    goal_nodes = {goal.pk: GoalNode(goal) for goal in goals}
    unplaced = []
    for strategy in strategies:
        if strategy.goal_id in goal_nodes:
            goal_nodes[strategy.goal_id].strategies.append(nodes[strategy.pk])
        else:
            unplaced.append(nodes[strategy.pk])
    return DesignMap(
        network=network,
        goals=list(goal_nodes.values()),
        unplaced=unplaced,
        loose_groups=loose,
        plan_rows_linked=plan_rows_linked(),
    )


def goal_in(network: Network, goal_id: int) -> Goal:
    try:
        return Goal.objects.get(network=network, pk=goal_id)
    except ObjectDoesNotExist:
        raise NotFound(_("This network has no goal %(id)s.") % {"id": goal_id}) from None


def strategy_in(network: Network, strategy_id: int) -> Strategy:
    try:
        return Strategy.objects.get(network=network, pk=strategy_id)
    except ObjectDoesNotExist:
        raise NotFound(_("This network has no strategy %(id)s.") % {"id": strategy_id}) from None


def working_group_in(network: Network, slug: str) -> Network:
    try:
        return Network.objects.get(parent=network, slug=slug)
    except ObjectDoesNotExist:
        raise NotFound(
            _("“%(slug)s” is not a working group of this network.") % {"slug": slug}
        ) from None


def goals_of(network: Network) -> list[Goal]:
    return list(Goal.objects.filter(network=network).order_by("position", "id"))


def strategies_of(network: Network) -> list[Strategy]:
    return list(
        Strategy.objects.filter(network=network).select_related("goal").order_by("position", "id")
    )
