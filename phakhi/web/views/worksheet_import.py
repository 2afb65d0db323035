"""Importing a filled worksheet in the browser (นำเข้าใบงานที่กรอกแล้ว): upload a worksheet 1 card
table or a worksheet 4 plan, check it or import it, read the report, download the rejected
rows, and import a checked file without uploading it again. The work is
``phakhi.worksheets.uploads`` and ``phakhi.worksheets.imports``; the reports are the command
line's."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from phakhi.accounts.permissions import Access
from phakhi.core.dates import current_language
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.projects.models import Project
from phakhi.web.access import forbidden, request_author, workspace_view
from phakhi.web.forms import add_service_errors
from phakhi.web.views.imports import no_worker_alive
from phakhi.web.views.projects import project_or_404
from phakhi.worksheets import background, uploads
from phakhi.worksheets.columns import EXPANSION_PLAN, STAKEHOLDER_CARDS
from phakhi.worksheets.summary import worksheet_name

ERRORS_PER_PAGE = 50
CHECK, IMPORT = "check", "import"
# The tab of each worksheet's own pages, where its imported rows are seen.
WORKSHEET_TABS = {1: "project-stakeholders", 4: "project-plan"}


class WorksheetUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Filled worksheet (XLSX or CSV)"),
        help_text=gettext_lazy(
            "Worksheet 1's card table or worksheet 4's plan, with its headers in Thai or English."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}),
    )


def _editable(
    request: HttpRequest, workspace: Workspace, access: Access, slug: str
) -> tuple[Project, HttpResponse | None]:
    project = project_or_404(workspace, slug)
    if not access.can_edit_project(project.network_id):
        return project, forbidden(request, access, "edit_project")
    return project, None


def _upload(project: Project, token: str) -> uploads.WorksheetUpload:
    try:
        return uploads.upload_get(project, token)
    except NotFound as error:
        raise Http404(str(error)) from None


def _columns() -> list[tuple[str, list[Any]]]:
    """Each worksheet's title and the columns its file is read by, to show on the page."""
    thai = current_language() == "th"
    return [
        (
            table.thai_title if thai else table.english_title,
            [c for c in table.columns if not c.read_only],
        )
        for table in (STAKEHOLDER_CARDS, EXPANSION_PLAN)
    ]


@workspace_view()
def worksheet_import_page(
    request: HttpRequest, workspace: Workspace, access: Access, project: str
) -> HttpResponse:
    found = project_or_404(workspace, project)
    can_import = access.can_edit_project(found.network_id)
    form = WorksheetUploadForm()
    status = 200
    if request.method == "POST":
        if not can_import:
            return forbidden(request, access, "edit_project")
        form = WorksheetUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                upload = uploads.upload_store(found, form.cleaned_data["file"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                dry_run = request.POST.get("action") != IMPORT
                background.upload_start(request_author(request), upload, dry_run=dry_run)
                return _to_report(workspace, found, upload)
        status = 400
    context = {
        "workspace": workspace,
        "access": access,
        "project": found,
        "form": form,
        "can_import": can_import,
        "columns": _columns(),
        "paper_url": _tab_url(workspace, found, "project-paper"),
    }
    return render(request, "web/worksheets/import.html", context, status=status)


def _to_report(workspace: Workspace, project: Project, upload: uploads.WorksheetUpload) -> Any:
    return redirect(
        "web:worksheet-import-report",
        workspace=workspace.slug,
        project=project.slug,
        upload=upload.token,
    )


def _tab_url(workspace: Workspace, project: Project, route: str | None) -> str:
    """The URL of one of the project's tabs; "" when that page is not there (yet)."""
    try:
        kwargs = {"workspace": workspace.slug, "project": project.slug}
        return reverse(f"web:{route}", kwargs=kwargs) if route else ""
    except NoReverseMatch:
        return ""


@workspace_view()
def worksheet_import_report(
    request: HttpRequest, workspace: Workspace, access: Access, project: str, upload: str
) -> HttpResponse:
    found, refused = _editable(request, workspace, access, project)
    if refused is not None:
        return refused
    stored = _upload(found, upload)
    running = background.upload_running(stored)
    report = {} if running else stored.report()
    errors = Paginator(report.get("errors", []), ERRORS_PER_PAGE).get_page(
        request.GET.get("errors")
    )
    context = {
        "workspace": workspace,
        "access": access,
        "project": found,
        "upload": stored,
        "report": report,
        "worksheet": worksheet_name(report["worksheet"]) if report.get("worksheet") else "",
        "errors": errors,
        "running": running,
        "no_worker": running is not None and no_worker_alive(),
        "can_apply": report.get("dry_run") and not report.get("problem"),
        "worksheet_url": _tab_url(workspace, found, WORKSHEET_TABS.get(report.get("worksheet", 0))),
    }
    return render(request, "web/worksheets/import_report.html", context)


@require_POST
@workspace_view()
def worksheet_import_apply(
    request: HttpRequest, workspace: Workspace, access: Access, project: str, upload: str
) -> HttpResponse:
    found, refused = _editable(request, workspace, access, project)
    if refused is not None:
        return refused
    stored = _upload(found, upload)
    if background.upload_running(stored) is None:  # a second press while it runs waits
        background.upload_start(request_author(request), stored, dry_run=False)
    return _to_report(workspace, found, stored)


@workspace_view()
def worksheet_import_errors(
    request: HttpRequest, workspace: Workspace, access: Access, project: str, upload: str
) -> HttpResponse | FileResponse:
    found, refused = _editable(request, workspace, access, project)
    if refused is not None:
        return refused
    stored = _upload(found, upload)
    if not stored.errors_path.exists():
        raise Http404(_("This import has no rejected rows to download."))
    return FileResponse(
        stored.errors_path.open("rb"), as_attachment=True, filename=stored.errors_name
    )
