"""Worksheet 1's writes from the pages: adding a stakeholder (the steps' quick add, or the whole
card), editing it, moving it on the grid (the drag, the keyboard, the no-JavaScript form),
removing it, and adding it to the directory."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from phakhi.accounts.permissions import Access
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.core.versions import EditConflict
from phakhi.projects.models import Project
from phakhi.stakeholders import selectors
from phakhi.stakeholders.batch import stakeholders_set_groups
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.services import (
    stakeholder_add,
    stakeholder_place,
    stakeholder_remove,
    stakeholder_update,
)
from phakhi.stakeholders.vocabulary import (
    GROUPS,
    HOST_QUESTIONS,
    QUADRANT_BY_KEY,
    SCREENING_CRITERIA,
    quadrant_of,
)
from phakhi.web.access import request_author
from phakhi.web.conflicts import reopen, resolved
from phakhi.web.forms import add_service_errors
from phakhi.web.views.stakeholders import (
    QUICK_ADD_STEPS,
    contact_shown,
    page_context,
    stakeholder_url,
    step_url,
    worksheet_view,
)
from phakhi.web.views.stakeholders_forms import (
    PlaceForm,
    StakeholderChangeForm,
    StakeholderForm,
    StakeholderQuickForm,
    stakeholder_initial,
)

CANDIDATES_LISTED = 10


def stakeholder_or_404(assessment: Assessment, pk: int) -> Stakeholder:
    try:
        return selectors.stakeholder_in(assessment, pk)
    except NotFound as error:
        raise Http404(str(error)) from None


def _wants_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _form_page(request: HttpRequest, context: dict[str, Any], status: int) -> HttpResponse:
    form = context["form"]
    context.update(
        who=form.fieldset(form.WHO),
        grid=form.fieldset(form.GRID),
        card=form.fieldset(form.CARD),
        screening=form.fieldset(form.SCREENING),
    )
    return render(request, "web/stakeholders/stakeholder_form.html", context, status=status)


@worksheet_view("edit")
def stakeholder_add_view(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    assessment: Assessment,
) -> HttpResponse:
    back = request.POST.get("back", "")
    if request.method == "POST" and back in QUICK_ADD_STEPS:
        return _quick_add(request, workspace, access, project, assessment, back)
    form = StakeholderForm(request.POST if request.method == "POST" else None)
    context = {
        **page_context(request, workspace, access, project, assessment, ""),
        "form": form,
        "title": _("Add a stakeholder"),
        "cancel_url": step_url("stakeholders-cards", assessment),
    }
    if request.method == "POST" and form.is_valid():
        try:
            added = stakeholder_add(request_author(request), assessment, **form.service_values())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s has been added.") % {"name": added.name})
            return redirect(stakeholder_url(added))
    return _form_page(request, context, status=400 if form.is_bound else 200)


def _quick_add(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    assessment: Assessment,
    back: str,
) -> HttpResponse:
    """Step 1's or 2's quick add; the step page again, with the new name in its row or with
    the form's errors. htmx swaps the step's content in place (a 200 either way, so it
    swaps the errors too)."""
    form = StakeholderQuickForm(request.POST)
    done = ""
    if form.is_valid():
        data = form.cleaned_data
        try:
            added = stakeholder_add(
                request_author(request),
                assessment,
                name=data["name"],
                kind=data["kind"],
                sector=data["sector"],
                groups=data["groups"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            done = _("%(name)s has been added.") % {"name": added.name}
            if not _wants_htmx(request):
                messages.success(request, done)
                return redirect(step_url(back, assessment))
            form = StakeholderQuickForm()
    build, template = QUICK_ADD_STEPS[back]
    context = page_context(request, workspace, access, project, assessment, back)
    context = build(context, assessment, form)
    context["added"] = done
    status = 400 if form.errors and not _wants_htmx(request) else 200
    return render(request, template, context, status=status)


def _history(stakeholder: Stakeholder) -> list[Stakeholder]:
    """The same stakeholder in the earlier assessments it was copied from, newest first."""
    found: list[Stakeholder] = []
    seen = {stakeholder.pk}
    current = stakeholder.previous
    while current is not None and current.pk not in seen and len(found) < 20:
        seen.add(current.pk)
        found.append(current)
        current = (
            Stakeholder.objects.select_related("assessment", "previous")
            .filter(pk=current.previous_id)
            .first()
            if current.previous_id
            else None
        )
    return found


@worksheet_view()
def stakeholder_page(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    assessment: Assessment,
    pk: int,
) -> HttpResponse:
    stakeholder = stakeholder_or_404(assessment, pk)
    answers = {True: _("yes"), False: _("no"), None: "–"}
    history = [
        (entry, quadrant_of(entry.influence, entry.interest)) for entry in _history(stakeholder)
    ]
    context = {
        **page_context(request, workspace, access, project, assessment, ""),
        "stakeholder": stakeholder,
        "contact": contact_shown(access)(stakeholder.contact_person),
        "quadrant": quadrant_of(stakeholder.influence, stakeholder.interest),
        "groups_shown": [str(g.label) for g in GROUPS if getattr(stakeholder, g.field)],
        "screening": [
            (c.label, answers[getattr(stakeholder, c.field)]) for c in SCREENING_CRITERIA
        ],
        "host": [(q.label, getattr(stakeholder, q.field)) for q in HOST_QUESTIONS],
        "history": history,
        "place_form": PlaceForm(
            initial={"quadrant": f"{stakeholder.influence}-{stakeholder.interest}"}
        ),
    }
    return render(request, "web/stakeholders/stakeholder.html", context)


@worksheet_view("edit")
def stakeholder_edit(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    assessment: Assessment,
    pk: int,
) -> HttpResponse:
    stakeholder = stakeholder_or_404(assessment, pk)
    data = resolved(request.POST) if request.method == "POST" else None
    shown = stakeholder_initial(stakeholder)
    form = StakeholderChangeForm(data, initial={**shown, "version": stakeholder.version})
    context: dict[str, Any] = {
        **page_context(request, workspace, access, project, assessment, ""),
        "stakeholder": stakeholder,
        "form": form,
        "conflicts": [],
        "title": _("Edit %(name)s") % {"name": stakeholder.name},
        "cancel_url": stakeholder_url(stakeholder),
    }
    if request.method != "POST" or not form.is_valid():
        return _form_page(request, context, status=400 if form.is_bound else 200)
    changes = form.service_values(form.edited)
    try:
        if changes:
            version = form.cleaned_data["version"]
            stakeholder_update(request_author(request), stakeholder, version=version, **changes)
    except EditConflict as conflict:
        stakeholder.refresh_from_db()
        fields = {
            "influences_us": "groups",
            "affected_by_us": "groups",
            "interested_in_outcome": "groups",
        }
        again, rows = reopen(form, conflict, stakeholder_initial(stakeholder), fields)
        context.update(form=again, conflicts=rows)
        return _form_page(request, context, status=409)
    except ValidationError as error:
        add_service_errors(form, error)
        return _form_page(request, context, status=400)
    messages.success(request, _("%(name)s has been saved.") % {"name": stakeholder.name})
    return redirect(stakeholder_url(stakeholder))


@require_POST
@worksheet_view("edit")
def stakeholder_place_view(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    assessment: Assessment,
    pk: int,
) -> HttpResponse:
    """The grid's move: the drag and the keyboard (JSON back), or the card's "Move to" form
    without JavaScript (back to the grid, at the card)."""
    stakeholder = stakeholder_or_404(assessment, pk)
    wants_json = "application/json" in request.headers.get("Accept", "")
    form = PlaceForm(request.POST)
    grid_url = step_url("stakeholders-grid", assessment) + f"#card-{stakeholder.pk}"
    if not form.is_valid():
        reason = "; ".join(
            f"{name}: {' '.join(map(str, errors))}" for name, errors in form.errors.items()
        )
        if wants_json:
            return JsonResponse({"error": reason}, status=400)
        messages.error(request, reason)
        return redirect(grid_url)
    data = form.cleaned_data
    quadrant = QUADRANT_BY_KEY[data["quadrant"]]
    try:
        stakeholder_place(
            request_author(request),
            stakeholder,
            influence=quadrant.influence,
            interest=quadrant.interest,
            influence_score=data["influence_score"],
            interest_score=data["interest_score"],
            version=data["version"],
        )
    except EditConflict as conflict:
        stakeholder.refresh_from_db()
        now = quadrant_of(stakeholder.influence, stakeholder.interest)
        by = conflict.conflicts[0].by if conflict.conflicts else ""
        message = _(
            "%(who)s moved “%(name)s” after you opened the grid; it is now in “%(where)s”. "
            "Nothing was saved."
        ) % {
            "who": by or _("Someone"),
            "name": stakeholder.name,
            "where": now.label if now else _("not placed"),
        }
        if wants_json:
            return JsonResponse({"error": message, "version": stakeholder.version}, status=409)
        messages.error(request, message)
        return redirect(grid_url)
    except ValidationError as error:
        reason = " ".join(error.messages)
        if wants_json:
            return JsonResponse({"error": reason}, status=400)
        messages.error(request, reason)
        return redirect(grid_url)
    if wants_json:
        return JsonResponse(
            {
                "id": stakeholder.pk,
                "version": stakeholder.version,
                "quadrant": quadrant.key,
                "influence_score": stakeholder.influence_score,
                "interest_score": stakeholder.interest_score,
                "message": _("%(name)s moved to “%(where)s”.")
                % {"name": stakeholder.name, "where": quadrant.label},
            }
        )
    messages.success(
        request,
        _("%(name)s moved to “%(where)s”.") % {"name": stakeholder.name, "where": quadrant.label},
    )
    return redirect(grid_url)


@require_POST
@worksheet_view("edit")
def stakeholder_remove_view(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    assessment: Assessment,
    pk: int,
) -> HttpResponse:
    stakeholder = stakeholder_or_404(assessment, pk)
    name = stakeholder.name
    stakeholder_remove(request_author(request), stakeholder)
    messages.success(request, _("%(name)s has been taken out of this assessment.") % {"name": name})
    return redirect(step_url("stakeholders-cards", assessment))


@require_POST
@worksheet_view("edit")
def groups_save(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    assessment: Assessment,
) -> HttpResponse:
    """Step 2's sorting table: the groups ticked for each stakeholder of the page, saved for
    those whose ticks changed since the page was opened — all or nothing."""
    wanted: dict[int, list[str]] = {}
    read: dict[int, int] = {}
    for text in request.POST.getlist("ids"):
        if not text.isdigit():
            continue
        pk = int(text)
        ticked = sorted(request.POST.getlist(f"g-{pk}"))
        if ticked != sorted(filter(None, request.POST.get(f"was-{pk}", "").split(","))):
            wanted[pk] = ticked
            version = request.POST.get(f"v-{pk}", "")
            if version.isdigit():
                read[pk] = int(version)
    try:
        changed = stakeholders_set_groups(
            request_author(request), assessment, wanted, read_versions=read
        )
    except EditConflict as conflict:
        who = conflict.conflicts[0].by if conflict.conflicts else ""
        messages.error(
            request,
            _(
                "%(who)s changed the groups of “%(name)s” after you opened the page; nothing "
                "was saved. The table now shows their groups: tick yours again."
            )
            % {"who": who or _("Someone"), "name": conflict.obj},
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "The groups of %(count)d stakeholder have been saved.",
                "The groups of %(count)d stakeholders have been saved.",
                changed,
            )
            % {"count": changed},
        )
    return redirect(step_url("stakeholders-groups", assessment) + "#sort-title")
