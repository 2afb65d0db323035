"""Reads of a live workshop: sessions of a project, a session by its join code, a participant
by their token, and the board the projector shows at each step."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from phakhi.actors.models import Sector
from phakhi.core.thai import thai_sorted
from phakhi.projects.models import Project
from phakhi.stakeholders.vocabulary import GROUP_FIELDS, QUADRANTS
from phakhi.workshops.models import Contribution, Participant, WorkshopSession

Status = Contribution.Status
NO_SECTOR = ""  # the column of contributions whose sector nobody gave
SECTOR_ORDER = (Sector.CIVIL, Sector.ACADEMIC, Sector.GOVERNMENT, NO_SECTOR)
UNPLACED = "unplaced"


def sessions_of(project: Project) -> QuerySet[WorkshopSession]:
    """The project's sessions, newest first, with how many joined and contributed."""
    return (
        WorkshopSession.objects.filter(workspace_id=project.workspace_id, project=project)
        .select_related("assessment", "opened_by")
        .annotate(
            participant_count=Count("participants", distinct=True),
            contribution_count=Count("contributions", distinct=True),
        )
        .order_by("-opened_at", "-id")
    )


def session_of_project(project: Project, session_id: int) -> WorkshopSession | None:
    return (
        WorkshopSession.objects.filter(
            workspace_id=project.workspace_id, project=project, pk=session_id
        )
        .select_related("assessment", "project")
        .first()
    )


def open_session(code: str) -> WorkshopSession | None:
    """The open session with this (normalized) join code."""
    if not code:
        return None
    return (
        WorkshopSession.objects.filter(code=code, closed_at__isnull=True)
        .select_related("project")
        .first()
    )


def joined_participant(code: str, token: str) -> Participant | None:
    """The participant whose phone holds ``token``, if they are in the open session ``code``,
    with the session and its project: the one query every request of a joined phone makes."""
    if not code or not token:
        return None
    found = Participant.objects.select_related("session__project").filter(token=token).first()
    if found is None or found.session.code != code or found.session.closed_at is not None:
        return None
    return found


def contributions_of(participant: Participant) -> list[Contribution]:
    """What one participant named, newest first."""
    return list(participant.contributions.order_by("-created_at", "-id"))


@dataclass(frozen=True, slots=True)
class BoardCard:
    """What the board shows of a contribution (read as plain values: a projector's poll may
    draw thousands)."""

    pk: int
    name: str
    sector: str
    status: str
    influence: str
    interest: str
    groups: tuple[str, ...]
    duplicate_count: int


_BOARD_COLUMNS = ("id", "name", "sector", "status", "influence", "interest", *GROUP_FIELDS)


def shown(session: WorkshopSession) -> list[BoardCard]:
    """The contributions the projector shows — all but the merged and the rejected ones — each
    with how many were merged into it."""
    merged = dict(
        session.contributions.filter(status=Status.MERGED)
        .values("merged_into")
        .annotate(n=Count("id"))
        .values_list("merged_into", "n")
    )
    rows = session.contributions.filter(status__in=(Status.NEW, Status.ACCEPTED)).values_list(
        *_BOARD_COLUMNS
    )
    return [
        BoardCard(
            pk=pk,
            name=name,
            sector=sector,
            status=status,
            influence=influence,
            interest=interest,
            groups=tuple(
                field for field, ticked in zip(GROUP_FIELDS, ticks, strict=True) if ticked
            ),
            duplicate_count=merged.get(pk, 0),
        )
        for pk, name, sector, status, influence, interest, *ticks in rows
    ]


@dataclass
class Board:
    """The session's contributions as the current step groups them."""

    by_sector: dict[str, list[BoardCard]]
    by_group: dict[str, dict[str, list[BoardCard]]]  # group (or "none") → sector → cards
    by_quadrant: dict[str, list[BoardCard]]  # quadrant key (or UNPLACED) → cards
    total: int
    participants: int


def board(session: WorkshopSession) -> Board:
    cards = thai_sorted(shown(session), key=lambda card: card.name)
    by_sector: dict[str, list[BoardCard]] = {sector: [] for sector in SECTOR_ORDER}
    by_group: dict[str, dict[str, list[BoardCard]]] = {
        group: {sector: [] for sector in SECTOR_ORDER} for group in (*GROUP_FIELDS, "none")
    }
    by_quadrant: dict[str, list[BoardCard]] = {q.key: [] for q in QUADRANTS}
    by_quadrant[UNPLACED] = []
    for card in cards:
        by_sector[card.sector].append(card)
        for group in card.groups or ["none"]:
            by_group[group][card.sector].append(card)
        key = f"{card.influence}-{card.interest}"
        by_quadrant[key if key in by_quadrant else UNPLACED].append(card)
    return Board(
        by_sector=by_sector,
        by_group=by_group,
        by_quadrant=by_quadrant,
        total=len(cards),
        participants=session.participants.count(),
    )


def duplicate_groups(session: WorkshopSession) -> list[list[Contribution]]:
    """New contributions whose names read the same once Thai-normalized (titles, spaces, marks
    and digits aside), with the first one named leading each group: the merges to suggest."""
    repeated = (
        session.contributions.filter(status__in=(Status.NEW, Status.ACCEPTED))
        .values("name_key")
        .annotate(n=Count("id"), new=Count("id", filter=Q(status=Status.NEW)))
        .filter(n__gt=1, new__gt=0)
        .values_list("name_key", flat=True)
    )
    groups: dict[str, list[Contribution]] = defaultdict(list)
    rows = session.contributions.filter(
        name_key__in=list(repeated), status__in=(Status.NEW, Status.ACCEPTED)
    ).select_related("participant")
    for row in rows.order_by("created_at", "id"):
        groups[row.name_key].append(row)
    # An accepted one leads its group: the others are merged into it.
    return [
        sorted(group, key=lambda row: row.status != Status.ACCEPTED)
        for group in thai_sorted(groups.values(), key=lambda group: group[0].name)
    ]


def review_rows(session: WorkshopSession) -> QuerySet[Contribution]:
    """Every contribution of the session for the facilitator's review table, oldest first."""
    return session.contributions.select_related(
        "participant", "merged_into", "stakeholder"
    ).order_by("created_at", "id")


def fingerprint(session: WorkshopSession) -> str:
    """What the pollers compare: it changes with anything the board or a phone shows."""
    closed = "c" if session.closed_at else "o"
    return f"{session.revision}-{session.step}-{closed}"
