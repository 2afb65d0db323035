"""Writes of worksheet 1: assessments and their stakeholders. Each checks its input
(``phakhi.stakeholders.validation``), writes in one transaction and records the audit event."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor, Kind
from phakhi.actors.services import actor_create
from phakhi.core import audit, versions
from phakhi.core.models import AuditEvent
from phakhi.core.thai import clean_text, name_key, sort_key
from phakhi.projects.models import Project
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.validation import (
    FIELDS,
    SCORE_FIELDS,
    clean_fields,
    placement_problems,
    refuse,
)

# What a copy of an assessment carries over: everything the worksheet asks (the screening too).
COPIED_FIELDS = ("actor_id", "name", "name_key", "sort_key", *[f for f in FIELDS if f != "name"])


def name_key_of(name: str, kind: str) -> str:
    """The comparable name a stakeholder is kept once by in an assessment (titles taken off
    people's names only, as the directory does). The worksheet import finds stored
    stakeholders by the same rule (``phakhi.worksheets.import_cards.name_keys``)."""
    return name_key(name, person=kind == Kind.PERSON)[:300]


def _keys(name: str, kind: str) -> tuple[str, str]:
    key = name_key_of(name, kind)
    return key, sort_key(key)


def assessment_create(
    author: audit.Author,
    project: Project,
    *,
    held_on: dt.date,
    title: str = "",
    copy_last: bool = True,
) -> Assessment:
    """A new dated assessment of ``project``; with ``copy_last``, its stakeholders start as a
    copy of the latest assessment's (each linked to the one it was copied from)."""
    if not isinstance(held_on, dt.date):
        raise ValidationError({"held_on": _("The date is missing.")})
    title = clean_text(title or "")
    if len(title) > 200:
        raise ValidationError({"title": _("Longer than %(limit)d characters.") % {"limit": 200}})
    with transaction.atomic():
        last = (
            Assessment.objects.filter(project=project).order_by("-held_on", "-id").first()
            if copy_last
            else None
        )
        assessment = Assessment.objects.create(
            workspace_id=project.workspace_id,
            project=project,
            held_on=held_on,
            title=title,
            previous=last,
        )
        copied = []
        if last is not None:
            for old in Stakeholder.objects.filter(assessment=last).order_by("id"):
                copy = Stakeholder(
                    workspace_id=project.workspace_id, assessment=assessment, previous=old
                )
                for name in COPIED_FIELDS:
                    setattr(copy, name, getattr(old, name))
                copied.append(copy)
            Stakeholder.objects.bulk_create(copied)
        audit.record(
            author,
            AuditEvent.Action.CREATE,
            assessment,
            changes={
                "project": [None, project.slug],
                "held_on": [None, held_on.isoformat()],
                "title": [None, title],
                "copied_from": [None, last.pk if last else None],
                "stakeholders": [None, len(copied)],
            },
        )
    return assessment


def assessment_update(
    author: audit.Author,
    assessment: Assessment,
    *,
    version: int | None = None,
    **changes: Any,
) -> Assessment:
    """Change an assessment's date or title."""
    unknown = set(changes) - {"held_on", "title"}
    if unknown:
        raise ValidationError(
            {
                name: _("An assessment has no field “%(field)s”.") % {"field": name}
                for name in unknown
            }
        )
    wanted: dict[str, Any] = {}
    if "held_on" in changes:
        if not isinstance(changes["held_on"], dt.date):
            raise ValidationError({"held_on": _("The date is missing.")})
        wanted["held_on"] = changes["held_on"]
    if "title" in changes:
        wanted["title"] = clean_text(changes["title"] or "")
        if len(wanted["title"]) > 200:
            raise ValidationError(
                {"title": _("Longer than %(limit)d characters.") % {"limit": 200}}
            )
    with transaction.atomic():
        versions.change(author, versions.locked(assessment), wanted, version)
    assessment.refresh_from_db()
    return assessment


def _check_actor(assessment: Assessment, actor: Actor | None, stakeholder_id: int) -> None:
    if actor is None:
        return
    if actor.workspace_id != assessment.workspace_id:
        raise ValidationError({"actor": _("The actor belongs to another workspace.")})
    taken = (
        Stakeholder.objects.filter(assessment=assessment, actor=actor)
        .exclude(pk=stakeholder_id)
        .first()
    )
    if taken is not None:
        raise ValidationError(
            {
                "actor": _("“%(actor)s” is already in this assessment as “%(name)s”.")
                % {"actor": actor.name, "name": taken.name}
            }
        )


def _check_name(assessment: Assessment, key: str, name: str, stakeholder_id: int) -> None:
    taken = (
        Stakeholder.objects.filter(assessment=assessment, name_key=key)
        .exclude(pk=stakeholder_id)
        .first()
    )
    if taken is not None:
        raise ValidationError(
            {
                "name": _("“%(name)s” is already in this assessment (as “%(taken)s”).")
                % {"name": name, "taken": taken.name}
            }
        )


def _snapshot(stakeholder: Stakeholder) -> dict[str, Any]:
    return {"actor": stakeholder.actor_id, **{f: getattr(stakeholder, f) for f in FIELDS}}


def stakeholder_add(
    author: audit.Author,
    assessment: Assessment,
    *,
    name: str = "",
    actor: Actor | None = None,
    **fields: Any,
) -> Stakeholder:
    """Add a stakeholder to an assessment: an actor of the directory (its name, kind and sector
    unless given) or a name not in it. ``fields`` are those of ``Stakeholder`` (words such as
    มาก, ภาครัฐ, องค์กร are read) and ``groups`` (a list of the three groups)."""
    given: dict[str, Any] = dict(fields)
    if actor is not None:
        if actor.workspace_id != assessment.workspace_id:
            raise ValidationError({"actor": _("The actor belongs to another workspace.")})
        name = name or actor.name
        given.setdefault("kind", actor.kind)
        given.setdefault("sector", actor.sector)
        given.setdefault("subsector", actor.subsector)
    values, problems = clean_fields({"name": name, **given})
    problems += placement_problems(values)
    refuse(problems)
    key, order = _keys(values["name"], values.get("kind", ""))
    with transaction.atomic():
        _check_actor(assessment, actor, 0)
        _check_name(assessment, key, values["name"], 0)
        stakeholder = Stakeholder.objects.create(
            workspace_id=assessment.workspace_id,
            assessment=assessment,
            actor=actor,
            name_key=key,
            sort_key=order,
            **values,
        )
        audit.record(
            author,
            AuditEvent.Action.CREATE,
            stakeholder,
            changes=audit.diff(
                {}, {k: v for k, v in _snapshot(stakeholder).items() if v not in ("", None, False)}
            ),
        )
    return stakeholder


def _follow_placement(values: dict[str, Any], merged: dict[str, Any]) -> None:
    """Keep a card's level and score on one side of the grid when an edit gives only one of
    them: a level alone drops a stored score from the other side (and a cleared level its
    score); a score alone moves the level to its side."""
    for level, score in SCORE_FIELDS.items():
        if level in values and score not in values and merged[score] is not None:
            if not values[level] or placement_problems(
                {level: values[level], score: merged[score]}
            ):
                merged[score] = values[score] = None
        elif score in values and level not in values and values[score] is not None:
            side = {**merged, level: ""}
            if not placement_problems(side) and side[level]:
                merged[level] = side[level]


def stakeholder_update(
    author: audit.Author,
    stakeholder: Stakeholder,
    *,
    version: int | None = None,
    **changes: Any,
) -> Stakeholder:
    """Change the given fields of a stakeholder (``actor`` links or unlinks it); the others
    keep their values. With ``version`` (the one the editor read), a field someone else
    changed since raises ``versions.EditConflict``."""
    actor_given = "actor" in changes
    actor = changes.pop("actor", None)
    values, problems = clean_fields(changes)
    refuse(problems)
    with transaction.atomic():
        current = versions.locked(stakeholder)
        merged = {**_snapshot(current), **values}
        _follow_placement(values, merged)
        refuse(placement_problems(merged))
        for level in SCORE_FIELDS:
            if merged[level] != getattr(current, level):
                values[level] = merged[level]
        wanted: dict[str, Any] = dict(values)
        if actor_given:
            _check_actor(current.assessment, actor, current.pk)
            wanted["actor"] = actor.pk if actor else None
        if "name" in values or "kind" in values:
            key, order = _keys(merged["name"], merged["kind"])
            _check_name(current.assessment, key, merged["name"], current.pk)
        old = _snapshot(current)
        versions.check(current, version, wanted, old)
        changed = audit.diff(old, wanted)
        for name, value in values.items():
            setattr(current, name, value)
        columns = sorted(name for name in changed if name != "actor")
        if "actor" in changed:
            current.actor = actor
            columns.append("actor")
        renamed = "name" in values or "kind" in values
        if renamed and (key, order) != (current.name_key, current.sort_key):
            current.name_key, current.sort_key = key, order
            columns += ["name_key", "sort_key"]
        versions.save_changes(author, current, changed, columns)
    stakeholder.refresh_from_db()
    return stakeholder


def stakeholder_place(
    author: audit.Author,
    stakeholder: Stakeholder,
    *,
    influence: str,
    interest: str,
    influence_score: int | None = None,
    interest_score: int | None = None,
    version: int | None = None,
) -> Stakeholder:
    """Put a card on the grid (the drag, the keyboard's move, a participant's placement): its
    two levels, and the 1–5 scores that place it finer inside its quadrant (None clears them)."""
    return stakeholder_update(
        author,
        stakeholder,
        version=version,
        influence=influence,
        interest=interest,
        influence_score=influence_score,
        interest_score=interest_score,
    )


def stakeholder_remove(author: audit.Author, stakeholder: Stakeholder) -> None:
    """Take a stakeholder out of its assessment (earlier assessments keep theirs)."""
    with transaction.atomic():
        current = versions.locked(stakeholder)
        stored = {k: v for k, v in _snapshot(current).items() if v not in ("", None, False)}
        event = audit.event(
            author,
            AuditEvent.Action.DELETE,
            current,
            changes=audit.diff(stored, dict.fromkeys(stored)),
        )
        current.delete()
        event.save()


def stakeholder_to_directory(
    author: audit.Author, stakeholder: Stakeholder, *, actor: Actor | None = None, key: str = ""
) -> Actor:
    """Link the stakeholder to ``actor`` of the directory, or, without one, add a new actor made
    from it (name, kind, sector, subsector; its ``key`` given or ``stakeholder-<id>``) and link
    to that. Returns the linked actor."""
    with transaction.atomic():
        current = versions.locked(stakeholder)
        if current.actor_id is not None and actor is None:
            raise ValidationError(
                {"actor": _("“%(name)s” is already in the directory.") % {"name": current.name}}
            )
        if actor is None:
            if not current.kind:
                raise ValidationError(
                    {
                        "kind": _(
                            "Say whether “%(name)s” is a person, a group or an organization "
                            "before adding it to the directory."
                        )
                        % {"name": current.name}
                    }
                )
            actor = actor_create(
                author,
                current.workspace,
                key=key.strip() or _free_key(current),
                name=current.name,
                kind=current.kind,
                sector=current.sector,
                subsector=current.subsector,
            )
        stakeholder_update(author, current, actor=actor)
    stakeholder.refresh_from_db()
    return actor


def _free_key(stakeholder: Stakeholder) -> str:
    """A key for an actor made from a stakeholder: ``stakeholder-<id>``, unless taken."""
    base = f"stakeholder-{stakeholder.pk}"
    taken = set(
        Actor.objects.filter(
            workspace_id=stakeholder.workspace_id, key__startswith=base
        ).values_list("key", flat=True)
    )
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    return key


def assessment_remove(author: audit.Author, assessment: Assessment) -> None:
    """Delete an assessment made by mistake, with its stakeholders. Refused while other records
    use it (a live workshop's session); an assessment copied from it keeps its stakeholders but
    no longer shows how they moved."""
    with transaction.atomic():
        current = versions.locked(assessment)
        for relation in Assessment._meta.related_objects:
            if relation.related_model in (Assessment, Stakeholder):
                continue
            used = relation.related_model._default_manager.filter(**{relation.field.name: current})
            if used.exists():
                raise ValidationError(
                    _("The assessment is used by %(what)s; it cannot be deleted.")
                    % {"what": relation.related_model._meta.verbose_name_plural}
                )
        count = Stakeholder.objects.filter(assessment=current).count()
        event = audit.event(
            author,
            AuditEvent.Action.DELETE,
            current,
            changes={
                "held_on": [current.held_on.isoformat(), None],
                "title": [current.title, None],
                "stakeholders": [count, None],
            },
        )
        current.delete()
        event.save()
