"""What a worksheet's file shows, read once for the XLSX and the PDF writers: worksheet 1's
latest (or chosen) assessment in its three steps and its cards, worksheet 2's lesson sessions,
worksheet 4's plan. Contact persons come out as the reader may see them (masked for viewers,
like every contact)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from phakhi.core.contacts import mask_text
from phakhi.core.personal import PersonalView
from phakhi.expansion.models import ExpansionPlan, PlanRow
from phakhi.lessons.models import LessonSession
from phakhi.lessons.selectors import PromptAnswers, session_sheet, sessions_of_project
from phakhi.projects.models import Project
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.selectors import (
    GRID_ORDER,
    GroupRow,
    SectorRow,
    by_group,
    by_sector,
    latest_assessment,
    stakeholders_of,
)
from phakhi.stakeholders.vocabulary import QUADRANTS, Quadrant, quadrant_of

WORKSHEETS = (1, 2, 4)


class Shown:
    """A row as the reader may see it: the row's fields, some replaced (a masked contact)."""

    def __init__(self, row: Any, **replaced: Any) -> None:
        self._row = row
        self.__dict__.update(replaced)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._row, name)


def contact_shown(view: PersonalView | None) -> Callable[[str], str]:
    """The contact person as the reader may see it: masked for viewers (no view: everything as
    stored, for the command line's own files)."""
    if view is not None and view.masked:
        return lambda text: mask_text(text) if text else ""
    return lambda text: text


@dataclass
class QuadrantNames:
    quadrant: Quadrant
    stakeholders: list[Any]


@dataclass
class StakeholderSheet:
    """Worksheet 1 as filled: ``stakeholders`` in Thai order (each ``Shown``), the steps' views,
    and ``cards``, the same stakeholders by priority (those given one first) for the card
    table."""

    project: Project
    assessment: Assessment | None
    stakeholders: list[Any]
    sectors: list[SectorRow]
    groups: list[GroupRow]
    ungrouped: list[Any]
    quadrants: list[QuadrantNames]
    unplaced: list[Any]
    cards: list[Any]

    @property
    def date(self) -> dt.date | None:
        return self.assessment.held_on if self.assessment else None


def stakeholder_sheet(
    project: Project,
    *,
    assessment: Assessment | None = None,
    view: PersonalView | None = None,
    blank: bool = False,
) -> StakeholderSheet:
    """The project's assessment (the latest unless one is given); empty when it has none, and
    for a ``blank`` worksheet."""
    assessment = None if blank else assessment or latest_assessment(project)
    rows: list[Stakeholder] = list(stakeholders_of(assessment)) if assessment else []
    shown = contact_shown(view)
    stakeholders = [Shown(s, contact_person=shown(s.contact_person)) for s in rows]
    groups, ungrouped = by_group(stakeholders)  # type: ignore[arg-type]
    by_key: dict[str, list[Any]] = {key: [] for key in GRID_ORDER}
    unplaced: list[Any] = []
    for stakeholder in stakeholders:
        quadrant = quadrant_of(stakeholder.influence, stakeholder.interest)
        (by_key[quadrant.key] if quadrant else unplaced).append(stakeholder)
    quadrants = {q.key: q for q in QUADRANTS}
    return StakeholderSheet(
        project=project,
        assessment=assessment,
        stakeholders=stakeholders,
        sectors=by_sector(stakeholders),  # type: ignore[arg-type]
        groups=groups,
        ungrouped=ungrouped,
        quadrants=[QuadrantNames(quadrants[key], by_key[key]) for key in GRID_ORDER],
        unplaced=unplaced,
        cards=sorted(stakeholders, key=lambda s: s.priority is None),  # stable: Thai order
    )


@dataclass
class LessonsSheet:
    project: Project
    sessions: list[tuple[LessonSession, list[PromptAnswers]]] = field(default_factory=list)

    @property
    def date(self) -> dt.date | None:
        dates = [s.held_on for s, _sheet in self.sessions if s.held_on]
        return max(dates) if dates else None


def lessons_sheet(project: Project) -> LessonsSheet:
    """Worksheet 2: the project's lesson sessions, newest first, each with its prompts and
    their answers."""
    sessions = sessions_of_project(project)
    return LessonsSheet(project, [(session, session_sheet(session)) for session in sessions])


@dataclass
class PlanSheet:
    project: Project
    plan: ExpansionPlan | None
    rows: list[PlanRow]

    @property
    def date(self) -> dt.date | None:
        return None  # a plan is a living document: its file carries the day it was printed


def plan_sheet(project: Project) -> PlanSheet:
    """Worksheet 4: the project's expansion plan and its rows in their order."""
    plan = (
        ExpansionPlan.objects.filter(workspace_id=project.workspace_id, project=project)
        .select_related("project__network")
        .first()
    )
    rows = []
    if plan is not None:
        rows = list(
            PlanRow.objects.filter(workspace_id=plan.workspace_id, plan=plan)
            .select_related("owner_user", "target_actor", "target_network")
            .order_by("position", "id")
        )
    return PlanSheet(project, plan, rows)
