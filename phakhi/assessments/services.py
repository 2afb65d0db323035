"""Writes of self-assessments: create one from the templates (or from the previous one), score
items (versioned, so two people scoring at once never overwrite each other unseen), finalise,
reopen and delete; evidence is linked and unlinked in ``evidence.py``. Every write is validated
(the message names the field), atomic and audited. A final assessment is read-only until it is
reopened."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.assessments.checks import require_draft, same_workspace
from phakhi.assessments.evidence import unlink_unused_documents
from phakhi.assessments.models import Answer, Evidence, SelfAssessment
from phakhi.assessments.templates import TEMPLATES, templates_in_order
from phakhi.core import audit, versions
from phakhi.core.dates import current_language, format_date
from phakhi.core.models import AuditEvent, Workspace
from phakhi.core.thai import clean_text
from phakhi.networks.models import Network

ASSESSMENT_FIELDS = ("title", "held_on", "network", "answered_by", "respondents")
TITLE_LIMIT = 300
NOTES_LIMIT = 10_000


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
    same_workspace(workspace_id, network=cleaned.get("network"))
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
        same_workspace(workspace.pk, copy_from=copy_from)
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
        require_draft(current)
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
        require_draft(current.assessment)
        versions.change(author, current, wanted, version)
    answer.refresh_from_db()
    return answer


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
        transaction.on_commit(lambda: unlink_unused_documents(stored))
