"""Admin for ties (ความสัมพันธ์) between actors. Sized for 3,000,000 ties: raw-id widgets for the
actors, no full counts, searches that go through the actors' indexes."""

from typing import Any

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from phakhi.actors.models import Actor
from phakhi.core.admin_base import AuditedAdmin, AuditedForm, check_dates_in_order
from phakhi.core.dates import show_date
from phakhi.ties.models import Tie


class TieForm(AuditedForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        source, target = cleaned.get("source"), cleaned.get("target")
        if source is not None and target is not None:
            if source.pk == target.pk:
                self.add_error("target", _("An actor cannot have a tie with itself."))
            elif not cleaned.get("directed") and source.pk > target.pk:
                # An undirected tie is stored once, from the lower actor id: A–B is B–A.
                cleaned["source"], cleaned["target"] = target, source
        via = cleaned.get("via")
        if via is not None and via.pk in {getattr(source, "pk", None), getattr(target, "pk", None)}:
            self.add_error("via", _("The broker must be a third actor, not an end of the tie."))
        check_dates_in_order(self, cleaned, "since", "until", strict=True)
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
