"""Writes of a survey round (the coordinator's side): create a draft on a network with its
roster, edit it, open it (the private links work from then), close it (they stop; the round's
self-assessment items become a SelfAssessment answered by the survey), bring the roster up to
date with the network's members, delete. Each checks its fields (the message names the field),
writes in one transaction and records the audit event. The respondents' own writes are in
``survey_responses.py``; the ties their answers make in ``survey_ties.py``."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.assessments.from_survey import assessment_from_survey
from phakhi.assessments.models import SelfAssessment
from phakhi.assessments.templates import TEMPLATES
from phakhi.core import audit, versions
from phakhi.core.models import AuditEvent, Workspace, slug_validator
from phakhi.core.thai import clean_text
from phakhi.monitoring.models import ItemScore, PartnerReport, Respondent, Survey
from phakhi.monitoring.survey_ties import survey_ties_refresh
from phakhi.networks.models import Membership, Network

NAME_LIMIT = 300
CONTACT_LIMIT = 300
TEXT_LIMIT = 5_000
# What the consent notice says: a change while the round is open makes it a new notice.
NOTICE_FIELDS = ("purpose", "audience", "contact")
# Fields survey_update changes; slug and items only before the round opens.
EDITABLE = ("name", "slug", "purpose", "audience", "contact", "closes_on", "assessment_items")
DRAFT_ONLY = ("slug", "assessment_items")


def new_token() -> str:
    """A private link's key: 192 random bits, URL-safe (32 characters)."""
    return secrets.token_urlsafe(24)


def item_code(template: str, item: str) -> str:
    return f"{template}:{item}"


def _scored_items() -> set[str]:
    return {
        item_code(code, item.code)
        for code, template in TEMPLATES.items()
        for item in template.scored_items()
    }


def clean_assessment_items(items: Iterable[str]) -> list[str]:
    """Codes "list:item" (``opdc-success-factors:1``) of items that take a score, each once, in
    the order given."""
    items = list(dict.fromkeys(str(item).strip() for item in items))
    known = _scored_items()
    unknown = [item for item in items if item not in known]
    if unknown:
        raise ValidationError(
            {
                "assessment_items": _(
                    "No such self-assessment item: %(items)s (write list:item, as "
                    "opdc-success-factors:1)."
                )
                % {"items": ", ".join(unknown)}
            }
        )
    return items


