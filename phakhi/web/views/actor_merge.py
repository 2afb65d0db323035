"""Merging two records of the same actor: choose the other one, compare them side by side with
what will move, choose whose values stay, confirm."""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor, Kind, Sector
from phakhi.actors.search import actor_search
from phakhi.actors.selectors import actor_by_key
from phakhi.core.models import Workspace
from phakhi.imports.merge import (
    KEPT,
    MERGE_FIELDS,
    MERGED,
    actors_merge,
    field_value,
    merge_candidates,
    merge_counts,
)
from phakhi.web.access import forbidden, request_author, workspace_view
from phakhi.web.views.actors import actor_or_404, area_text

FIELD_LABELS = {
    "name": gettext_lazy("Name"),
    "kind": gettext_lazy("Kind"),
    "sector": gettext_lazy("Sector"),
    "subsector": gettext_lazy("Subsector"),
    "area": gettext_lazy("Area"),
    "organization": gettext_lazy("Organization"),
    "email": gettext_lazy("E-mail"),
    "phone": gettext_lazy("Phone"),
    "line_id": gettext_lazy("LINE ID"),
}


@dataclass(frozen=True)
class FieldRow:
    name: str
    label: str
    kept: str
    merged: str

    @property
    def choice(self) -> bool:
        """Both have a value and they differ: the user chooses which stays."""
        return bool(self.kept and self.merged and self.kept != self.merged)


def _shown(actor: Actor, name: str) -> str:
    value = field_value(actor, name)
    if name == "kind":
        return str(Kind(value).label)
    if name == "sector":
        return str(Sector(value).label) if value else ""
    if name == "area":
        return area_text(actor)
    if name == "organization":
        return actor.organization.name if actor.organization else ""
    return str(value or "")


def _rows(kept: Actor, merged: Actor) -> list[FieldRow]:
    return [
        FieldRow(name, str(FIELD_LABELS[name]), _shown(kept, name), _shown(merged, name))
        for name in MERGE_FIELDS
    ]


def _choices(request: HttpRequest, rows: list[FieldRow]) -> dict[str, str]:
    """Whose value stays for each field where both differ (the kept actor's unless chosen)."""
    chosen = {}
    for row in rows:
        side = request.POST.get(f"field_{row.name}", KEPT)
        if row.choice and side == MERGED:
            chosen[row.name] = MERGED
    return chosen


def _found(workspace: Workspace, actor: Actor, query: str) -> list[Actor]:
    """Actors a search for the other one finds: the one with that key first, then by name."""
    if not query:
        return []
    by_key = actor_by_key(workspace, query)
    rows = [a for a in actor_search(workspace, query, page_size=20).rows if a.pk != actor.pk]
    if by_key is not None and by_key.pk != actor.pk:
        rows = [by_key, *(a for a in rows if a.pk != by_key.pk)]
    return rows


def _other(request: HttpRequest, workspace: Workspace) -> Actor | None:
    text = (request.POST if request.method == "POST" else request.GET).get("other", "")
    if not text:
        return None
    if not text.isdigit():
        raise Http404(_("There is no such actor in this workspace."))
    return actor_or_404(workspace, int(text))


@workspace_view("edit")
def actor_merge(
    request: HttpRequest, workspace: Workspace, access: Access, pk: int
) -> HttpResponse:
    if not access.can_merge_actors:
        return forbidden(request, access, "merge")
    kept = actor_or_404(workspace, pk)
    other = _other(request, workspace)
    context: dict[str, Any] = {"workspace": workspace, "access": access, "actor": kept}
    if other is None or other.pk == kept.pk:
        query = request.GET.get("q", "").strip()[:300]
        context |= {
            "query": query,
            "suggestions": merge_candidates(workspace, kept),
            "found": _found(workspace, kept, query),
        }
        return render(request, "web/actor_merge.html", context)
    rows = _rows(kept, other)
    if request.method == "POST":
        try:
            result = actors_merge(
                request_author(request), kept, other, fields=_choices(request, rows)
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(merged)s (%(key)s) has been merged into %(kept)s.")
                % {"merged": result.merged_name, "key": result.merged_key, "kept": kept.name},
            )
            return redirect("web:actor", workspace=workspace.slug, pk=kept.pk)
    context |= {"other": other, "rows": rows, "counts": merge_counts(other)}
    return render(request, "web/actor_merge.html", context)
