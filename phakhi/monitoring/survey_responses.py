"""The respondent's own writes, through their private link: consent to the notice, name partners
(level, how often, what flows, trust and value 1–4), score the round's items, submit, withdraw.

Every write checks that the round is open, that the respondent consented to the current notice
(except the consent itself), and the answer's fields (a ValidationError naming the field). Only
a submitted, not withdrawn response counts: drafts kept after consent make no ties and no
scores until submitted; once submitted, a change counts at once (the survey ties touching the
respondent are refreshed in the same transaction). The audit trail records consent, submission
and withdrawal with counts — never an answer, so that a withdrawal leaves no copy behind. The
author of these writes is ``survey:<respondent id>``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core import audit
from phakhi.core.models import AuditEvent
from phakhi.monitoring.models import ItemScore, PartnerReport, Respondent, Survey
from phakhi.monitoring.models.surveys import RATINGS
from phakhi.monitoring.survey_services import item_code
from phakhi.monitoring.survey_ties import survey_ties_refresh
from phakhi.monitoring.vocabulary import (
    VocabularyError,
    parse_flows,
    parse_frequency,
    parse_level,
    parse_rating,
)

COMMENT_LIMIT = 5_000
# A partner report's answers, as _clean_report gives them.
ANSWER_FIELDS = ("level", "frequency", "flows", *RATINGS)
NOTES_LIMIT = 2_000


@dataclass
class ReportInput:
    """One partner's answers, as ``report_set`` takes them (words or values)."""

    partner: Actor
    level: Any
    frequency: Any = ""
    flows: Iterable[Any] | str = ()
    trust_openness: Any = None
    trust_reliability: Any = None
    trust_mission: Any = None
    value_power: Any = None
    value_resources: Any = None
    value_involvement: Any = None


def respondent_author(respondent: Respondent) -> audit.Author:
    return audit.Author(f"survey:{respondent.pk}")


def _locked(respondent: Respondent) -> Respondent:
    return Respondent.objects.select_for_update().select_related("survey").get(pk=respondent.pk)


def _require_open(respondent: Respondent) -> None:
    if respondent.survey.status != Survey.Status.OPEN:
        raise ValidationError(
            {"survey": _("The survey “%(name)s” is not open.") % {"name": respondent.survey.name}}
        )


def has_current_consent(respondent: Respondent) -> bool:
    """Consented, and to the notice as it reads now (a changed notice asks again)."""
    return (
        respondent.consented_at is not None
        and respondent.consent_notice == respondent.survey.notice_version
    )


def _require_consent(respondent: Respondent) -> None:
    _require_open(respondent)
    if respondent.consented_at is None:
        raise ValidationError({"consent": _("Agree to the notice first; nothing is kept before.")})


def _record(
    respondent: Respondent,
    action: str,
    changes: dict[str, Any],
    author: audit.Author | None = None,
) -> None:
    audit.record(
        author or respondent_author(respondent),
        AuditEvent.Action.UPDATE,
        respondent,
        changes={"response": [None, action], **changes},
    )


def _counts(respondent: Respondent) -> dict[str, Any]:
    return {
        "reports": [None, PartnerReport.objects.filter(respondent=respondent).count()],
        "item_scores": [None, ItemScore.objects.filter(respondent=respondent).count()],
    }


def _counted(respondent: Respondent) -> bool:
    return respondent.submitted_at is not None and respondent.withdrawn_at is None


def _refresh(respondent: Respondent, author: audit.Author | None = None) -> None:
    """The survey ties of the respondent's pairs: a report r → p changes the tie r → p and the
    confirmation of p → r, both pairs touching r — no partner's other pairs."""
    survey_ties_refresh(
        respondent.survey.workspace,
        {respondent.actor_id},
        author=author or respondent_author(respondent),
    )


