"""The compact lists of activities on a network's page and on an actor's page:
``{% network_activities workspace network %}`` and ``{% actor_activities workspace actor %}``
(the latest few, each with its date, kind and IAP2 levels, and a link to all of them). Each
reads a fixed number of queries."""

from typing import Any

from django import template
from django.urls import reverse

from phakhi.actors.models import Actor
from phakhi.core.models import Workspace
from phakhi.networks.models import Network
from phakhi.participation.models import Attendance
from phakhi.participation.selectors import activities_of_actor, activities_of_network
from phakhi.participation.vocabulary import level_info

register = template.Library()

SHOWN = 10  # activities listed on the page; the rest are a link away


def _url(workspace: Workspace, pk: int) -> str:
    return reverse("web:activity", kwargs={"workspace": workspace.slug, "activity": pk})


@register.inclusion_tag("web/activities/_section.html", takes_context=True)
def network_activities(context: Any, workspace: Workspace, network: Network) -> dict[str, Any]:
    access = context.get("access")
    may_add = access is not None and access.can_edit_network(network.pk)
    activities = activities_of_network(network)
    rows = [
        {
            "activity": activity,
            "url": _url(workspace, activity.pk),
            "planned": level_info(activity.iap2_planned),
            "achieved": level_info(activity.iap2_achieved),
            "role": "",
        }
        for activity in activities[:SHOWN]
    ]
    total = len(rows) if len(rows) < SHOWN else activities.count()
    return {
        "rows": rows,
        "total": total,
        "all_url": reverse("web:activities", kwargs={"workspace": workspace.slug})
        + f"?network={network.pk}",
        "section_id": "network-activities",
        "add_url": reverse("web:activity-add", kwargs={"workspace": workspace.slug})
        + f"?network={network.pk}"
        if may_add
        else "",
    }


@register.inclusion_tag("web/activities/_section.html")
def actor_activities(workspace: Workspace, actor: Actor) -> dict[str, Any]:
    rows = [
        {
            "activity": row.activity,
            "url": _url(workspace, row.activity.pk),
            "planned": level_info(row.activity.iap2_planned),
            "achieved": level_info(row.activity.iap2_achieved),
            "role": row.role,
            "arrived": row.arrived,
        }
        for row in activities_of_actor(actor, limit=SHOWN)
    ]
    total = len(rows) if len(rows) < SHOWN else Attendance.objects.filter(actor=actor).count()
    return {
        "rows": rows,
        "total": total,
        "all_url": "",
        "section_id": "actor-activities",
        "add_url": "",
    }
