"""The worksheets on paper and in Excel (ใบงานสำหรับพิมพ์): a project's page of blank worksheets
to print for a room without devices and of its filled ones to download, and the downloads
themselves (each worksheet's tab offers its own through ``web/worksheets/_downloads.html``).

Everyone with a role in the workspace downloads; a viewer's file has the contact persons masked,
as every contact is for them."""

from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from phakhi.accounts.permissions import Access
from phakhi.core.models import Workspace
from phakhi.core.personal import personal_view
from phakhi.core.selectors import NotFound
from phakhi.stakeholders.selectors import assessment_in
from phakhi.web.access import workspace_view
from phakhi.web.views.projects import project_or_404
from phakhi.worksheets.exports import TITLES, WorksheetError, WorksheetFile, worksheet_file
from phakhi.worksheets.selectors import WORKSHEETS


@dataclass(frozen=True)
class PaperWorksheet:
    number: int
    title: str
    tab: str  # the route of the worksheet's own tab


PAPER_WORKSHEETS = [
    PaperWorksheet(1, TITLES[1], "project-stakeholders"),
    PaperWorksheet(2, TITLES[2], "project-lessons"),
    PaperWorksheet(4, TITLES[4], "project-plan"),
]


def _attachment(sheet: WorksheetFile) -> HttpResponse:
    response = HttpResponse(sheet.content, content_type=sheet.content_type)
    response["Content-Disposition"] = f'attachment; filename="{sheet.name}"'
    response["Cache-Control"] = "private, no-store"  # it may hold contact persons
    return response


@workspace_view("view")
def worksheets_paper(
    request: HttpRequest, workspace: Workspace, access: Access, project: str
) -> HttpResponse:
    found = project_or_404(workspace, project)
    context: dict[str, Any] = {
        "workspace": workspace,
        "project": found,
        "worksheets": PAPER_WORKSHEETS,
        "masked": personal_view(access).masked,
    }
    return render(request, "web/worksheets/paper.html", context)


@workspace_view("view")
def worksheet_download(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: str,
    worksheet: int,
    fmt: str,
) -> HttpResponse:
    """The worksheet as filled: worksheet 1's latest assessment, or ``?assessment=<id>``."""
    found = project_or_404(workspace, project)
    assessment = None
    if worksheet == 1 and request.GET.get("assessment"):
        try:
            assessment = assessment_in(found, request.GET["assessment"])
        except NotFound as error:
            raise Http404(str(error)) from None
    return _file(found, worksheet, fmt, access, blank=False, assessment=assessment)


@workspace_view("view")
def worksheet_blank(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: str,
    worksheet: int,
    fmt: str,
) -> HttpResponse:
    """An empty worksheet with the project's name on it, to print or to fill in Excel."""
    found = project_or_404(workspace, project)
    return _file(found, worksheet, fmt, access, blank=True)


def _file(project: Any, worksheet: int, fmt: str, access: Access, **options: Any) -> HttpResponse:
    if worksheet not in WORKSHEETS:
        raise Http404(_("There is no worksheet %(n)s: choose 1, 2 or 4.") % {"n": worksheet})
    try:
        sheet = worksheet_file(project, worksheet, fmt, view=personal_view(access), **options)
    except WorksheetError as error:
        raise Http404(str(error)) from None
    return _attachment(sheet)
