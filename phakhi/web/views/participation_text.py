"""What the participation dashboard's template shows of the figures: the period chooser's
choices, the names and explanations of the IAP2 levels, the sectors' labels and colours, and the
links from each figure to the activity list filtered the same way (``web:activities`` with
query parameters) or to the actor and activity pages."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from phakhi.actors.models import Kind
from phakhi.analysis.mapmeta import SECTOR_COLOURS
from phakhi.core.dates import show_date
from phakhi.core.periods import Period
from phakhi.participation.dashboard import Dashboard, Subject
from phakhi.participation.dashboard_json import o25_label, sector_label
from phakhi.participation.selectors import NO_LEVEL
from phakhi.participation.vocabulary import NOT_THE_TIE_LEVEL, level_info

QUIET_MONTHS = (1, 3, 6, 9, 12, 18, 24)


def _reverse(name: str, **kwargs: Any) -> str:
    try:
        return reverse(f"web:{name}", kwargs=kwargs)
    except NoReverseMatch:  # the area that owns the page is not installed in this build
        return ""


def activities_url(subject: Subject, period: Period, **filters: object) -> str:
    """The activity list (``web:activities``) filtered to the subject, the period and
    ``filters`` (``planned``, ``achieved``: a level, 0 for none; ``o25``: "missing"), in the
    list's own query parameters."""
    base = _reverse("activities", workspace=subject.workspace.slug)
    if not base:
        return ""
    query: dict[str, object] = dict(period.params())
    if subject.network is not None:
        query["network"] = subject.network.pk
    if subject.project is not None:
        query["project"] = subject.project.pk
    query.update({name: value for name, value in filters.items() if value is not None})
    return f"{base}?{urlencode(query)}"


def _level(number: int | None) -> dict[str, Any]:
    info = level_info(number)
    if info is None:
        return {"number": None, "value": NO_LEVEL, "name": _("not set"), "short": _("not set")}
    return {
        "number": info.number,
        "value": info.number,
        "name": info.numbered,
        "short": info.label,
        "thai": info.thai,
        "meaning": info.meaning,
        "methods": info.methods,
    }


def _period_choices(dashboard: Dashboard, years: list[int]) -> list[dict[str, Any]]:
    chosen = dashboard.period.fiscal_year
    return [
        {"year": year, "label": Period.fiscal(year).label(), "selected": year == chosen}
        for year in years
    ]


def dashboard_context(
    dashboard: Dashboard, *, path: str, fiscal_years: list[int]
) -> dict[str, Any]:
    """The template's view of ``dashboard``: rows ready to show, each with its link."""
    subject, period = dashboard.subject, dashboard.period
    levels = [
        {
            **_level(row.level),
            "planned": row.planned,
            "achieved": row.achieved,
            "planned_url": activities_url(subject, period, planned=_level(row.level)["value"]),
            "achieved_url": activities_url(subject, period, achieved=_level(row.level)["value"]),
        }
        for row in dashboard.levels.rows
    ]
    cross = []
    for row in dashboard.levels.rows:
        cells = []
        for column in dashboard.levels.rows:
            planned, achieved = row.level, column.level
            n = dashboard.levels.cross[planned][achieved]
            state = ""
            if planned is not None and achieved is not None:
                state = "short" if achieved < planned else "met" if achieved == planned else "over"
            cells.append(
                {
                    "n": n,
                    "state": state,
                    "url": activities_url(
                        subject,
                        period,
                        planned=_level(planned)["value"],
                        achieved=_level(achieved)["value"],
                    )
                    if n
                    else "",
                }
            )
        cross.append({"level": _level(row.level), "cells": cells})
    sectors = [
        {
            "value": row.sector or "none",
            "label": sector_label(row.sector),
            "colour": SECTOR_COLOURS[row.sector or "none"],
            "people": row.people,
            "attendances": row.attendances,
            "public": row.public,
            "total": row.people + row.public,
        }
        for row in dashboard.sectors
    ]
    organizations = [
        {
            "name": row.name,
            "key": row.key,
            "url": _reverse("actor", workspace=subject.workspace.slug, pk=row.actor_id),
            "sector": sector_label(row.sector),
            "activities": row.activities,
            "people": row.people,
            "attendances": row.attendances,
        }
        for row in dashboard.organizations
    ]
    quiet = [
        {
            "name": row.name,
            "key": row.key,
            "url": _reverse("actor", workspace=subject.workspace.slug, pk=row.actor_id),
            "kind": Kind(row.kind).label,
            "sector": sector_label(row.sector),
            "last_activity": show_date(row.last_activity) if row.last_activity else None,
        }
        for row in dashboard.quiet_members
    ]
    missing = [
        {
            "key": row.key,
            "title": row.title,
            "url": _reverse("activity", workspace=subject.workspace.slug, activity=row.activity_id),
            "starts_on": show_date(row.starts_on),
            "planned": _level(row.iap2_planned)["short"],
            "achieved": _level(row.iap2_achieved)["short"],
            "missing": [o25_label(name) for name in row.missing],
        }
        for row in dashboard.missing_o25
    ]
    totals = dashboard.totals
    return {
        "dashboard": dashboard,
        "period": period,
        "period_label": period.label(),
        "period_dates": f"{show_date(period.first)} – {show_date(period.last)}",
        "period_choices": _period_choices(dashboard, fiscal_years),
        "period_params": period.params(),
        "page_path": path,
        "quiet_months_choices": QUIET_MONTHS,
        "quiet_since": show_date(dashboard.quiet_since),
        "levels": levels,
        "cross": cross,
        "cross_columns": [_level(row.level) for row in dashboard.levels.rows],
        "sectors": sectors,
        "sector_totals": {
            "people": totals.participants,
            "attendances": totals.attendances,
            "public": totals.public,
            "total": sum(row["total"] for row in sectors),
        },
        "organizations": organizations,
        "quiet_members": quiet,
        "missing_o25": missing,
        "not_the_tie_level": NOT_THE_TIE_LEVEL,
        "activities_url": activities_url(subject, period),
        "missing_o25_url": activities_url(subject, period, o25="missing"),
        "totals": totals,
    }
