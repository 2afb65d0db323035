"""The projects pages (โครงการ): the list, a project's own page (the first of its tabs), creating
and editing a project. A project's worksheets hang under it as tabs (project_tabs.py)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.core.versions import EditConflict
from phakhi.networks.models import Network
from phakhi.networks.selectors import networks_by_name
from phakhi.overview.projects import worksheet_counts
from phakhi.projects.models import Project
from phakhi.projects.selectors import project_in, project_order, projects_by_id
from phakhi.projects.services import project_create, project_update
from phakhi.web.access import WorkspaceView, forbidden, request_author, workspace_view
from phakhi.web.actor_picker import actor_named, with_actor_suggestions
from phakhi.web.conflicts import ConflictRow, reopen, resolved
from phakhi.web.forms import add_service_errors
from phakhi.web.templatetags.project_tabs import tab_urls
from phakhi.web.views.projects_forms import (
    ProjectChangeForm,
    ProjectCreateForm,
    ProjectEditForm,
)

PAGE_SIZE = 100
SEARCH_FROM = 10  # more projects than this: the list has a search box


def project_or_404(workspace: Workspace, slug: str) -> Project:
    try:
        return project_in(workspace, slug)
    except NotFound as error:
        raise Http404(str(error)) from None


def can_create_projects(access: Access) -> bool:
    """Anyone who edits may start a project; a coordinator limited to some networks, one that
    one of their networks leads."""
    return access.can_edit


def _lead_networks(workspace: Workspace, access: Access) -> list[Network]:
    """The networks the user may make a project's lead: a limited coordinator's own."""
    networks = networks_by_name(workspace)
    if access.is_restricted:
        networks = [network for network in networks if access.can_edit_network(network.pk)]
    return networks


def _posted_network_id(request: HttpRequest) -> int | None:
    text = request.POST.get("network", "").strip()
    return int(text) if text.isdigit() else None


@workspace_view()
def project_list(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    found = project_order(workspace, query)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = projects_by_id(workspace, list(page.object_list))
    counts = worksheet_counts(shown)
    context = {
        "workspace": workspace,
        "access": access,
        "rows": [(project, counts[project.pk]) for project in shown],
        "page": page,
        "query": query,
        "searchable": bool(query) or len(found) > SEARCH_FROM,
        "can_create": can_create_projects(access),
    }
    return render(request, "web/projects/list.html", context)


def _form_page(request: HttpRequest, context: dict[str, Any], status: int) -> HttpResponse:
    with_actor_suggestions(context["form"], context["workspace"])
    return render(request, "web/projects/form.html", context, status=status)


def _lead_actor(workspace: Workspace, form: ProjectEditForm) -> tuple[bool, Actor | None]:
    """Whether the form's lead actor field names one actor (or none at all), and which."""
    if not form.cleaned_data.get("lead_actor", "").strip():
        return True, None
    actor = actor_named(workspace, form, "lead_actor")
    return actor is not None, actor


