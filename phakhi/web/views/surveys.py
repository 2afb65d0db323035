"""The network surveys' coordinator pages (แบบสำรวจเครือข่าย): the workspace's rounds (or a
network's), a new round, its details, deleting it. The round's own page (roster, opening and
closing) is in surveys_round.py, invitations and printed links in surveys_invite.py, the results
in surveys_results.py. Who manages a round: those who may edit its network; everyone with a role
sees the rounds and their totals."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from phakhi.accounts.permissions import Access
from phakhi.assessments.checklists import SCALE
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.core.versions import EditConflict, UnknownVersion
from phakhi.monitoring.models import Survey
from phakhi.monitoring.survey_selectors import survey_in, surveys_of
from phakhi.monitoring.survey_services import survey_create, survey_delete, survey_update
from phakhi.networks.models import Network
from phakhi.networks.selectors import network_get, networks_by_name
from phakhi.web.access import WorkspaceView, forbidden, request_author, workspace_view
from phakhi.web.forms import add_service_errors
from phakhi.web.views.surveys_forms import SurveyChangeForm, SurveyCreateForm, item_groups

EDITABLE = ("name", "purpose", "audience", "contact", "closes_on", "assessment_items")


def survey_or_404(workspace: Workspace, slug: str) -> Survey:
    try:
        return survey_in(workspace, slug)
    except NotFound as error:
        raise Http404(str(error)) from None


def survey_url(survey: Survey, name: str = "survey") -> str:
    return reverse(f"web:{name}", kwargs={"workspace": survey.workspace.slug, "slug": survey.slug})


def can_manage(access: Access | None, survey: Survey) -> bool:
    """Whether the user manages the round: they may edit its network."""
    return access is not None and access.can_edit_network(survey.network_id)


def survey_manager(view: Callable[..., HttpResponse]) -> WorkspaceView:
    """A view of a round for those who manage it (403 for the others); the view gets the
    round in place of its slug."""

    @workspace_view("edit")
    @wraps(view)
    def wrapper(
        request: HttpRequest, workspace: Workspace, access: Access, slug: str, **kwargs: Any
    ) -> HttpResponse:
        survey = survey_or_404(workspace, slug)
        if not can_manage(access, survey):
            return forbidden(request, access, "edit_network")
        return view(request, workspace, access, survey, **kwargs)

    return wrapper


def _editable_networks(workspace: Workspace, access: Access) -> list[Network]:
    return [n for n in networks_by_name(workspace) if access.can_edit_network(n.pk)]


@workspace_view()
def survey_list(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    network = None
    chosen = request.GET.get("network", "")
    if chosen:
        try:
            network = network_get(workspace, chosen)
        except NotFound as error:
            raise Http404(str(error)) from None
    add_url = reverse("web:survey-add", kwargs={"workspace": workspace.slug})
    if network is not None:
        add_url += f"?network={network.slug}"
    context = {
        "workspace": workspace,
        "access": access,
        "network": network,
        "surveys": list(surveys_of(workspace, network)),
        "can_add": access.can_edit and (network is None or access.can_edit_network(network.pk)),
        "add_url": add_url,
    }
    return render(request, "web/surveys/list.html", context)


def _refused_network(request: HttpRequest, workspace: Workspace, access: Access) -> Any:
    """The 403 page when the form names a network of the workspace the user may not edit."""
    chosen = request.POST.get("network", "").strip()
    if not chosen.isdigit():
        return None
    network = Network.objects.filter(workspace=workspace, pk=int(chosen)).first()
    if network is None or access.can_edit_network(network.pk):
        return None
    return forbidden(request, access, "edit_network")


@workspace_view("edit")
def survey_add(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    networks = _editable_networks(workspace, access)
    initial: dict[str, Any] = {}
    chosen = request.GET.get("network", "")
    picked = next((n for n in networks if n.slug == chosen), None)
    if picked is not None:
        initial["network"] = picked.pk
    form = SurveyCreateForm(request.POST or None, networks=networks, initial=initial)
    if request.method == "POST" and (refused := _refused_network(request, workspace, access)):
        return refused
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = survey_create(
                request_author(request),
                workspace,
                network=data["network"],
                slug=data["slug"],
                **{name: data[name] for name in EDITABLE},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The survey round has been created with the network's members on its roster."),
            )
            return redirect(survey_url(created))
    context = {
        "workspace": workspace,
        "access": access,
        "form": form,
        "groups": item_groups(form.chosen_items()),
        "scale": SCALE,
        "title": _("New network survey"),
        "cancel_url": reverse("web:surveys", kwargs={"workspace": workspace.slug}),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "web/surveys/form.html", context, status=status)


@survey_manager
def survey_edit(
    request: HttpRequest, workspace: Workspace, access: Access, survey: Survey
) -> HttpResponse:
    initial = {name: getattr(survey, name) for name in EDITABLE}
    form = SurveyChangeForm(request.POST or None, initial={**initial, "version": survey.version})
    draft = survey.status == Survey.Status.DRAFT
    if not draft:
        form.fields["assessment_items"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        if not draft:
            data.pop("assessment_items")
        try:
            survey_update(request_author(request), survey, expected_version=version, **data)
        except (EditConflict, UnknownVersion) as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The survey has been saved."))
            return redirect(survey_url(survey))
    context = {
        "workspace": workspace,
        "access": access,
        "form": form,
        "survey": survey,
        "groups": item_groups(form.chosen_items() if draft else survey.assessment_items),
        "items_frozen": not draft,
        "scale": SCALE,
        "title": _("Edit %(name)s") % {"name": survey.name},
        "cancel_url": survey_url(survey),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "web/surveys/form.html", context, status=status)


@survey_manager
def survey_delete_view(
    request: HttpRequest, workspace: Workspace, access: Access, survey: Survey
) -> HttpResponse:
    answered = survey.respondents.filter(consented_at__isnull=False).count()
    error = ""
    if request.method == "POST":
        # A round with answers goes only when its key is typed: the answers go with it.
        if answered and request.POST.get("confirm", "").strip() != survey.slug:
            error = _("Type the survey's key, %(slug)s, to delete it with its answers.") % {
                "slug": survey.slug
            }
        else:
            network = survey.network
            survey_delete(request_author(request), survey)
            messages.success(request, _("The survey has been deleted."))
            return redirect(
                reverse("web:surveys", kwargs={"workspace": workspace.slug})
                + f"?network={network.slug}"
            )
    context = {
        "workspace": workspace,
        "access": access,
        "survey": survey,
        "answered": answered,
        "error": error,
    }
    return render(request, "web/surveys/delete.html", context, status=400 if error else 200)
