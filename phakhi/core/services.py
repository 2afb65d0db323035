from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.core import audit
from phakhi.core.models import AuditEvent, Workspace


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
