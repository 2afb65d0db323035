"""Worksheet 4's pages (ใบงาน Network 4: แผนการขยายเครือข่ายข้ามประเด็น): a project's or a
network's expansion plan — its shared vision and common benefit, then the rows with the
relationship the map shows beside the one written — and the suggestions of who to reach next.
The rows' own pages are in expansion_rows.py."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor
from phakhi.core.areas import province_name
from phakhi.core.dates import current_language
from phakhi.core.models import Workspace
from phakhi.core.versions import EditConflict
from phakhi.expansion import selectors
from phakhi.expansion.models import Status
from phakhi.expansion.services import plan_create, plan_row_add, plan_update
from phakhi.expansion.suggestions import suggest
from phakhi.expansion.vocabulary import COLUMN_TITLES, COLUMNS_TH, TITLE_TH
from phakhi.web.access import forbidden, request_author
from phakhi.web.conflicts import reopen, resolved
from phakhi.web.forms import add_service_errors
from phakhi.web.views.expansion_forms import PlanForm
from phakhi.web.views.expansion_owner import PlanOwner, plan_view

# A suggestion added in one click: the level the source's rows most often aim at first.
SUGGESTED_LEVEL = 3


def owner_context(access: Access, owner: PlanOwner, **extra: Any) -> dict[str, Any]:
    context = {
        "workspace": owner.workspace,
        "access": access,
        "owner": owner,
        "plan": owner.plan,
        "can_edit": owner.can_edit,
        "title_th": TITLE_TH,
    }
    if owner.project is not None:
        context["project"] = owner.project
    else:
        context["network"] = owner.network
    return {**context, **extra}


@plan_view()
def plan_page(
    request: HttpRequest, workspace: Workspace, access: Access, owner: PlanOwner
) -> HttpResponse:
    lines = selectors.plan_lines(owner.plan) if owner.plan is not None else []
    context = owner_context(
        access,
        owner,
        lines=lines,
        counts=selectors.status_counts(lines),
        columns=list(zip(COLUMN_TITLES, COLUMNS_TH, strict=True)),
        statuses=Status.choices,
        has_us=owner.lead_network is not None
        or (owner.project is not None and owner.project.lead_actor_id is not None),
    )
    return render(request, "web/expansion/plan.html", context)


@plan_view("edit")
def plan_edit(
    request: HttpRequest, workspace: Workspace, access: Access, owner: PlanOwner
) -> HttpResponse:
    plan = owner.plan
    shown = (
        {"title": plan.title, "vision": plan.vision, "common_benefit": plan.common_benefit}
        if plan is not None
        else {"title": owner.lead_network.name if owner.lead_network else owner.name}
    )
    data = resolved(request.POST) if request.method == "POST" else None
    form = PlanForm(data, initial={**shown, "version": plan.version if plan else None})
    context = owner_context(access, owner, form=form, conflicts=[])
    if request.method == "POST" and form.is_valid():
        author = request_author(request)
        try:
            if plan is None:
                fields = {
                    name: form.cleaned_data[name]
                    for name in PlanForm.base_fields
                    if name != "version"
                }
                plan_create(author, project=owner.project, network=owner.network, **fields)
            else:
                changes = {name: form.cleaned_data[name] for name in form.edited}
                if changes:
                    plan_update(author, plan, version=form.cleaned_data["version"], **changes)
        except EditConflict as conflict:
            assert plan is not None
            plan.refresh_from_db()
            current = {
                "title": plan.title,
                "vision": plan.vision,
                "common_benefit": plan.common_benefit,
            }
            again, rows = reopen(form, conflict, current)
            context.update(form=again, conflicts=rows)
            return render(request, "web/expansion/plan_form.html", context, status=409)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The plan has been saved."))
            return redirect(owner.url())
    return render(
        request, "web/expansion/plan_form.html", context, status=400 if form.is_bound else 200
    )


@plan_view()
def plan_suggestions(
    request: HttpRequest, workspace: Workspace, access: Access, owner: PlanOwner
) -> HttpResponse:
    if owner.plan is None:
        raise Http404(_("This plan has not been started yet."))
    if request.method == "POST":
        return _add_suggestion(request, workspace, access, owner)
    found = suggest(owner.plan)
    language = current_language()
    provinces = [province_name(code, language) for code in found.provinces]
    context = owner_context(
        access,
        owner,
        found=found,
        provinces_text=", ".join(provinces) or _("our province"),
    )
    return render(request, "web/expansion/suggestions.html", context)


def _add_suggestion(
    request: HttpRequest, workspace: Workspace, access: Access, owner: PlanOwner
) -> HttpResponse:
    assert owner.plan is not None
    if not owner.can_edit:
        return forbidden(request, access, "edit_project" if owner.project else "edit_network")
    text = request.POST.get("actor", "")
    actor = (
        Actor.objects.filter(workspace=workspace, pk=int(text)).first() if text.isdigit() else None
    )
    if actor is None:
        messages.error(request, _("That actor is no longer in the directory."))
        return redirect(owner.url("suggestions"))
    if owner.plan.rows.filter(target_actor=actor).exists():
        messages.info(request, _("%(name)s is already in the plan.") % {"name": actor.name})
        return redirect(owner.url())
    try:
        row = plan_row_add(
            request_author(request), owner.plan, target_actor=actor, new_level=SUGGESTED_LEVEL
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(owner.url("suggestions"))
    messages.success(
        request,
        _("%(name)s has been added to the plan; say what each side gains and how.")
        % {"name": row.target_name},
    )
    return redirect(owner.url("row-edit", row=row.pk))