def response_consent(respondent: Respondent, *, notice_version: int) -> Respondent:
    """Record the respondent's consent to the notice they saw (``notice_version``); one who
    withdrew may consent again and answer anew."""
    with transaction.atomic():
        current = _locked(respondent)
        _require_open(current)
        if notice_version != current.survey.notice_version:
            raise ValidationError(
                {"notice_version": _("The notice has changed since you read it; read it again.")}
            )
        current.consented_at = timezone.now()
        current.consent_notice = notice_version
        current.withdrawn_at = None
        current.save(update_fields=["consented_at", "consent_notice", "withdrawn_at", "updated_at"])
        _record(current, "consent", {"notice_version": [None, notice_version]})
    return current


def _clean_report(current: Respondent, report: ReportInput, roster: set[int]) -> dict[str, Any]:
    partner = report.partner
    if partner.pk == current.actor_id:
        raise ValidationError({"partner": _("Name partners other than yourself.")})
    if partner.pk not in roster:
        raise ValidationError(
            {"partner": _("%(name)s is not on this survey's roster.") % {"name": partner}}
        )
    cleaned: dict[str, Any] = {}
    for name, parse, value in (
        ("level", parse_level, report.level),
        ("frequency", parse_frequency, report.frequency),
        ("flows", parse_flows, report.flows),
        *((rating, parse_rating, getattr(report, rating)) for rating in RATINGS),
    ):
        try:
            cleaned[name] = parse(value)
        except (VocabularyError, TypeError) as error:
            raise ValidationError(
                {name: _("%(partner)s: %(problem)s") % {"partner": partner, "problem": error}}
            ) from None
    return cleaned


def _roster_ids(survey_id: int) -> set[int]:
    return set(Respondent.objects.filter(survey_id=survey_id).values_list("actor_id", flat=True))


def report_set(
    respondent: Respondent,
    partner: Actor,
    *,
    level: Any,
    frequency: Any = "",
    flows: Iterable[Any] | str = (),
    trust_openness: Any = None,
    trust_reliability: Any = None,
    trust_mission: Any = None,
    value_power: Any = None,
    value_resources: Any = None,
    value_involvement: Any = None,
) -> PartnerReport:
    """Add or change the respondent's answers about ``partner``: the level (1–4 or its words),
    how often, what flows, and the six ratings 1–4 (None: not rated)."""
    wanted = ReportInput(
        partner, level, frequency, flows, trust_openness, trust_reliability, trust_mission,
        value_power, value_resources, value_involvement,
    )  # fmt: skip
    with transaction.atomic():
        current = _locked(respondent)
        _require_consent(current)
        cleaned = _clean_report(current, wanted, _roster_ids(current.survey_id))
        report, _created = PartnerReport.objects.update_or_create(
            respondent=current,
            partner=partner,
            defaults=cleaned,
            create_defaults={**cleaned, "workspace_id": current.workspace_id},
        )
        if _counted(current):
            _refresh(current)
    return report


def response_reports_set(
    respondent: Respondent, reports: Sequence[ReportInput]
) -> list[PartnerReport]:
    """Make ``reports`` the respondent's whole list of partners, at once: partners left out are
    removed; nothing changes if one answer is refused."""
    with transaction.atomic():
        current = _locked(respondent)
        _require_consent(current)
        roster = _roster_ids(current.survey_id)
        seen: set[int] = set()
        cleaned = []
        for report in reports:
            if report.partner.pk in seen:
                raise ValidationError(
                    {"partner": _("%(name)s is named twice.") % {"name": report.partner}}
                )
            seen.add(report.partner.pk)
            cleaned.append((report.partner, _clean_report(current, report, roster)))
        stored = {row.partner_id: row for row in PartnerReport.objects.filter(respondent=current)}
        gone = [row.pk for partner_id, row in stored.items() if partner_id not in seen]
        if gone:
            PartnerReport.objects.filter(pk__in=gone).delete()
        made, new, changed = [], [], []
        for partner, fields in cleaned:
            row = stored.get(partner.pk)
            if row is None:
                row = PartnerReport(
                    workspace_id=current.workspace_id, respondent=current, partner=partner
                )
                new.append(row)
            elif any(getattr(row, name) != value for name, value in fields.items()):
                changed.append(row)
            for name, value in fields.items():
                setattr(row, name, value)
            made.append(row)
        PartnerReport.objects.bulk_create(new)
        # One short UPDATE a changed row: bulk_update's CASE over nine columns cost more to
        # build in Python (0.3 s for 20 rows) than these statements take to run.
        now = timezone.now()
        for row in changed:
            PartnerReport.objects.filter(pk=row.pk).update(
                **{name: getattr(row, name) for name in ANSWER_FIELDS}, updated_at=now
            )
        if _counted(current) and (new or changed or gone):
            _refresh(current)
    return made


