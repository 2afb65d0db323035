"""Worksheet 1's pages (ใบงาน 1: การวิเคราะห์ภาคี): a project's assessments, and the three steps
of one assessment — (1) the names by sector, (2) the groups × sectors, (3) the influence ×
interest grid — with the cards' table. The writes are in stakeholders_edit.py."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from phakhi.accounts.permissions import Access
from phakhi.core.contacts import mask_text
from phakhi.core.models import Workspace
from phakhi.core.personal import personal_view
from phakhi.core.selectors import NotFound
from phakhi.core.versions import EditConflict
from phakhi.projects.models import Project
from phakhi.projects.selectors import project_in
from phakhi.stakeholders import selectors
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.services import assessment_create, assessment_remove, assessment_update
from phakhi.stakeholders.vocabulary import CARD_COLUMNS, GROUPS
from phakhi.web.access import forbidden, request_author, workspace_view
from phakhi.web.conflicts import reopen, resolved
from phakhi.web.forms import add_service_errors
from phakhi.web.views.stakeholders_forms import (
    AssessmentChangeForm,
    AssessmentCreateForm,
    StakeholderQuickForm,
)

# The steps of an assessment's pages, in the worksheet's order: (route, label).
STEPS = (
    ("stakeholders-sectors", gettext_lazy("1. Names by sector")),
    ("stakeholders-groups", gettext_lazy("2. Groups")),
    ("stakeholders-grid", gettext_lazy("3. Influence × interest")),
    ("stakeholders-cards", gettext_lazy("Analysis cards")),
)


def project_or_404(workspace: Workspace, slug: str) -> Project:
    try:
        return project_in(workspace, slug)
    except NotFound as error:
        raise Http404(str(error)) from None


def assessment_or_404(project: Project, assessment_id: int) -> Assessment:
    try:
        return selectors.assessment_in(project, assessment_id)
    except NotFound as error:
        raise Http404(str(error)) from None


def worksheet_view(permission: str = "view") -> Callable[[Callable[..., HttpResponse]], Any]:
    """A page of a project's worksheet 1: the view gets the project in place of its slug (and
    the assessment in place of its id, when the route has one). With "edit", only those who
    may edit the project get through (403 for the others)."""

    def decorate(view: Callable[..., HttpResponse]) -> Any:
        @workspace_view(permission)
        @wraps(view)
        def wrapper(
            request: HttpRequest,
            workspace: Workspace,
            access: Access,
            project: str,
            **kwargs: Any,
        ) -> HttpResponse:
            found = project_or_404(workspace, project)
            if permission == "edit" and not access.can_edit_project(found.network_id):
                return forbidden(request, access, "edit_project")
            if "assessment" in kwargs:
                kwargs["assessment"] = assessment_or_404(found, kwargs["assessment"])
            return view(request, workspace, access, found, **kwargs)

        return wrapper

    return decorate


def step_url(route: str, assessment: Assessment, **extra: Any) -> str:
    project = assessment.project
    return reverse(
        f"web:{route}",
        kwargs={
            "workspace": project.workspace.slug,
            "project": project.slug,
            "assessment": assessment.pk,
            **extra,
        },
    )


def contact_shown(access: Access) -> Callable[[str], str]:
    """The contact person as this user may see it (masked for viewers, like every contact)."""
    if personal_view(access).masked:
        return lambda text: mask_text(text) if text else ""
    return lambda text: text


def page_context(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    assessment: Assessment,
    step: str,
) -> dict[str, Any]:
    """What every step page of an assessment shows: the project's tabs, the assessments to
    switch between, the steps, and whether the user may edit."""
    return {
        "workspace": workspace,
        "access": access,
        "project": project,
        "assessment": assessment,
        "assessments": list(selectors.assessments_of(project)),
        "steps": [(route, label, step_url(route, assessment)) for route, label in STEPS],
        "step": step,
        "can_edit": access.can_edit_project(project.network_id),
    }


@worksheet_view()
def assessments(
    request: HttpRequest, workspace: Workspace, access: Access, project: Project
) -> HttpResponse:
    found = list(selectors.assessments_of(project))
    can_edit = access.can_edit_project(project.network_id)
    context = {
        "workspace": workspace,
        "access": access,
        "project": project,
        "assessments": found,
        "can_edit": can_edit,
        "form": AssessmentCreateForm(initial={"held_on": timezone.localdate()})
        if can_edit
        else None,
        "has_previous": bool(found),
    }
    return render(request, "web/stakeholders/assessments.html", context)


@worksheet_view("edit")
def assessment_add(
    request: HttpRequest, workspace: Workspace, access: Access, project: Project
) -> HttpResponse:
    form = AssessmentCreateForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = assessment_create(
                request_author(request),
                project,
                held_on=data["held_on"],
                title=data["title"],
                copy_last=data["copy_last"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The assessment has been created."))
            return redirect(step_url("stakeholders-sectors", made))
    context = {
        "workspace": workspace,
        "access": access,
        "project": project,
        "form": form,
        "has_previous": selectors.latest_assessment(project) is not None,
        "title": _("New assessment"),
    }
    return render(
        request,
        "web/stakeholders/assessment_form.html",
        context,
        status=400 if form.is_bound else 200,
    )


@worksheet_view("edit")
def assessment_edit(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    assessment: Assessment,
) -> HttpResponse:
    shown = {"held_on": assessment.held_on, "title": assessment.title}
    data = resolved(request.POST) if request.method == "POST" else None
    form = AssessmentChangeForm(data, initial={**shown, "version": assessment.version})
    context: dict[str, Any] = {
        "workspace": workspace,
        "access": access,
        "project": project,
        "assessment": assessment,
        "form": form,
        "conflicts": [],
        "title": _("Edit the assessment"),
    }
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.edited}
        try:
            if changes:
                assessment_update(
                    request_author(request),
                    assessment,
                    version=form.cleaned_data["version"],
                    **changes,
                )
        except EditConflict as conflict:
            assessment.refresh_from_db()
            again, rows = reopen(
                form, conflict, {"held_on": assessment.held_on, "title": assessment.title}
            )
            context.update(form=again, conflicts=rows)
            return render(request, "web/stakeholders/assessment_form.html", context, status=409)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The assessment has been saved."))
            return redirect(step_url("stakeholders-sectors", assessment))
    return render(
        request,
        "web/stakeholders/assessment_form.html",
        context,
        status=400 if form.is_bound else 200,
    )


@require_POST
@worksheet_view("edit")
def assessment_delete(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    assessment: Assessment,
) -> HttpResponse:
    try:
        assessment_remove(request_author(request), assessment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(step_url("stakeholders-assessment-edit", assessment))
    messages.success(request, _("The assessment has been deleted."))
    return redirect("web:project-stakeholders", workspace=workspace.slug, project=project.slug)


def sectors_context(
    context: dict[str, Any], assessment: Assessment, quick_form: StakeholderQuickForm | None
) -> dict[str, Any]:
    stakeholders = list(selectors.stakeholders_of(assessment))
    context.update(
        rows=selectors.by_sector(stakeholders),
        count=len(stakeholders),
        quick_form=quick_form,
    )
    return context


def groups_context(
    context: dict[str, Any], assessment: Assessment, quick_form: StakeholderQuickForm | None
) -> dict[str, Any]:
    stakeholders = list(selectors.stakeholders_of(assessment))
    rows, ungrouped = selectors.by_group(stakeholders)
    context.update(
        rows=rows,
        ungrouped=ungrouped,
        all_stakeholders=stakeholders,
        groups=GROUPS,
        count=len(stakeholders),
        quick_form=quick_form,
    )
    return context


# A step page with a quick-add form: its context builder and its template.
QUICK_ADD_STEPS = {
    "stakeholders-sectors": (sectors_context, "web/stakeholders/step_sectors.html"),
    "stakeholders-groups": (groups_context, "web/stakeholders/step_groups.html"),
}


@worksheet_view()
def step_sectors(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    assessment: Assessment,
) -> HttpResponse:
    context = page_context(request, workspace, access, project, assessment, "stakeholders-sectors")
    form = StakeholderQuickForm() if context["can_edit"] else None
    return render(
        request, "web/stakeholders/step_sectors.html", sectors_context(context, assessment, form)
    )


@worksheet_view()
def step_groups(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    assessment: Assessment,
) -> HttpResponse:
    context = page_context(request, workspace, access, project, assessment, "stakeholders-groups")
    form = StakeholderQuickForm() if context["can_edit"] else None
    return render(
        request, "web/stakeholders/step_groups.html", groups_context(context, assessment, form)
    )


@worksheet_view()
def step_grid(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    assessment: Assessment,
) -> HttpResponse:
    context = page_context(request, workspace, access, project, assessment, "stakeholders-grid")
    stakeholders = list(selectors.stakeholders_for_grid(assessment))
    show_movement = request.GET.get("movement") == "1" and assessment.previous_id is not None
    context.update(
        grid=selectors.grid(assessment, stakeholders),
        count=len(stakeholders),
        show_movement=show_movement,
        projector=request.GET.get("projector") == "1",
        # Read once for the page, not once a card: the stakeholders' address (each card adds
        # its id) and the labels every card repeats.
        stakeholder_base=step_url("stakeholders-sectors", assessment),
        priority_label=_("Priority"),
        move_label=_("Move"),
    )
    return render(request, "web/stakeholders/step_grid.html", context)


@worksheet_view()
def cards(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    assessment: Assessment,
) -> HttpResponse:
    context = page_context(request, workspace, access, project, assessment, "stakeholders-cards")
    shown = contact_shown(access)
    rows = [
        (stakeholder, shown(stakeholder.contact_person))
        for stakeholder in selectors.stakeholders_of(assessment)
    ]
    context.update(rows=rows, columns=CARD_COLUMNS, count=len(rows))
    return render(request, "web/stakeholders/cards.html", context)


def stakeholder_url(stakeholder: Stakeholder, route: str = "stakeholder") -> str:
    return step_url(route, stakeholder.assessment, pk=stakeholder.pk)
