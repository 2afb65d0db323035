"""One scorecard figure over time (``scorecard-trend``): its value in each snapshot of the
workspace or a network, as a line chart (Chart.js, assets/js/scorecard.js) drawn from the table
beside it, with the days of activities and survey rounds marked. Without JavaScript the table
and the list of marked days are the page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from phakhi.accounts.permissions import Access
from phakhi.assessments.templates import TEMPLATES
from phakhi.core.dates import current_language
from phakhi.core.models import Workspace
from phakhi.monitoring.lights import LIGHT_NAMES
from phakhi.monitoring.readings import DIMENSION_NAMES, NAMES, PERCENT, SHOWN, value_text
from phakhi.monitoring.scorecard_selectors import markers, series
from phakhi.web.access import workspace_view

DEFAULT_FIGURE = "participation_rate"


def _list_name(code: str) -> str:
    template = TEMPLATES[code]
    return template.thai if current_language() == "th" else str(template.english)


def figure_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The figures a chart can show, grouped by dimension, with their names."""
    groups = [
        (str(DIMENSION_NAMES[dimension]), [(key, str(NAMES[key])) for key in keys])
        for dimension, keys in SHOWN.items()
    ]
    groups[-1][1].extend((f"list:{code}", _list_name(code)) for code in TEMPLATES)
    return groups


def _chart_value(figure: str, value: Any) -> float | None:
    """The number the chart draws: shares as percentages, the rest as they are."""
    if value is None:
        return None
    return round(100 * float(value), 2) if figure in PERCENT else float(value)


@workspace_view()
def scorecard_trend(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    from phakhi.web.views.scorecard import network_or_404

    slug = request.GET.get("network", "").strip()
    network = network_or_404(workspace, slug) if slug else None
    choices = figure_choices()
    known = {key: name for _group, figures in choices for key, name in figures}
    figure = request.GET.get("figure", DEFAULT_FIGURE)
    if figure not in known:
        figure = DEFAULT_FIGURE
    points = series(workspace, network, figure)
    shown_key = "average" if figure.startswith("list:") else figure
    rows = [
        {"on": on, "value": value_text(shown_key, value), "number": _chart_value(figure, value),
         "light": light, "light_name": LIGHT_NAMES.get(light, "")}
        for on, value, light in points
    ]  # fmt: skip
    marked = markers(workspace, network, points[0][0], points[-1][0]) if points else []
    back = (
        reverse("web:network-scorecard", kwargs={"workspace": workspace.slug, "slug": slug})
        if network
        else reverse("web:monitoring", kwargs={"workspace": workspace.slug})
    )
    context = {
        "workspace": workspace,
        "access": access,
        "network": network,
        "figure": figure,
        "figure_name": known[figure],
        "unit": "%" if figure in PERCENT or figure in ("trust", "value") else "",
        "scale_max": 100
        if figure in PERCENT or figure in ("trust", "value")
        else 5
        if shown_key == "average"
        else "",
        "has_values": any(row["number"] is not None for row in rows),
        "choices": choices,
        "rows": rows,
        "markers": marked,
        "back_url": back,
    }
    return render(request, "web/scorecard/trend.html", context)
