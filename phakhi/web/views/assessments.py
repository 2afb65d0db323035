"""The self-assessment pages (แบบประเมินตนเอง): the workspace's and a network's lists of
assessments, a new one, its details, finalising, reopening, deleting, the result with the
comparison with the previous assessment, and the files for an award application. The answering
page and its item-by-item saves are in assessments_answer.py."""

from __future__ import annotations

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
from phakhi.assessments.access import can_assess, can_edit_assessment, shown_respondents
from phakhi.assessments.checklists import SCALE
from phakhi.assessments.models import SelfAssessment
from phakhi.assessments.selectors import (
    assessment_in,
    assessments_of,
    assessments_query,
    comparison,
)
from phakhi.assessments.services import (
    assessment_create,
    assessment_delete,
    assessment_finalise,
    assessment_reopen,
    assessment_update,
)
from phakhi.assessments.templates import AWARD_TEMPLATES, TEMPLATES, template_groups
from phakhi.assessments.trends import trend
from phakhi.core.dates import current_language
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.core.versions import EditConflict, UnknownVersion
from phakhi.networks.models import Network
from phakhi.networks.selectors import network_get, networks_by_name
from phakhi.web.access import forbidden, request_author, workspace_view
from phakhi.web.forms import add_service_errors
from phakhi.web.views.assessments_forms import AssessmentChangeForm, AssessmentCreateForm
from phakhi.web.views.assessments_trends import network_trend, workspace_trend
from phakhi.worksheets.assessment_files import assessment_file

PAGE_SIZE = 50


def assessment_or_404(workspace: Workspace, assessment_id: int) -> SelfAssessment:
    try:
        return assessment_in(workspace, assessment_id)
    except NotFound as error:
        raise Http404(str(error)) from None


def network_or_404(workspace: Workspace, slug: str) -> Network:
    try:
        return network_get(workspace, slug)
    except NotFound as error:
        raise Http404(str(error)) from None


def assessment_url(assessment: SelfAssessment, name: str = "assessment") -> str:
    return reverse(
        f"web:{name}",
        kwargs={"workspace": assessment.workspace.slug, "assessment": assessment.pk},
    )


def template_title(code: str) -> str:
    template = TEMPLATES[code]
    return template.thai if current_language() == "th" else str(template.english)


def _rows(assessments: list[SelfAssessment]) -> list[dict[str, Any]]:
    return [
        {
            "assessment": assessment,
            "lists": [template_title(code) for code in assessment.templates if code in TEMPLATES],
            "scored": getattr(assessment, "scored", 0),
            "items": getattr(assessment, "items", 0),
        }
        for assessment in assessments
    ]


def _editable_networks(workspace: Workspace, access: Access) -> list[Network]:
    return [n for n in networks_by_name(workspace) if access.can_edit_network(n.pk)]


def _refused_network(request: HttpRequest, workspace: Workspace, access: Access) -> Any:
    """The 403 page when the form names a network of the workspace (or the whole agency) the
    user may not assess; None when it may go on to the form's own checks."""
    chosen = request.POST.get("network", "").strip()
    network = None
    if chosen.isdigit():
        network = Network.objects.filter(workspace=workspace, pk=int(chosen)).first()
        if network is None:
            return None  # the form says the choice is not valid
    elif chosen:
        return None
    if can_assess(access, network):
        return None
    return forbidden(request, access, "edit_network" if network else "edit_agency_assessment")


