"""The open risk alerts on the home page (``{% workspace_alerts workspace %}``: every network's
and the whole workspace's) and on a network's page (``{% network_alerts workspace network %}``):
the newest few with what tripped them, and a link to all. Two queries each."""

from typing import Any
from urllib.parse import urlencode

from django import template
from django.urls import reverse

from phakhi.core.models import Workspace
from phakhi.monitoring.alert_selectors import open_alerts_panel
from phakhi.networks.models import Network

register = template.Library()


def _list_url(workspace: Workspace) -> str:
    return reverse("web:alerts", kwargs={"workspace": workspace.slug})


@register.inclusion_tag("web/alerts/_panel.html")
def workspace_alerts(workspace: Workspace) -> dict[str, Any]:
    return {
        "workspace": workspace,
        "panel": open_alerts_panel(workspace),
        "all_url": _list_url(workspace),
        "section_id": "workspace-alerts",
        "show_where": True,
    }


@register.inclusion_tag("web/alerts/_panel.html")
def network_alerts(workspace: Workspace, network: Network) -> dict[str, Any]:
    return {
        "workspace": workspace,
        "panel": open_alerts_panel(workspace, network),
        "all_url": f"{_list_url(workspace)}?{urlencode({'network': network.slug})}",
        "section_id": "network-alerts",
        "show_where": False,
    }
