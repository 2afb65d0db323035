"""Reads of worksheet 3, the drawn map: where actors were put on a project's map and the ties
between two of its actors."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from phakhi.core.periods import active_on
from phakhi.projects.models import Project, ProjectPlacement, ProjectTie
from phakhi.ties.models import Tie


def placements_of(project: Project) -> dict[int, tuple[float, float]]:
    """Actor id → where it was put on the project's map (layout coordinates)."""
    rows = ProjectPlacement.objects.filter(project=project).values_list("actor_id", "x", "y")
    return {actor_id: (x, y) for actor_id, x, y in rows}


def ties_between(project: Project, first_id: int, second_id: int) -> QuerySet[Tie]:
    """The ties in force today between two actors of the project's workspace (either way, any
    kind): those the map draws as one line between them."""
    pair = Q(source_id=first_id, target_id=second_id) | Q(source_id=second_id, target_id=first_id)
    return (
        Tie.objects.filter(pair, workspace_id=project.workspace_id)
        .filter(active_on(timezone.localdate()))
        .select_related("source", "target", "via")
        .order_by("kind", "id")
    )


def drawn_for(project: Project, tie_ids: list[int]) -> dict[int, ProjectTie]:
    """Of these ties, those drawn for the project: tie id → when and by whom."""
    links = ProjectTie.objects.filter(project=project, tie_id__in=tie_ids).select_related(
        "drawn_by"
    )
    return {link.tie_id: link for link in links}
