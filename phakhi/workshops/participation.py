"""What a participant does on their phone: join a session, name stakeholders, mark their
groups and place them on the grid. A participant changes only their own contributions, only
while the session is open and only until the facilitator has taken them up."""

import secrets
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.actors.models import Kind, Sector
from phakhi.core import audit, versions
from phakhi.core.models import AuditEvent
from phakhi.core.thai import clean_text
from phakhi.stakeholders.models import Level
from phakhi.stakeholders.services import name_key_of
from phakhi.stakeholders.vocabulary import GROUP_FIELDS
from phakhi.workshops.models import Contribution, Participant, WorkshopSession
from phakhi.workshops.services import refuse_if_closed, touch, touch_open

# The version of the notice on what is kept and why (templates web/live/_notice.html); a new
# wording gets a new version, so each participant's row says which one they saw.
NOTICE_VERSION = "2026-12"
NAME_MAX = 80
CONTRIBUTIONS_PER_PARTICIPANT = 300  # far more than a workshop needs; stops a runaway script
EDITABLE = ("name", "kind", "sector", "note", "influence", "interest", *GROUP_FIELDS)


def comparable(name: str, kind: str) -> str:
    """The name as duplicates are found by: titles (นาย, ดร.) dropped only from a person's
    name, as worksheet 1 compares its stakeholders — "นายก ทม." is not "ก ทม."."""
    return name_key_of(name, kind)


def participant_author(participant: Participant) -> audit.Author:
    return audit.Author(f"live:{participant.display_name}#{participant.pk}")


def participant_join(
    session: WorkshopSession, *, display_name: str, sector: str = ""
) -> Participant:
    name = clean_text(display_name or "")
    if not name:
        raise ValidationError({"display_name": _("Please type a name others will know you by.")})
    if len(name) > NAME_MAX:
        raise ValidationError(
            {"display_name": _("A name of at most %(max)d characters, please.") % {"max": NAME_MAX}}
        )
    if sector not in ("", *Sector.values):
        raise ValidationError({"sector": _("Choose one of the three sectors, or none.")})
    with transaction.atomic():
        current = WorkshopSession.objects.select_for_update().get(pk=session.pk)
        refuse_if_closed(current)
        participant = Participant.objects.create(
            workspace_id=session.workspace_id,
            session=session,
            display_name=name,
            sector=sector,
            token=secrets.token_urlsafe(32),
            consent_shown=NOTICE_VERSION,
        )
        touch(session)
        audit.record(
            participant_author(participant),
            AuditEvent.Action.CREATE,
            participant,
            changes={"display_name": [None, name], "sector": [None, sector]},
        )
    return participant


def _cleaned(values: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of a contribution, checked; the error names the field and what it takes."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not a contribution field: {', '.join(sorted(unknown))}")
    cleaned: dict[str, Any] = {}
    errors: dict[str, str] = {}
    if "name" in values:
        cleaned["name"] = clean_text(str(values["name"] or ""))
        if not cleaned["name"]:
            errors["name"] = _("Please type the stakeholder's name.")
        elif len(cleaned["name"]) > 300:
            errors["name"] = _("A name of at most 300 characters, please.")
    choices = {
        "kind": ("", *Kind.values),
        "sector": ("", *Sector.values),
        "influence": ("", *Level.values),
        "interest": ("", *Level.values),
    }
    for field, allowed in choices.items():
        if field in values:
            cleaned[field] = values[field] or ""
            if cleaned[field] not in allowed:
                errors[field] = _("“%(value)s” is not one of the choices.") % {
                    "value": cleaned[field]
                }
    for field in GROUP_FIELDS:
        if field in values:
            cleaned[field] = bool(values[field])
    if "note" in values:
        cleaned["note"] = str(values["note"] or "").strip()[:2000]
    if errors:
        raise ValidationError(errors)
    return cleaned


def contribution_add(participant: Participant, **fields: Any) -> Contribution:
    """A stakeholder named by ``participant``: ``name`` and any of ``EDITABLE``."""
    values = _cleaned(fields)
    if "name" not in values:
        raise ValidationError({"name": _("Please type the stakeholder's name.")})
    with transaction.atomic():
        touch_open(participant.session_id)
        if participant.contributions.count() >= CONTRIBUTIONS_PER_PARTICIPANT:
            raise ValidationError(
                _("You have named %(count)d stakeholders already, the most one person may.")
                % {"count": CONTRIBUTIONS_PER_PARTICIPANT}
            )
        contribution = Contribution.objects.create(
            workspace_id=participant.workspace_id,
            session_id=participant.session_id,
            participant=participant,
            name_key=comparable(values["name"], values.get("kind", "")),
            **values,
        )
        audit.record(
            participant_author(participant),
            AuditEvent.Action.CREATE,
            contribution,
            changes=audit.diff({}, values),
        )
    return contribution


def contribution_update(
    participant: Participant,
    contribution: Contribution,
    *,
    version: int | None = None,
    **changes: Any,
) -> Contribution:
    """Change the participant's own contribution (its groups, its place on the grid, …).
    With ``version``, a field changed since on another phone raises ``EditConflict``."""
    if contribution.participant_id != participant.pk:
        raise ValidationError(_("You can change only the stakeholders you named."))
    values = _cleaned(changes)
    with transaction.atomic():
        touch_open(participant.session_id)
        current = versions.locked(contribution)
        if current.status != Contribution.Status.NEW:
            raise ValidationError(
                _("The facilitator has already taken up “%(name)s”; it can no longer be changed.")
                % {"name": current.name}
            )
        if "name" in values or "kind" in values:
            name, kind = values.get("name", current.name), values.get("kind", current.kind)
            values["name_key"] = comparable(name, kind)
        versions.change(participant_author(participant), current, values, version)
    contribution.refresh_from_db()
    return contribution
