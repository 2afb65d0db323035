"""A plan row's pages: add, edit (versioned: a colleague's change meanwhile comes back side by
side), move up or down, remove."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from phakhi.accounts.permissions import Access
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.core.versions import EditConflict
from phakhi.expansion import selectors
from phakhi.expansion.models import PlanRow
from phakhi.expansion.services import (
    plan_row_add,
    plan_row_move,
    plan_row_remove,
    plan_row_update,
)
from phakhi.networks.models import Network, Strategy
from phakhi.networks.selectors import networks_by_name
from phakhi.web.access import request_author
from phakhi.web.actor_picker import actor_named, with_actor_suggestions
from phakhi.web.conflicts import conflict_message, reopen, resolved
from phakhi.web.forms import add_service_errors
from phakhi.web.views.expansion import owner_context
from phakhi.web.views.expansion_forms import MoveForm, RowForm, row_initial
from phakhi.web.views.expansion_owner import PlanOwner, plan_view

# Form fields that are stored under another name or built from several fields.
METHOD_FIELDS = ("method_examples", "other_methods")


def _choices(owner: PlanOwner) -> dict[str, Any]:
    lead = owner.lead_network
    strategies = (
        list(Strategy.objects.filter(network=lead).order_by("position", "id")) if lead else []
    )
    return {"networks": networks_by_name(owner.workspace), "strategies": strategies}


def _row_or_404(owner: PlanOwner, row_id: int) -> PlanRow:
    if owner.plan is None:
        raise Http404(_("This plan has not been started yet."))
    try:
        return selectors.row_in(owner.plan, row_id)
    except NotFound as error:
        raise Http404(str(error)) from None


def _changes(owner: PlanOwner, form: RowForm, names: list[str]) -> dict[str, Any] | None:
    """The service's fields from the form's ``names``; None when the actor typed matches no
    actor or several (the reason is on the form)."""
    data = form.cleaned_data
    changes: dict[str, Any] = {}
    for name in names:
        if name in METHOD_FIELDS:
            changes["methods"] = form.methods
        elif name == "target_actor":
            text = data["target_actor"].strip()
            actor = actor_named(owner.workspace, form, "target_actor") if text else None
            if text and actor is None:
                return None
            changes["target_actor"] = actor
        elif name == "target_network":
            network_id = data["target_network"]
            changes["target_network"] = (
                Network.objects.filter(workspace=owner.workspace, pk=network_id).first()
                if network_id
                else None
            )
        elif name == "strategy":
            changes["strategy"] = (
                Strategy.objects.filter(workspace=owner.workspace, pk=data["strategy"]).first()
                if data["strategy"]
                else None
            )
        else:
            changes[name] = data[name]
    return changes


def _form_page(request: HttpRequest, context: dict[str, Any], status: int) -> HttpResponse:
    with_actor_suggestions(context["form"], context["workspace"])
    return render(request, "web/expansion/row_form.html", context, status=status)


@plan_view("edit")
def row_add(
    request: HttpRequest, workspace: Workspace, access: Access, owner: PlanOwner
) -> HttpResponse:
    if owner.plan is None:
        return redirect(owner.url("edit"))
    form = RowForm(request.POST or None, initial=row_initial(None), **_choices(owner))
    context = owner_context(access, owner, form=form, conflicts=[], title=_("Add a group"))
    if request.method != "POST" or not form.is_valid():
        return _form_page(request, context, 400 if form.is_bound else 200)
    names = [n for n in form.fields if n != "version"]
    fields = _changes(owner, form, names)
    if fields is None:
        return _form_page(request, context, 400)
    try:
        row = plan_row_add(request_author(request), owner.plan, **fields)
    except ValidationError as error:
        add_service_errors(form, error)
        return _form_page(request, context, 400)
    messages.success(request, _("%(name)s has been added to the plan.") % {"name": row.target_name})
    return redirect(owner.url() + f"#row-{row.pk}")


@plan_view("edit")
def row_edit(
    request: HttpRequest, workspace: Workspace, access: Access, owner: PlanOwner, row: int
) -> HttpResponse:
    found = _row_or_404(owner, row)
    shown = row_initial(found)
    data = resolved(request.POST) if request.method == "POST" else None
    choices = _choices(owner)
    form = RowForm(data, initial={**shown, "version": found.version}, **choices)
    context = owner_context(
        access, owner, form=form, conflicts=[], row=found, title=_("Edit the row")
    )
    if request.method != "POST" or not form.is_valid():
        return _form_page(request, context, 400 if form.is_bound else 200)
    changes = _changes(owner, form, form.edited)
    if changes is None:
        return _form_page(request, context, 400)
    try:
        if changes:
            plan_row_update(
                request_author(request), found, version=form.cleaned_data["version"], **changes
            )
    except EditConflict as conflict:
        found.refresh_from_db()
        again, rows = reopen(
            form,
            conflict,
            row_initial(found),
            {"methods": "other_methods"},
            **choices,
        )
        context.update(form=again, conflicts=rows)
        return _form_page(request, context, 409)
    except ValidationError as error:
        add_service_errors(form, error)
        return _form_page(request, context, 400)
    messages.success(request, _("The row has been saved."))
    return redirect(owner.url() + f"#row-{found.pk}")


@plan_view("edit")
def row_move(
    request: HttpRequest, workspace: Workspace, access: Access, owner: PlanOwner, row: int
) -> HttpResponse:
    found = _row_or_404(owner, row)
    form = MoveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            plan_row_move(
                request_author(request),
                found,
                position=form.cleaned_data["position"],
                version=form.cleaned_data["version"],
            )
        except EditConflict as conflict:
            messages.error(request, conflict_message(conflict))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect(owner.url() + f"#row-{found.pk}")


@plan_view("edit")
def row_remove(
    request: HttpRequest, workspace: Workspace, access: Access, owner: PlanOwner, row: int
) -> HttpResponse:
    found = _row_or_404(owner, row)
    if request.method == "POST":
        version = request.POST.get("version", "")
        try:
            plan_row_remove(
                request_author(request),
                found,
                version=int(version) if version.isdigit() else None,
            )
        except EditConflict:
            messages.error(
                request,
                _(
                    "Someone changed %(name)s after you opened the page; look at it again "
                    "before removing it."
                )
                % {"name": found.target_name},
            )
            return redirect(owner.url() + f"#row-{found.pk}")
        messages.success(
            request, _("%(name)s has been removed from the plan.") % {"name": found.target_name}
        )
        return redirect(owner.url())
    context = owner_context(access, owner, row=found)
    return render(request, "web/expansion/row_remove.html", context)
