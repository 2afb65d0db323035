"""What the facilitator does with contributions: merge duplicates, accept them into the
project's assessment (worksheet 1, through the stakeholders' own services), reject them.

Accepting is idempotent: a contribution accepted twice (two clicks, two facilitators) makes
one stakeholder; one whose name the assessment already holds is linked to that stakeholder
instead of making a second."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.core import audit, versions
from phakhi.stakeholders.models import Stakeholder
from phakhi.stakeholders.services import stakeholder_add, stakeholder_place
from phakhi.stakeholders.vocabulary import GROUP_FIELDS
from phakhi.workshops.models import Contribution, WorkshopSession
from phakhi.workshops.services import touch

Status = Contribution.Status


def _session_locked(contribution: Contribution) -> WorkshopSession:
    return WorkshopSession.objects.select_for_update().get(pk=contribution.session_id)


def _set(author: audit.Author, contribution: Contribution, **values: object) -> None:
    """Write ``values`` to the locked ``contribution`` as its next version, audited."""
    versions.change(author, contribution, values, None)


def contribution_merge(
    author: audit.Author, duplicate: Contribution, into: Contribution
) -> Contribution:
    """Fold ``duplicate`` into ``into`` (the same stakeholder named twice): ``into`` keeps its
    name and gains the duplicate's groups, and its place on the grid where it has none."""
    if duplicate.pk == into.pk:
        raise ValidationError(_("A contribution cannot be merged into itself."))
    if duplicate.session_id != into.session_id:
        raise ValidationError(_("Only contributions of the same session can be merged."))
    with transaction.atomic():
        session = _session_locked(duplicate)
        duplicate, into = versions.locked(duplicate), versions.locked(into)
        if into.status == Status.MERGED:
            raise ValidationError(
                _("“%(name)s” is itself merged into another contribution; merge into that one.")
                % {"name": into.name}
            )
        if duplicate.status in (Status.MERGED, Status.ACCEPTED):
            raise ValidationError(
                _("“%(name)s” is already %(status)s.")
                % {"name": duplicate.name, "status": duplicate.get_status_display()}
            )
        if duplicate.duplicates.exists():
            Contribution.objects.filter(merged_into=duplicate).update(merged_into=into)
        gained = {field: True for field in GROUP_FIELDS if getattr(duplicate, field)}
        for field in ("influence", "interest", "kind", "sector"):
            if not getattr(into, field) and getattr(duplicate, field):
                gained[field] = getattr(duplicate, field)
        _set(author, into, **gained)
        _set(author, duplicate, status=Status.MERGED, merged_into=into)
        touch(session)
    into.refresh_from_db()
    return into


@dataclass(frozen=True)
class Accepted:
    stakeholder: Stakeholder
    created: bool  # False: the assessment already held it (or this contribution was accepted)


def _existing(contribution: Contribution, assessment_id: int) -> Stakeholder | None:
    return Stakeholder.objects.filter(
        assessment_id=assessment_id, name_key=contribution.name_key
    ).first()


def contribution_accept(author: audit.Author, contribution: Contribution) -> Accepted:
    """Make the contribution a stakeholder of the session's assessment, with its kind, sector,
    groups and place on the grid (``stakeholder_add``, then ``stakeholder_place``)."""
    with transaction.atomic():
        session = _session_locked(contribution)
        current = versions.locked(contribution)
        if current.status == Status.MERGED:
            raise ValidationError(
                _("“%(name)s” was merged into “%(into)s”: accept that one.")
                % {"name": current.name, "into": current.merged_into}
            )
        if current.status == Status.ACCEPTED and current.stakeholder is not None:
            return Accepted(current.stakeholder, created=False)
        stakeholder = _existing(current, session.assessment_id)
        created = stakeholder is None
        if stakeholder is None:
            stakeholder = stakeholder_add(
                author,
                session.assessment,
                name=current.name,
                kind=current.kind,
                sector=current.sector,
                **{field: getattr(current, field) for field in GROUP_FIELDS},
            )
            if current.influence or current.interest:
                stakeholder = stakeholder_place(
                    author, stakeholder, influence=current.influence, interest=current.interest
                )
        _set(author, current, status=Status.ACCEPTED, stakeholder=stakeholder)
        current.duplicates.filter(stakeholder__isnull=True).update(stakeholder=stakeholder)
        touch(session)
    contribution.refresh_from_db()
    return Accepted(stakeholder, created=created)


def contribution_reject(author: audit.Author, contribution: Contribution) -> Contribution:
    """Leave a contribution out of the assessment (off topic, a joke, a test). A merged one
    comes back on its own as rejected."""
    with transaction.atomic():
        session = _session_locked(contribution)
        current = versions.locked(contribution)
        if current.status == Status.ACCEPTED:
            raise ValidationError(
                _("“%(name)s” is already in the assessment: remove it there if it should not be.")
                % {"name": current.name}
            )
        _set(author, current, status=Status.REJECTED, merged_into=None)
        touch(session)
    contribution.refresh_from_db()
    return contribution


@dataclass(frozen=True)
class AcceptedAll:
    created: int
    linked: int  # already in the assessment


def contributions_accept_all(author: audit.Author, session: WorkshopSession) -> AcceptedAll:
    """Accept every new contribution of the session, all or none (one transaction)."""
    created = linked = 0
    with transaction.atomic():
        for contribution in session.contributions.filter(status=Status.NEW).order_by("id"):
            accepted = contribution_accept(author, contribution)
            created += accepted.created
            linked += not accepted.created
    return AcceptedAll(created=created, linked=linked)
