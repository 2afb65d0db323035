"""Activities (กิจกรรม), addressed by their key: list (the page's filters, by page), read (with
its ETag), create, change (If-Match; 409 with the fields someone else changed), delete. IAP2
levels travel as numbers 1–5 and come back with their names. Changing an activity takes the
right to edit one of its networks or its project; one of neither is the workspace's own."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor
from phakhi.api.access import workspace_access
from phakhi.api.activities_schemas import (
    ActivityCreate,
    ActivityFilters,
    ActivityOut,
    ActivityPage,
    ActivityPatch,
)
from phakhi.api.auth import request_author
from phakhi.api.concurrency import IfMatch, expected_version, with_etag
from phakhi.api.errors import ERROR_RESPONSES as ERRORS
from phakhi.api.errors import forbidden, not_found, unknown
from phakhi.api.lookups import actor_ref, network_in
from phakhi.api.pagination import PageParams, paginate
from phakhi.core import areas
from phakhi.core.dates import current_language
from phakhi.core.selectors import NotFound
from phakhi.participation.access import can_edit_activity, can_link
from phakhi.participation.models import Activity, Attendance, Role
from phakhi.participation.selectors import (
    ActivityFilter,
    activities_for,
    activity_by_key,
    hosts_of,
    with_attendance_counts,
)
from phakhi.participation.services import activity_create, activity_delete, activity_update
from phakhi.participation.vocabulary import level_name, o25_missing
from phakhi.projects.models import Project
from phakhi.projects.selectors import project_in

router = Router(tags=["activities"])

# Body fields named for the web's words, stored under the model's.
RENAMED = {"province": "province_code", "district": "district_code"}
# Fields that null clears to their empty value.
EMPTY = {
    **dict.fromkeys(
        ("place", "description", "decisions", "outcomes", "o25_issue", "o25_participants",
         "o25_results", "o25_results_used", "stage", "province", "district"),
        "",
    ),
    **dict.fromkeys(("public_civil", "public_academic", "public_government", "public_unknown"), 0),
    "forms": [],
    "networks": [],
}  # fmt: skip


def activity_out(activity: Activity, hosts: dict[str, list[Actor]] | None = None) -> ActivityOut:
    hosts = hosts if hosts is not None else hosts_of(activity)
    language = current_language()
    counts = (getattr(activity, "registered", 0), getattr(activity, "arrived", 0))
    return ActivityOut(
        key=activity.key,
        title=activity.title,
        kind=activity.kind,  # type: ignore[arg-type]
        kind_name=str(activity.get_kind_display()),  # type: ignore[attr-defined]
        starts_on=activity.starts_on,
        start_time=activity.start_time.strftime("%H:%M") if activity.start_time else None,
        ends_on=activity.ends_on,
        end_time=activity.end_time.strftime("%H:%M") if activity.end_time else None,
        province_code=activity.province_code,
        province=areas.province_name(activity.province_code, language),
        district_code=activity.district_code,
        district=areas.district_name(activity.district_code, language),
        place=activity.place,
        networks=[network.slug for network in activity.networks.all()],
        project=activity.project.slug if activity.project else None,
        description=activity.description,
        organizers=[actor_ref(actor) for actor in hosts[Role.ORGANIZER]],
        speakers=[actor_ref(actor) for actor in hosts[Role.SPEAKER]],
        iap2_planned=activity.iap2_planned,
        iap2_planned_name=level_name(activity.iap2_planned) or None,
        iap2_achieved=activity.iap2_achieved,
        iap2_achieved_name=level_name(activity.iap2_achieved) or None,
        stage=activity.stage,  # type: ignore[arg-type]
        forms=activity.forms,
        o25_issue=activity.o25_issue,
        o25_participants=activity.o25_participants,
        o25_results=activity.o25_results,
        o25_results_used=activity.o25_results_used,
        o25_missing=o25_missing(activity),
        decisions=activity.decisions,
        outcomes=activity.outcomes,
        public_civil=activity.public_civil,
        public_academic=activity.public_academic,
        public_government=activity.public_government,
        public_unknown=activity.public_unknown,
        satisfaction=float(activity.satisfaction) if activity.satisfaction is not None else None,
        registered=counts[0],
        arrived=counts[1],
        created_at=activity.created_at,
        updated_at=activity.updated_at,
        version=activity.version,
    )


def _hosts_of_page(activities: list[Activity]) -> dict[int, dict[str, list[Actor]]]:
    """The organisers and speakers of a page of activities, in one query."""
    hosts: dict[int, dict[str, list[Actor]]] = {
        a.pk: {Role.ORGANIZER: [], Role.SPEAKER: []} for a in activities
    }
    rows = (
        Attendance.objects.filter(
            activity_id__in=list(hosts), role__in=[Role.ORGANIZER, Role.SPEAKER]
        )
        .select_related("actor")
        .order_by("actor__sort_key", "actor_id")
    )
    for row in rows:
        hosts[row.activity_id][row.role].append(row.actor)
    return hosts


def _activity(access: Access, key: str) -> Activity:
    try:
        found = activity_by_key(access.workspace, key)
    except NotFound as error:
        raise not_found(str(error)) from None
    with_attendance_counts([found])
    return found


def _project(access: Access, slug: str | None) -> Project | None:
    if slug is None:
        return None
    try:
        return project_in(access.workspace, slug)
    except NotFound as error:
        raise unknown(str(error), "project") from None


def _actors(access: Access, keys: list[str], field: str) -> list[Actor]:
    found = {a.key: a for a in Actor.objects.filter(workspace=access.workspace, key__in=keys)}
    missing = [key for key in keys if key not in found]
    if missing:
        raise unknown(
            _("No actor of this workspace has the key: %(keys)s.") % {"keys": ", ".join(missing)},
            field,
        )
    return [found[key] for key in dict.fromkeys(keys)]


def _fields(access: Access, payload: dict[str, Any]) -> dict[str, Any]:
    """The body's fields as the services take them: slugs and keys as rows, nulls as empty."""
    fields: dict[str, Any] = {}
    for name, value in payload.items():
        if value is None and name in EMPTY:
            value = EMPTY[name]
        fields[RENAMED.get(name, name)] = value
    if "networks" in fields:
        fields["networks"] = [network_in(access, s, field="networks") for s in fields["networks"]]
    if "project" in fields:
        fields["project"] = _project(access, fields["project"])
    for name in ("organizers", "speakers"):
        if name in fields:
            fields[name] = _actors(access, fields[name] or [], name)
    return fields


