"""Self-assessment results over time: for one scope (a network, or the agency as a whole), each
date of a final assessment in order with the average score of every list assessed that day —
one line a list on the pages' chart, the same figures in the table beside it. Drafts are not
results yet and are left out, as in the comparison with the previous assessment
(``selectors.py``).

One query for the assessments and one for the averages, whatever the number of lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Avg, Count

from phakhi.assessments.checklists import Template
from phakhi.assessments.models import Answer, SelfAssessment
from phakhi.assessments.templates import TEMPLATES, template_groups
from phakhi.core.models import Workspace
from phakhi.core.thai import sort_key
from phakhi.networks.models import Network

# One colour a list, the same on every page (by the list's place in the pages' order): the
# Okabe–Ito colours that people with colour-blindness tell apart, darkened where they are too
# light on white.
LINE_COLOURS = (
    "#0b57a4", "#d55e00", "#009e73", "#cc79a7", "#a06c00", "#3a8fc4", "#1b1b1b", "#8c564b",
    "#7b3294",
)  # fmt: skip


def colour_of(code: str) -> str:
    order = _page_order()
    place = order.index(code) if code in order else len(order)
    return LINE_COLOURS[place % len(LINE_COLOURS)]


@dataclass(frozen=True)
class Sitting:
    assessment_id: int
    title: str
    answered_by: str


@dataclass(frozen=True)
class TrendPoint:
    """One date on the chart: the final assessments of that date and each list's average (a
    list two of them cover: the later one's)."""

    held_on: dt.date
    assessments: tuple[Sitting, ...]
    averages: dict[str, float | None]  # template code → average of the scored items


@dataclass
class Trend:
    network: Network | None
    lists: list[Template] = field(default_factory=list)  # the chart's lines, in page order
    points: list[TrendPoint] = field(default_factory=list)  # oldest first

    def cells(self, point: TrendPoint) -> list[float | None]:
        """``point``'s averages in the order of ``lists`` (None: the list was not assessed)."""
        return [point.averages.get(template.code) for template in self.lists]

    @property
    def series(self) -> list[tuple[Template, str]]:
        """Each line: its list and its colour."""
        return [(template, colour_of(template.code)) for template in self.lists]

    @property
    def rows(self) -> list[tuple[TrendPoint, list[float | None]]]:
        return [(point, self.cells(point)) for point in self.points]

    @property
    def drawable(self) -> bool:
        """A line needs two dates: with one assessment the result page says it all."""
        return len(self.points) > 1


def _page_order() -> list[str]:
    return [t.code for _code, _title, found in template_groups() for t in found]


def trend(
    workspace: Workspace,
    network: Network | None,
    *,
    codes: list[str] | tuple[str, ...] | None = None,
) -> Trend:
    """The final assessments of ``network`` (None: the agency-wide ones) with each list's
    average; only the lists ``codes`` when given (a result page charts its own lists)."""
    found = (
        SelfAssessment.objects.filter(
            workspace=workspace, network=network, status=SelfAssessment.Status.FINAL
        )
        .order_by("held_on", "id")
        .only("id", "title", "held_on", "answered_by", "templates")
    )
    assessments = list(found)
    wanted = set(codes) if codes is not None else None
    averages: dict[int, dict[str, float | None]] = {a.pk: {} for a in assessments}
    rows = (
        Answer.objects.filter(assessment__in=found)
        .order_by()
        .values("assessment_id", "template")
        .annotate(average=Avg("score"))
    )
    for row in rows:
        if row["template"] not in TEMPLATES or (
            wanted is not None and row["template"] not in wanted
        ):
            continue
        average = row["average"]
        averages[row["assessment_id"]][row["template"]] = (
            round(float(average), 2) if average is not None else None
        )
    shown = {code for found in averages.values() for code, value in found.items() if value}
    lists = [TEMPLATES[code] for code in _page_order() if code in shown]
    by_date: dict[dt.date, TrendPoint] = {}
    for a in assessments:
        if not averages[a.pk]:
            continue
        sitting = Sitting(a.pk, a.title, a.answered_by)
        earlier = by_date.get(a.held_on)
        if earlier is None:
            by_date[a.held_on] = TrendPoint(a.held_on, (sitting,), dict(averages[a.pk]))
        else:
            earlier.averages.update((k, v) for k, v in averages[a.pk].items() if v is not None)
            by_date[a.held_on] = TrendPoint(
                a.held_on, (*earlier.assessments, sitting), earlier.averages
            )
    return Trend(network, lists, list(by_date.values()))


def scopes_with_results(workspace: Workspace) -> list[tuple[Network | None, int]]:
    """Each scope that has final assessments, with how many: the agency first, then the
    networks with the most results first (ties in Thai dictionary order of their names)."""
    counted = (
        SelfAssessment.objects.filter(workspace=workspace, status=SelfAssessment.Status.FINAL)
        .order_by()
        .values("network_id")
        .annotate(finals=Count("id"))
    )
    by_network: dict[int | None, int] = {row["network_id"]: row["finals"] for row in counted}
    networks = Network.objects.filter(workspace=workspace, pk__in=[k for k in by_network if k])
    named: list[tuple[Network, int]] = sorted(
        ((n, by_network[n.pk]) for n in networks),
        key=lambda pair: (-pair[1], sort_key(pair[0].name.casefold())),
    )
    agency: list[tuple[Network | None, int]] = (
        [(None, by_network[None])] if None in by_network else []
    )
    return agency + list(named)