@workspace_view("edit")
def project_add(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    if request.method == "POST" and not access.can_edit_project(_posted_network_id(request)):
        return forbidden(request, access, "edit_project")
    networks = _lead_networks(workspace, access)
    form = ProjectCreateForm(
        request.POST or None, networks=networks, network_required=access.is_restricted
    )
    context: dict[str, Any] = {
        "workspace": workspace,
        "access": access,
        "form": form,
        "title": _("New project"),
        "cancel_url": reverse("web:projects", kwargs={"workspace": workspace.slug}),
    }
    if request.method != "POST" or not form.is_valid():
        return _form_page(request, context, status=400 if form.is_bound else 200)
    found, lead_actor = _lead_actor(workspace, form)
    if not found:
        return _form_page(request, context, status=400)
    data = form.cleaned_data
    network = next((n for n in networks if n.pk == data["network"]), None)
    try:
        project = project_create(
            request_author(request),
            workspace,
            slug=data["slug"],
            name=data["name"],
            description=data["description"],
            network=network,
            lead_actor=lead_actor,
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return _form_page(request, context, status=400)
    messages.success(request, _("The project %(name)s has been created.") % {"name": project.name})
    return redirect("web:project", workspace=workspace.slug, project=project.slug)


@workspace_view()
def project_page(
    request: HttpRequest, workspace: Workspace, access: Access, project: str
) -> HttpResponse:
    found = project_or_404(workspace, project)
    links = []
    if found.network is not None:
        query = urlencode({"network": found.network.slug})
        links = [
            (reverse("web:map", kwargs={"workspace": workspace.slug}) + f"?{query}",
             _("The lead network's map")),
            (reverse("web:directory", kwargs={"workspace": workspace.slug})
             + f"?{urlencode({'network': found.network.pk})}",
             _("The lead network's members in the directory")),
        ]  # fmt: skip
    context = {
        "workspace": workspace,
        "access": access,
        "project": found,
        "can_edit": access.can_edit_project(found.network_id),
        "links": links,
        "counts": worksheet_counts([found])[found.pk],
        "tab_urls": tab_urls(workspace, found),
    }
    return render(request, "web/projects/project.html", context)


def project_editor(view: Callable[..., HttpResponse]) -> WorkspaceView:
    """A view that changes the project ``project`` (a slug) or its worksheets: for users who
    may edit it (403 for the others); the view gets the project in place of its slug."""

    @workspace_view("edit")
    @wraps(view)
    def wrapper(
        request: HttpRequest, workspace: Workspace, access: Access, project: str, **kwargs: Any
    ) -> HttpResponse:
        found = project_or_404(workspace, project)
        if not access.can_edit_project(found.network_id):
            return forbidden(request, access, "edit_project")
        return view(request, workspace, access, found, **kwargs)

    return wrapper


def _shown(project: Project) -> dict[str, Any]:
    """The project's values as the edit form shows them."""
    return {
        "name": project.name,
        "description": project.description,
        "network": project.network_id,
        # The name, as people know the actor; kept as it is unless the person changes it.
        "lead_actor": project.lead_actor.name if project.lead_actor else "",
        "starts_on": project.starts_on,
        "ends_on": project.ends_on,
    }


@project_editor
def project_edit(
    request: HttpRequest, workspace: Workspace, access: Access, project: Project
) -> HttpResponse:
    networks = _lead_networks(workspace, access)
    if project.network is not None and project.network not in networks:
        networks = [project.network, *networks]  # shown as it is, even if not the user's
    data = resolved(request.POST) if request.method == "POST" else None
    form = ProjectChangeForm(
        data,
        initial={**_shown(project), "version": project.version},
        networks=networks,
        network_required=access.is_restricted,
    )
    context: dict[str, Any] = {
        "workspace": workspace,
        "access": access,
        "form": form,
        "project": project,
        "conflicts": [],
        "title": _("Edit %(name)s") % {"name": project.name},
        "cancel_url": reverse(
            "web:project", kwargs={"workspace": workspace.slug, "project": project.slug}
        ),
    }
    if request.method != "POST" or not form.is_valid():
        return _form_page(request, context, status=400 if form.is_bound else 200)
    edited = form.edited
    changes: dict[str, Any] = {
        name: form.cleaned_data[name] for name in edited if name not in ("network", "lead_actor")
    }
    if "lead_actor" in edited:
        found, changes["lead_actor"] = _lead_actor(workspace, form)
        if not found:
            return _form_page(request, context, status=400)
    if "network" in edited:
        wanted = form.cleaned_data["network"]
        if not access.can_edit_project(wanted):
            return forbidden(request, access, "edit_project")
        changes["network"] = next((n for n in networks if n.pk == wanted), None)
    conflicts: list[ConflictRow] = []
    try:
        if changes:
            version = form.cleaned_data["version"]
            project_update(request_author(request), project, version=version, **changes)
    except EditConflict as conflict:
        project.refresh_from_db()
        again, conflicts = reopen(
            form,
            conflict,
            _shown(project),
            networks=networks,
            network_required=access.is_restricted,
        )
        context.update(form=again, conflicts=conflicts)
        return _form_page(request, context, status=409)
    except ValidationError as error:
        add_service_errors(form, error)
        return _form_page(request, context, status=400)
    messages.success(request, _("The project has been saved."))
    return redirect("web:project", workspace=workspace.slug, project=project.slug)
