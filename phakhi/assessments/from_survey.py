"""A self-assessment made from a network survey's item scores (``answered_by=SURVEY``): when a
survey round that asked the members some checklist items closes, each item's score is the mean
of the members' 1–5 scores, rounded half up to the scale's whole points, and its notes keep the
mean itself and how many members scored it. Items no one scored stay "not assessed".

The assessment is made final at once: its scores are the round's result, not a draft someone is
still filling in (a coordinator may reopen it to add evidence or correct it, and the audit trail
keeps that). The individual scores are not kept here nor in the audit trail — only the means and
the counts — so a respondent's withdrawal after the round leaves nothing of theirs behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.assessments.models import Answer, SelfAssessment
from phakhi.assessments.services import assessment_create
from phakhi.assessments.templates import TEMPLATES
from phakhi.core import audit
from phakhi.core.models import AuditEvent, Workspace
from phakhi.networks.models import Network

ItemKey = tuple[str, str]  # (template code, item code)


def _mean(scores: list[int]) -> Decimal:
    return (Decimal(sum(scores)) / Decimal(len(scores))).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _whole(mean: Decimal) -> int:
    """The scale's point nearest the mean, halves up (2.5 → 3)."""
    return int(mean.quantize(Decimal("1"), ROUND_HALF_UP))


def _clean_scores(
    templates: list[str], scores: Mapping[ItemKey, Iterable[int]]
) -> dict[ItemKey, list[int]]:
    cleaned: dict[ItemKey, list[int]] = {}
    for key, given in scores.items():
        template, item = key
        if template not in templates:
            raise ValidationError(
                {"scores": _("Item %(item)s of list %(list)s: the list is not among the "
                             "assessment's lists.") % {"item": item, "list": template}}
            )  # fmt: skip
        try:
            TEMPLATES[template].item(item)
        except KeyError:
            raise ValidationError(
                {"scores": _("List %(list)s has no item %(item)s to score.")
                 % {"list": template, "item": item}}
            ) from None  # fmt: skip
        values = list(given)
        for value in values:
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
                raise ValidationError(
                    {"scores": _("Item %(item)s of list %(list)s: a score of %(score)r; "
                                 "scores are whole numbers from 1 to 5.")
                     % {"item": item, "list": template, "score": value}}
                )  # fmt: skip
        cleaned[key] = values
    return cleaned


def survey_note(mean: Decimal, count: int) -> str:
    return _("From the survey: mean %(mean)s, scored by %(count)d.") % {
        "mean": mean,
        "count": count,
    }


def assessment_from_survey(
    author: audit.Author,
    *,
    workspace: Workspace,
    network: Network | None,
    held_on: dt.date,
    templates: Iterable[str],
    scores: Mapping[ItemKey, Iterable[int]],
    title: str = "",
    respondents: int | None = None,
) -> SelfAssessment:
    """The self-assessment of ``network`` on ``held_on`` covering ``templates``, each item
    scored from ``scores`` (``{(template, item): [1–5, …]}``, one score a member). Validates
    every key and score (the message names the list and item), writes in one transaction, and
    records the creation and the scoring (means and counts only) in the audit trail.
    ``respondents``: how many members answered the survey (for "who took part"); by default
    the most scores any item received."""
    codes = list(dict.fromkeys(templates))
    cleaned = _clean_scores(codes, scores)
    if respondents is None:
        respondents = max((len(values) for values in cleaned.values()), default=0)
    with transaction.atomic():
        assessment = assessment_create(
            author,
            workspace,
            templates=codes,
            held_on=held_on,
            title=title,
            network=network,
            answered_by=SelfAssessment.AnsweredBy.SURVEY,
            respondents=_("Members who answered the survey: %(count)d") % {"count": respondents},
        )
        answers = {(a.template, a.item): a for a in assessment.answers.all()}
        changed = []
        means: dict[str, list[str | int]] = {}
        for key, values in cleaned.items():
            if not values:
                continue
            mean = _mean(values)
            answer = answers[key]
            answer.score = _whole(mean)
            answer.notes = survey_note(mean, len(values))
            answer.updated_at = timezone.now()
            answer.version += 1
            changed.append(answer)
            means[f"{key[0]} {key[1]}"] = [format(mean, "f"), len(values)]
        Answer.objects.bulk_update(changed, ["score", "notes", "updated_at", "version"])
        if changed:
            assessment.status = SelfAssessment.Status.FINAL
            assessment.finalised_at = timezone.now()
            assessment.finalised_by = author.label[:200]
            assessment.version += 1
            assessment.save(
                update_fields=["status", "finalised_at", "finalised_by", "updated_at", "version"]
            )
        audit.record(
            author,
            AuditEvent.Action.UPDATE,
            assessment,
            changes={
                "survey_scores": [None, means],
                "status": [SelfAssessment.Status.DRAFT, assessment.status],
            },
        )
    return assessment
