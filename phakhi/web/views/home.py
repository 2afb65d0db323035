"""The workspace chooser, the workspace home page and its "analyse now" button."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phakhi.accounts.permissions import Access, workspaces_for
from phakhi.analysis.models import AnalysisRun
from phakhi.analysis.services import analysis_request
from phakhi.core.models import Workspace
from phakhi.overview.selectors import workspace_overview
from phakhi.web.access import LAST_WORKSPACE, request_author, workspace_view

HIDE_COMMAND_LINE = "without-command-line"  # ?changes=… hides bulk work run by `phakhi`


@login_required
def chooser(request: HttpRequest) -> HttpResponse:
    choices = workspaces_for(request.user)
    if len(choices) == 1:
        return redirect("web:home", workspace=choices[0][0].slug)
    context = {"choices": choices, "last": request.session.get(LAST_WORKSPACE)}
    return render(request, "web/chooser.html", context)


@workspace_view()
def home(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    hide = request.GET.get("changes") == HIDE_COMMAND_LINE
    overview = workspace_overview(workspace, hide_command_line=hide)
    context = {"workspace": workspace, "access": access, "overview": overview}
    return render(request, "web/home.html", context)


@require_POST
@workspace_view("analyze")
def analysis_run(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    try:
        run = analysis_request(request_author(request), workspace)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("web:home", workspace=workspace.slug)
    if run.status == AnalysisRun.Status.DONE:
        messages.success(request, _("The network has been analysed."))
    elif run.status == AnalysisRun.Status.FAILED:
        messages.error(request, _("The analysis failed: %(error)s") % {"error": run.error})
    else:
        messages.info(
            request, _("The network is large: its analysis runs in the background. Come back soon.")
        )
    return redirect("web:home", workspace=workspace.slug)