def report_remove(respondent: Respondent, partner: Actor) -> None:
    """Take ``partner`` off the respondent's list."""
    with transaction.atomic():
        current = _locked(respondent)
        _require_consent(current)
        PartnerReport.objects.filter(respondent=current, partner=partner).delete()
        if _counted(current):
            _refresh(current)


def item_score_set(
    respondent: Respondent, template: str, item: str, score: int | None, notes: str = ""
) -> None:
    """Score one of the round's self-assessment items 1–5 (None: no score, the answer goes)."""
    with transaction.atomic():
        current = _locked(respondent)
        _require_consent(current)
        code = item_code(template, item)
        if code not in current.survey.assessment_items:
            raise ValidationError(
                {"item": _("%(item)s is not asked in this survey.") % {"item": code}}
            )
        if score is not None and (
            isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5
        ):
            raise ValidationError(
                {"score": _("%(item)s: give a score from 1 to 5.") % {"item": code}}
            )
        notes = str(notes or "").strip()
        if len(notes) > NOTES_LIMIT:
            raise ValidationError(
                {"notes": _("Keep it within %(limit)d characters.") % {"limit": NOTES_LIMIT}}
            )
        found = ItemScore.objects.filter(respondent=current, template=template, item=item)
        if score is None:
            found.delete()
            return
        ItemScore.objects.update_or_create(
            respondent=current,
            template=template,
            item=item,
            defaults={"score": score, "notes": notes},
            create_defaults={
                "score": score,
                "notes": notes,
                "workspace_id": current.workspace_id,
            },
        )


def response_submit(respondent: Respondent, *, comment: str = "") -> Respondent:
    """Submit (or submit again after a change): the answers count from now."""
    comment = str(comment or "").strip()
    if len(comment) > COMMENT_LIMIT:
        raise ValidationError(
            {"comment": _("Keep it within %(limit)d characters.") % {"limit": COMMENT_LIMIT}}
        )
    with transaction.atomic():
        current = _locked(respondent)
        _require_consent(current)
        again = current.submitted_at is not None
        current.submitted_at = timezone.now()
        current.comment = comment
        current.save(update_fields=["submitted_at", "comment", "updated_at"])
        _refresh(current)
        _record(current, "resubmit" if again else "submit", _counts(current))
    return current


def response_withdraw(respondent: Respondent, *, author: audit.Author | None = None) -> None:
    """Withdraw: the reports, item scores, comment and consent go, and with them the ties and
    scores that came only from them. Allowed while the round is open or closed. ``author``: a
    coordinator who withdraws it at the member's request (the member's own link otherwise)."""
    with transaction.atomic():
        current = _locked(respondent)
        if current.consented_at is None and current.submitted_at is None:
            raise ValidationError({"consent": _("There is no answer to withdraw.")})
        was_counted = _counted(current)
        counts = _counts(current)
        PartnerReport.objects.filter(respondent=current).delete()
        ItemScore.objects.filter(respondent=current).delete()
        current.comment = ""
        current.consented_at = current.consent_notice = current.submitted_at = None
        current.withdrawn_at = timezone.now()
        current.save(
            update_fields=["comment", "consented_at", "consent_notice", "submitted_at",
                           "withdrawn_at", "updated_at"]
        )  # fmt: skip
        if was_counted:
            _refresh(current, author)
        emptied = {name: [value[1], 0] for name, value in counts.items()}
        _record(current, "withdraw", emptied, author)
