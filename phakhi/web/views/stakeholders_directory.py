"""Worksheet 1's "Add to the directory": the actors of the directory that may be this
stakeholder first (the merge page's possible duplicates, then the directory search's
matches), to link to one; another actor by key or name; or a new actor made from it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor
from phakhi.actors.search import actor_search
from phakhi.actors.validation import actor_name_key
from phakhi.core.models import Workspace
from phakhi.imports.merge import merge_candidates
from phakhi.projects.models import Project
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.services import stakeholder_to_directory
from phakhi.web.access import request_author
from phakhi.web.actor_picker import actor_named, with_actor_suggestions
from phakhi.web.forms import add_service_errors
from phakhi.web.views.stakeholders import page_context, stakeholder_url, worksheet_view
from phakhi.web.views.stakeholders_edit import stakeholder_or_404
from phakhi.web.views.stakeholders_forms import DirectoryForm

CANDIDATES_LISTED = 10


def directory_candidates(workspace: Workspace, stakeholder: Stakeholder) -> list[tuple[Actor, str]]:
    """Actors of the directory that may be this stakeholder, with why: the merge page's
    possible duplicates (same comparable name …), then the directory search's matches."""
    kind = stakeholder.kind or "organization"
    probe = Actor(
        workspace=workspace,
        name=stakeholder.name,
        name_key=actor_name_key(stakeholder.name, kind),
        kind=kind,
    )
    found = merge_candidates(workspace, probe, limit=CANDIDATES_LISTED)
    seen = {actor.pk for actor, _why in found}
    for actor in actor_search(workspace, stakeholder.name, page_size=CANDIDATES_LISTED).rows:
        if actor.pk not in seen and len(found) < CANDIDATES_LISTED:
            seen.add(actor.pk)
            found.append((actor, _("name found by the directory search")))
    return found


@worksheet_view("edit")
def stakeholder_directory(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    assessment: Assessment,
    pk: int,
) -> HttpResponse:
    """Add to the directory: possible duplicates first, to link to one; another actor by key
    or name; or a new actor made from the stakeholder."""
    stakeholder = stakeholder_or_404(assessment, pk)
    form = with_actor_suggestions(
        DirectoryForm(request.POST if request.method == "POST" else None), workspace
    )
    assert isinstance(form, DirectoryForm)
    if request.method == "POST" and form.is_valid():
        chosen: Actor | None = None
        choice = request.POST.get("link", "")
        if form.cleaned_data["actor"].strip() and not choice.isdigit():
            choice = "other"  # a name typed means that actor, whichever choice was left on
        if choice.isdigit():
            chosen = Actor.objects.filter(workspace=workspace, pk=int(choice)).first()
            if chosen is None:
                form.add_error(None, _("That actor is not in this workspace any more."))
        elif choice == "other":
            if not form.cleaned_data["actor"].strip():
                form.add_error("actor", _("Type the key or the name of an actor."))
            else:
                chosen = actor_named(workspace, form, "actor")
        elif choice != "new":
            form.add_error(None, _("Choose an actor to link to, or add a new one."))
        if not form.errors:
            try:
                actor = stakeholder_to_directory(
                    request_author(request),
                    stakeholder,
                    actor=chosen,
                    key=form.cleaned_data["key"] if choice == "new" else "",
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("%(name)s is linked to %(actor)s in the directory.")
                    % {"name": stakeholder.name, "actor": actor.name},
                )
                return redirect(stakeholder_url(stakeholder))
    context = {
        **page_context(request, workspace, access, project, assessment, ""),
        "stakeholder": stakeholder,
        "candidates": directory_candidates(workspace, stakeholder),
        "form": form,
    }
    return render(
        request,
        "web/stakeholders/directory.html",
        context,
        status=400 if form.is_bound else 200,
    )
