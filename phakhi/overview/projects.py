"""A project's worksheets at a glance, for the projects list and a project's page: how many
stakeholder analyses (and stakeholders in the latest), lessons sessions, ties drawn on its map,
expansion plan rows (and how many achieved) and live workshops each project has. A fixed
number of queries for any number of projects (one per kind of worksheet)."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Count, Q

from phakhi.expansion.models import PlanRow, Status
from phakhi.lessons.models import LessonSession
from phakhi.projects.models import Project, ProjectTie
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.workshops.models import WorkshopSession


@dataclass
class WorksheetCounts:
    assessments: int = 0
    latest_assessment_on: dt.date | None = None
    stakeholders: int = 0  # in the latest assessment
    lesson_sessions: int = 0
    ties_drawn: int = 0
    plan_rows: int = 0
    plan_rows_achieved: int = 0
    workshops: int = 0

    @property
    def empty(self) -> bool:
        return not (
            self.assessments
            or self.lesson_sessions
            or self.ties_drawn
            or self.plan_rows
            or self.workshops
        )


def _counted(rows: Iterable[tuple[int, int]]) -> dict[int, int]:
    return dict(rows)


def worksheet_counts(projects: Sequence[Project]) -> dict[int, WorksheetCounts]:
    """Each project's figures by its id."""
    ids = [project.pk for project in projects]
    found = {pk: WorksheetCounts() for pk in ids}
    if not ids:
        return found
    latest: dict[int, int] = {}  # project → its latest assessment
    assessments = Assessment.objects.filter(project__in=ids).order_by("-held_on", "-id")
    for assessment_id, project_id, held_on in assessments.values_list("id", "project", "held_on"):
        counts = found[project_id]
        counts.assessments += 1
        if project_id not in latest:
            latest[project_id], counts.latest_assessment_on = assessment_id, held_on
    in_latest = _counted(
        Stakeholder.objects.filter(assessment__in=latest.values())
        .values("assessment")
        .annotate(n=Count("id"))
        .values_list("assessment", "n")
    )
    for project_id, assessment_id in latest.items():
        found[project_id].stakeholders = in_latest.get(assessment_id, 0)
    models: tuple[tuple[type[LessonSession | ProjectTie | WorkshopSession], str], ...] = (
        (LessonSession, "lesson_sessions"),
        (ProjectTie, "ties_drawn"),
        (WorkshopSession, "workshops"),
    )
    for model, field in models:
        rows = (
            model._default_manager.filter(project__in=ids)
            .values("project")
            .annotate(n=Count("id"))
            .values_list("project", "n")
        )
        for project_id, n in _counted(rows).items():
            setattr(found[project_id], field, n)
    plan_rows = (
        PlanRow.objects.filter(plan__project__in=ids)
        .values("plan__project")
        .annotate(n=Count("id"), achieved=Count("id", filter=Q(status=Status.ACHIEVED)))
        .values_list("plan__project", "n", "achieved")
    )
    for project_id, n, achieved in plan_rows:
        counts = found[project_id]
        counts.plan_rows, counts.plan_rows_achieved = n, achieved
    return found
