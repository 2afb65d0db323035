from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.core import audit
from phakhi.core.models import AuditEvent, Workspace
from phakhi.core.personal import LIST_LIMIT, WORD_LIMIT, column_key
from phakhi.core.thai import clean_text


def workspace_create(author: audit.Author, *, slug: str, name: str) -> Workspace:
    workspace = Workspace(slug=slug.strip(), name=name.strip() or slug.strip())
    workspace.full_clean()
    with transaction.atomic():
        if Workspace.objects.filter(slug=workspace.slug).exists():
            raise ValidationError(
                {"slug": _("A workspace “%(slug)s” exists already.") % {"slug": workspace.slug}}
            )
        workspace.save()
        audit.record(
            author,
            AuditEvent.Action.CREATE,
            workspace,
            changes={"slug": [None, workspace.slug], "name": [None, workspace.name]},
        )
    return workspace


def _personal_names(field: str, names: Iterable[str]) -> list[str]:
    """The names as written (trimmed), each once; a name that is blank once normalized, too
    long, or one too many is refused naming the field and the name."""
    kept: dict[str, str] = {}
    for name in names:
        text = clean_text(str(name))
        if not text:
            continue
        if len(text) > WORD_LIMIT:
            raise ValidationError(
                {field: _("“%(name)s…” is longer than %(limit)d characters.")
                 % {"name": text[:30], "limit": WORD_LIMIT}}
            )  # fmt: skip
        key = column_key(text)
        if not key:
            raise ValidationError(
                {field: _("“%(name)s” has no letters or digits to match a column by.")
                 % {"name": text}}
            )  # fmt: skip
        kept.setdefault(key, text)
    if len(kept) > LIST_LIMIT:
        raise ValidationError(
            {field: _("At most %(limit)d names; %(count)d were given.")
             % {"limit": LIST_LIMIT, "count": len(kept)}}
        )  # fmt: skip
    return list(kept.values())


def workspace_set_personal_attributes(
    author: audit.Author,
    workspace: Workspace,
    *,
    added: Iterable[str],
    not_personal: Iterable[str],
) -> Workspace:
    """Which extra columns of the workspace's actors are personal data (masked for viewers):
    ``added`` words mark the columns whose name contains one, besides the built-in list;
    ``not_personal`` names columns that are not personal although a word matches them."""
    chosen = {
        "added": _personal_names("added", added),
        "not_personal": _personal_names("not_personal", not_personal),
    }
    value = {k: v for k, v in chosen.items() if v}
    with transaction.atomic():
        locked = Workspace.objects.select_for_update().get(pk=workspace.pk)
        old = locked.personal_attributes or {}
        if old != value:
            locked.personal_attributes = value
            locked.save(update_fields=["personal_attributes"])
            audit.record(
                author,
                AuditEvent.Action.UPDATE,
                locked,
                changes=audit.diff({k: old.get(k, []) for k in chosen}, chosen),
            )
    workspace.personal_attributes = value
    return workspace
