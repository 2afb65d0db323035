"""Edits checked against the version they started from (optimistic concurrency).

Every editable row (``core.models.Versioned``) has a ``version`` that each write raises by one,
and the audit event of each change records the version it produced. A person or a client that
read version N and now changes some fields is refused only when one of those fields was changed
by someone else after N to a value other than the one asked for; edits to other fields merge.
Services lock the row first (``locked``), so two writers never both read the same version.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import models
from django.utils.translation import gettext as _

from phakhi.core import audit
from phakhi.core.audit import jsonable
from phakhi.core.models import AuditEvent

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class FieldConflict:
    """A field changed by someone else since the version an edit started from."""

    field: str
    theirs: Any  # the value stored now
    yours: Any  # the value the edit asks for
    by: str  # who made the change ("" when the trail does not say)
    at: dt.datetime | None


class EditConflict(Exception):
    """The edit would overwrite changes made since its version; nothing was written."""

    def __init__(self, obj: models.Model, version: int, conflicts: list[FieldConflict]) -> None:
        self.obj, self.version, self.conflicts = obj, version, conflicts
        names = ", ".join(conflict.field for conflict in conflicts)
        super().__init__(
            _(
                "“%(object)s” was changed by someone else after you opened it (now version "
                "%(version)d): %(fields)s."
            )
            % {"object": obj, "version": version, "fields": names}
        )


class UnknownVersion(ValueError):
    """A version the object never had (newer than its own, or not a positive number)."""


def locked(obj: M) -> M:
    """The row of ``obj`` read again and locked until the transaction ends (PostgreSQL; SQLite's
    IMMEDIATE transactions already hold the database's write lock)."""
    return type(obj)._default_manager.select_for_update().get(pk=obj.pk)


def _fields_of(changes: Mapping[str, Any]) -> list[str]:
    """The fields an audit event changed; a dict-valued field (``attributes``) by its keys."""
    fields = []
    for name, pair in changes.items():
        old, new = [*pair, None, None][:2] if isinstance(pair, list) else (None, None)
        if isinstance(old, dict) or isinstance(new, dict):
            old, new = old or {}, new or {}
            fields += [f"{name}.{key}" for key in {*old, *new} if old.get(key) != new.get(key)]
        else:
            fields.append(name)
    return fields


def changed_since(obj: models.Model, version: int) -> dict[str, AuditEvent] | None:
    """Each field changed after ``version``, with the last event that changed it; None when the
    trail does not account for every version since (then any field may have changed)."""
    events = AuditEvent.objects.filter(
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_version__gt=version,
    ).order_by("object_version", "id")
    changed: dict[str, AuditEvent] = {}
    seen = set()
    for event in events:
        seen.add(event.object_version)
        for field in _fields_of(event.changes):
            changed[field] = event
    current = int(getattr(obj, "version"))  # noqa: B009 - every Versioned row has one
    if seen != set(range(version + 1, current + 1)):
        return None
    return changed


def check(
    obj: models.Model,
    expected: int | None,
    wanted: Mapping[str, Any],
    stored: Mapping[str, Any],
) -> None:
    """Refuse an edit from version ``expected`` of the locked ``obj`` that would set a field
    (``wanted``: field → value) someone else changed since (``stored``: field → value now).
    ``expected`` None means the caller did not say which version it read: nothing is checked."""
    current = int(getattr(obj, "version"))  # noqa: B009
    if expected is None or expected == current:
        return
    if expected < 1 or expected > current:
        raise UnknownVersion(
            _("Version %(version)s of “%(object)s” does not exist; it is at version %(current)d.")
            % {"version": expected, "object": obj, "current": current}
        )
    changed = changed_since(obj, expected)
    conflicts = []
    for field, value in wanted.items():
        theirs = stored.get(field)
        if jsonable(value) == jsonable(theirs):
            continue  # already as asked
        event = None if changed is None else changed.get(field)
        if changed is not None and event is None:
            continue  # nobody else touched it: the edit merges
        conflicts.append(
            FieldConflict(
                field=field,
                theirs=theirs,
                yours=value,
                by=event.by if event else "",
                at=event.at if event else None,
            )
        )
    if conflicts:
        raise EditConflict(obj, current, conflicts)


def save_changes(
    author: audit.Author, obj: models.Model, changes: Mapping[str, Any], columns: list[str]
) -> None:
    """Write the changed ``columns`` of the locked ``obj`` as its next version and record what
    changed; nothing at all when nothing changed."""
    if not changes:
        return
    obj.version += 1  # type: ignore[attr-defined]
    obj.save(update_fields=[*columns, "version", "updated_at"])
    audit.record(author, AuditEvent.Action.UPDATE, obj, changes=changes)


def change(
    author: audit.Author, current: models.Model, wanted: Mapping[str, Any], version: int | None
) -> dict[str, Any]:
    """Set the ``wanted`` fields of the locked row ``current`` as its next version, once
    ``check`` lets an edit from ``version`` through; returns what changed (recorded)."""
    old = {name: getattr(current, name) for name in wanted}
    check(current, version, wanted, old)
    changes = audit.diff(old, wanted)
    for name, value in wanted.items():
        setattr(current, name, value)
    save_changes(author, current, changes, sorted(changes))
    return changes


def bump(obj: models.Model) -> None:
    """Raise the version of a row saved whole by a tool that knows nothing of versions (the
    admin), so that edits opened before it are checked against its change."""
    if not isinstance(getattr(obj, "version", None), int):
        return
    manager = type(obj)._default_manager
    manager.filter(pk=obj.pk).update(version=models.F("version") + 1)
    obj.version = manager.values_list("version", flat=True).get(pk=obj.pk)  # type: ignore[attr-defined]
