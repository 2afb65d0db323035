"""What backs a score: link an activity, an analysis run, a web address or an uploaded document
to an answer, and unlink it. Documents are stored under the data folder and removed with the
last evidence that uses them (copies of an assessment share files)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.analysis.models import AnalysisRun
from phakhi.assessments.checks import require_draft, same_workspace
from phakhi.assessments.models import Answer, Evidence
from phakhi.core import audit, versions
from phakhi.core.dates import format_date
from phakhi.core.models import AuditEvent, Workspace
from phakhi.core.thai import clean_text
from phakhi.participation.models import Activity

LABEL_LIMIT = 300
# Documents an award application attaches: office files, PDFs, pictures, plain tables.
DOCUMENT_SUFFIXES = (
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp",
    ".jpg", ".jpeg", ".png", ".csv", ".txt",
)  # fmt: skip
DEFAULT_DOCUMENT_MAX_BYTES = 20 * 1024**2


def document_max_bytes() -> int:
    """The largest document that may be uploaded as evidence (``PHAKHI_EVIDENCE_MAX_BYTES``)."""
    return int(getattr(settings, "PHAKHI_EVIDENCE_MAX_BYTES", DEFAULT_DOCUMENT_MAX_BYTES))


def _evidence(author: audit.Author, answer: Answer, **fields: Any) -> Evidence:
    with transaction.atomic():
        current = versions.locked(answer)
        require_draft(current.assessment)
        made = Evidence.objects.create(workspace_id=answer.workspace_id, answer=current, **fields)
        audit.record(
            author,
            AuditEvent.Action.CREATE,
            made,
            changes=audit.diff({}, {"answer": current.pk, "kind": made.kind, "label": made.label}),
        )
    return made


def evidence_add_activity(author: audit.Author, answer: Answer, activity: Activity) -> Evidence:
    """Link an activity of the workspace (once an item); its title and date are kept as the
    evidence's name."""
    same_workspace(answer.workspace_id, activity=activity)
    if answer.evidence.filter(activity=activity).exists():
        raise ValidationError({"activity": _("This activity is already linked to the item.")})
    label = f"{activity.title} ({format_date(activity.starts_on)})"[:LABEL_LIMIT]
    return _evidence(author, answer, kind=Evidence.Kind.ACTIVITY, activity=activity, label=label)


def run_label(run: AnalysisRun) -> str:
    return _("Analysis run %(number)d (%(date)s)") % {
        "number": run.number,
        "date": format_date(run.at),
    }


def evidence_add_run(author: audit.Author, answer: Answer, run: AnalysisRun) -> Evidence:
    """Link an analysis run of the workspace (once an item): the map's figures on its date."""
    same_workspace(answer.workspace_id, run=run)
    if answer.evidence.filter(run=run).exists():
        raise ValidationError({"run": _("This analysis run is already linked to the item.")})
    label = run_label(run)[:LABEL_LIMIT]
    return _evidence(author, answer, kind=Evidence.Kind.RUN, run=run, label=label)


def evidence_add_link(
    author: audit.Author, answer: Answer, *, url: str, label: str = ""
) -> Evidence:
    """A document on the web (the agency's site, a shared drive), by its address."""
    url = str(url or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError(
            {"url": _("Give a web address starting with http:// or https://.")}
        ) from None
    if len(url) > 1000:
        raise ValidationError({"url": _("Keep it within %(limit)d characters.") % {"limit": 1000}})
    name = clean_text(label)[:LABEL_LIMIT] or url[:LABEL_LIMIT]
    return _evidence(author, answer, kind=Evidence.Kind.LINK, url=url, label=name)


def documents_folder(workspace: Workspace) -> Path:
    return Path(settings.DATA_DIR) / "assessments" / workspace.slug


def evidence_file(evidence: Evidence) -> Path | None:
    """The stored file of a document, when there is one on disk."""
    if not evidence.stored_path:
        return None
    path = (Path(settings.DATA_DIR) / evidence.stored_path).resolve()
    if Path(settings.DATA_DIR).resolve() not in path.parents or not path.is_file():
        return None
    return path


def evidence_add_document(
    author: audit.Author, answer: Answer, *, upload: UploadedFile, label: str = ""
) -> Evidence:
    """Keep an uploaded document under the data folder (the workspace's own folder), up to
    ``document_max_bytes()``, of the kinds an application attaches (``DOCUMENT_SUFFIXES``)."""
    name = Path(upload.name or "").name
    limit = document_max_bytes()
    size = upload.size or 0
    if size > limit:
        raise ValidationError(
            {
                "file": _(
                    "The file is %(size).1f MB; documents up to %(limit).0f MB can be attached. "
                    "Link a larger one by its web address instead."
                )
                % {"size": size / 1024**2, "limit": limit / 1024**2}
            }
        )
    suffix = Path(name).suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES:
        raise ValidationError(
            {
                "file": _("“%(name)s” is not a document that can be attached (%(kinds)s).")
                % {"name": name, "kinds": ", ".join(DOCUMENT_SUFFIXES)}
            }
        )
    if size == 0:
        raise ValidationError({"file": _("The file is empty.")})
    require_draft(answer.assessment)
    folder = documents_folder(answer.assessment.workspace)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{uuid.uuid4().hex}{suffix}"
    with path.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    try:
        return _evidence(
            author,
            answer,
            kind=Evidence.Kind.DOCUMENT,
            label=clean_text(label)[:LABEL_LIMIT] or name[:LABEL_LIMIT],
            file_name=name[:255],
            file_size=size,
            stored_path=str(path.relative_to(settings.DATA_DIR)),
        )
    except Exception:
        path.unlink(missing_ok=True)
        raise


def unlink_unused_documents(paths: Iterable[str]) -> None:
    """Remove stored documents no evidence refers to any more (copies share files)."""
    wanted = {path for path in paths if path}
    if not wanted:
        return
    used = set(
        Evidence.objects.filter(stored_path__in=wanted).values_list("stored_path", flat=True)
    )
    for stored in wanted - used:
        path = (Path(settings.DATA_DIR) / stored).resolve()
        if Path(settings.DATA_DIR).resolve() in path.parents:
            path.unlink(missing_ok=True)


def evidence_remove(author: audit.Author, evidence: Evidence) -> None:
    with transaction.atomic():
        answer = versions.locked(evidence.answer)
        require_draft(answer.assessment)
        stored = evidence.stored_path
        audit.record(
            author,
            AuditEvent.Action.DELETE,
            evidence,
            changes={"label": [evidence.label, None], "kind": [evidence.kind, None]},
        )
        evidence.delete()
        transaction.on_commit(lambda: unlink_unused_documents([stored]))
