"""The activity pages (กิจกรรม): the workspace's list with its filters (network, project, kind,
IAP2 level planned and achieved, a Thai fiscal year or dates, words), an activity's page with
its IAP2 levels explained and what ITA's o25 asks it to publish, and a project's tab of
activities. Creating, changing and deleting: activities_edit.py."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.accounts.permissions import Access
from phakhi.core import areas
from phakhi.core.dates import DateError, current_language, fiscal_year, parse_date
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.core.thai import to_arabic_digits
from phakhi.networks.selectors import networks_by_name
from phakhi.participation.access import can_edit_activity, can_link
from phakhi.participation.attendance_selectors import public_count
from phakhi.participation.models import Activity, Form, Kind, Role
from phakhi.participation.selectors import (
    NO_LEVEL,
    ActivityFilter,
    activities_for,
    activities_of_project,
    activity_get,
    fiscal_years_of,
    hosts_of,
    with_attendance_counts,
)
from phakhi.participation.vocabulary import (
    LEVELS,
    NOT_THE_TIE_LEVEL,
    O25_FIELDS,
    level_info,
    needs_o25,
    o25_missing,
)
from phakhi.projects.selectors import projects_of
from phakhi.web.access import workspace_view
from phakhi.web.views.activities_forms import level_choices
from phakhi.web.views.projects import project_or_404

PAGE_SIZE = 25


def activity_or_404(workspace: Workspace, activity_id: int) -> Activity:
    try:
        return activity_get(workspace, activity_id)
    except NotFound as error:
        raise Http404(str(error)) from None


def activity_url(workspace: Workspace, activity: Activity | int) -> str:
    pk = activity if isinstance(activity, int) else activity.pk
    return reverse("web:activity", kwargs={"workspace": workspace.slug, "activity": pk})


def attendance_url(workspace: Workspace, activity: Activity) -> str:
    """The activity's attendance page, once that page exists (the attendance area's route)."""
    try:
        return reverse(
            "web:activity-attendance", kwargs={"workspace": workspace.slug, "activity": activity.pk}
        )
    except NoReverseMatch:
        return ""


def can_add_activities(workspace: Workspace, access: Access) -> bool:
    """Whether the user may start an activity of some network or project of theirs."""
    if not access.can_edit:
        return False
    return not access.is_restricted or bool(access.network_ids)


def _int(value: str | None) -> int | None:
    try:
        return int(to_arabic_digits(value)) if value else None
    except ValueError:
        return None


def _ints(values: list[str]) -> list[int]:
    return [number for value in values if (number := _int(value)) is not None]


def _date(value: str, errors: list[str], what: str) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return parse_date(value)
    except DateError as error:
        errors.append(f"{what}: {error}")
        return None


def read_filters(request: HttpRequest) -> tuple[ActivityFilter, dict[str, Any], list[str]]:
    """The list's filters from the query (``network``, ``project``, ``kind``, ``planned``,
    ``achieved``, ``fy``, ``from``, ``to``, ``q``, ``o25``), what the form shows again, and
    the problems with what was typed."""
    get = request.GET
    errors: list[str] = []
    fiscal = _int(get.get("fy"))
    if fiscal is not None and not 2400 <= fiscal <= 3000:
        errors.append(_("“%(value)s” is not a fiscal year.") % {"value": get.get("fy")})
        fiscal = None
    kinds = [kind for kind in get.getlist("kind") if kind in Kind.values]
    levels = {str(NO_LEVEL), *(str(level.number) for level in LEVELS)}
    planned = [v for v in get.getlist("planned") if v in levels]
    achieved = [v for v in get.getlist("achieved") if v in levels]
    filters = ActivityFilter(
        networks=_ints(get.getlist("network")),
        project=_int(get.get("project")),
        kinds=kinds,
        planned=_ints(planned),
        achieved=_ints(achieved),
        start=_date(get.get("from", ""), errors, _("From")),
        end=_date(get.get("to", ""), errors, _("To")),
        fiscal_year=fiscal,
        search=get.get("q", "").strip()[:200],
        o25_missing=get.get("o25") == "missing",
    )
    shown = {
        "network": filters.networks[0] if filters.networks else None,
        "project": filters.project,
        "kind": kinds[0] if kinds else "",
        "planned": planned[0] if planned else "",
        "achieved": achieved[0] if achieved else "",
        "fy": fiscal,
        "from": get.get("from", "").strip(),
        "to": get.get("to", "").strip(),
        "q": filters.search,
        "o25": filters.o25_missing,
    }
    return filters, shown, errors


def _query(shown: dict[str, Any], **changes: Any) -> str:
    kept = {name: value for name, value in {**shown, **changes}.items() if value}
    if kept.get("o25") is True:
        kept["o25"] = "missing"
    return "?" + urlencode(kept)


def describe(workspace: Workspace, activities: list[Activity]) -> list[Activity]:
    """What a list shows of each activity, read along (attendance counts in one query)."""
    with_attendance_counts(activities)
    language = current_language()
    for activity in activities:
        info: Any = activity
        info.planned = level_info(activity.iap2_planned)
        info.achieved = level_info(activity.iap2_achieved)
        info.province = areas.province_name(activity.province_code, language)
        info.public = public_count(activity)
        info.o25_missing = o25_missing(activity)
        info.url = activity_url(workspace, activity)
    return activities


@workspace_view()
def activity_list(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    filters, shown, errors = read_filters(request)
    paginator = Paginator(activities_for(workspace, filters), PAGE_SIZE)
    page = paginator.get_page(_int(request.GET.get("page")) or 1)
    activities = describe(workspace, list(page.object_list))
    years = fiscal_years_of(workspace)
    this_year = fiscal_year(dt.date.today())
    if this_year not in years:
        years = sorted({*years, this_year}, reverse=True)
    filtered = any(value for value in shown.values())
    context = {
        "workspace": workspace,
        "access": access,
        "activities": activities,
        "page": page,
        "shown": shown,
        "errors": errors,
        "filtered": filtered,
        "networks": networks_by_name(workspace),
        "projects": projects_of(workspace),
        "kinds": Kind.choices,
        "level_choices": level_choices(_("Any level"))[1:],
        "no_level": NO_LEVEL,
        "fiscal_years": years,
        "previous_url": _query(shown, page=page.number - 1) if page.has_previous() else "",
        "next_url": _query(shown, page=page.number + 1) if page.has_next() else "",
        "can_add": can_add_activities(workspace, access),
        "not_the_tie_level": NOT_THE_TIE_LEVEL,
    }
    return render(request, "web/activities/list.html", context)


def levels_explained() -> list[dict[str, Any]]:
    """The IAP2 levels for a help panel: number, names, meaning and the source's methods."""
    return [
        {
            "number": level.number,
            "label": level.label,
            "thai": level.thai,
            "english": level.english,
            "meaning": level.meaning,
            "methods": level.methods,
        }
        for level in LEVELS
    ]


