"""A filled worksheet uploaded in the browser: kept under the data folder, one folder an upload
(``worksheet-imports/<workspace>/<project>/<token>/``), with its error file beside it and the
report of its last run, so that a check can be applied without uploading again and the report
and the rejected rows can be read back. Uploads older than PHAKHI_IMPORT_KEEP_DAYS go with the
next upload."""

import datetime as dt
import json
import re
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.core import audit
from phakhi.core.selectors import NotFound
from phakhi.imports.readers import ImportFileError
from phakhi.imports.report import errors_path_for
from phakhi.imports.uploads import ACCEPTED_SUFFIXES
from phakhi.projects.models import Project
from phakhi.worksheets.imports import worksheet_import

FOLDER = "worksheet-imports"
REPORT = "report.json"
_TOKEN = re.compile(r"^[0-9a-f]{32}$")
# The stored file's name: the upload's own name is kept in the report, never in a path.
UPLOAD = "upload"


@dataclass(frozen=True)
class WorksheetUpload:
    """One uploaded file of a project and what its last run reported."""

    project: Project
    token: str
    folder: Path
    file_name: str  # as the browser named it

    @property
    def path(self) -> Path:
        return self.folder / f"{UPLOAD}{Path(self.file_name).suffix.lower()}"

    @property
    def errors_path(self) -> Path:
        return errors_path_for(self.path)

    @property
    def errors_name(self) -> str:
        """The rejected rows' file as the browser saves it: named after the upload."""
        return f"{Path(self.file_name).stem or UPLOAD}.errors.csv"

    def report(self) -> dict[str, Any]:
        """The report of the file's last run (empty before any)."""
        stored = self.folder / REPORT
        return json.loads(stored.read_text(encoding="utf-8")) if stored.exists() else {}


def _project_folder(project: Project) -> Path:
    return Path(settings.DATA_DIR) / FOLDER / project.workspace.slug / project.slug


def upload_store(project: Project, upload: UploadedFile) -> WorksheetUpload:
    """Keep an uploaded file for ``project`` after the checks a browser import makes (its size
    and kind); the older uploads past their keeping time go."""
    name = Path(upload.name or "").name
    limit = settings.PHAKHI_IMPORT_MAX_BYTES
    if (upload.size or 0) > limit:
        raise ValidationError(
            {
                "file": _(
                    "The file is %(size).1f MB; files up to %(limit).0f MB can be imported here."
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
    uploads_prune()
    token = uuid.uuid4().hex
    folder = _project_folder(project) / token
    folder.mkdir(parents=True)
    stored = WorksheetUpload(project, token, folder, name)
    with stored.path.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return stored


def upload_get(project: Project, token: str) -> WorksheetUpload:
    """A project's upload by its token; ``NotFound`` for a token of no upload of the project
    (another project's, a pruned one, or anything that is not a token)."""
    folder = _project_folder(project) / token
    if not _TOKEN.match(token) or not folder.is_dir():
        raise NotFound(_("There is no such upload of this project; upload the file again."))
    report = folder / REPORT
    if report.exists():
        name = json.loads(report.read_text("utf-8"))["file"]
    else:
        name = next((p.name for p in folder.glob(f"{UPLOAD}.*") if ".errors." not in p.name), "")
    return WorksheetUpload(project, token, folder, name)


def upload_run(author: audit.Author, upload: WorksheetUpload, *, dry_run: bool) -> dict[str, Any]:
    """Check (``dry_run``) or import the uploaded file; the report, kept with the upload, as
    JSON (a file that cannot be read at all gives a report with its ``problem``)."""
    try:
        report = worksheet_import(
            author,
            upload.project,
            upload.path,
            dry_run=dry_run,
            file_name=upload.file_name,
            errors_path=upload.errors_path,
        ).as_json()
    except ImportFileError as error:
        report = {"file": upload.file_name, "dry_run": dry_run, "problem": str(error)}
    report["finished_at"] = timezone.now().isoformat()
    (upload.folder / REPORT).write_text(json.dumps(report, ensure_ascii=False), "utf-8")
    return report


def uploads_prune(now: dt.datetime | None = None) -> int:
    """Delete the uploads older than PHAKHI_IMPORT_KEEP_DAYS; returns how many."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.PHAKHI_IMPORT_KEEP_DAYS)
    root = Path(settings.DATA_DIR) / FOLDER
    count = 0
    for folder in root.glob("*/*/*") if root.is_dir() else ():
        modified = dt.datetime.fromtimestamp(folder.stat().st_mtime, tz=dt.UTC)
        if folder.is_dir() and _TOKEN.match(folder.name) and modified < cutoff:
            shutil.rmtree(folder)
            count += 1
    return count
