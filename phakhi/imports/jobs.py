"""Imports made in the browser: upload a file, map its columns, check it, apply it.

Checking and applying run the command line's import (``actors_import`` / ``ties_import``) on the
stored file under the user's mapping, so a row is accepted or refused with the same rules and
messages. Large files run as a background task that records its progress on the job."""

import datetime as dt
import itertools
import logging
import uuid
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.core import audit
from phakhi.core.cells import cell_text
from phakhi.core.limits import MAX_ATTRIBUTES
from phakhi.core.models import AuditEvent, Workspace
from phakhi.imports.columns import (
    ACTOR_COLUMNS,
    TIE_COLUMNS,
    Column,
    attribute_problem,
    map_headers,
)
from phakhi.imports.models import ImportJob
from phakhi.imports.readers import (
    XLSX_MAGIC,
    ImportFileError,
    open_table,
    workbook_rows,
    workbook_sheets,
)
from phakhi.imports.report import Progress
from phakhi.imports.services import ATTRIBUTE, IGNORE, actors_import, ties_import
from phakhi.networks.models import Network

logger = logging.getLogger(__name__)

PREVIEW_ROWS = 20
# A running job that has not reported for this long lost its worker (stopped, killed, the
# machine restarted). The longest silence of a live one is a national tie import's COPY into
# PostgreSQL, which reports only when it is done: about two minutes.
STALLED_AFTER = dt.timedelta(minutes=30)
ACCEPTED_SUFFIXES = (".csv", ".txt", ".xlsx")
CHECK, APPLY = "check", "apply"
Status = ImportJob.Status


def columns_for(what: str) -> tuple[Column, ...]:
    return ACTOR_COLUMNS if what == ImportJob.What.ACTORS else TIE_COLUMNS


def _matching_one_header(what: str) -> tuple[Column, ...]:
    """The columns with none required: to match headers one at a time."""
    return tuple(replace(c, required=False) for c in columns_for(what))


def guess_mapping(what: str, headers: list[str]) -> dict[str, str]:
    """Each header's column as the command line would match it (Thai or English, aliases);
    a header it would not match is kept as an attribute; a second header for a column that is
    already matched is ignored."""
    optional = _matching_one_header(what)
    mapping: dict[str, str] = {}
    for header in headers:
        if header in mapping:
            continue
        found = map_headers([header], optional)
        if not str(header or "").strip() or found.ignored:
            mapping[header] = IGNORE
        elif found.fields:
            name = next(iter(found.fields))
            mapping[header] = IGNORE if name in mapping.values() else name
        else:
            mapping[header] = ATTRIBUTE
    return mapping


def missing_columns(job: ImportJob) -> list[Column]:
    chosen = set(job.mapping.values())
    return [c for c in columns_for(job.what) if c.required and c.name not in chosen]


def mapping_problems(what: str, headers: list[str], mapping: Mapping[str, str]) -> list[str]:
    columns = columns_for(what)
    allowed = {c.name for c in columns} | {ATTRIBUTE, IGNORE}
    optional = _matching_one_header(what)
    problems: list[str] = []
    first_for: dict[str, str] = {}
    kept = 0
    for header in headers:
        chosen = mapping.get(header, IGNORE)
        if chosen not in allowed:
            problems.append(_("“%(header)s”: choose a column from the list.") % {"header": header})
        elif chosen == ATTRIBUTE and map_headers([header], optional).fields:
            problems.append(
                _("“%(header)s” is the name of a column; choose that column or ignore it.")
                % {"header": header}
            )
        elif chosen == ATTRIBUTE:
            # Of the columns beyond the number kept, only the first is named (with the number).
            problem = attribute_problem(str(header).strip(), kept if kept <= MAX_ATTRIBUTES else 0)
            if problem:
                problems.append(problem)
            kept += 1
        elif chosen not in (ATTRIBUTE, IGNORE):
            if chosen in first_for:
                problems.append(
                    _("The columns “%(first)s” and “%(second)s” both mean “%(name)s”; keep one.")
                    % {"first": first_for[chosen], "second": header, "name": chosen}
                )
            first_for.setdefault(chosen, header)
    for column in columns:
        if column.required and column.name not in first_for:
            problems.append(
                _("Choose the file's column for “%(name)s” (%(thai)s): it is required.")
                % {"name": column.name, "thai": column.thai}
            )
    return problems


def _read_head(path: Path, sheet: str | None, name: str) -> tuple[list[str], list[list[str]]]:
    table = open_table(path, sheet, name)
    try:
        rows = [
            [cell_text(c) for c in cells]
            for _line, cells in itertools.islice(table.rows, PREVIEW_ROWS)
        ]
    finally:
        close = getattr(table.rows, "close", None)
        if close is not None:
            close()
    return [str(h) for h in table.headers], rows


def _count_rows(path: Path, sheet: str | None, name: str) -> int:
    """About how many rows of data the file holds (lines of a CSV; the sheet's recorded size
    for XLSX), to tell a large file from a small one before reading it all."""
    if sheet is None:
        with path.open("rb") as handle:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
        return max(lines, 1) - 1
    return max(workbook_rows(path, sheet, name) - 1, 0)


def _read_file(job: ImportJob, sheet: str | None) -> None:
    job.headers, job.preview = _read_head(job.file_path(), sheet, job.file_name)
    job.sheet = sheet or ""
    job.rows_total = _count_rows(job.file_path(), sheet, job.file_name)
    job.mapping = guess_mapping(job.what, job.headers)


