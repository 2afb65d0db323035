"""Recording audit events. Services call these inside their transaction."""

import getpass
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models

from phakhi.core.models import AuditEvent, Workspace


@dataclass(frozen=True)
class Author:
    """Who makes a change: a signed-in user, or a label such as ``cli:somchai``."""

    label: str
    user_id: int | None = None

    @classmethod
    def cli(cls) -> "Author":
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "unknown"
        return cls(f"cli:{name}")

    @classmethod
    def system(cls, what: str) -> "Author":
        return cls(f"system:{what}")


def new_batch_id() -> str:
    return uuid.uuid4().hex


def jsonable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 4.50 and 4.5 are the same score
    if isinstance(value, list | tuple | set):
        return [jsonable(v) for v in value]
    return value


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Fields whose values differ, as ``{field: [old, new]}``."""
    return {
        name: [jsonable(old.get(name)), jsonable(value)]
        for name, value in new.items()
        if jsonable(old.get(name)) != jsonable(value)
    }


_FROM_OBJECT: Any = object()


def event(
    author: Author,
    action: str,
    obj: models.Model | None = None,
    *,
    workspace_id: int | None = _FROM_OBJECT,
    changes: Mapping[str, Any] | None = None,
    object_type: str | None = None,
    object_id: str = "",
    object_repr: str = "",
    batch: str = "",
    object_version: int | None = None,
) -> AuditEvent:
    """An unsaved event, for ``record`` or for ``record_many``. The object gives its type, id,
    text, version (when it has one) and (unless ``workspace_id`` is given) its workspace."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)
        if object_version is None:
            object_version = getattr(obj, "version", None)
    if workspace_id is _FROM_OBJECT:
        workspace_id = getattr(obj, "workspace_id", None)
    return AuditEvent(
        workspace_id=workspace_id,
        user_id=author.user_id,
        by=author.label,
        action=action,
        object_type=object_type or "",
        object_id=object_id,
        object_repr=object_repr[:300],
        changes=dict(changes or {}),
        batch=batch,
        object_version=object_version,
    )


def record(
    author: Author,
    action: str,
    obj: models.Model | None = None,
    *,
    workspace: Workspace | None = None,
    **fields: Any,
) -> AuditEvent:
    if workspace is not None:
        fields["workspace_id"] = workspace.pk
    made = event(author, action, obj, **fields)
    made.save()
    return made


def record_many(events: Iterable[AuditEvent], batch_size: int = 2000) -> None:
    AuditEvent.objects.bulk_create(events, batch_size=batch_size)
