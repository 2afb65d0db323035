"""Admin for ties (ความสัมพันธ์) between actors. Sized for 3,000,000 ties: raw-id widgets for the
actors, no full counts, searches that go through the actors' indexes."""

from typing import Any

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from phakhi.actors.models import Actor
from phakhi.core.admin_base import AuditedAdmin, AuditedForm
from phakhi.core.dates import show_date
from phakhi.ties.models import Tie
from phakhi.ties.validation import stored_reversed, tie_problems


class TieForm(AuditedForm):
    """Checked by the rules a tie made on a page, by the API or by an import is checked by
    (``phakhi.ties.validation``), with the same messages."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        source, target, via = cleaned.get("source"), cleaned.get("target"), cleaned.get("via")
        problems = tie_problems(
            getattr(source, "pk", None),
            getattr(target, "pk", None),
            getattr(via, "pk", None),
            cleaned.get("since"),
            cleaned.get("until"),
        )
        for column, reason in problems:
            self.add_error(column, reason)
        if problems or source is None or target is None:
            return cleaned
        if stored_reversed(source.pk, target.pk, bool(cleaned.get("directed"))):
            cleaned["source"], cleaned["target"] = target, source
        return cleaned


@admin.register(Tie)
class TieAdmin(AuditedAdmin):
    form = TieForm
    list_display = (
        "__str__",
        "strength",
        "kind",
        "directed",
        "via",
        "since_display",
        "until_display",
        "origin",
        "workspace",
    )
    list_filter = ("workspace", "strength", "directed", "origin")
    list_select_related = ("source", "target", "via", "workspace")
    raw_id_fields = ("source", "target", "via")
    search_fields = ("=kind",)
    search_help_text = _("Search by an actor's name or key, or the exact kind of tie.")
    fields = (
        "workspace",
        "source",
        "target",
        "strength",
        "kind",
        "directed",
        "via",
        "since",
        "until",
        "origin",
        "attributes",
        "created_display",
        "updated_display",
    )
    readonly_fields = ("created_display", "updated_display")

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        term = search_term.strip()
        if not term:
            return queryset, False
        # Find the actors first, then their ties through the indexes (source, …),
        # (target, source) and via; the kind of tie only when some tie has it, since that
        # condition cannot use an index.
        ids = Actor.objects.filter(Q(key=term) | Q(name__icontains=term)).values("pk")
        found = Q(source__in=ids) | Q(target__in=ids) | Q(via__in=ids)
        if queryset.filter(kind=term).exists():
            found |= Q(kind=term)
        return queryset.filter(found), False

    @admin.display(description=_("since"), ordering="since")
    def since_display(self, obj: Tie) -> str | None:
        return show_date(obj.since)

    @admin.display(description=_("until"), ordering="until")
    def until_display(self, obj: Tie) -> str | None:
        return show_date(obj.until)
