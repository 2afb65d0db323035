from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F, QuerySet
from django.utils.translation import gettext as _

from phakhi.core.models import Workspace


class NotFound(LookupError):
    pass


def workspace_get(slug: str) -> Workspace:
    try:
        return Workspace.objects.get(slug=slug)
    except ObjectDoesNotExist:
        known = ", ".join(Workspace.objects.values_list("slug", flat=True)) or _("none yet")
        raise NotFound(
            _("There is no workspace “%(slug)s” (workspaces: %(known)s).")
            % {"slug": slug, "known": known}
        ) from None


def of_workspace_row_by_row(rows: QuerySet[Any], workspace: Workspace) -> QuerySet[Any]:
    """``rows`` of the workspace, for queries whose other conditions pick few rows by an index
    of their own (one actor's ties, a network's members): the workspace is tested row by row
    (``+ 0``). Otherwise SQLite, which keeps no statistics, reads every row of the workspace
    through the workspace index (3,000,000 ties in the national demo)."""
    return rows.alias(workspace_unindexed=F("workspace_id") + 0).filter(
        workspace_unindexed=workspace.pk
    )
