"""Reads of worksheet 1: a project's assessments, an assessment's stakeholders in Thai dictionary
order, and the data of the worksheet's three views (by sector; groups × sectors; the grid)."""

from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.projects.models import Project
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.vocabulary import (
    GROUPS,
    HIGH,
    LOW,
    QUADRANTS,
    SECTOR_ROWS,
    Group,
    Quadrant,
    quadrant_of,
)


def assessments_of(project: Project) -> QuerySet[Assessment]:
    """A project's assessments, newest first, each with ``stakeholder_count``."""
    return (
        Assessment.objects.filter(workspace_id=project.workspace_id, project=project)
        .annotate(stakeholder_count=Count("stakeholders"))
        .order_by("-held_on", "-id")
    )


def latest_assessment(project: Project) -> Assessment | None:
    return (
        Assessment.objects.filter(workspace_id=project.workspace_id, project=project)
        .order_by("-held_on", "-id")
        .first()
    )


def assessment_in(project: Project, assessment_id: int | str) -> Assessment:
    """The project's assessment ``assessment_id``; ``NotFound`` otherwise."""
    try:
        return Assessment.objects.select_related("project", "previous").get(
            workspace_id=project.workspace_id, project=project, pk=int(assessment_id)
        )
    except (Assessment.DoesNotExist, ValueError, TypeError):
        raise NotFound(
            _("Project “%(project)s” has no assessment %(id)s.")
            % {"project": project.slug, "id": assessment_id}
        ) from None


def stakeholder_in(assessment: Assessment, stakeholder_id: int | str) -> Stakeholder:
    """The assessment's stakeholder ``stakeholder_id``; ``NotFound`` otherwise."""
    try:
        return Stakeholder.objects.select_related("actor", "previous", "assessment").get(
            workspace_id=assessment.workspace_id, assessment=assessment, pk=int(stakeholder_id)
        )
    except (Stakeholder.DoesNotExist, ValueError, TypeError):
        raise NotFound(
            _("Assessment %(assessment)s has no stakeholder %(id)s.")
            % {"assessment": assessment.pk, "id": stakeholder_id}
        ) from None


def stakeholders_of(assessment: Assessment) -> QuerySet[Stakeholder]:
    """An assessment's stakeholders in Thai dictionary order, with their actor and their row in
    the previous assessment."""
    return (
        Stakeholder.objects.filter(workspace_id=assessment.workspace_id, assessment=assessment)
        .select_related("actor", "previous")
        .order_by("sort_key", "id")
    )


GRID_FIELDS = ("name", "version", "influence", "interest", "influence_score", "interest_score",
               "priority", "assessment_id", "sort_key")  # fmt: skip


def stakeholders_for_grid(assessment: Assessment) -> QuerySet[Stakeholder]:
    """What the grid shows of an assessment's stakeholders (Thai dictionary order), and where
    each stood in the previous assessment: no card texts (the projector grid of a big
    workshop reads hundreds)."""
    return (
        Stakeholder.objects.filter(workspace_id=assessment.workspace_id, assessment=assessment)
        .select_related("previous")
        .only(*GRID_FIELDS, "previous", *(f"previous__{name}" for name in GRID_FIELDS))
        .order_by("sort_key", "id")
    )


def stakeholder_entries_of_actor(workspace: Workspace, actor_id: int) -> QuerySet[Stakeholder]:
    """Where an actor stands in the assessments of the workspace's projects, newest first."""
    return (
        Stakeholder.objects.filter(workspace=workspace, actor_id=actor_id)
        .select_related("assessment", "assessment__project")
        .order_by("-assessment__held_on", "-assessment_id")
    )


# Step 1: the table of names by sector ------------------------------------------------------


@dataclass
class SectorRow:
    sector: str  # "" for stakeholders whose sector is not said yet
    label: str
    thai: str
    stakeholders: list[Stakeholder] = field(default_factory=list)


def _sector_rows() -> list[SectorRow]:
    rows = [SectorRow(sector, str(label), thai) for sector, label, thai in SECTOR_ROWS]
    return [*rows, SectorRow("", _("Sector not said"), "ยังไม่ระบุภาคส่วน")]


def by_sector(stakeholders: list[Stakeholder]) -> list[SectorRow]:
    """Step 1: the names in the worksheet's three sector rows (and one for those not sorted
    yet, shown only when it has any)."""
    rows = _sector_rows()
    index = {row.sector: row for row in rows}
    for stakeholder in stakeholders:
        index.get(stakeholder.sector, index[""]).stakeholders.append(stakeholder)
    return [row for row in rows if row.sector or row.stakeholders]


# Step 2: groups × sectors ------------------------------------------------------------------


@dataclass
class GroupRow:
    group: Group
    sectors: list[SectorRow]

    @property
    def count(self) -> int:
        return sum(len(row.stakeholders) for row in self.sectors)


