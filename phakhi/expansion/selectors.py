"""Reads of expansion plans: a project's or a network's plan, its rows with the relationship
the map shows beside the one the room wrote, and the rows serving a network's strategies."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from phakhi.core.selectors import NotFound
from phakhi.core.vocabulary import VocabularyError
from phakhi.expansion.models import ExpansionPlan, PlanRow, Status
from phakhi.expansion.relationships import Reading, lead_network_of, read_rows
from phakhi.expansion.vocabulary import level_name, parse_relationship, relationship_words
from phakhi.networks.models import Network
from phakhi.projects.models import Project


def plan_of_project(project: Project) -> ExpansionPlan | None:
    return (
        ExpansionPlan.objects.select_related("project__network", "project__lead_actor")
        .filter(workspace_id=project.workspace_id, project=project)
        .first()
    )


def plan_of_network(network: Network) -> ExpansionPlan | None:
    return (
        ExpansionPlan.objects.select_related("network")
        .filter(workspace_id=network.workspace_id, network=network)
        .first()
    )


def plans_of(workspace_id: int) -> QuerySet[ExpansionPlan]:
    """A workspace's plans in id order (stable pages for the API)."""
    return (
        ExpansionPlan.objects.filter(workspace_id=workspace_id)
        .select_related("project__network", "project__lead_actor", "network")
        .order_by("id")
    )


def plan_in(workspace_id: int, plan_id: int) -> ExpansionPlan:
    try:
        return plans_of(workspace_id).get(pk=plan_id)
    except ObjectDoesNotExist:
        raise NotFound(
            _("There is no expansion plan %(id)s in this workspace.") % {"id": plan_id}
        ) from None


def rows_of(plan: ExpansionPlan) -> QuerySet[PlanRow]:
    return plan.rows.select_related("target_actor", "target_network", "strategy").order_by(
        "position", "id"
    )


def row_in(plan: ExpansionPlan, row_id: int) -> PlanRow:
    try:
        return rows_of(plan).get(pk=row_id)
    except ObjectDoesNotExist:
        raise NotFound(
            _("The plan has no row %(id)s (it may have been removed).") % {"id": row_id}
        ) from None


@dataclass(frozen=True)
class PlanLine:
    """A row as the plan shows it: the map's reading today beside what the room wrote."""

    row: PlanRow
    reading: Reading

    @property
    def written(self) -> str:
        """The relationship as the room wrote it (kept as written)."""
        return self.row.current_override

    @property
    def new_words(self) -> str:
        return level_name(self.row.new_level)

    @property
    def at_start(self) -> str:
        """The map's reading kept when the row was added."""
        if self.row.current_level is None:
            return ""
        return relationship_words(self.row.current_level, self.row.current_via_name)

    @property
    def differs(self) -> bool:
        """Whether the room's word and the map disagree on the level (worth a look)."""
        if not self.row.current_override or self.reading.level is None:
            return False
        try:
            level, _via = parse_relationship(self.row.current_override)
        except VocabularyError:
            return False
        return level is not None and level != self.reading.level

    @property
    def reached(self) -> bool:
        """The map shows the new level reached (marked achieved after the next analysis)."""
        return self.reading.reaches(self.row.new_level)


def plan_lines(plan: ExpansionPlan, day: dt.date | None = None) -> list[PlanLine]:
    rows = list(rows_of(plan))
    readings = read_rows(plan, rows, day)
    return [PlanLine(row, readings[row.pk]) for row in rows]


def status_counts(lines: Iterable[PlanLine]) -> dict[str, int]:
    counts = dict.fromkeys(Status.values, 0)
    for line in lines:
        counts[line.row.status] += 1
    return counts


def rows_serving(network: Network) -> dict[int, list[PlanRow]]:
    """The plan rows serving each of the network's strategies (by strategy id), for the
    design's systems map."""
    serving: dict[int, list[PlanRow]] = defaultdict(list)
    rows = PlanRow.objects.filter(
        workspace_id=network.workspace_id, strategy__network=network
    ).select_related("plan")
    for row in rows.order_by("plan_id", "position", "id"):
        assert row.strategy_id is not None
        serving[row.strategy_id].append(row)
    return dict(serving)


def us_network(plan: ExpansionPlan) -> Network | None:
    """The network that is "us" in the plan."""
    return lead_network_of(plan)
