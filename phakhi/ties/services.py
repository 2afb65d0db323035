"""Writes of single ties; bulk writes are in ``phakhi.imports``."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core import audit, versions
from phakhi.core.models import AuditEvent, Workspace
from phakhi.ties.models import Origin, Tie
from phakhi.ties.validation import (
    Problem,
    clean_kind,
    clean_strength,
    dates_reason,
    refuse,
    stored_reversed,
    tie_problems,
)


def tie_create(
    author: audit.Author,
    workspace: Workspace,
    source: Actor,
    target: Actor,
    *,
    strength: int = 1,
    kind: str = "",
    directed: bool = False,
    via: Actor | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    origin: str = Origin.MANUAL,
) -> Tie:
    """Create a tie, checked by the rules an import row is checked by
    (``phakhi.ties.validation``)."""
    for name, actor in (("source", source), ("target", target), ("via", via)):
        if actor is not None and actor.workspace_id != workspace.pk:
            raise ValidationError({name: _("The actor belongs to another workspace.")})
    problems = tie_problems(source.pk, target.pk, via.pk if via else None, since, until)
    strength = clean_strength(strength, problems)
    kind = clean_kind(kind, problems)
    refuse(problems)
    if stored_reversed(source.pk, target.pk, directed):
        source, target = target, source
    with transaction.atomic():
        if Tie.objects.filter(
            workspace=workspace, source=source, target=target, kind=kind, directed=directed
        ).exists():
            raise ValidationError({"target": _("These actors already have a tie of this kind.")})
        tie = Tie.objects.create(
            workspace=workspace,
            source=source,
            target=target,
            strength=strength,
            kind=kind,
            directed=directed,
            via=via,
            since=since,
            until=until,
            origin=origin,
        )
        audit.record(
            author,
            AuditEvent.Action.CREATE,
            tie,
            changes={
                "strength": [None, strength],
                "kind": [None, kind],
                "directed": [None, directed],
            },
        )
    return tie


def tie_set_strength(
    author: audit.Author, tie: Tie, strength: int, *, version: int | None = None
) -> Tie:
    """Change a tie's strength. With ``version`` (the one the editor read), a strength someone
    else changed since raises ``versions.EditConflict``."""
    problems: list[Problem] = []
    strength = clean_strength(strength, problems)
    refuse(problems)
    with transaction.atomic():
        versions.change(author, versions.locked(tie), {"strength": strength}, version)
    tie.refresh_from_db()
    return tie


def tie_end(author: audit.Author, tie: Tie, until: dt.date, *, version: int | None = None) -> Tie:
    """Record that a tie ended on ``until``; it stays in the history."""
    with transaction.atomic():
        current = versions.locked(tie)
        if current.since and until <= current.since:
            raise ValidationError({"until": dates_reason(current.since, until)})
        versions.change(author, current, {"until": until}, version)
    tie.refresh_from_db()
    return tie


def tie_update(
    author: audit.Author,
    tie: Tie,
    *,
    version: int | None = None,
    strength: object = None,
    via: object = ...,
) -> Tie:
    """Change a tie's strength and the actor it is held through (``via``: a third actor of the
    workspace, the broker; None for a tie held directly), in one version checked against
    ``version`` as ``tie_set_strength`` is. A field left out (strength None, via ``...``)
    stays as it is."""
    problems: list[Problem] = []
    wanted: dict[str, object] = {}
    if strength is not None:
        wanted["strength"] = clean_strength(strength, problems)
    if via is not ...:
        if via is not None and (not isinstance(via, Actor) or via.workspace_id != tie.workspace_id):
            problems.append(("via", _("The actor belongs to another workspace.")))
        else:
            broker = via.pk if isinstance(via, Actor) else None
            problems += tie_problems(tie.source_id, tie.target_id, broker, None, None)
            wanted["via"] = via
    refuse(problems)
    with transaction.atomic():
        versions.change(author, versions.locked(tie), wanted, version)
    tie.refresh_from_db()
    return tie