@router.get("/{slug}/activities", response={200: ActivityPage, **ERRORS}, summary="List activities")
def activity_list(
    request: HttpRequest, slug: str, paging: PageParams, filters: Query[ActivityFilters]
) -> dict[str, Any]:
    """The workspace's activities, the latest first, narrowed by network, project, kind, IAP2
    level planned or achieved, a Thai fiscal year or dates, words, o25 still missing."""
    access = workspace_access(request, slug)
    chosen = ActivityFilter(
        networks=[network_in(access, filters.network, field="network").pk]
        if filters.network
        else [],
        project=_project(access, filters.project).pk if filters.project else None,  # type: ignore[union-attr]
        kinds=[filters.kind] if filters.kind else [],
        planned=[filters.planned] if filters.planned is not None else [],
        achieved=[filters.achieved] if filters.achieved is not None else [],
        start=filters.start,
        end=filters.end,
        fiscal_year=filters.fiscal_year,
        search=filters.q,
        o25_missing=filters.o25_missing,
    )
    page = paginate(activities_for(access.workspace, chosen), paging)
    items = list(with_attendance_counts(list(page.items)))
    hosts = _hosts_of_page(items)
    return {**page.meta, "items": [activity_out(a, hosts[a.pk]) for a in items]}


@router.get(
    "/{slug}/activities/{key}", response={200: ActivityOut, **ERRORS}, summary="An activity"
)
def activity_read(request: HttpRequest, slug: str, key: str, response: HttpResponse) -> ActivityOut:
    found = _activity(workspace_access(request, slug), key)
    with_etag(response, found)
    return activity_out(found)


@router.post(
    "/{slug}/activities", response={201: ActivityOut, **ERRORS}, summary="Create an activity"
)
def activity_post(request: HttpRequest, slug: str, payload: ActivityCreate) -> Status[ActivityOut]:
    access = workspace_access(request, slug, "edit")
    fields = _fields(access, payload.model_dump())
    if not can_link(access, [n.pk for n in fields["networks"]], fields["project"]):
        raise forbidden(_("You may record activities only of networks and projects you edit."))
    created = activity_create(request_author(request), access.workspace, **fields)
    return Status(201, activity_out(_activity(access, created.key)))


def _require_edit(access: Access, activity: Activity) -> None:
    if not can_edit_activity(access, activity):
        raise forbidden(_("You may change only the activities of networks and projects you edit."))


@router.patch(
    "/{slug}/activities/{key}",
    response={200: ActivityOut, **ERRORS},
    summary="Change some of an activity's fields",
)
def activity_patch(
    request: HttpRequest,
    slug: str,
    key: str,
    payload: ActivityPatch,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> ActivityOut:
    access = workspace_access(request, slug, "edit")
    found = _activity(access, key)
    _require_edit(access, found)
    fields = _fields(access, payload.model_dump(exclude_unset=True))
    networks = fields.get("networks", list(found.networks.all()))
    if not can_link(access, [n.pk for n in networks], fields.get("project", found.project)):
        raise forbidden(_("You may link activities only to networks and projects you edit."))
    version = expected_version(if_match)
    activity_update(request_author(request), found, version=version, **fields)
    changed = _activity(access, found.key)
    with_etag(response, changed)
    return activity_out(changed)


@router.delete(
    "/{slug}/activities/{key}",
    response={204: None, **ERRORS},
    summary="Delete an activity with its attendance",
)
def activity_remove(
    request: HttpRequest, slug: str, key: str, if_match: IfMatch = None
) -> Status[None]:
    access = workspace_access(request, slug, "edit")
    found = _activity(access, key)
    _require_edit(access, found)
    activity_delete(request_author(request), found, version=expected_version(if_match))
    return Status(204, None)
