"""The participation dashboard (การมีส่วนร่วม): how far up the IAP2 spectrum a workspace, a
network or a project really gets in a period — a Thai fiscal year (the current one unless the
page is told otherwise) or any range of days. The figures come from
``phakhi.participation.dashboard``; what the template shows of them (labels, links to the
activity list, the charts' tables) is built in ``participation_text``."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from phakhi.accounts.permissions import Access
from phakhi.core.dates import DateError
from phakhi.core.models import Workspace
from phakhi.core.periods import Period, period_from
from phakhi.core.selectors import NotFound
from phakhi.networks.selectors import network_get
from phakhi.participation.dashboard import (
    DEFAULT_QUIET_MONTHS,
    Subject,
    fiscal_years,
    participation_dashboard,
)
from phakhi.web.access import workspace_view
from phakhi.web.views.participation_text import QUIET_MONTHS, dashboard_context
from phakhi.web.views.projects import project_or_404

PAGE_LIMIT = 20  # rows of each list on the page (the API and the command give more)


def _months(value: str | None) -> int:
    try:
        months = int(value or DEFAULT_QUIET_MONTHS)
    except ValueError:
        return DEFAULT_QUIET_MONTHS
    return months if months in QUIET_MONTHS else DEFAULT_QUIET_MONTHS


def _page(
    request: HttpRequest, access: Access, subject: Subject, template: str, **extra: Any
) -> HttpResponse:
    error = None
    try:
        period = period_from(request.GET.get("fy"), request.GET.get("from"), request.GET.get("to"))
    except DateError as problem:
        error, period = str(problem), Period.current()
    months = _months(request.GET.get("months"))
    dashboard = participation_dashboard(subject, period, quiet_months=months, limit=PAGE_LIMIT)
    context = {
        "workspace": subject.workspace,
        "access": access,
        "period_error": error,
        **dashboard_context(
            dashboard, path=request.path, fiscal_years=fiscal_years(subject.workspace)
        ),
        **extra,
    }
    return render(request, template, context, status=400 if error else 200)


@workspace_view()
def workspace_dashboard(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    return _page(request, access, Subject(workspace), "web/participation/workspace.html")


@workspace_view()
def network_dashboard(
    request: HttpRequest, workspace: Workspace, access: Access, slug: str
) -> HttpResponse:
    try:
        network = network_get(workspace, slug)
    except NotFound as error:
        raise Http404(str(error)) from None
    return _page(
        request,
        access,
        Subject(workspace, network=network),
        "web/participation/network.html",
        network=network,
    )


@workspace_view()
def project_dashboard(
    request: HttpRequest, workspace: Workspace, access: Access, project: str
) -> HttpResponse:
    found = project_or_404(workspace, project)
    return _page(
        request,
        access,
        Subject(workspace, project=found),
        "web/participation/project.html",
        project=found,
    )
