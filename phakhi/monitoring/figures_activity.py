"""The scorecard's activity dimension: what the network did in the last 12 months, how far up
the IAP2 spectrum it got, how many members took part, and what has gone quiet.

- A **member** is an actor with a membership that holds on the day (of the network, or of any
  network of the workspace); the workspace's own scorecard counts the members of its networks.
- **Participation rate**: members who took part in at least one activity of the workspace in
  the 12 months up to the day, over the members.
- A member is **dormant** when they took part in no activity of the workspace for
  ``dormant_months`` months (the workspace's threshold, 6 by default).
- A tie is **dormant** when its two actors took part in no activity together for
  ``dormant_months`` months — their co-participation tie's last shared activity is older, or
  there is none — and it did not begin in that time (its ``since``). Ties counted are those
  the analysis counts on the day (active, both ends in scope).

Each figure is one aggregate query; no row of attendance or ties reaches Python.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import CharField, Count, Exists, Max, OuterRef, Q
from django.db.models.fields.json import KT
from django.db.models.functions import Cast

from phakhi.actors.models import Actor
from phakhi.core.dates import months_before
from phakhi.core.models import Workspace
from phakhi.core.periods import active_on
from phakhi.monitoring.thresholds import thresholds_for
from phakhi.networks.models import Membership, Network
from phakhi.participation.models import Activity, Attendance, Level
from phakhi.scope import Scope
from phakhi.ties.models import Tie
from phakhi.ties.vocabulary import COPARTICIPATION

YEAR_MONTHS = 12


def _members(workspace: Workspace, network: Network | None, on: dt.date) -> Any:
    held = Membership.objects.filter(active_on(on), workspace=workspace)
    if network is not None:
        held = held.filter(network=network)
    return Actor.objects.filter(workspace=workspace, pk__in=held.order_by().values("actor_id"))


def _took_part(workspace: Workspace, first: dt.date, last: dt.date) -> Any:
    """The ids of the actors who took part in an activity of the workspace between the days."""
    window = Activity.objects.filter(workspace=workspace, starts_on__range=(first, last))
    return (
        Attendance.objects.filter(activity_id__in=window.order_by().values("pk"))
        .order_by()
        .values("actor_id")
    )


def activity_figures(workspace: Workspace, network: Network | None, on: dt.date) -> dict[str, Any]:
    dormant_months = int(thresholds_for(workspace)["dormant_months"])
    year_since = months_before(on, YEAR_MONTHS) + dt.timedelta(days=1)
    dormant_since = months_before(on, dormant_months) + dt.timedelta(days=1)

    activities = Activity.objects.filter(workspace=workspace, starts_on__lte=on)
    if network is not None:
        activities = activities.filter(networks=network)
    last_activity = activities.aggregate(last=Max("starts_on"))["last"]
    year = activities.filter(starts_on__gte=year_since).order_by()
    levels = dict(year.values_list("iap2_achieved").annotate(n=Count("pk")))
    counted = sum(levels.values())
    assessed = sum(n for level, n in levels.items() if level is not None)
    involved = sum(n for level, n in levels.items() if level is not None and level >= Level.INVOLVE)
    reached = [level for level, n in levels.items() if level is not None and n]

    members = _members(workspace, network, on)
    member_count = members.count()
    participants = members.filter(pk__in=_took_part(workspace, year_since, on)).count()
    dormant = members.exclude(pk__in=_took_part(workspace, dormant_since, on)).count()
    ties, dormant_ties = _tie_counts(workspace, network, on, dormant_since)

    return {
        "activities": counted,
        "since": year_since.isoformat(),
        "iap2_levels": {str(level): int(levels.get(level, 0)) for level in Level.values},
        "iap2_highest": max(reached) if reached else None,
        "iap2_involve_share": involved / assessed if assessed else None,
        "members": member_count,
        "participants": participants,
        "participation_rate": participants / member_count if member_count else None,
        "dormant_months": dormant_months,
        "dormant_since": dormant_since.isoformat(),
        "dormant_members": dormant,
        "dormant_member_share": dormant / member_count if member_count else None,
        "tie_count": ties,
        "dormant_ties": dormant_ties,
        "dormant_tie_share": dormant_ties / ties if ties else None,
        "last_activity_on": last_activity.isoformat() if last_activity else None,
        "days_since_activity": (on - last_activity).days if last_activity else None,
    }


def _tie_counts(
    workspace: Workspace, network: Network | None, on: dt.date, since: dt.date
) -> tuple[int, int]:
    """The ties of the scope on ``on``, and how many of them are dormant since ``since``."""
    scope = Scope(workspace, networks=[network] if network else [], at=on)
    ties = scope.ties().order_by()
    together = Tie.objects.filter(workspace=workspace, kind=COPARTICIPATION, directed=False).alias(
        last=Cast(KT("attributes__last_activity"), CharField())
    )
    recent = together.filter(last__gte=since.isoformat(), last__lte=on.isoformat())
    lively = (
        Q(since__gte=since)
        | Exists(recent.filter(source_id=OuterRef("source_id"), target_id=OuterRef("target_id")))
        | Exists(recent.filter(source_id=OuterRef("target_id"), target_id=OuterRef("source_id")))
    )
    counts = ties.aggregate(all=Count("pk"), dormant=Count("pk", filter=~lively))
    return int(counts["all"]), int(counts["dormant"])
