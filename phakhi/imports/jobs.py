"""Imports made in the browser: check an uploaded file, apply it, and follow the job's state.

Checking and applying run the command line's import (``actors_import``, ``ties_import``, or one
of ``IMPORTERS``: activities, attendance) on the stored file under the user's mapping, so a row
is accepted or refused with the same rules and messages. Large files run as a background task
that records its progress on the job. The file itself and its mapping are
``phakhi.imports.uploads``'; deleting jobs is ``phakhi.imports.pruning``'."""

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.core import audit
from phakhi.imports.mapping import mapping_problems
from phakhi.imports.models import ImportJob
from phakhi.imports.readers import ImportFileError
from phakhi.imports.report import ImportReport, Progress
from phakhi.imports.services import actors_import, ties_import
from phakhi.networks.models import Network

logger = logging.getLogger(__name__)

# A running job that has not reported for this long lost its worker (stopped, killed, the
# machine restarted). The longest silence of a live one is a national tie import's COPY into
# PostgreSQL, which reports only when it is done: about two minutes.
STALLED_AFTER = dt.timedelta(minutes=30)
CHECK, APPLY = "check", "apply"
Status = ImportJob.Status

# The imports of apps above this one (activities and attendance, phakhi.participation): each
# registers its function, with ``actors_import``'s options, when Django starts (its AppConfig's
# ready), so that the browser import runs it without this app importing theirs.
Importer = Callable[..., ImportReport]
IMPORTERS: dict[str, Importer] = {}


def register_importer(what: str, importer: Importer) -> None:
    IMPORTERS[what] = importer


def require_editable(job: ImportJob) -> None:
    if job.running:
        raise ValidationError(_("This import is running; wait until it has finished."))
    if job.status == Status.DONE:
        raise ValidationError(
            _("This import has been applied; upload the file again to import it once more.")
        )


def job_check(author: audit.Author, job: ImportJob) -> ImportJob:
    """Check every row as the import would, changing nothing (a dry run)."""
    require_editable(job)
    problems = mapping_problems(job.what, job.headers, job.mapping)
    if problems:
        raise ValidationError({"mapping": problems})
    return _start(author, job, CHECK, [Status.UPLOADED, Status.CHECKED, Status.FAILED])


def job_apply(author: audit.Author, job: ImportJob, *, all_or_nothing: bool = False) -> ImportJob:
    """Write the valid rows (none of them, with ``all_or_nothing``, if any row is rejected)."""
    require_editable(job)
    if job.status != Status.CHECKED:
        raise ValidationError(_("Check the file before applying it."))
    job.options = {**job.options, "all_or_nothing": all_or_nothing}
    ImportJob.objects.filter(pk=job.pk).update(options=job.options)
    return _start(author, job, APPLY, [Status.CHECKED])


def runs_in_background(job: ImportJob) -> bool:
    return (
        job.rows_total > settings.PHAKHI_IMPORT_INLINE_ROWS
        or job.file_size > settings.PHAKHI_IMPORT_INLINE_BYTES
    )


def _start(author: audit.Author, job: ImportJob, action: str, allowed: list[str]) -> ImportJob:
    status = Status.CHECKING if action == CHECK else Status.APPLYING
    started = ImportJob.objects.filter(pk=job.pk, status__in=allowed).update(
        status=status, progress=0.0, step="queued", problem="", updated_at=timezone.now()
    )
    if not started:  # another request started it meanwhile
        raise ValidationError(_("This import is running; wait until it has finished."))
    if runs_in_background(job):
        from phakhi.imports.tasks import import_job_task

        import_job_task.enqueue(job.pk, action, author.label, author.user_id)
        job.refresh_from_db()
        return job
    return job_run(job.pk, action, author)


def _progress(job: ImportJob) -> Progress:
    fractions = {"check": 0.85, "write": 0.9}

    def report(step: str, rows: int) -> None:
        if step == "read":
            fraction = 0.8 * min(rows / job.rows_total, 1.0) if job.rows_total else 0.4
        else:
            fraction = fractions.get(step, 0.5)
        now = timezone.now()  # also the job's sign of life (see job_stalled_failed)
        ImportJob.objects.filter(pk=job.pk).update(progress=fraction, step=step, updated_at=now)

    return report


def job_run(job_id: int, action: str, author: audit.Author) -> ImportJob:
    """Check or apply a job now (in the request, or in the background task's worker)."""
    job = ImportJob.objects.select_related("workspace").get(pk=job_id)
    errors = Path(job.stored_path).with_suffix(".errors.xlsx" if job.is_xlsx else ".errors.csv")
    options = {
        "author": author,
        "sheet": job.sheet or None,
        "dry_run": action == CHECK,
        "all_or_nothing": bool(job.options.get("all_or_nothing")),
        "mapping": job.mapping,
        "progress": _progress(job),
        "errors_path": Path(settings.DATA_DIR) / errors,
        "file_name": job.file_name,
    }
    try:
        if job.what == ImportJob.What.ACTORS:
            slug = job.options.get("network") or ""
            network = Network.objects.filter(workspace=job.workspace, slug=slug).first()
            if slug and network is None:
                raise ImportFileError(_("The network chosen for this import no longer exists."))
            report = actors_import(job.workspace, job.file_path(), network=network, **options)
        elif job.what == ImportJob.What.TIES:
            report = ties_import(job.workspace, job.file_path(), **options)
        else:
            report = IMPORTERS[job.what](job.workspace, job.file_path(), **options)
    except ImportFileError as error:
        return _fail(job, str(error))
    except Exception:
        logger.exception("import job %s failed", job_id)
        return _fail(job, _("The import stopped on an unexpected error; nothing was changed."))
    job.status = Status.DONE if report.applied else Status.CHECKED
    job.report = report.as_json()
    job.errors_path = str(errors) if report.errors_file else ""
    job.rows_total, job.progress, job.step = report.rows, 1.0, "done"
    job.save(update_fields=["status", "report", "errors_path", "rows_total", "progress", "step"])
    return job


def _fail(job: ImportJob, problem: str) -> ImportJob:
    job.status, job.problem, job.progress, job.step = Status.FAILED, problem, 1.0, "failed"
    job.save(update_fields=["status", "problem", "progress", "step"])
    return job


def job_stalled_failed(job: ImportJob, now: dt.datetime | None = None) -> ImportJob:
    """The job, marked failed if it is running but has not reported for STALLED_AFTER: its
    worker is gone, and it would otherwise show its progress bar for ever and refuse to be
    checked again or deleted. An import writes in one transaction, which the database rolled
    back when the worker went, so nothing of it was applied."""
    cutoff = (now or timezone.now()) - STALLED_AFTER
    if not job.running or job.updated_at >= cutoff:
        return job
    problem = _(
        "The background worker stopped before this import finished, so nothing of it was "
        "applied. Check or apply it again."
    )
    stalled = ImportJob.objects.filter(pk=job.pk, status=job.status, updated_at__lt=cutoff)
    if stalled.update(status=Status.FAILED, problem=problem, progress=1.0, step="failed"):
        logger.warning("import job %s stalled while %s: marked failed", job.pk, job.status)
    job.refresh_from_db()
    return job
