"""A survey round's results, in the manner of PARTNER (not PARTNER's own instrument): the
network's trust and value as % of the maximum, the response rate, reciprocity and confirmed
ties, each member's trust and value (mean of the ratings they received; sortable), and the
ties the answers made, confirmed or not, with a link to the map. Aggregates only: a member's
scores rated by fewer than ``FEWEST_SHOWN`` respondents are shown only to those who manage the
round (``survey_results.score_shown``), so that no one's single rating can be read off."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phakhi.accounts.permissions import Access
from phakhi.core.models import Workspace
from phakhi.monitoring.survey_results import FEWEST_SHOWN, score_shown, survey_results
from phakhi.web.access import workspace_view
from phakhi.web.views.surveys import can_manage, survey_or_404

SORT_COLUMNS = (
    ("name", _("Member")),
    ("trust", _("Trust (1–4)")),
    ("value", _("Value (1–4)")),
    ("reported_by", _("Rated by")),
)
SORTS = tuple(key for key, _label in SORT_COLUMNS)


def _sorted(rows: list[dict[str, Any]], sort: str) -> list[dict[str, Any]]:
    """Rows by name (Thai dictionary order, titles aside, as the directory), or by a score,
    highest first (rows without one last, by name)."""
    by_name = sorted(rows, key=lambda row: (row["actor"].sort_key, row["actor"].pk))
    if sort == "name":
        return by_name
    with_value = [row for row in by_name if row[sort] is not None]
    without = [row for row in by_name if row[sort] is None]
    return sorted(with_value, key=lambda row: -row[sort]) + without


@workspace_view()
def survey_results_page(
    request: HttpRequest, workspace: Workspace, access: Access, slug: str
) -> HttpResponse:
    survey = survey_or_404(workspace, slug)
    manages = can_manage(access, survey)
    found = survey_results(survey)
    sort = request.GET.get("sort", "name")
    if sort not in SORTS:
        sort = "name"
    hidden = 0
    rows = []
    for score in found.actors:
        shown = score_shown(score, manages=manages)
        hidden += 0 if shown else 1
        rows.append(
            {
                "actor": score.actor,
                "name": score.actor.name,
                "trust": score.trust if shown else None,
                "value": score.value if shown else None,
                "reported_by": score.reported_by,
            }
        )
    ties = sorted(
        found.ties,
        key=lambda tie: (not tie.confirmed, -tie.level, tie.source.sort_key, tie.target.sort_key),
    )
    context = {
        "workspace": workspace,
        "access": access,
        "survey": survey,
        "results": found,
        "manages": manages,
        "rows": _sorted(rows, sort),
        "sort": sort,
        "sort_columns": SORT_COLUMNS,
        "hidden": hidden,
        "fewest": FEWEST_SHOWN,
        "ties": ties,
        "confirmed": sum(1 for tie in ties if tie.confirmed),
        "map_url": reverse("web:map", kwargs={"workspace": workspace.slug})
        + f"?network={survey.network.slug}",
    }
    return render(request, "web/surveys/results.html", context)
