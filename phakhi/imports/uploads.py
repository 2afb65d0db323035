"""A file uploaded in the browser: stored under the data folder, its head read for the preview,
its rows counted, its columns mapped — and read again when another sheet is chosen."""

import itertools
import uuid
from collections.abc import Mapping
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.core import audit
from phakhi.core.cells import cell_text
from phakhi.core.models import AuditEvent, Workspace
from phakhi.imports.jobs import Status, require_editable
from phakhi.imports.mapping import guess_mapping, mapping_problems
from phakhi.imports.models import ImportJob
from phakhi.imports.pruning import jobs_prune
from phakhi.imports.readers import (
    XLSX_MAGIC,
    ImportFileError,
    open_table,
    workbook_rows,
    workbook_sheets,
)
from phakhi.imports.services import IGNORE
from phakhi.networks.models import Network

PREVIEW_ROWS = 20
ACCEPTED_SUFFIXES = (".csv", ".txt", ".xlsx")


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
        raise ValidationError({"what": _("Choose actors, ties, activities or attendance.")})
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
    require_editable(job)
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