@workspace_view()
def activity_page(
    request: HttpRequest, workspace: Workspace, access: Access, activity: int
) -> HttpResponse:
    found = activity_or_404(workspace, activity)
    describe(workspace, [found])
    language = current_language()
    hosts = hosts_of(found)
    missing = o25_missing(found)
    context = {
        "workspace": workspace,
        "access": access,
        "activity": found,
        "district": areas.district_name(found.district_code, language),
        "networks": list(found.networks.all()),
        "organizers": hosts[Role.ORGANIZER],
        "speakers": hosts[Role.SPEAKER],
        "forms": _forms_of(found),
        "needs_o25": needs_o25(found),
        "o25_not_yet": needs_o25(found) and found.starts_on > timezone.localdate(),
        "o25_rows": [(_label(name), getattr(found, name), name in missing) for name in O25_FIELDS],
        "levels": levels_explained(),
        "not_the_tie_level": NOT_THE_TIE_LEVEL,
        "can_edit": can_edit_activity(access, found),
        "attendance_url": attendance_url(workspace, found),
        "public_rows": [
            (_label(name), getattr(found, name))
            for name in ("public_civil", "public_academic", "public_government", "public_unknown")
        ],
    }
    return render(request, "web/activities/detail.html", context)


def _label(name: str) -> str:
    field = Activity._meta.get_field(name)
    return str(getattr(field, "verbose_name", name))


def _forms_of(activity: Activity) -> list[str]:
    return [str(label) for code, label in Form.choices if code in activity.forms]


@workspace_view()
def project_activities(
    request: HttpRequest, workspace: Workspace, access: Access, project: str
) -> HttpResponse:
    found = project_or_404(workspace, project)
    activities = describe(workspace, list(activities_of_project(found)[:200]))
    context = {
        "workspace": workspace,
        "access": access,
        "project": found,
        "activities": activities,
        "can_add": can_link(access, [], found) if access.can_edit else False,
        "add_url": reverse("web:activity-add", kwargs={"workspace": workspace.slug})
        + "?"
        + urlencode({"project": found.pk}),
        "list_url": reverse("web:activities", kwargs={"workspace": workspace.slug})
        + "?"
        + urlencode({"project": found.pk}),
        "not_the_tie_level": NOT_THE_TIE_LEVEL,
    }
    return render(request, "web/activities/project.html", context)
