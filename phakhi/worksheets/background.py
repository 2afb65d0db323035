"""A larger uploaded worksheet is checked or imported on the database task queue (``phakhi
worker``, or the worker ``phakhi serve`` starts), so that the browser need not wait for every
row's write: a marker beside the upload says it is running until its report is written."""

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from phakhi.core import audit
from phakhi.imports.readers import XLSX_MAGIC, ImportFileError, workbook_rows, workbook_sheets
from phakhi.worksheets.uploads import REPORT, WorksheetUpload, upload_run

RUNNING = "running.json"
# More rows than this are written in the background: each row goes through its worksheet's
# services (checks, a transaction, an audit event), some milliseconds each.
INLINE_ROWS = 200
# A run that has not finished after this long lost its worker (stopped, killed, restarted).
STALLED_AFTER = dt.timedelta(minutes=30)


def upload_rows(upload: WorksheetUpload) -> int:
    """About how many rows the file holds (a CSV's lines, a workbook's recorded sizes)."""
    path = upload.path
    with path.open("rb") as handle:
        if handle.read(len(XLSX_MAGIC)) != XLSX_MAGIC:
            handle.seek(0)
            return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
    try:
        return sum(workbook_rows(path, sheet) for sheet in workbook_sheets(path))
    except ImportFileError:
        return 0  # the import itself says what is wrong with the file


def upload_start(author: audit.Author, upload: WorksheetUpload, *, dry_run: bool) -> bool:
    """Check (``dry_run``) or import the upload: at once for a small file, queued for a larger
    one (then True: its report comes when the worker has run it)."""
    if upload_rows(upload) <= INLINE_ROWS:
        upload_run(author, upload, dry_run=dry_run)
        return False
    from phakhi.worksheets.tasks import worksheet_import_task

    marker = {"dry_run": dry_run, "started_at": timezone.now().isoformat()}
    (upload.folder / RUNNING).write_text(json.dumps(marker), "utf-8")
    language = translation.get_language() or "th"
    worksheet_import_task.enqueue(
        upload.project.pk, upload.token, dry_run, author.label, author.user_id, language
    )
    return True


def upload_running(upload: WorksheetUpload) -> dict[str, Any] | None:
    """The run under way (``dry_run``, ``started_at``), or None. A run silent for longer than
    STALLED_AFTER is reported as stopped, and the file may be checked or imported again."""
    marker = upload.folder / RUNNING
    if not marker.exists():
        return None
    running = json.loads(marker.read_text("utf-8"))
    started = dt.datetime.fromisoformat(running["started_at"])
    if timezone.now() - started < STALLED_AFTER:
        return dict(running)
    stopped(upload, running["dry_run"], _("The run stopped before it finished."))
    return None


def stopped(upload: WorksheetUpload, dry_run: bool, problem: str) -> None:
    """A run that could not finish: its report says why, and it is no longer running."""
    report = {"file": upload.file_name, "dry_run": dry_run, "problem": problem, "stopped": True}
    report["finished_at"] = timezone.now().isoformat()
    (upload.folder / REPORT).write_text(json.dumps(report, ensure_ascii=False), "utf-8")
    finished(upload)


def finished(upload: WorksheetUpload) -> None:
    Path(upload.folder / RUNNING).unlink(missing_ok=True)
