"""Import in the browser: upload a CSV or XLSX file, see its first rows, map its columns, check
it, apply it and download the rejected rows. The work is phakhi.imports' (uploads, mapping, jobs
and pruning); large files run in the background and the job page follows their progress with
htmx."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from phakhi.accounts.permissions import Access
from phakhi.core.models import Workspace
from phakhi.core.workers import workers_alive, workers_needed
from phakhi.imports import jobs, pruning, uploads
from phakhi.imports.mapping import columns_for, keeps_attributes, missing_columns
from phakhi.imports.models import ImportJob
from phakhi.imports.services import ATTRIBUTE, IGNORE
from phakhi.networks.models import Network
from phakhi.web.access import request_author, workspace_view
from phakhi.web.forms import add_service_errors

RECENT_JOBS = 20
ERRORS_PER_PAGE = 50
DUPLICATES_SHOWN = 50


class UploadForm(forms.Form):
    what = forms.ChoiceField(
        label=gettext_lazy("What the file holds"),
        choices=ImportJob.What.choices,
        widget=forms.RadioSelect,
        initial=ImportJob.What.ACTORS,
    )
    file = forms.FileField(
        label=gettext_lazy("File (CSV or XLSX)"),
        help_text=gettext_lazy("The first row holds the column names, in Thai or English."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}),
    )
    network = forms.ModelChoiceField(
        label=gettext_lazy("Also make every actor a member of"),
        queryset=Network.objects.none(),
        required=False,
        empty_label=gettext_lazy("no network"),
        help_text=gettext_lazy("Actors only."),
    )

    def __init__(self, *args: Any, access: Access, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        networks = Network.objects.filter(workspace=access.workspace).order_by("name")
        field = self.fields["network"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = networks


def _mapping_choices(job: ImportJob) -> list[tuple[str, str]]:
    columns = [(c.name, f"{c.name} ({c.thai})") for c in columns_for(job.what)]
    if keeps_attributes(job.what):
        columns.append((ATTRIBUTE, _("keep as an extra attribute")))
    return [*columns, (IGNORE, _("ignore this column"))]


class MappingForm(forms.Form):
    """One choice per header of the file, named by its position (headers are free text)."""

    def __init__(self, *args: Any, job: ImportJob, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.job = job
        choices = _mapping_choices(job)
        for index, header in enumerate(job.headers):
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=header or _("(column %(n)d without a name)") % {"n": index + 1},
                choices=choices,
                initial=job.mapping.get(header, IGNORE),
            )

    def mapping(self) -> dict[str, str]:
        return {h: self.cleaned_data[f"column_{i}"] for i, h in enumerate(self.job.headers)}


def _job_or_404(workspace: Workspace, job_id: int) -> ImportJob:
    job = ImportJob.objects.filter(workspace=workspace, pk=job_id).first()
    if job is None:
        raise Http404(_("There is no such import in this workspace."))
    return jobs.job_stalled_failed(job)


@workspace_view("import")
def import_page(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    form = UploadForm(access=access)
    status = 200
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES, access=access)
        if form.is_valid():
            try:
                job = uploads.job_upload(
                    request_author(request),
                    workspace,
                    what=form.cleaned_data["what"],
                    upload=form.cleaned_data["file"],
                    network=form.cleaned_data["network"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("“%(name)s” is uploaded. Check the columns, then check the file.")
                    % {"name": job.file_name},
                )
                return redirect("web:import-job", workspace=workspace.slug, job_id=job.pk)
        status = 400
    recent = ImportJob.objects.filter(workspace=workspace).select_related("uploaded_by")
    shown = list(recent.defer("preview", "report", "headers", "mapping")[:RECENT_JOBS])
    context = {
        "workspace": workspace,
        "access": access,
        "form": form,
        "jobs": shown,
        "no_worker": any(job.running for job in shown) and no_worker_alive(),
    }
    return render(request, "web/import.html", context, status=status)


def no_worker_alive() -> bool:
    """Whether work queued in the background has nobody to run it (the pages then say so and
    how to start a worker, instead of showing a progress bar that never moves)."""
    return workers_needed() and not workers_alive()


def _job_context(
    request: HttpRequest, workspace: Workspace, job: ImportJob, form: MappingForm | None
) -> dict[str, Any]:
    report = job.report or {}
    errors = Paginator(report.get("errors", []), ERRORS_PER_PAGE).get_page(
        request.GET.get("errors")
    )
    duplicates = report.get("possible_duplicates", [])
    editable = not job.running and job.status != ImportJob.Status.DONE
    return {
        "workspace": workspace,
        "job": job,
        "form": form or (MappingForm(job=job) if editable else None),
        "missing": missing_columns(job),
        "report": report,
        "errors": errors,
        "duplicates": duplicates[:DUPLICATES_SHOWN],
        "more_duplicates": max(len(duplicates) - DUPLICATES_SHOWN, 0),
        "step": step_text(job),
        "percent": round(100 * job.progress),
        "can_apply": job.status == ImportJob.Status.CHECKED,
        "no_worker": job.running and no_worker_alive(),
    }


def step_text(job: ImportJob) -> str:
    steps = {
        "queued": _("Waiting for the background worker…"),
        "read": _("Reading and checking the rows…"),
        "check": _("Comparing with the workspace…"),
        "write": _("Writing the changes…"),
    }
    return str(steps.get(job.step, ""))


def _job_page(
    request: HttpRequest,
    workspace: Workspace,
    job: ImportJob,
    form: MappingForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = _job_context(request, workspace, job, form)
    return render(request, "web/import_job.html", context, status=status)


@workspace_view("import")
def import_job(
    request: HttpRequest, workspace: Workspace, access: Access, job_id: int
) -> HttpResponse:
    return _job_page(request, workspace, _job_or_404(workspace, job_id))


@workspace_view("import")
def import_progress(
    request: HttpRequest, workspace: Workspace, access: Access, job_id: int
) -> HttpResponse:
    """The progress bar alone, polled by htmx; once the job has finished, the page reloads to
    show the report."""
    job = _job_or_404(workspace, job_id)
    context = {"workspace": workspace, "job": job, "step": step_text(job)}
    context["percent"] = round(100 * job.progress)
    context["no_worker"] = job.running and no_worker_alive()
    response = render(request, "web/_import_progress.html", context)
    if not job.running and request.headers.get("HX-Request"):
        response["HX-Refresh"] = "true"
    return response


def _back(workspace: Workspace, job: ImportJob) -> HttpResponse:
    return redirect("web:import-job", workspace=workspace.slug, job_id=job.pk)


def _service_error(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@require_POST
@workspace_view("import")
def import_sheet(
    request: HttpRequest, workspace: Workspace, access: Access, job_id: int
) -> HttpResponse:
    job = _job_or_404(workspace, job_id)
    try:
        uploads.job_set_mapping(
            request_author(request), job, {}, sheet=request.POST.get("sheet", "")
        )
    except ValidationError as error:
        _service_error(request, error)
    return _back(workspace, job)


@require_POST
@workspace_view("import")
def import_check(
    request: HttpRequest, workspace: Workspace, access: Access, job_id: int
) -> HttpResponse:
    job = _job_or_404(workspace, job_id)
    form = MappingForm(request.POST, job=job)
    if not form.is_valid():
        return _job_page(request, workspace, job, form, status=400)
    author = request_author(request)
    try:
        job = uploads.job_set_mapping(author, job, form.mapping())
        job = jobs.job_check(author, job)
    except ValidationError as error:
        add_service_errors(form, error)
        return _job_page(request, workspace, job, form, status=400)
    if job.status == ImportJob.Status.FAILED:
        messages.error(request, job.problem)
    return _back(workspace, job)


@require_POST
@workspace_view("import")
def import_apply(
    request: HttpRequest, workspace: Workspace, access: Access, job_id: int
) -> HttpResponse:
    job = _job_or_404(workspace, job_id)
    try:
        job = jobs.job_apply(
            request_author(request), job, all_or_nothing=bool(request.POST.get("all_or_nothing"))
        )
    except ValidationError as error:
        _service_error(request, error)
        return _back(workspace, job)
    if job.status == ImportJob.Status.DONE:
        messages.success(request, _("The import has been applied."))
    elif job.status == ImportJob.Status.FAILED:
        messages.error(request, job.problem)
    elif not job.running:
        messages.error(request, _("Nothing was changed: some rows were rejected."))
    return _back(workspace, job)


@require_POST
@workspace_view("import")
def import_delete(
    request: HttpRequest, workspace: Workspace, access: Access, job_id: int
) -> HttpResponse:
    job = _job_or_404(workspace, job_id)
    try:
        pruning.job_delete(request_author(request), job)
    except ValidationError as error:
        _service_error(request, error)
        return _back(workspace, job)
    messages.success(request, _("The import and its files have been deleted."))
    return redirect("web:import", workspace=workspace.slug)


@workspace_view("import")
def import_errors(
    request: HttpRequest, workspace: Workspace, access: Access, job_id: int
) -> FileResponse:
    job = _job_or_404(workspace, job_id)
    path = job.errors_file()
    if path is None or not path.exists():
        raise Http404(_("This import has no rejected rows to download."))
    stem = job.file_name.rsplit(".", 1)[0] or "import"
    return FileResponse(path.open("rb"), as_attachment=True, filename=f"{stem}.errors{path.suffix}")
