"""The review of registrations at the door: each pending one with the directory's actors it
may be (the merge's duplicate search, with reasons), to accept as a new actor, link to one of
them ("this is X"), or reject. Per activity, and for the whole workspace."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor
from phakhi.core.models import Workspace
from phakhi.core.personal import personal_view
from phakhi.participation.attendance_selectors import (
    registration_candidates,
    registrations_pending,
)
from phakhi.participation.models import Activity, Registration
from phakhi.participation.registrations import (
    registration_accept,
    registration_link,
    registration_reject,
)
from phakhi.web.access import forbidden, request_author, workspace_view
from phakhi.web.actor_picker import ActorPicker, actor_named, with_actor_suggestions
from phakhi.web.views.attendance_access import activity_or_404, can_manage_attendance

LISTED = 200  # registrations one page lists


class LinkForm(forms.Form):
    """ "This is someone else": an actor of the directory the candidates did not show."""

    actor = forms.CharField(
        label=gettext_lazy("Someone else in the directory"), max_length=300, widget=ActorPicker()
    )


def _link_form(workspace: Workspace, registration: Registration, data: Any = None) -> LinkForm:
    form = LinkForm(data, prefix=f"r{registration.pk}")
    with_actor_suggestions(form, workspace)
    return form


def _rows(workspace: Workspace, access: Access, registrations: list[Registration]) -> list[Any]:
    masked = personal_view(access).masked
    rows = []
    for registration in registrations:
        rows.append(
            {
                "registration": registration,
                "candidates": registration_candidates(registration),
                "contacts": not masked,
                "can_edit": can_manage_attendance(access, registration.activity),
                "link_form": _link_form(workspace, registration),
            }
        )
    return rows


@workspace_view()
def activity_registrations(
    request: HttpRequest, workspace: Workspace, access: Access, activity: int
) -> HttpResponse:
    found = activity_or_404(workspace, activity)
    pending = list(registrations_pending(workspace, found)[:LISTED])
    context = {
        "workspace": workspace,
        "activity": found,
        "rows": _rows(workspace, access, pending),
    }
    return render(request, "web/attendance/registrations.html", context)


@workspace_view()
def registrations(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    everything = registrations_pending(workspace)
    pending = list(everything[:LISTED])
    context = {
        "workspace": workspace,
        "activity": None,
        "rows": _rows(workspace, access, pending),
        "total": everything.count(),
    }
    return render(request, "web/attendance/registrations.html", context)


def _registration_or_404(workspace: Workspace, registration_id: int) -> Registration:
    found = (
        Registration.objects.filter(workspace=workspace, pk=registration_id)
        .select_related("activity", "activity__project")
        .first()
    )
    if found is None:
        raise Http404(_("This workspace has no such registration."))
    return found


def _back(request: HttpRequest, workspace: Workspace, activity: Activity) -> HttpResponse:
    if request.POST.get("from") == "workspace":
        return redirect(reverse("web:registrations", kwargs={"workspace": workspace.slug}))
    return redirect(
        reverse(
            "web:activity-registrations",
            kwargs={"workspace": workspace.slug, "activity": activity.pk},
        )
    )


def _review(request: HttpRequest, workspace: Workspace, access: Access, registration: int,
            decide: Any) -> HttpResponse:  # fmt: skip
    found = _registration_or_404(workspace, registration)
    if not can_manage_attendance(access, found.activity):
        return forbidden(request, access, "edit_activity")
    if request.method == "POST":
        try:
            text = decide(found)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            if text:
                messages.success(request, text)
    return _back(request, workspace, found.activity)


@workspace_view("edit")
def registration_accept_view(
    request: HttpRequest, workspace: Workspace, access: Access, registration: int
) -> HttpResponse:
    def decide(found: Registration) -> str:
        actor = registration_accept(request_author(request), found)
        return _("%(name)s is added to the directory and to the activity.") % {"name": actor.name}

    return _review(request, workspace, access, registration, decide)


@workspace_view("edit")
def registration_link_view(
    request: HttpRequest, workspace: Workspace, access: Access, registration: int
) -> HttpResponse:
    def decide(found: Registration) -> str:
        form = _link_form(workspace, found, request.POST)
        actor = None
        if request.POST.get("actor_id", "").isdigit():
            actor = Actor.objects.filter(workspace=workspace, pk=request.POST["actor_id"]).first()
        elif form.is_valid():
            actor = actor_named(workspace, form, "actor")
        if actor is None:
            errors = [str(e) for errors in form.errors.values() for e in errors]
            raise ValidationError(errors or _("Choose the actor this person is."))
        registration_link(request_author(request), found, actor)
        return _("%(name)s took part in the activity.") % {"name": actor.name}

    return _review(request, workspace, access, registration, decide)


@workspace_view("edit")
def registration_reject_view(
    request: HttpRequest, workspace: Workspace, access: Access, registration: int
) -> HttpResponse:
    def decide(found: Registration) -> str:
        registration_reject(request_author(request), found)
        return _("The registration of %(name)s is rejected.") % {"name": found.name}

    return _review(request, workspace, access, registration, decide)
