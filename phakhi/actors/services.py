"""Writes of single actors; bulk writes are in ``phakhi.imports``."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor, ActorTag, Tag
from phakhi.actors.validation import clean_actor, stored_values
from phakhi.core import audit, versions
from phakhi.core.models import AuditEvent, Workspace
from phakhi.core.thai import sort_key, word_key


def _checked(workspace: Workspace, fields: dict[str, Any]) -> tuple[Any, Actor | None]:
    if "organization" in fields:
        # Given empty (None or ""), it clears the organization; not given, it stays.
        organization = fields.pop("organization")
        is_actor = isinstance(organization, Actor)
        fields["organization"] = organization.key if is_actor else str(organization or "")
    cleaned, problems = clean_actor(fields, fields.pop("attributes", None))
    if cleaned is None:
        raise ValidationError({column: reason for column, reason in problems})
    org = None
    if cleaned.organization_key:
        org = Actor.objects.filter(workspace=workspace, key=cleaned.organization_key).first()
        if org is None:
            raise ValidationError(
                {
                    "organization": _("“%(org)s” is not the key of an actor in this workspace.")
                    % {"org": cleaned.organization_key}
                }
            )
    return cleaned, org


def _set_tags(actor: Actor, tags: tuple[str, ...]) -> None:
    ActorTag.objects.filter(actor=actor).delete()
    for name in tags:
        tag, _created = Tag.objects.get_or_create(
            workspace=actor.workspace, name_key=word_key(name), defaults={"name": name}
        )
        ActorTag.objects.create(actor=actor, tag=tag)


def actor_create(author: audit.Author, workspace: Workspace, **fields: Any) -> Actor:
    """Create an actor from canonical column values (as in an import file)."""
    cleaned, organization = _checked(workspace, {"kind": "", **fields})
    if not fields.get("name"):
        raise ValidationError({"name": _("The name is missing.")})
    with transaction.atomic():
        if Actor.objects.filter(workspace=workspace, key=cleaned.key).exists():
            raise ValidationError(
                {"key": _("The key “%(key)s” is taken in this workspace.") % {"key": cleaned.key}}
            )
        actor = Actor.objects.create(
            workspace=workspace,
            key=cleaned.key,
            organization=organization,
            attributes={k: v for k, v in cleaned.attributes.items() if v},
            sort_key=sort_key(str(cleaned.values["name_key"])),
            **cleaned.values,
        )
        _set_tags(actor, cleaned.tags)
        audit.record(
            author,
            AuditEvent.Action.CREATE,
            actor,
            changes=audit.diff(
                {}, {**stored_values(actor), "key": actor.key, "tags": list(cleaned.tags)}
            ),
        )
    return actor


def _snapshot(actor: Actor) -> dict[str, Any]:
    """The actor's values as its audit events record them."""
    return stored_values(actor) | {
        "organization": actor.organization.key if actor.organization else "",
        "tags": sorted(actor.tags.values_list("name", flat=True)),
        "attributes": dict(actor.attributes),
    }


def _wanted(cleaned: Any, organization: Actor | None, current: dict[str, Any]) -> dict[str, Any]:
    """The values the edit asks for, by the names ``versions.check`` compares (``name_key``
    follows the name; attributes one by one, "" removing one)."""
    wanted = {k: v for k, v in cleaned.values.items() if k != "name_key"}
    if "organization" in cleaned.present:
        wanted["organization"] = organization.key if organization else ""
    if "tags" in cleaned.present:
        by_key = {word_key(name): name for name in current["tags"]}
        wanted["tags"] = sorted(by_key.get(word_key(name), name) for name in cleaned.tags)
    for name, value in cleaned.attributes.items():
        wanted[f"attributes.{name}"] = value
    return wanted


def actor_update(
    author: audit.Author, actor: Actor, *, version: int | None = None, **fields: Any
) -> Actor:
    """Change the given columns of an actor; columns not given keep their values. The row is
    locked and only the columns whose values change are written. With ``version`` (the one the
    editor read), a column someone else changed since raises ``versions.EditConflict``."""
    cleaned, organization = _checked(actor.workspace, {"key": actor.key, **fields})
    with transaction.atomic():
        current = versions.locked(actor)
        old = _snapshot(current)
        wanted = _wanted(cleaned, organization, old)
        stored = {
            name: old["attributes"].get(name.removeprefix("attributes."), "")
            if name.startswith("attributes.")
            else old[name]
            for name in wanted
        }
        versions.check(current, version, wanted, stored)
        for name, value in cleaned.values.items():
            setattr(current, name, value)
        if "organization" in cleaned.present:
            current.organization = organization
        for name, value in cleaned.attributes.items():
            if value:
                current.attributes[name] = value
            else:
                current.attributes.pop(name, None)
        if "tags" in wanted and wanted["tags"] != old["tags"]:
            _set_tags(current, cleaned.tags)
        changes = audit.diff(old, _snapshot(current))
        columns = sorted(name for name in changes if name != "tags")
        if "name_key" in changes:
            current.sort_key = sort_key(current.name_key)
            columns.append("sort_key")
        versions.save_changes(author, current, changes, columns)
    actor.refresh_from_db()
    return actor
