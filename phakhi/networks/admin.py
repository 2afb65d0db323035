"""Admin for networks (เครือข่าย) and memberships (สมาชิกภาพ)."""

from decimal import Decimal
from typing import Any

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from phakhi.actors.models import Actor
from phakhi.core.admin_base import AuditedAdmin, AuditedForm, check_dates_in_order
from phakhi.core.dates import show_date
from phakhi.networks.models import Goal, Membership, Network, Strategy


class NetworkForm(AuditedForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        parent = None if "parent" in self.errors else cleaned.get("parent")
        seen = {self.instance.pk} if self.instance.pk else set()
        while parent is not None:
            if parent.pk in seen:
                self.add_error("parent", _("A network cannot be part of itself."))
                break
            seen.add(parent.pk)
            parent = parent.parent
        return cleaned


@admin.register(Network)
class NetworkAdmin(AuditedAdmin):
    form = NetworkForm
    list_display = ("name", "slug", "kind", "parent", "workspace", "updated_display")
    list_filter = ("workspace", "kind")
    list_select_related = ("workspace", "parent")
    search_fields = ("name", "slug")
    fields = (
        "workspace",
        "slug",
        "name",
        "kind",
        "parent",
        "strategy",
        "description",
        "vision",
        "goals",
        "member_count",
        "created_display",
        "updated_display",
    )
    readonly_fields = ("member_count", "created_display", "updated_display")

    @admin.display(description=_("members"))
    def member_count(self, obj: Network) -> int:
        return obj.memberships.count() if obj.pk else 0


class MembershipForm(AuditedForm):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        check_dates_in_order(self, cleaned, "since", "until", strict=True)
        return cleaned


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    form = MembershipForm
    list_display = ("actor", "network", "role", "since_display", "until_display", "workspace")
    list_filter = ("workspace", "role", "network")
    list_select_related = ("actor", "network", "workspace")
    raw_id_fields = ("actor",)
    search_fields = ("network__name",)
    search_help_text = _("Search by the member's name or key, or the network's name.")
    fields = (
        "workspace",
        "network",
        "actor",
        "role",
        "since",
        "until",
        "created_display",
        "updated_display",
    )
    readonly_fields = ("created_display", "updated_display")

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if not term:
            return results, may_have_duplicates
        actors = Actor.objects.filter(Q(key=term) | Q(name__icontains=term)).values("pk")
        return results | queryset.filter(actor__in=actors), may_have_duplicates

    @admin.display(description=_("since"), ordering="since")
    def since_display(self, obj: Membership) -> str | None:
        return show_date(obj.since)

    @admin.display(description=_("until"), ordering="until")
    def until_display(self, obj: Membership) -> str | None:
        return show_date(obj.until)


CENTS = Decimal("0.01")


class GoalForm(AuditedForm):
    def audit_changes(self) -> dict[str, list[Any]]:
        """The trail keeps decimals (target, value reached) as their text, as the services do."""
        return {
            name: [str(v.quantize(CENTS)) if isinstance(v, Decimal) else v for v in pair]
            for name, pair in super().audit_changes().items()
        }


@admin.register(Goal)
class GoalAdmin(AuditedAdmin):
    """A network's design: goals with measurable targets (ออกแบบเครือข่าย)."""

    form = GoalForm
    list_display = ("title", "network", "target_value", "current_value", "due_display")
    list_filter = ("workspace",)
    list_select_related = ("network",)
    search_fields = ("title", "network__name")
    fields = (
        "workspace",
        "network",
        "title",
        "target",
        "measure",
        "target_value",
        "current_value",
        "due_on",
        "position",
    )

    @admin.display(description=_("due"), ordering="due_on")
    def due_display(self, obj: Goal) -> str | None:
        return show_date(obj.due_on)


@admin.register(Strategy)
class StrategyAdmin(AuditedAdmin):
    list_display = ("title", "goal", "network", "position")
    list_filter = ("workspace",)
    list_select_related = ("network", "goal")
    search_fields = ("title", "network__name")
    fields = ("workspace", "network", "goal", "title", "description", "position")