def _clean(workspace: Workspace, fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise ValueError(f"a survey has no editable field {', '.join(unknown)}")
    cleaned: dict[str, Any] = {}
    errors: dict[str, str] = {}
    if "slug" in fields:
        slug = str(fields["slug"] or "").strip()
        try:
            slug_validator(slug)
        except ValidationError:
            errors["slug"] = _(
                "Use lower-case letters a–z, digits and hyphens, starting with a letter or digit."
            )
        if len(slug) > 60:
            errors["slug"] = _("Keep it within %(limit)d characters.") % {"limit": 60}
        cleaned["slug"] = slug
    if "name" in fields:
        cleaned["name"] = clean_text(str(fields["name"] or ""))
        if not cleaned["name"]:
            errors["name"] = _("Give the survey a name.")
        elif len(cleaned["name"]) > NAME_LIMIT:
            errors["name"] = _("Keep it within %(limit)d characters.") % {"limit": NAME_LIMIT}
    for name in ("purpose", "audience"):
        if name in fields:
            cleaned[name] = str(fields[name] or "").strip()
            if len(cleaned[name]) > TEXT_LIMIT:
                errors[name] = _("Keep it within %(limit)d characters.") % {"limit": TEXT_LIMIT}
    if "contact" in fields:
        cleaned["contact"] = clean_text(str(fields["contact"] or ""))
        if len(cleaned["contact"]) > CONTACT_LIMIT:
            errors["contact"] = _("Keep it within %(limit)d characters.") % {"limit": CONTACT_LIMIT}
    if "closes_on" in fields:
        closes_on = fields["closes_on"]
        if closes_on is not None and not isinstance(closes_on, dt.date):
            errors["closes_on"] = _("Give the date as a date.")
        cleaned["closes_on"] = closes_on
    if errors:
        raise ValidationError(errors)
    if "assessment_items" in fields:
        cleaned["assessment_items"] = clean_assessment_items(fields["assessment_items"] or ())
    if (
        "slug" in cleaned
        and Survey.objects.filter(workspace=workspace, slug=cleaned["slug"]).exists()
    ):
        raise ValidationError(
            {"slug": _("The workspace already has a survey “%(slug)s”.") % cleaned}
        )
    return cleaned


def current_member_ids(network: Network, on: dt.date | None = None) -> list[int]:
    """The actors who are members of ``network`` on ``on`` (today): joined, not yet left."""
    on = on or timezone.localdate()
    members = Membership.objects.filter(network=network).filter(
        Q(since__isnull=True) | Q(since__lte=on), Q(until__isnull=True) | Q(until__gt=on)
    )
    return sorted(set(members.values_list("actor_id", flat=True)))


def _add_to_roster(survey: Survey) -> int:
    have = set(Respondent.objects.filter(survey=survey).values_list("actor_id", flat=True))
    missing = [pk for pk in current_member_ids(survey.network) if pk not in have]
    Respondent.objects.bulk_create(
        [
            Respondent(
                workspace_id=survey.workspace_id, survey=survey, actor_id=pk, token=new_token()
            )
            for pk in missing
        ],
        batch_size=1000,
    )
    return len(missing)


def survey_create(
    author: audit.Author,
    workspace: Workspace,
    *,
    network: Network,
    slug: str,
    name: str,
    purpose: str = "",
    audience: str = "",
    contact: str = "",
    closes_on: dt.date | None = None,
    assessment_items: Iterable[str] = (),
) -> Survey:
    """A draft round on ``network`` whose roster is the network's current members, each with a
    private link (which works once the round opens)."""
    if network.workspace_id != workspace.pk:
        raise ValidationError({"network": _("The network belongs to another workspace.")})
    fields = {"slug": slug, "name": name, "purpose": purpose, "audience": audience,
              "contact": contact, "closes_on": closes_on,
              "assessment_items": list(assessment_items)}  # fmt: skip
    with transaction.atomic():
        cleaned = _clean(workspace, fields)
        survey = Survey.objects.create(workspace=workspace, network=network, **cleaned)
        roster = _add_to_roster(survey)
        changes = audit.diff({}, {**cleaned, "network": network.pk})
        changes["roster"] = [None, roster]
        audit.record(author, AuditEvent.Action.CREATE, survey, changes=changes)
    return survey


def survey_update(
    author: audit.Author, survey: Survey, *, expected_version: int | None = None, **fields: Any
) -> Survey:
    """Change the given fields (``EDITABLE``; the key and the items only while a draft) as the
    next version, checked against ``expected_version`` (``phakhi.core.versions``). A change of
    what the consent notice says (why, who sees, whom to ask) while the round is open makes a
    new notice version: respondents who consented to the old one are asked again."""
    with transaction.atomic():
        current = versions.locked(survey)
        if current.status != Survey.Status.DRAFT:
            frozen = [name for name in DRAFT_ONLY if name in fields]
            if frozen:
                raise ValidationError(
                    {frozen[0]: _("This can only change before the survey opens.")}
                )
        if "slug" in fields and fields["slug"] == current.slug:
            fields = {k: v for k, v in fields.items() if k != "slug"}
        cleaned = _clean(current.workspace, fields)
        stored = {name: getattr(current, name) for name in cleaned}
        versions.check(current, expected_version, cleaned, stored)
        changes = audit.diff(stored, cleaned)
        if not changes:
            return current
        for name, value in cleaned.items():
            setattr(current, name, value)
        columns = sorted(changes)
        if current.status == Survey.Status.OPEN and set(NOTICE_FIELDS) & set(changes):
            changes["notice_version"] = [current.notice_version, current.notice_version + 1]
            current.notice_version += 1
            columns.append("notice_version")
        versions.save_changes(author, current, changes, columns)
    return current


def _set_status(author: audit.Author, current: Survey, wanted: dict[str, Any]) -> None:
    changes = audit.diff({name: getattr(current, name) for name in wanted}, wanted)
    for name, value in wanted.items():
        setattr(current, name, value)
    versions.save_changes(author, current, changes, sorted(changes))


def survey_open(author: audit.Author, survey: Survey) -> Survey:
    """Open the round (a draft, or a closed round opened again): members who joined the
    network since are added to the roster, and the private links work until it closes."""
    with transaction.atomic():
        current = versions.locked(survey)
        if current.status == Survey.Status.OPEN:
            raise ValidationError({"status": _("The survey is already open.")})
        added = _add_to_roster(current)
        wanted: dict[str, Any] = {"status": Survey.Status.OPEN, "closed_at": None}
        if current.opened_at is None:
            wanted["opened_at"] = timezone.now()
        _set_status(author, current, wanted)
        if added:
            _record_roster(author, current, added)
    return current


def survey_close(author: audit.Author, survey: Survey) -> Survey:
    """Close the round: the links stop working; the answers stay and keep counting. When the
    round asked self-assessment items and has no self-assessment yet, the respondents' scores
    become one (answered by a survey of the members; each item's mean and how many scored it)."""
    with transaction.atomic():
        current = versions.locked(survey)
        if current.status != Survey.Status.OPEN:
            raise ValidationError({"status": _("Only an open survey can be closed.")})
        wanted: dict[str, Any] = {"status": Survey.Status.CLOSED, "closed_at": timezone.now()}
        if current.assessment_items and current.self_assessment_id is None:
            wanted["self_assessment"] = _self_assessment(author, current)
        _set_status(author, current, wanted)
    return current


def item_scores(survey: Survey) -> dict[tuple[str, str], list[int]]:
    """The counted respondents' scores of each of the round's items (submitted, not withdrawn)."""
    scores: dict[tuple[str, str], list[int]] = {}
    found = ItemScore.objects.filter(
        respondent__survey=survey,
        respondent__submitted_at__isnull=False,
        respondent__withdrawn_at__isnull=True,
    ).order_by("id")
    for template, item, score in found.values_list("template", "item", "score"):
        scores.setdefault((template, item), []).append(score)
    return scores


def _self_assessment(author: audit.Author, survey: Survey) -> SelfAssessment:
    """The round's item scores as a self-assessment answered by a survey of the members (made
    by the self-assessments' own service: each item's mean, and how many scored it)."""
    templates = list(dict.fromkeys(code.split(":", 1)[0] for code in survey.assessment_items))
    responded = Respondent.objects.filter(
        survey=survey, submitted_at__isnull=False, withdrawn_at__isnull=True
    ).count()
    return assessment_from_survey(
        author,
        workspace=survey.workspace,
        network=survey.network,
        held_on=timezone.localdate(),
        templates=templates,
        scores=item_scores(survey),
        title=survey.name,
        respondents=responded,
    )


def _record_roster(author: audit.Author, survey: Survey, added: int) -> None:
    audit.record(
        author,
        AuditEvent.Action.UPDATE,
        survey,
        changes={"roster_added": [None, added]},
    )


def roster_sync(author: audit.Author, survey: Survey) -> int:
    """Add to the roster the network's members who joined since (members who left stay: they
    may have answered). Returns how many were added."""
    with transaction.atomic():
        current = versions.locked(survey)
        if current.status == Survey.Status.CLOSED:
            raise ValidationError({"status": _("The survey is closed.")})
        added = _add_to_roster(current)
        if added:
            _record_roster(author, current, added)
    return added


def survey_delete(author: audit.Author, survey: Survey) -> None:
    """Delete the round with its roster and every answer; the ties the answers made go (or
    fall back to an earlier round's answers). The page asks for confirmation of a round that
    has answers; the trail keeps the counts, never the answers."""
    with transaction.atomic():
        current = versions.locked(survey)
        respondents = Respondent.objects.filter(survey=current)
        actors = set(respondents.values_list("actor_id", flat=True))
        reports = PartnerReport.objects.filter(respondent__survey=current)
        responded = respondents.filter(submitted_at__isnull=False).count()
        changes = {
            "slug": [current.slug, None],
            "name": [current.name, None],
            "status": [current.status, None],
            "roster": [len(actors), 0],
            "responded": [responded, 0],
            "reports": [reports.count(), 0],
        }
        audit.record(author, AuditEvent.Action.DELETE, current, changes=changes)
        workspace = current.workspace
        actors |= set(reports.values_list("partner_id", flat=True))
        current.delete()
        if actors:
            survey_ties_refresh(workspace, actors, author=author)
