"""The activity calendar's pages: a month grid (Monday first, the Buddhist era in Thai) that
turns into an agenda on a phone, and a list of days for a month or any range; for the whole
workspace or one network, filtered by network and project. The private feed, the download and
the subscribe actions: calendar_feed.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from phakhi.accounts.permissions import Access
from phakhi.core.dates import DateError, parse_date
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.networks.models import Network
from phakhi.networks.selectors import network_get, networks_by_name
from phakhi.participation.calendar import (
    DAY_LIMIT,
    LIST_MAX_DAYS,
    agenda,
    calendar_entries,
    grid_range,
    month_grid,
    month_title,
    parse_month,
    range_title,
    weekday_names,
)
from phakhi.participation.calendar_feeds import calendar_feed_of
from phakhi.participation.models import Kind
from phakhi.projects.models import Project
from phakhi.projects.selectors import projects_of
from phakhi.web.access import workspace_view


@dataclass(frozen=True)
class CalendarQuery:
    """What the page shows: a month or a range of days, of a network and a project."""

    view: str  # "month" or "list"
    year: int
    month: int
    start: dt.date
    end: dt.date
    network: Network | None
    project: Project | None
    ranged: bool  # the list covers ``start``–``end`` given in the address, not a month
    fixed_network: bool  # the network's own calendar (networks/<slug>/calendar/)

    def params(self, **changes: object) -> dict[str, str]:
        """The address's query for this view with ``changes`` (None drops a parameter)."""
        values: dict[str, object] = {
            "view": "list" if self.view == "list" else None,
            "month": f"{self.year:04d}-{self.month:02d}" if not self.ranged else None,
            "start": self.start.isoformat() if self.ranged else None,
            "end": self.end.isoformat() if self.ranged else None,
            "network": self.network.slug if self.network and not self.fixed_network else None,
            "project": self.project.slug if self.project else None,
        }
        values.update(changes)
        return {k: str(v) for k, v in values.items() if v not in (None, "")}


def _date(text: str | None) -> dt.date | None:
    try:
        return parse_date(text) if text else None
    except DateError:
        return None


def calendar_query(
    request: HttpRequest, workspace: Workspace, network: Network | None = None
) -> CalendarQuery:
    """The page's query from its address; an unknown network or project is a 404."""
    today = timezone.localdate()
    year, month = parse_month(request.GET.get("month"), today)
    view = "list" if request.GET.get("view") == "list" else "month"
    start, end = _date(request.GET.get("start")), _date(request.GET.get("end"))
    ranged = view == "list" and start is not None
    if ranged and start is not None:
        end = end if end is not None and end >= start else start
        end = min(end, start + dt.timedelta(days=LIST_MAX_DAYS - 1))
        year, month = start.year, start.month
    else:
        first = dt.date(year, month, 1)
        start, end = (first, (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(1))
    fixed = network is not None
    try:
        if network is None and request.GET.get("network"):
            network = network_get(workspace, request.GET["network"])
        project = None
        if slug := request.GET.get("project"):
            project = Project.objects.get(workspace=workspace, slug=slug)
    except (NotFound, Project.DoesNotExist) as error:
        raise Http404(str(error)) from None
    assert end is not None
    return CalendarQuery(view, year, month, start, end, network, project, ranged, fixed)


def _url(base: str, params: dict[str, str]) -> str:
    return f"{base}?{urlencode(params)}" if params else base


def calendar_response(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    network: Network | None = None,
) -> HttpResponse:
    query = calendar_query(request, workspace, network)
    today = timezone.localdate()
    networks = (query.network.pk,) if query.network else ()
    project = query.project.pk if query.project else None
    if query.view == "month":
        first, last = grid_range(query.year, query.month)
    else:
        first, last = query.start, query.end
    entries = calendar_entries(workspace, first, last, networks=networks, project=project)
    if network is not None:
        base = reverse(
            "web:network-calendar", kwargs={"workspace": workspace.slug, "slug": network.slug}
        )
    else:
        base = reverse("web:calendar", kwargs={"workspace": workspace.slug})
    month = month_grid(entries, query.year, query.month, today)
    days = agenda(entries, query.start, query.end, today) if query.view == "list" else []
    for day in [*month.days, *days]:
        day.link = _url(base, query.params(view="list", month=None, start=day.date, end=day.date))
    previous, following = month.previous, month.next
    context = {
        "workspace": workspace,
        "access": access,
        "query": query,
        "network": network,
        "title": month_title(query.year, query.month)
        if not query.ranged
        else range_title(query.start, query.end),
        "month": month,
        "weekdays": weekday_names(),
        "days": days,
        "entry_count": len(
            {e.pk for e in entries if e.ends_on >= query.start and e.starts_on <= query.end}
        ),
        "kinds": Kind.choices,
        "day_limit": DAY_LIMIT,
        "networks": networks_by_name(workspace) if network is None else [],
        "projects": projects_of(workspace),
        "base_url": base,
        "previous_url": _url(base, query.params(month=f"{previous:%Y-%m}", start=None, end=None)),
        "next_url": _url(base, query.params(month=f"{following:%Y-%m}", start=None, end=None)),
        "today_url": _url(base, query.params(month=None, start=None, end=None)),
        "month_url": _url(
            base,
            query.params(
                view=None, start=None, end=None, month=f"{query.year:04d}-{query.month:02d}"
            ),
        ),
        "list_url": _url(base, query.params(view="list")),
        "download_url": _url(
            reverse("web:calendar-ics", kwargs={"workspace": workspace.slug}),
            query.params(network=query.network.slug if query.network else None),
        ),
        "subscribe": subscribe_panel(request, workspace, query.network),
    }
    return render(request, "web/calendar/calendar.html", context)


def subscribe_panel(
    request: HttpRequest, workspace: Workspace, network: Network | None
) -> dict[str, object]:
    """The user's private address (with the network's filter and the page's language), or
    nothing yet: the panel then offers to make one."""
    from phakhi.core.dates import current_language

    feed = calendar_feed_of(request.user, workspace)
    params = {}
    if network is not None:
        params["network"] = network.slug
    if current_language() == "en":
        params["lang"] = "en"
    url = ""
    if feed is not None:
        path = reverse("web:calendar-feed", kwargs={"token": feed.token})
        url = request.build_absolute_uri(_url(path, params))
    return {
        "feed": feed,
        "url": url,
        "webcal": url.replace("https://", "webcal://").replace("http://", "webcal://"),
        "next": request.get_full_path(),
    }


@workspace_view()
def calendar_page(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    return calendar_response(request, workspace, access)


@workspace_view()
def network_calendar(
    request: HttpRequest, workspace: Workspace, access: Access, slug: str
) -> HttpResponse:
    try:
        network = network_get(workspace, slug)
    except NotFound as error:
        raise Http404(str(error)) from None
    return calendar_response(request, workspace, access, network)
