"""The changes made on a project's drawn map (worksheet 3): an actor added where it was put or
moved, a tie drawn between two actors (JSON for the map's script), the ties between two actors
changed or ended (an htmx fragment with their forms). Each goes through the services and audit
of the actor page (``phakhi.ties.services``, ``phakhi.projects.drawing``), with its version."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor
from phakhi.actors.validation import actor_name_key
from phakhi.core.models import Workspace
from phakhi.core.versions import EditConflict, UnknownVersion
from phakhi.imports.merge import merge_candidates
from phakhi.projects.drawing import (
    on_project_map,
    project_actor_draw,
    project_actor_join,
    project_actor_place,
    project_tie_draw,
)
from phakhi.projects.drawing_selectors import drawn_for, ties_between
from phakhi.projects.models import Project
from phakhi.ties.models import Tie
from phakhi.ties.services import tie_end, tie_update
from phakhi.ties.vocabulary import WORKSHOP_LEVELS
from phakhi.web.access import request_author, workspace_view
from phakhi.web.actor_picker import actor_named, with_actor_suggestions
from phakhi.web.conflicts import conflict_message
from phakhi.web.views.drawing import (
    drawing_view,
    errors_json,
    map_actor_or_404,
    project_or_404,
)
from phakhi.web.views.drawing_forms import (
    MapActorForm,
    MapPlaceForm,
    MapTieChangeForm,
    MapTieEndForm,
    MapTieForm,
)

DUPLICATES_LISTED = 5
LEVEL_WORDS = dict(WORKSHOP_LEVELS)
MAP_CHANGED = "phakhi:map-changed"  # the event (HX-Trigger) that makes the map load again


def _form_errors(form: forms.Form) -> dict[str, list[str]]:
    return {field: [str(e) for e in errors] for field, errors in form.errors.items()}


def _free_key(workspace: Workspace, project: Project) -> str:
    """A key for an actor drawn on the project's map: the project's slug and a number."""
    prefix = f"{project.slug}-"
    taken = set(
        Actor.objects.filter(workspace=workspace, key__startswith=prefix).values_list(
            "key", flat=True
        )
    )
    number = len(taken) + 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def _may_draw_from(access: Access, *actors: Actor) -> bool:
    """A tie is drawn, changed or ended by those who may edit one of its ends, as on the
    actor page."""
    return bool(access.editable_actors(actor.pk for actor in actors))


def _refused_actor() -> JsonResponse:
    return errors_json(
        {
            "__all__": [
                _(
                    "You may change only actors whose current memberships are all in the "
                    "networks you coordinate, or actors you added that are in no other network."
                )
            ]
        },
        status=403,
    )


@drawing_view
def map_actor_add(
    request: HttpRequest, workspace: Workspace, access: Access, project: Project
) -> HttpResponseBase:
    """Add an actor from the map; possible duplicates in the directory are offered first (409)
    unless the form confirms."""
    form = MapActorForm(request.POST)
    if not form.is_valid():
        return errors_json(_form_errors(form))
    data = form.cleaned_data
    columns = {"kind": data["kind"], "name": data["name"], "sector": data["sector"]}
    if not data["confirm"]:
        unsaved = Actor(workspace=workspace, kind=data["kind"], name=data["name"])
        unsaved.name_key = actor_name_key(data["name"], data["kind"])
        found = merge_candidates(workspace, unsaved)[:DUPLICATES_LISTED]
        if found:
            return JsonResponse(
                {
                    "duplicates": [
                        {
                            "id": actor.pk,
                            "name": actor.name,
                            "key": actor.key,
                            "on_map": on_project_map(project, actor),
                        }
                        for actor, _reason in found
                    ]
                },
                status=409,
            )
    try:
        actor = project_actor_draw(
            request_author(request),
            project,
            x=data["x"],
            y=data["y"],
            key=_free_key(workspace, project),
            **columns,
        )
    except ValidationError as error:
        return errors_json(error)
    return JsonResponse({"id": actor.pk, "key": actor.key, "name": actor.name}, status=201)


@drawing_view
def map_actor_join(
    request: HttpRequest, workspace: Workspace, access: Access, project: Project, pk: int
) -> HttpResponseBase:
    """Put an actor of the directory on the map (a possible duplicate the room meant)."""
    actor = map_actor_or_404(workspace, pk)
    form = MapPlaceForm(request.POST)
    if not form.is_valid():
        return errors_json(_form_errors(form))
    try:
        data = form.cleaned_data
        project_actor_join(request_author(request), project, actor, x=data["x"], y=data["y"])
    except ValidationError as error:
        return errors_json(error)
    return JsonResponse({"id": actor.pk, "key": actor.key, "name": actor.name}, status=201)


@drawing_view
def map_place(
    request: HttpRequest, workspace: Workspace, access: Access, project: Project, pk: int
) -> HttpResponseBase:
    actor = map_actor_or_404(workspace, pk)
    form = MapPlaceForm(request.POST)
    if not form.is_valid():
        return errors_json(_form_errors(form))
    try:
        data = form.cleaned_data
        project_actor_place(request_author(request), project, actor, x=data["x"], y=data["y"])
    except ValidationError as error:
        return errors_json(error)
    return JsonResponse({"id": actor.pk})


@drawing_view
def map_tie_add(
    request: HttpRequest, workspace: Workspace, access: Access, project: Project
) -> HttpResponseBase:
    form = MapTieForm(request.POST)
    if not form.is_valid():
        return errors_json(_form_errors(form))
    source = actor_named(workspace, form, "source")
    target = actor_named(workspace, form, "target")
    via = actor_named(workspace, form, "via") if form.cleaned_data["via"].strip() else None
    if source is None or target is None or form.errors:
        return errors_json(_form_errors(form))
    if not _may_draw_from(access, source, target):
        return _refused_actor()
    try:
        tie = project_tie_draw(
            request_author(request),
            project,
            source=source,
            target=target,
            strength=form.cleaned_data["strength"],
            via=via,
        )
    except ValidationError as error:
        return errors_json(error)
    return JsonResponse(
        {"id": tie.pk, "source": tie.source_id, "target": tie.target_id, "version": tie.version},
        status=201,
    )


def _ties_fragment(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    first: Actor,
    second: Actor,
    *,
    bound: dict[int, forms.Form] | None = None,
    message: str = "",
    error: str = "",
) -> HttpResponse:
    ties = list(ties_between(project, first.pk, second.pk))
    may_edit = access.can_edit_project(project.network_id) and _may_draw_from(access, first, second)
    drawn = drawn_for(project, [tie.pk for tie in ties])
    today = timezone.localdate().isoformat()  # a tie ends today unless told otherwise
    rows = []
    for tie in ties:
        prefix = f"tie-{tie.pk}"
        change = (bound or {}).get(tie.pk) or MapTieChangeForm(
            prefix=prefix,
            initial={
                "version": tie.version,
                "strength": tie.strength,
                "via": tie.via.key if tie.via else "",
            },
        )
        rows.append(
            {
                "tie": tie,
                "level": LEVEL_WORDS.get(tie.strength, tie.get_strength_display()),
                "drawn": drawn.get(tie.pk),
                "change": with_actor_suggestions(change, workspace) if may_edit else None,
                "end": MapTieEndForm(
                    prefix=f"{prefix}-end", initial={"version": tie.version, "until": today}
                )
                if may_edit
                else None,
            }
        )
    context = {
        "workspace": workspace,
        "project": project,
        "first": first,
        "second": second,
        "rows": rows,
        "may_edit": may_edit,
        "message": message,
        "error": error,
    }
    response = render(request, "web/projects/_map_ties.html", context)
    if message:
        response["HX-Trigger"] = MAP_CHANGED
    return response


@require_GET
@workspace_view()
def map_ties(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: str,
    first: int,
    second: int,
) -> HttpResponse:
    """The ties in force between two actors, with their forms for those who may change them."""
    found = project_or_404(workspace, project)
    one, other = map_actor_or_404(workspace, first), map_actor_or_404(workspace, second)
    return _ties_fragment(request, workspace, access, found, one, other)


def _tie_or_404(workspace: Workspace, tie_id: int) -> Tie:
    tie = Tie.objects.filter(workspace=workspace, pk=tie_id).select_related("source", "target")
    found = tie.first()
    if found is None:
        raise Http404(_("There is no such tie in this workspace."))
    return found


def _tie_edit(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    tie_id: int,
    form: forms.Form,
    apply: Any,
    done: str,
) -> HttpResponseBase:
    tie = _tie_or_404(workspace, tie_id)
    if not _may_draw_from(access, tie.source, tie.target):
        return _refused_actor()

    def again(**kwargs: Any) -> HttpResponse:
        return _ties_fragment(request, workspace, access, project, tie.source, tie.target, **kwargs)

    if not form.is_valid():
        reasons = " ".join(str(e) for errors in form.errors.values() for e in errors)
        bound = {tie.pk: form} if isinstance(form, MapTieChangeForm) else None
        return again(bound=bound, error=reasons)
    try:
        apply(tie, form.cleaned_data)
    except EditConflict as conflict:
        return again(error=conflict_message(conflict))
    except (ValidationError, UnknownVersion) as error:
        texts = error.messages if isinstance(error, ValidationError) else [str(error)]
        return again(error=" ".join(texts))
    return again(message=done)


@drawing_view
def map_tie_change(
    request: HttpRequest, workspace: Workspace, access: Access, project: Project, tie_id: int
) -> HttpResponseBase:
    form = MapTieChangeForm(request.POST, prefix=f"tie-{tie_id}")

    def apply(tie: Tie, data: dict[str, Any]) -> None:
        via = None
        if data["via"].strip():
            via = actor_named(workspace, form, "via")
            if via is None:
                raise ValidationError(list(form.errors["via"]))
        author = request_author(request)
        tie_update(author, tie, version=data["version"], strength=data["strength"], via=via)

    return _tie_edit(
        request, workspace, access, project, tie_id, form, apply, _("The tie has been changed.")
    )


@drawing_view
def map_tie_end(
    request: HttpRequest, workspace: Workspace, access: Access, project: Project, tie_id: int
) -> HttpResponseBase:
    form = MapTieEndForm(request.POST, prefix=f"tie-{tie_id}-end")

    def apply(tie: Tie, data: dict[str, Any]) -> None:
        tie_end(request_author(request), tie, data["until"], version=data["version"])

    return _tie_edit(
        request, workspace, access, project, tie_id, form, apply, _("The tie has been ended.")
    )