def _page_url(request: HttpRequest, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return f"?{query.urlencode()}"


@workspace_view()
def assessment_list(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    # A page of assessments at a time: an agency with a hundred networks assessing each quarter
    # has thousands after a few years (benchmarks/bench_lists.py).
    # The page's ids first, then their counts of items: counting every answer of thousands of
    # assessments to show fifty would take seconds.
    ids = SelfAssessment.objects.filter(workspace=workspace).order_by("-held_on", "-id")
    page = Paginator(ids.values_list("id", flat=True), PAGE_SIZE).get_page(request.GET.get("page"))
    shown = list(assessments_query(workspace).filter(pk__in=list(page.object_list)))
    context = {
        "workspace": workspace,
        "access": access,
        "rows": _rows(shown),
        "page": page,
        "previous_url": _page_url(request, page.number - 1) if page.has_previous() else "",
        "next_url": _page_url(request, page.number + 1) if page.has_next() else "",
        "network": None,
        "can_add": access.can_edit,
        "add_url": reverse("web:assessment-add", kwargs={"workspace": workspace.slug}),
        "groups": template_groups(),
        **workspace_trend(request, workspace),
    }
    return render(request, "web/assessments/list.html", context)


@workspace_view()
def network_assessments(
    request: HttpRequest, workspace: Workspace, access: Access, slug: str
) -> HttpResponse:
    network = network_or_404(workspace, slug)
    query = urlencode({"network": network.pk})
    context = {
        "workspace": workspace,
        "access": access,
        "rows": _rows(assessments_of(workspace, network=network)),
        "network": network,
        "can_add": can_assess(access, network),
        "add_url": reverse("web:assessment-add", kwargs={"workspace": workspace.slug})
        + f"?{query}",
        "groups": template_groups(),
        **network_trend(workspace, network),
    }
    return render(request, "web/assessments/list.html", context)


def _previous_for_copy(workspace: Workspace, network: Network | None) -> SelfAssessment | None:
    """The assessment a new one starts from: the latest of the same network (or agency-wide)."""
    found = assessments_of(workspace, network=network, agency_only=network is None)
    finals = [a for a in found if a.is_final]
    chosen = finals or found
    return chosen[0] if chosen else None


@workspace_view("edit")
def assessment_add(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    networks = _editable_networks(workspace, access)
    initial: dict[str, Any] = {"templates": list(AWARD_TEMPLATES)}
    chosen = request.GET.get("network", "")
    if chosen.isdigit() and any(n.pk == int(chosen) for n in networks):
        initial["network"] = int(chosen)
    form = AssessmentCreateForm(request.POST or None, networks=networks, initial=initial)
    if access.is_restricted:
        form.fields["network"].required = True
        form.fields["network"].empty_label = None  # type: ignore[attr-defined]
    if request.method == "POST" and (refused := _refused_network(request, workspace, access)):
        return refused
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        network = data["network"]
        copy_from = _previous_for_copy(workspace, network) if data["copy_previous"] else None
        try:
            created = assessment_create(
                request_author(request),
                workspace,
                templates=data["templates"],
                held_on=data["held_on"],
                title=data["title"],
                network=network,
                answered_by=data["answered_by"],
                respondents=data["respondents"],
                copy_from=copy_from,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The self-assessment has been created. Score each item."))
            return redirect(assessment_url(created))
    context = {"workspace": workspace, "access": access, "form": form, "scale": SCALE}
    status = 400 if request.method == "POST" else 200
    return render(request, "web/assessments/new.html", context, status=status)


def _require_edit(request: HttpRequest, access: Access, assessment: SelfAssessment) -> Any:
    if can_edit_assessment(access, assessment):
        return None
    return forbidden(
        request, access, "edit_network" if assessment.network else "edit_agency_assessment"
    )


@workspace_view("edit")
def assessment_edit(
    request: HttpRequest, workspace: Workspace, access: Access, assessment: int
) -> HttpResponse:
    found = assessment_or_404(workspace, assessment)
    refused = _require_edit(request, access, found)
    if refused:
        return refused
    networks = _editable_networks(workspace, access)
    if found.network is not None and found.network not in networks:
        networks.append(found.network)
    initial = {
        "title": found.title,
        "held_on": found.held_on,
        "network": found.network_id,
        "answered_by": found.answered_by,
        "respondents": found.respondents,
        "version": found.version,
    }
    form = AssessmentChangeForm(request.POST or None, networks=networks, initial=initial)
    if access.is_restricted:
        form.fields["network"].required = True
    if request.method == "POST" and (refused := _refused_network(request, workspace, access)):
        return refused
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        if not data["title"]:
            data.pop("title")
        try:
            assessment_update(request_author(request), found, version=version, **data)
        except (EditConflict, UnknownVersion) as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The details have been saved."))
            return redirect(assessment_url(found))
    context = {"workspace": workspace, "access": access, "form": form, "assessment": found}
    status = 400 if request.method == "POST" else 200
    return render(request, "web/assessments/edit.html", context, status=status)


@workspace_view("edit")
def assessment_finalise_view(
    request: HttpRequest, workspace: Workspace, access: Access, assessment: int
) -> HttpResponse:
    found = assessment_or_404(workspace, assessment)
    refused = _require_edit(request, access, found)
    if refused:
        return refused
    if request.method == "POST":
        try:
            assessment_finalise(request_author(request), found)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The self-assessment is final."))
            return redirect(assessment_url(found, "assessment-result"))
    return redirect(assessment_url(found))


@workspace_view("edit")
def assessment_reopen_view(
    request: HttpRequest, workspace: Workspace, access: Access, assessment: int
) -> HttpResponse:
    found = assessment_or_404(workspace, assessment)
    refused = _require_edit(request, access, found)
    if refused:
        return refused
    if request.method == "POST":
        try:
            assessment_reopen(request_author(request), found)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The self-assessment is a draft again."))
    return redirect(assessment_url(found))


@workspace_view("edit")
def assessment_delete_view(
    request: HttpRequest, workspace: Workspace, access: Access, assessment: int
) -> HttpResponse:
    found = assessment_or_404(workspace, assessment)
    refused = _require_edit(request, access, found)
    if refused:
        return refused
    if request.method == "POST":
        network = found.network
        assessment_delete(request_author(request), found)
        messages.success(request, _("The self-assessment has been deleted."))
        if network is not None:
            return redirect("web:network-assessments", workspace=workspace.slug, slug=network.slug)
        return redirect("web:assessments", workspace=workspace.slug)
    context = {"workspace": workspace, "access": access, "assessment": found}
    return render(request, "web/assessments/delete.html", context)


@workspace_view()
def assessment_result(
    request: HttpRequest, workspace: Workspace, access: Access, assessment: int
) -> HttpResponse:
    found = assessment_or_404(workspace, assessment)
    compared = comparison(found)
    context = {
        "workspace": workspace,
        "access": access,
        "assessment": found,
        "comparison": compared,
        "lists": [{"listed": listed} for listed in compared.lists],
        # The assessment's lists over time, for its network (or the agency): final ones only,
        # so a draft's own scores are not on the chart yet.
        "trend": trend(workspace, found.network, codes=found.templates),
        "chart_id": "assessment-over-time",
        "current": found.pk,
        "thai": current_language() == "th",
        "can_edit": can_edit_assessment(access, found),
    }
    return render(request, "web/assessments/result.html", context)


@workspace_view()
def assessment_export(
    request: HttpRequest, workspace: Workspace, access: Access, assessment: int, fmt: str
) -> HttpResponse:
    found = assessment_or_404(workspace, assessment)
    if fmt not in ("pdf", "xlsx"):
        raise Http404(_("A self-assessment is written as PDF or XLSX."))
    made = assessment_file(found, fmt, respondents=shown_respondents(access, found))
    response = HttpResponse(made.content, content_type=made.content_type)
    response["Content-Disposition"] = f'attachment; filename="{made.name}"'
    return response
