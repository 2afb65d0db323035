"""Writes of self-assessments: create one from the templates (or from the previous one), score
items (versioned, so two people scoring at once never overwrite each other unseen), link and
unlink evidence, finalise, reopen and delete. Every write is validated (the message names the
field), atomic and audited. A final assessment is read-only until it is reopened."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.analysis.models import AnalysisRun
from phakhi.assessments.models import Answer, Evidence, SelfAssessment
from phakhi.assessments.templates import TEMPLATES, templates_in_order
from phakhi.core import audit, versions
from phakhi.core.dates import current_language, format_date
from phakhi.core.models import AuditEvent, Workspace
from phakhi.core.thai import clean_text
from phakhi.networks.models import Network
from phakhi.participation.models import Activity

ASSESSMENT_FIELDS = ("title", "held_on", "network", "answered_by", "respondents")
TITLE_LIMIT = 300
NOTES_LIMIT = 10_000
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


def _same_workspace(workspace_id: int, **rows: Any) -> None:
    for name, row in rows.items():
        if row is not None and row.workspace_id != workspace_id:
            raise ValidationError(
                {name: _("“%(row)s” belongs to another workspace.") % {"row": row}}
            )


def _require_draft(assessment: SelfAssessment) -> None:
    if assessment.is_final:
        raise ValidationError(
            _("“%(title)s” is final; reopen it to change it.") % {"title": assessment.title}
        )


def _clean_templates(codes: Iterable[str]) -> list[str]:
    codes = list(dict.fromkeys(codes))
    unknown = [code for code in codes if code not in TEMPLATES]
    if unknown:
        raise ValidationError(
            {"templates": _("No such list: %(codes)s.") % {"codes": ", ".join(unknown)}}
        )
    if not codes:
        raise ValidationError({"templates": _("Choose at least one list to assess.")})
    return [template.code for template in templates_in_order(codes)]


def _clean(workspace_id: int, fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(ASSESSMENT_FIELDS))
    if unknown:
        raise ValueError(f"a self-assessment has no field {', '.join(unknown)}")
    cleaned = dict(fields)
    if "title" in cleaned:
        cleaned["title"] = clean_text(str(cleaned["title"] or ""))
        if len(cleaned["title"]) > TITLE_LIMIT:
            raise ValidationError(
                {"title": _("Keep it within %(limit)d characters.") % {"limit": TITLE_LIMIT}}
            )
    if "held_on" in cleaned and not isinstance(cleaned["held_on"], dt.date):
        raise ValidationError({"held_on": _("Give the date as a date.")})
    if "answered_by" in cleaned and cleaned["answered_by"] not in SelfAssessment.AnsweredBy.values:
        raise ValidationError({"answered_by": _("Choose who answered from the list.")})
    if "respondents" in cleaned:
        cleaned["respondents"] = str(cleaned["respondents"] or "").strip()
    _same_workspace(workspace_id, network=cleaned.get("network"))
    return cleaned


def default_title(held_on: dt.date, network: Network | None) -> str:
    what = network.name if network is not None else _("the agency")
    return _("Self-assessment of %(what)s, %(date)s") % {
        "what": what,
        "date": format_date(held_on, current_language()),
    }


def assessment_create(
    author: audit.Author,
    workspace: Workspace,
    *,
    templates: Iterable[str],
    held_on: dt.date,
    title: str = "",
    network: Network | None = None,
    answered_by: str = SelfAssessment.AnsweredBy.COORDINATORS,
    respondents: str = "",
    copy_from: SelfAssessment | None = None,
) -> SelfAssessment:
    """A draft assessment of the lists ``templates`` (codes of templates.py) with an empty answer
    for every scored item. With ``copy_from`` (an earlier assessment of the workspace) the items
    both cover start from its scores, notes and evidence: the next sitting reviews what changed
    instead of starting from nothing."""
    codes = _clean_templates(templates)
    fields = _clean(
        workspace.pk,
        {"title": title, "held_on": held_on, "network": network, "answered_by": answered_by,
         "respondents": respondents},
    )  # fmt: skip
    if not fields["title"]:
        fields["title"] = default_title(held_on, network)
    if copy_from is not None:
        _same_workspace(workspace.pk, copy_from=copy_from)
    with transaction.atomic():
        assessment = SelfAssessment.objects.create(workspace=workspace, templates=codes, **fields)
        answers = []
        position = 0
        for template in templates_in_order(codes):
            for item in template.scored_items():
                answers.append(
                    Answer(
                        workspace=workspace,
                        assessment=assessment,
                        template=template.code,
                        item=item.code,
                        position=position,
                    )
                )
                position += 1
        Answer.objects.bulk_create(answers)
        copied = _copy_answers(copy_from, assessment) if copy_from is not None else 0
        changes = audit.diff({}, {**fields, "templates": codes})
        if copy_from is not None:
            changes["copied_from"] = [None, copy_from.pk]
            changes["copied_answers"] = [None, copied]
        audit.record(author, AuditEvent.Action.CREATE, assessment, changes=changes)
    return assessment


def _copy_answers(source: SelfAssessment, target: SelfAssessment) -> int:
    """Scores, notes and evidence of ``source``'s answers onto ``target``'s same items."""
    mine = {(a.template, a.item): a for a in target.answers.all()}
    copied = 0
    evidence = []
    for old in source.answers.prefetch_related("evidence"):
        new = mine.get((old.template, old.item))
        if new is None:
            continue
        if old.score is not None or old.notes:
            new.score, new.notes = old.score, old.notes
            new.save(update_fields=["score", "notes", "updated_at"])
            copied += 1
        for item in old.evidence.all():
            evidence.append(
                Evidence(
                    workspace_id=target.workspace_id,
                    answer=new,
                    kind=item.kind,
                    activity_id=item.activity_id,
                    run_id=item.run_id,
                    label=item.label,
                    url=item.url,
                    file_name=item.file_name,
                    file_size=item.file_size,
                    stored_path=item.stored_path,  # shared: removed with its last evidence
                    note=item.note,
                )
            )
    Evidence.objects.bulk_create(evidence)
    return copied


def assessment_update(
    author: audit.Author,
    assessment: SelfAssessment,
    *,
    version: int | None = None,
    **changes: Any,
) -> SelfAssessment:
    """Change the title, date, network, who answered or who took part of a draft."""
    cleaned = _clean(assessment.workspace_id, changes)
    if "title" in cleaned and not cleaned["title"]:
        raise ValidationError({"title": _("This field is required.")})
    with transaction.atomic():
        current = versions.locked(assessment)
        _require_draft(current)
        versions.change(author, current, cleaned, version)
    assessment.refresh_from_db()
    return assessment


def _clean_score(score: Any) -> int | None:
    if score in (None, ""):
        return None
    try:
        value = int(score)
    except (TypeError, ValueError):
        value = 0
    if value < 1 or value > 5 or str(value) != str(score).strip():
        raise ValidationError({"score": _("Give a score from 1 to 5, or none (not assessed).")})
    return value


_UNSET: Any = object()


def answer_set(
    author: audit.Author,
    answer: Answer,
    *,
    score: Any = _UNSET,
    notes: Any = _UNSET,
    version: int | None = None,
) -> Answer:
    """Score an item (1–5, or None: not assessed) and/or write its notes. ``version`` is the
    answer's version the person read: a field someone else changed since is refused
    (``versions.EditConflict``), other fields merge."""
    wanted: dict[str, Any] = {}
    if score is not _UNSET:
        wanted["score"] = _clean_score(score)
    if notes is not _UNSET:
        text = str(notes or "").strip()
        if len(text) > NOTES_LIMIT:
            raise ValidationError(
                {"notes": _("Keep it within %(limit)d characters.") % {"limit": NOTES_LIMIT}}
            )
        wanted["notes"] = text
    with transaction.atomic():
        current = versions.locked(answer)
        _require_draft(current.assessment)
        versions.change(author, current, wanted, version)
    answer.refresh_from_db()
    return answer


def _evidence(author: audit.Author, answer: Answer, **fields: Any) -> Evidence:
    with transaction.atomic():
        current = versions.locked(answer)
        _require_draft(current.assessment)
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
    _same_workspace(answer.workspace_id, activity=activity)
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
    _same_workspace(answer.workspace_id, run=run)
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
    _require_draft(answer.assessment)
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


def _unlink_files(paths: Iterable[str]) -> None:
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
        _require_draft(answer.assessment)
        stored = evidence.stored_path
        audit.record(
            author,
            AuditEvent.Action.DELETE,
            evidence,
            changes={"label": [evidence.label, None], "kind": [evidence.kind, None]},
        )
        evidence.delete()
        transaction.on_commit(lambda: _unlink_files([stored]))


def assessment_finalise(
    author: audit.Author, assessment: SelfAssessment, *, version: int | None = None
) -> SelfAssessment:
    """Make a draft final: its scores become the figures later assessments compare with. At
    least one item must be scored; items left without a score stay "not assessed"."""
    with transaction.atomic():
        current = versions.locked(assessment)
        if current.is_final:
            raise ValidationError(_("“%(title)s” is already final.") % {"title": current.title})
        if not current.answers.filter(score__isnull=False).exists():
            raise ValidationError(
                {"score": _("Score at least one item before making the assessment final.")}
            )
        wanted = {
            "status": SelfAssessment.Status.FINAL,
            "finalised_at": timezone.now(),
            "finalised_by": author.label[:200],
        }
        versions.change(author, current, wanted, version)
    assessment.refresh_from_db()
    return assessment


def assessment_reopen(
    author: audit.Author, assessment: SelfAssessment, *, version: int | None = None
) -> SelfAssessment:
    """Make a final assessment a draft again, to correct it (the trail keeps that it was)."""
    with transaction.atomic():
        current = versions.locked(assessment)
        if not current.is_final:
            raise ValidationError(_("“%(title)s” is a draft.") % {"title": current.title})
        wanted = {"status": SelfAssessment.Status.DRAFT, "finalised_at": None, "finalised_by": ""}
        versions.change(author, current, wanted, version)
    assessment.refresh_from_db()
    return assessment


def assessment_delete(author: audit.Author, assessment: SelfAssessment) -> None:
    """Delete an assessment with its answers, evidence and the documents only it used."""
    with transaction.atomic():
        current = versions.locked(assessment)
        stored = list(
            Evidence.objects.filter(answer__assessment=current)
            .exclude(stored_path="")
            .values_list("stored_path", flat=True)
        )
        counts = {
            "answers": current.answers.count(),
            "evidence": Evidence.objects.filter(answer__assessment=current).count(),
        }
        audit.record(
            author,
            AuditEvent.Action.DELETE,
            current,
            changes={name: [count, 0] for name, count in counts.items()},
        )
        current.delete()
        transaction.on_commit(lambda: _unlink_files(stored))