def by_group(stakeholders: list[Stakeholder]) -> tuple[list[GroupRow], list[Stakeholder]]:
    """Step 2: each of the three groups with its names by sector (a stakeholder may be in
    several groups), and the stakeholders in no group yet."""
    rows = []
    for group in GROUPS:
        members = [s for s in stakeholders if getattr(s, group.field)]
        rows.append(GroupRow(group, by_sector(members)))
    ungrouped = [s for s in stakeholders if not s.groups]
    return rows, ungrouped


# Step 3: the influence × interest grid -----------------------------------------------------

# A card without a score sits in the middle cell of its quadrant's side.
_DEFAULT_SCORE = {HIGH: 4, LOW: 2}
# Each quadrant's 3 × 3 cells: the scores of its side, from the top (influence) or from the
# left (interest) of the grid.
SIDE_SCORES = {HIGH: (5, 4, 3), LOW: (3, 2, 1)}
INTEREST_SCORES = {LOW: (1, 2, 3), HIGH: (3, 4, 5)}
# The grid's layout, as the usual influence × interest chart: influence up, interest right.
GRID_ORDER = ("high-low", "high-high", "low-low", "low-high")

_ARROWS = {
    (0, 1): "↑",
    (1, 1): "↗",
    (1, 0): "→",
    (1, -1): "↘",
    (0, -1): "↓",
    (-1, -1): "↙",
    (-1, 0): "←",
    (-1, 1): "↖",
}


def position(level: str, score: int | None) -> int:
    """A card's place on one axis, 1–5: its score, or the middle of its level's side."""
    return score if score is not None else _DEFAULT_SCORE[level]


@dataclass
class Movement:
    """Where a card was in the previous assessment, and which way it went since."""

    quadrant: Quadrant | None  # None: it was not placed then
    arrow: str  # "" when it did not move
    changed_quadrant: bool


def movement(stakeholder: Stakeholder) -> Movement | None:
    """How the card moved since the assessment it was copied from; None for a card that has no
    earlier self or is not placed now."""
    old, now = stakeholder.previous, quadrant_of(stakeholder.influence, stakeholder.interest)
    if old is None or now is None:
        return None
    before = quadrant_of(old.influence, old.interest)
    if before is None:
        return Movement(None, "", True)
    d_interest = position(stakeholder.interest, stakeholder.interest_score) - position(
        old.interest, old.interest_score
    )
    d_influence = position(stakeholder.influence, stakeholder.influence_score) - position(
        old.influence, old.influence_score
    )
    sign = ((d_interest > 0) - (d_interest < 0), (d_influence > 0) - (d_influence < 0))
    return Movement(before, _ARROWS.get(sign, ""), before.key != now.key)


@dataclass
class Card:
    stakeholder: Stakeholder
    moved: Movement | None
    is_new: bool  # not in the assessment this one was copied from


@dataclass
class Cell:
    influence_score: int
    interest_score: int
    cards: list[Card] = field(default_factory=list)


@dataclass
class QuadrantView:
    quadrant: Quadrant
    rows: list[list[Cell]]  # 3 × 3, top to bottom, left to right

    @property
    def count(self) -> int:
        return sum(len(cell.cards) for row in self.rows for cell in row)


@dataclass
class Grid:
    quadrants: list[QuadrantView]  # in GRID_ORDER
    unplaced: list[Card]
    compared: bool  # the assessment has a previous one to show movement from


def grid(assessment: Assessment, stakeholders: list[Stakeholder]) -> Grid:
    """Step 3: the cards in the four quadrants, each in the cell its scores give; the cards
    without both levels in ``unplaced``."""
    by_key = {q.key: q for q in QUADRANTS}
    views = {
        key: QuadrantView(
            by_key[key],
            [
                [Cell(i, j) for j in INTEREST_SCORES[by_key[key].interest]]
                for i in SIDE_SCORES[by_key[key].influence]
            ],
        )
        for key in GRID_ORDER
    }
    compared = assessment.previous_id is not None
    unplaced = []
    for stakeholder in stakeholders:
        card = Card(
            stakeholder,
            movement(stakeholder) if compared else None,
            compared and stakeholder.previous_id is None,
        )
        quadrant = quadrant_of(stakeholder.influence, stakeholder.interest)
        if quadrant is None:
            unplaced.append(card)
            continue
        view = views[quadrant.key]
        row = SIDE_SCORES[quadrant.influence].index(
            position(quadrant.influence, stakeholder.influence_score)
        )
        column = INTEREST_SCORES[quadrant.interest].index(
            position(quadrant.interest, stakeholder.interest_score)
        )
        view.rows[row][column].cards.append(card)
    return Grid([views[key] for key in GRID_ORDER], unplaced, compared)
