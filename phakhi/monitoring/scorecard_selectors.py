"""Reading the scorecard for the pages, the API and the CLI: the figures now (read afresh for a
small workspace, the latest snapshot's for a large one), the snapshots of a scope, one figure's
series over time, and the dates of activities and survey rounds to mark on its chart."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from phakhi.core.models import Workspace
from phakhi.monitoring.figures import KEYS, network_figures
from phakhi.monitoring.models import Snapshot, Survey
from phakhi.monitoring.snapshots import runs_in_background
from phakhi.networks.models import Network
from phakhi.participation.models import Activity

MARKERS_LIMIT = 120  # activity days marked on a chart: the latest ones


def snapshots_of(workspace: Workspace, network: Network | None) -> QuerySet[Snapshot]:
    """The scope's snapshots, newest first."""
    found = Snapshot.objects.filter(workspace=workspace)
    found = found.filter(network__isnull=True) if network is None else found.filter(network=network)
    return found.order_by("-on", "-id")


def latest_snapshot(workspace: Workspace, network: Network | None) -> Snapshot | None:
    return snapshots_of(workspace, network).first()


@dataclass
class Scorecard:
    """What a scorecard page shows: ``figures`` (the four dimensions), ``on`` (their day),
    ``live`` (read now, or a snapshot's), the snapshot they come from or the latest one, and
    the one before it for the change."""

    figures: dict[str, dict[str, Any]]
    on: dt.date
    live: bool
    snapshot: Snapshot | None
    previous: Snapshot | None
    count: int  # snapshots of the scope


def scorecard(
    workspace: Workspace, network: Network | None, *, live: bool | None = None
) -> Scorecard:
    """The scope's scorecard: read now when ``live`` (default: when the workspace is small
    enough to read it within a page's time), else its latest snapshot's."""
    recent = list(snapshots_of(workspace, network)[:2])
    count = snapshots_of(workspace, network).count()
    if live is None:
        live = not runs_in_background(workspace)
    if live:
        figures = network_figures(workspace, network)
        latest = recent[0] if recent else None
        return Scorecard(figures.as_dict(), figures.on, True, latest, latest, count)
    if not recent:
        return Scorecard({}, timezone.localdate(), False, None, None, 0)
    previous = recent[1] if len(recent) > 1 else None
    return Scorecard(recent[0].figures, recent[0].on, False, recent[0], previous, count)


def chart_figures() -> list[tuple[str, str]]:
    """(dimension, figure) of every numeric figure a chart can show."""
    return [(dimension, key) for dimension, keys in KEYS.items() for key in keys]


def figure_value(figures: dict[str, dict[str, Any]], figure: str) -> Any:
    """One figure of stored figures: "trust", or "list:<code>" for a self-assessment list."""
    if figure.startswith("list:"):
        return ((figures.get("capacity") or {}).get("lists") or {}).get(figure[5:])
    for values in figures.values():
        if isinstance(values, dict) and figure in values:
            return values[figure]
    return None


def series(
    workspace: Workspace, network: Network | None, figure: str
) -> list[tuple[dt.date, Any, str]]:
    """(day, value, light) of ``figure`` in each snapshot of the scope, oldest first."""
    rows = (
        snapshots_of(workspace, network).order_by("on", "id").values_list("on", "figures", "lights")
    )
    return [(on, figure_value(figures, figure), lights.get(figure, "")) for on, figures, lights
            in rows]  # fmt: skip


@dataclass(frozen=True)
class Marker:
    day: dt.date
    kind: str  # "activity" or "survey"
    label: str


def markers(
    workspace: Workspace, network: Network | None, first: dt.date, last: dt.date
) -> list[Marker]:
    """The days of activities (the latest ``MARKERS_LIMIT``, one marker a day with how many)
    and of survey rounds opened and closed between ``first`` and ``last``, by day."""
    activities = Activity.objects.filter(workspace=workspace, starts_on__range=(first, last))
    if network is not None:
        activities = activities.filter(networks=network)
    days: dict[dt.date, list[str]] = {}
    for day, title in activities.order_by("-starts_on", "-id").values_list("starts_on", "title")[
        : MARKERS_LIMIT * 3
    ]:
        if day in days or len(days) < MARKERS_LIMIT:
            days.setdefault(day, []).append(title)
    found = [Marker(day, "activity", _titles(titles)) for day, titles in days.items()]
    surveys = Survey.objects.filter(workspace=workspace).exclude(opened_at=None)
    if network is not None:
        surveys = surveys.filter(network=network)
    rows = surveys.annotate(opened=TruncDate("opened_at"), closed=TruncDate("closed_at"))
    for name, opened, closed in rows.values_list("name", "opened", "closed"):
        for day in (opened, closed):
            if day is not None and first <= day <= last:
                found.append(Marker(day, "survey", name))
    return sorted(found, key=lambda marker: (marker.day, marker.kind))


def _titles(titles: list[str]) -> str:
    return titles[0] if len(titles) == 1 else f"{titles[0]} (+{len(titles) - 1})"
