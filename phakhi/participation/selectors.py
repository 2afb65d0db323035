"""Reads of activities: a workspace's activities filtered as its list, the API and the reports
ask (networks, project, kinds, IAP2 levels, a date range or a Thai fiscal year, words of the
title, o25 still missing), one activity, and the activities of an actor or a network. Every
read takes a fixed number of queries, however many activities it returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F, Max, Min, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core.dates import fiscal_year, fiscal_year_dates
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.core.thai import clean_text, to_arabic_digits
from phakhi.networks.models import Network
from phakhi.participation.attendance_selectors import attendance_counts
from phakhi.participation.models import Activity, Attendance, Role
from phakhi.participation.vocabulary import o25_missing_q
from phakhi.projects.models import Project

NO_LEVEL = 0  # in a filter of levels: activities whose level was not recorded


@dataclass(frozen=True)
class ActivityFilter:
    """What a list of activities is narrowed to; empty values do not narrow."""

    networks: Sequence[int] = ()
    project: int | None = None
    kinds: Sequence[str] = ()
    planned: Sequence[int] = ()  # IAP2 levels planned (NO_LEVEL: none recorded)
    achieved: Sequence[int] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    fiscal_year: int | None = None  # Buddhist era, October to September
    search: str = ""
    o25_missing: bool = False

    def period(self) -> tuple[dt.date | None, dt.date | None]:
        """The dates the filter covers: a fiscal year, narrowed further by start and end."""
        start, end = self.start, self.end
        if self.fiscal_year is not None:
            first, last = fiscal_year_dates(self.fiscal_year)
            start = max(first, start) if start else first
            end = min(last, end) if end else last
        return start, end


def shown(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    """Activities with what a list shows of them read along: project and networks."""
    return activities.select_related("project").prefetch_related(
        Prefetch("networks", queryset=Network.objects.order_by("name"))
    )


def _levels(name: str, levels: Sequence[int]) -> Q:
    wanted = Q(**{f"{name}__in": [level for level in levels if level != NO_LEVEL]})
    if NO_LEVEL in levels:
        wanted |= Q(**{f"{name}__isnull": True})
    return wanted


def search_terms(text: str) -> list[str]:
    """The words of a search, each to be found: spaces separate them, Thai digits read as
    Arabic ones (ACT-๐๐๑ finds ACT-001)."""
    return [term for term in clean_text(text).split(" ") if term]


def _search(terms: Iterable[str]) -> Q:
    condition = Q()
    for term in terms:
        either = Q()
        for form in dict.fromkeys((term, to_arabic_digits(term))):
            either |= (
                Q(title__icontains=form)
                | Q(key__icontains=form)
                | Q(place__icontains=form)
                | Q(description__icontains=form)
            )
        condition &= either
    return condition


def activities_for(
    workspace: Workspace, filters: ActivityFilter | None = None, **narrowed: Any
) -> QuerySet[Activity]:
    """The workspace's activities that pass ``filters`` — or the same given by name
    (``networks=[ids]``, ``project=id``, ``kinds``, ``planned``, ``achieved``, ``start``,
    ``end``, ``fiscal_year``, ``search``, ``o25_missing``) — the latest first. An activity is
    in a date range when any of its days is (it may start before and end within)."""
    f = replace(filters or ActivityFilter(), **narrowed)
    activities = Activity.objects.filter(workspace=workspace)
    if f.networks:
        activities = activities.filter(
            pk__in=Activity.networks.through.objects.filter(network_id__in=f.networks).values(
                "activity_id"
            )
        )
    if f.project is not None:
        activities = activities.filter(project_id=f.project)
    if f.kinds:
        activities = activities.filter(kind__in=f.kinds)
    if f.planned:
        activities = activities.filter(_levels("iap2_planned", f.planned))
    if f.achieved:
        activities = activities.filter(_levels("iap2_achieved", f.achieved))
    start, end = f.period()
    if end is not None:
        activities = activities.filter(starts_on__lte=end)
    if start is not None:
        activities = activities.alias(last_day=Coalesce("ends_on", "starts_on")).filter(
            last_day__gte=start
        )
    if f.search.strip():
        activities = activities.filter(_search(search_terms(f.search)))
    if f.o25_missing:
        activities = activities.filter(o25_missing_q())
    return shown(activities).order_by("-starts_on", F("start_time").desc(nulls_last=True), "-id")


def with_attendance_counts(activities: Sequence[Activity]) -> Sequence[Activity]:
    """The activities, each given ``registered`` and ``arrived`` (one query for them all)."""
    counts = attendance_counts(activity.pk for activity in activities)
    for activity in activities:
        activity.registered, activity.arrived = counts.get(activity.pk, (0, 0))  # type: ignore[attr-defined]
    return activities


def activity_get(workspace: Workspace, activity_id: int | str) -> Activity:
    """One activity of the workspace with its project and networks."""
    try:
        return shown(Activity.objects.filter(workspace=workspace)).get(pk=int(activity_id))
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise NotFound(
            _("There is no activity %(id)s in this workspace.") % {"id": activity_id}
        ) from None


def activity_by_key(workspace: Workspace, key: str) -> Activity:
    """One activity of the workspace by its key (the API's address)."""
    try:
        return shown(Activity.objects.filter(workspace=workspace)).get(key=key)
    except ObjectDoesNotExist:
        raise NotFound(
            _("There is no activity with the key “%(key)s” in this workspace.") % {"key": key}
        ) from None


@dataclass(frozen=True)
class ActorActivity:
    """An activity an actor took part in, and how."""

    activity: Activity
    role: str
    arrived: bool


def activities_of_actor(actor: Actor, limit: int | None = None) -> list[ActorActivity]:
    """The activities an actor took part in, the latest first, with the actor's role."""
    rows = (
        Attendance.objects.filter(actor=actor)
        .select_related("activity", "activity__project")
        .order_by("-activity__starts_on", "-activity_id")
    )
    if limit is not None:
        rows = rows[:limit]
    return [ActorActivity(row.activity, row.role, row.checked_in_at is not None) for row in rows]


def activities_of_network(network: Network) -> QuerySet[Activity]:
    """A network's activities, the latest first."""
    return activities_for(network.workspace, ActivityFilter(networks=[network.pk]))


def activities_of_project(project: Project) -> QuerySet[Activity]:
    """A project's activities, the latest first."""
    return activities_for(project.workspace, ActivityFilter(project=project.pk))


def hosts_of(activity: Activity) -> dict[str, list[Actor]]:
    """The activity's organisers and speakers (วิทยากร), each in Thai name order."""
    rows = (
        Attendance.objects.filter(activity=activity, role__in=[Role.ORGANIZER, Role.SPEAKER])
        .select_related("actor")
        .order_by("actor__sort_key", "actor_id")
    )
    hosts: dict[str, list[Actor]] = {Role.ORGANIZER: [], Role.SPEAKER: []}
    for row in rows:
        hosts[row.role].append(row.actor)
    return hosts


def fiscal_years_of(workspace: Workspace) -> list[int]:
    """The Thai fiscal years (Buddhist era) the workspace has activities in, latest first."""
    span = Activity.objects.filter(workspace=workspace).aggregate(
        first=Min("starts_on"), last=Max("starts_on")
    )
    if span["first"] is None:
        return []
    return list(range(fiscal_year(span["last"]), fiscal_year(span["first"]) - 1, -1))
