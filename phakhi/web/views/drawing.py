"""Worksheet 3, drawing the map (ใบงาน ๓: วาดผังเครือข่ายทุนทางสังคม): the network map opened
from a project's tab, scoped to the project's lead network, editable for those who may edit the
project. The page is the network map's (web/map.html) with the drawing tools; the script
(assets/js/map/draw.js) sends each change here as a form and reads JSON back, and the ties
between two actors come as an htmx fragment with their forms."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor
from phakhi.actors.selectors import actor_get
from phakhi.analysis.mapdata import scope_payload
from phakhi.core.dates import show_date
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.projects.drawing_selectors import placements_of
from phakhi.projects.models import Project
from phakhi.projects.selectors import project_in
from phakhi.web.access import WorkspaceView, forbidden, workspace_view
from phakhi.web.actor_picker import with_actor_suggestions
from phakhi.web.views.drawing_forms import MapActorForm, MapTieForm
from phakhi.web.views.drawing_text import drawing_messages, legend_levels, share_messages
from phakhi.web.views.map import map_context, map_json, map_query_scope

ACTOR_PLACEHOLDER = 2_147_483_647
OTHER_PLACEHOLDER = 2_147_483_646


def project_or_404(workspace: Workspace, slug: str) -> Project:
    try:
        return project_in(workspace, slug)
    except NotFound as error:
        raise Http404(str(error)) from None


def map_actor_or_404(workspace: Workspace, actor_id: int) -> Actor:
    try:
        return actor_get(workspace, actor_id)
    except NotFound as error:
        raise Http404(str(error)) from None


def drawing_view(view: Callable[..., HttpResponseBase]) -> WorkspaceView:
    """A POST that draws on the project's map: for those who may edit the project (403 for the
    others); the view gets the project in place of its slug."""

    @require_POST
    @workspace_view("edit")
    @wraps(view)
    def wrapper(
        request: HttpRequest, workspace: Workspace, access: Access, project: str, **kwargs: Any
    ) -> HttpResponseBase:
        found = project_or_404(workspace, project)
        if not access.can_edit_project(found.network_id):
            if "application/json" in request.headers.get("Accept", ""):  # the map's script
                reason = _("Only the admins and the coordinators of the project's lead network "
                           "draw on its map.")  # fmt: skip
                return errors_json({"__all__": [reason]}, status=403)
            return forbidden(request, access, "edit_project")
        return view(request, workspace, access, found, **kwargs)

    return wrapper


def errors_json(error: ValidationError | dict[str, Any], status: int = 400) -> JsonResponse:
    """A refusal as ``{"errors": {field: [reasons]}}`` ("__all__" for the form as a whole)."""
    errors = error.message_dict if isinstance(error, ValidationError) else error
    if isinstance(error, ValidationError) and not hasattr(error, "error_dict"):
        errors = {"__all__": error.messages}
    return JsonResponse({"errors": errors}, status=status)


def _drawing_config(workspace: Workspace, project: Project) -> dict[str, Any]:
    def url(name: str, *args: Any) -> str:
        return reverse(name, args=[workspace.slug, project.slug, *args])

    return {
        "actor_url": url("web:project-map-actor-add"),
        "place_url": url("web:project-map-place", ACTOR_PLACEHOLDER),
        "join_url": url("web:project-map-join", ACTOR_PLACEHOLDER),
        "tie_url": url("web:project-map-tie-add"),
        "placeholder": str(ACTOR_PLACEHOLDER),
        "messages": drawing_messages(),
    }


@require_GET
@workspace_view()
def project_map(
    request: HttpRequest, workspace: Workspace, access: Access, project: str
) -> HttpResponse:
    found = project_or_404(workspace, project)
    context = map_context(
        request,
        workspace,
        access,
        found.network,
        page_url=reverse("web:project-map", args=[workspace.slug, found.slug]),
        data_url=reverse("web:project-map-data", args=[workspace.slug, found.slug]),
        file_name=found.slug,
    )
    can_draw = access.can_edit_project(found.network_id)
    config = context["config"]
    config["share"] = {
        "title": found.name,
        "date": show_date(timezone.localdate()),
        "levels": legend_levels(),
        "messages": share_messages(),
    }
    config["messages"]["ties_heading"] = _("Ties on this map: open one to see or change it")
    pair = [ACTOR_PLACEHOLDER, OTHER_PLACEHOLDER]
    config["ties_url"] = reverse("web:project-map-ties", args=[workspace.slug, found.slug, *pair])
    config["ties_placeholders"] = [str(ACTOR_PLACEHOLDER), str(OTHER_PLACEHOLDER)]
    if can_draw:
        config["drawing"] = _drawing_config(workspace, found)
    context.update(
        project=found,
        can_draw=can_draw,
        actor_form=MapActorForm(auto_id="map-actor-%s") if can_draw else None,
        tie_form=with_actor_suggestions(MapTieForm(auto_id="map-tie-%s"), workspace)
        if can_draw
        else None,
    )
    return render(request, "web/projects/map.html", context)


@require_GET
@workspace_view()
def project_map_data(
    request: HttpRequest, workspace: Workspace, access: Access, project: str
) -> HttpResponse:
    """The map's data for the project: its lead network's (whatever network the query names),
    with the actors where they were put and which of them the user may draw ties from."""
    found = project_or_404(workspace, project)
    query = request.GET.copy()
    query["network"] = found.network.slug if found.network else ""
    try:
        scope = map_query_scope(query, workspace)
    except ValidationError as error:
        return JsonResponse({"errors": error.message_dict}, status=400)
    payload = scope_payload(scope, access, placements_of(found))
    ids = payload["nodes"]["id"]
    editable: set[int] = set()
    if access.can_edit_project(found.network_id):
        editable = access.editable_actors(ids)
    payload["nodes"]["editable"] = [1 if actor_id in editable else 0 for actor_id in ids]
    return map_json(request, payload)
