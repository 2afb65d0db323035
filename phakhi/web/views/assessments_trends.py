"""The "over time" part of the self-assessment pages: which scope the workspace's list charts
(the agency's own assessments, or one network's, chosen with ``?scope=``), and the context the
``_over_time.html`` include reads."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from phakhi.assessments.trends import scopes_with_results, trend
from phakhi.core.dates import current_language
from phakhi.core.models import Workspace
from phakhi.networks.models import Network

AGENCY = "agency"


def chosen_scope(
    request: HttpRequest, scopes: list[tuple[Network | None, int]]
) -> tuple[Network | None, bool]:
    """The scope ``?scope=`` names among those with results (``agency`` or a network's slug);
    by default the agency's own when it has results, else the network with the most. The
    second value says whether there is anything to chart."""
    asked = request.GET.get("scope", "")
    for network, _count in scopes:
        if (network is None and asked == AGENCY) or (network is not None and asked == network.slug):
            return network, True
    if scopes:
        return scopes[0][0], True
    return None, False


def workspace_trend(request: HttpRequest, workspace: Workspace) -> dict[str, Any]:
    scopes = scopes_with_results(workspace)
    network, found = chosen_scope(request, scopes)
    here = reverse("web:assessments", kwargs={"workspace": workspace.slug})
    return {
        "trend": trend(workspace, network) if found else None,
        "trend_scopes": [
            {
                "value": AGENCY if scope is None else scope.slug,
                "name": scope.name if scope is not None else None,
                "count": count,
                "chosen": scope == network,
            }
            for scope, count in scopes
        ],
        "trend_url": here,
        "chart_id": "assessments-over-time",
        "thai": current_language() == "th",
    }


def network_trend(workspace: Workspace, network: Network) -> dict[str, Any]:
    return {
        "trend": trend(workspace, network),
        "trend_scopes": [],
        "chart_id": "assessments-over-time",
        "thai": current_language() == "th",
    }