def job_upload(
    author: audit.Author,
    workspace: Workspace,
    *,
    what: str,
    upload: UploadedFile,
    network: Network | None = None,
) -> ImportJob:
    if what not in ImportJob.What.values:
        raise ValidationError({"what": _("Choose actors or ties.")})
    if network is not None and (network.workspace_id != workspace.pk or what != "actors"):
        raise ValidationError({"network": _("Choose a network of this workspace for actors.")})
    name = Path(upload.name or "").name
    limit = settings.PHAKHI_IMPORT_MAX_BYTES
    if (upload.size or 0) > limit:
        raise ValidationError(
            {
                "file": _(
                    "The file is %(size).1f MB; files up to %(limit).0f MB can be imported here. "
                    "Split it, or import it with `phakhi import` on the server."
                )
                % {"size": (upload.size or 0) / 1024**2, "limit": limit / 1024**2}
            }
        )
    if Path(name).suffix.lower() not in ACCEPTED_SUFFIXES:
        raise ValidationError(
            {
                "file": _(
                    "“%(name)s” is not a CSV or XLSX file. Save it from your spreadsheet as "
                    "CSV UTF-8 or as an Excel workbook (.xlsx)."
                )
                % {"name": name}
            }
        )
    job = ImportJob(
        workspace=workspace,
        what=what,
        file_name=name[:255],
        file_size=upload.size or 0,
        uploaded_by_id=author.user_id,
        options={"network": network.slug if network else "", "all_or_nothing": False},
    )
    head = next(iter(upload.chunks(8)), b"")
    suffix = ".xlsx" if head.startswith(XLSX_MAGIC) else ".csv"
    folder = Path(settings.DATA_DIR) / "uploads" / workspace.slug
    folder.mkdir(parents=True, exist_ok=True)
    job.stored_path = str((folder / f"{uuid.uuid4().hex}{suffix}").relative_to(settings.DATA_DIR))
    with job.file_path().open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    try:
        job.sheets = workbook_sheets(job.file_path(), name) if suffix == ".xlsx" else []
        _read_file(job, job.sheets[0] if job.sheets else None)
    except ImportFileError as error:
        job.file_path().unlink(missing_ok=True)
        raise ValidationError({"file": str(error)}) from None
    jobs_prune()
    with transaction.atomic():
        job.save()
        audit.record(author, AuditEvent.Action.CREATE, job, changes={"file": name, "what": what})
    return job


def job_set_mapping(
    author: audit.Author, job: ImportJob, mapping: Mapping[str, str], *, sheet: str | None = None
) -> ImportJob:
    """A new mapping (or, for a workbook, another sheet, which starts from the guessed mapping);
    the earlier check no longer holds."""
    _require_editable(job)
    old = {"sheet": job.sheet, "mapping": dict(job.mapping)}
    if sheet is not None and sheet != job.sheet:
        if sheet not in job.sheets:
            raise ValidationError({"sheet": _("The workbook has no such sheet.")})
        try:
            _read_file(job, sheet)
        except ImportFileError as error:
            raise ValidationError({"sheet": str(error)}) from None
    else:
        problems = mapping_problems(job.what, job.headers, mapping)
        if problems:
            raise ValidationError({"mapping": problems})
        job.mapping = {h: mapping.get(h, IGNORE) for h in job.headers}
    new = {"sheet": job.sheet, "mapping": job.mapping}
    if new == old:
        return job
    if job.errors_file() is not None:
        job.errors_file().unlink(missing_ok=True)  # type: ignore[union-attr]
    job.status, job.report, job.errors_path, job.progress, job.step = Status.UPLOADED, {}, "", 0, ""
    with transaction.atomic():
        job.save()
        audit.record(author, AuditEvent.Action.UPDATE, job, changes=audit.diff(old, new))
    return job


def _require_editable(job: ImportJob) -> None:
    if job.running:
        raise ValidationError(_("This import is running; wait until it has finished."))
    if job.status == Status.DONE:
        raise ValidationError(
            _("This import has been applied; upload the file again to import it once more.")
        )


def job_check(author: audit.Author, job: ImportJob) -> ImportJob:
    """Check every row as the import would, changing nothing (a dry run)."""
    _require_editable(job)
    problems = mapping_problems(job.what, job.headers, job.mapping)
    if problems:
        raise ValidationError({"mapping": problems})
    return _start(author, job, CHECK, [Status.UPLOADED, Status.CHECKED, Status.FAILED])


def job_apply(author: audit.Author, job: ImportJob, *, all_or_nothing: bool = False) -> ImportJob:
    """Write the valid rows (none of them, with ``all_or_nothing``, if any row is rejected)."""
    _require_editable(job)
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
        else:
            report = ties_import(job.workspace, job.file_path(), **options)
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


def job_delete(author: audit.Author, job: ImportJob) -> None:
    if job.running:
        raise ValidationError(_("This import is running; wait until it has finished."))
    with transaction.atomic():  # its files go once this commits (phakhi.imports.signals)
        audit.record(author, AuditEvent.Action.DELETE, job)
        job.delete()


def jobs_prune(now: dt.datetime | None = None) -> int:
    """Delete the jobs older than PHAKHI_IMPORT_KEEP_DAYS with their files; returns how many."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.PHAKHI_IMPORT_KEEP_DAYS)
    old = ImportJob.objects.filter(created_at__lt=cutoff).exclude(
        status__in=[Status.CHECKING, Status.APPLYING]
    )
    count = 0
    for job in old.iterator():
        job_delete(audit.Author.system("prune uploads"), job)
        count += 1
    return count
