"""Creating, changing and deleting activities. The form offers the networks and projects the
user may link an activity to; organisers and speakers (วิทยากร) are chosen from the directory
with the actor picker and kept as attendance in those roles. An edit carries the version it was
opened at: a colleague's change to the same field comes back side by side."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor
from phakhi.core.models import Workspace
from phakhi.core.versions import EditConflict
from phakhi.networks.models import Network
from phakhi.networks.selectors import networks_by_name
from phakhi.participation import services
from phakhi.participation.access import can_edit_activity, can_link
from phakhi.participation.models import Activity, Role
from phakhi.participation.selectors import hosts_of
from phakhi.participation.vocabulary import NOT_THE_TIE_LEVEL
from phakhi.projects.models import Project
from phakhi.projects.selectors import projects_of
from phakhi.web.access import WorkspaceView, forbidden, request_author, workspace_view
from phakhi.web.actor_picker import actor_named, with_actor_suggestions
from phakhi.web.conflicts import ConflictRow, reopen, resolved
from phakhi.web.forms import add_service_errors
from phakhi.web.views.activities import activity_or_404, activity_url, levels_explained
from phakhi.web.views.activities_forms import (
    ACTIVITY_FIELDS,
    ActivityChangeForm,
    ActivityForm,
    DeleteForm,
    activity_initial,
)


def _list_url(workspace: Workspace) -> str:
    return reverse("web:activities", kwargs={"workspace": workspace.slug})


def _choices(
    workspace: Workspace, access: Access, activity: Activity | None = None
) -> dict[str, Any]:
    """The networks and projects the user may link an activity to (and the activity's own)."""
    networks: list[Network] = [
        n for n in networks_by_name(workspace) if access.can_edit_network(n.pk)
    ]
    projects: list[Project] = [
        p for p in projects_of(workspace) if access.can_edit_project(p.network_id)
    ]
    if activity is not None:
        for network in activity.networks.all():
            if network not in networks:
                networks.append(network)
        if activity.project is not None and activity.project not in projects:
            projects.append(activity.project)
    return {"workspace": workspace, "networks": networks, "projects": projects}


def activity_editor(view: Callable[..., HttpResponse]) -> WorkspaceView:
    """A view that changes the activity ``activity``: for those who may edit one of its
    networks or its project (403 for the others); the view gets the activity itself."""

    @workspace_view("edit")
    @wraps(view)
    def wrapper(
        request: HttpRequest, workspace: Workspace, access: Access, activity: int, **kwargs: Any
    ) -> HttpResponse:
        found = activity_or_404(workspace, activity)
        if not can_edit_activity(access, found):
            return forbidden(request, access, "edit_activity")
        return view(request, workspace, access, found, **kwargs)

    return wrapper


def _sent_list(form: ActivityForm, name: str) -> list[str]:
    data: Any = form.data
    found = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
    return [str(value) for value in (found if isinstance(found, list) else [found])]


HOST_FIELDS = ((Role.ORGANIZER, "organizers", "organizer_add"),
               (Role.SPEAKER, "speakers", "speaker_add"))  # fmt: skip


def _hosts(
    workspace: Workspace, form: ActivityForm, current: dict[str, list[Actor]] | None = None
) -> dict[str, list[Actor]] | None:
    """The organisers and speakers the form asks for: on a new activity those added with the
    pickers; on an edit the ``current`` ones but those the person unticked (of the ones the form
    showed them: a host a colleague added meanwhile stays), and the ones added. None when a
    picked name is not one actor (the form says why)."""
    hosts: dict[str, list[Actor]] = {}
    for role, listed, field in HOST_FIELDS:
        hosts[role] = form.kept_hosts(role)
        if current is not None:
            kept = {actor.pk for actor in hosts[role]}
            shown = {int(pk) for pk in _sent_list(form, f"initial-{listed}") if pk.isdigit()}
            hosts[role] = [a for a in current[role] if a.pk in kept or a.pk not in shown]
        if form.cleaned_data.get(field):
            actor = actor_named(workspace, form, field)
            if actor is None:
                return None
            if actor not in hosts[role]:
                hosts[role].append(actor)
    return hosts


def _context(
    workspace: Workspace, access: Access, form: ActivityForm, **more: Any
) -> dict[str, Any]:
    with_actor_suggestions(form, workspace)
    return {
        "workspace": workspace,
        "access": access,
        "form": form,
        "levels": levels_explained(),
        "not_the_tie_level": NOT_THE_TIE_LEVEL,
        **more,
    }


@workspace_view("edit")
def activity_add(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    choices = _choices(workspace, access)
    if access.is_restricted and not choices["networks"] and not choices["projects"]:
        return forbidden(request, access, "edit_activity")
    initial: dict[str, Any] = {"kind": "meeting"}
    if request.GET.get("project", "").isdigit():
        initial["project"] = request.GET["project"]
    if request.GET.get("network", "").isdigit():
        initial["networks"] = [request.GET["network"]]
    form = ActivityForm(request.POST or None, initial=initial, **choices)
    if request.method == "POST" and form.is_valid():
        data = form.activity_values()
        if not can_link(access, [n.pk for n in data["networks"]], data["project"]):
            return forbidden(request, access, "edit_activity")
        hosts = _hosts(workspace, form)
        if hosts is not None:
            try:
                activity = services.activity_create(
                    request_author(request),
                    workspace,
                    organizers=hosts[Role.ORGANIZER],
                    speakers=hosts[Role.SPEAKER],
                    **data,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The activity has been saved."))
                return redirect(activity_url(workspace, activity))
    context = _context(
        workspace,
        access,
        form,
        title=_("New activity"),
        cancel_url=_list_url(workspace),
        conflicts=[],
    )
    status = 400 if form.is_bound else 200
    return render(request, "web/activities/form.html", context, status=status)


@activity_editor
def activity_edit(
    request: HttpRequest, workspace: Workspace, access: Access, activity: Activity
) -> HttpResponse:
    choices = {**_choices(workspace, access, activity), "hosts": hosts_of(activity)}
    initial = {**activity_initial(activity), "version": activity.version}
    for field, role in (("organizers", Role.ORGANIZER), ("speakers", Role.SPEAKER)):
        initial[field] = [str(actor.pk) for actor in choices["hosts"][role]]
    form: ActivityForm = ActivityChangeForm(initial=initial, **choices)
    conflicts: list[ConflictRow] = []
    status = 200
    if request.method == "POST":
        form = ActivityChangeForm(resolved(request.POST), initial=initial, **choices)
        status = 400
        if form.is_valid():
            saved = _save(request, workspace, access, activity, form)
            if isinstance(saved, HttpResponse):
                return saved
            if saved is not None:
                form, conflicts = saved
                status = 409
    context = _context(
        workspace,
        access,
        form,
        title=_("Edit the activity"),
        activity=activity,
        cancel_url=activity_url(workspace, activity),
        conflicts=conflicts,
    )
    return render(request, "web/activities/form.html", context, status=status)


def _save(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    activity: Activity,
    form: ActivityForm,
) -> HttpResponse | tuple[Any, list[ConflictRow]] | None:
    """Save the edit: a redirect when saved, the form again with the conflicts, or None when
    the form now shows errors."""
    assert isinstance(form, ActivityChangeForm)
    edited = [name for name in form.edited if name in ACTIVITY_FIELDS]
    values = form.activity_values(edited)
    networks = values.get("networks", list(activity.networks.all()))
    project = values.get("project", activity.project)
    if not can_link(access, [n.pk for n in networks], project):
        return forbidden(request, access, "edit_activity")
    hosts = _hosts(workspace, form, hosts_of(activity))
    if hosts is None:
        return None
    try:
        services.activity_update(
            request_author(request),
            activity,
            version=form.cleaned_data["version"],
            organizers=hosts[Role.ORGANIZER],
            speakers=hosts[Role.SPEAKER],
            **values,
        )
    except EditConflict as conflict:
        return _reopen(workspace, access, activity, form, conflict)
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    messages.success(request, _("The activity has been saved."))
    return redirect(activity_url(workspace, activity))


MULTIPLE = ("networks", "forms")
HOSTS = ("organizers", "speakers", "organizer_add", "speaker_add")


def _reopen(
    workspace: Workspace,
    access: Access,
    activity: Activity,
    form: ActivityChangeForm,
    conflict: EditConflict,
) -> tuple[Any, list[ConflictRow]]:
    """The form again at the current version, with the person's lists (networks, forms) and
    hosts as they chose them: nothing of the edit was saved, hosts included."""
    activity.refresh_from_db()
    choices = {**_choices(workspace, access, activity), "hosts": hosts_of(activity)}
    current = activity_initial(activity)
    for field, role in (("organizers", Role.ORGANIZER), ("speakers", Role.SPEAKER)):
        current[field] = [str(actor.pk) for actor in choices["hosts"][role]]
    again, rows = reopen(form, conflict, current, **choices)
    data: Any = again.data  # the plain dict reopen made; the person's lists go back in
    sent: Any = form.data
    for name in MULTIPLE:
        if name in form.edited:
            data[name] = sent.getlist(name)
    for name in HOSTS:
        if name in form.fields:
            many = name in ("organizers", "speakers")
            data[name] = sent.getlist(name) if many else sent.get(name, "")
    return again, rows


@activity_editor
def activity_delete(
    request: HttpRequest, workspace: Workspace, access: Access, activity: Activity
) -> HttpResponse:
    form = DeleteForm(request.POST or None, initial={"version": activity.version})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.activity_delete(
                    request_author(request), activity, version=form.cleaned_data["version"]
                )
            except EditConflict:
                messages.error(
                    request,
                    _("Someone changed the activity after you opened this page; look again."),
                )
                return redirect(activity_url(workspace, activity))
            messages.success(
                request, _("The activity “%(title)s” has been deleted.") % {"title": activity}
            )
            return redirect(_list_url(workspace))
    context = {
        "workspace": workspace,
        "access": access,
        "activity": activity,
        "form": form,
        "registered": activity.attendances.count(),
    }
    return render(request, "web/activities/delete.html", context, status=status)
