"""Reads of the risk alerts: a workspace's (or a network's) alerts by status, one alert, and
each as a row to show — its rule, what tripped it in words, where."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.monitoring.alert_rules import BY_CODE, Rule
from phakhi.monitoring.alert_texts import describe
from phakhi.monitoring.models import Alert
from phakhi.monitoring.thresholds import BY_CODE as THRESHOLDS
from phakhi.monitoring.thresholds import Threshold, thresholds_for
from phakhi.networks.models import Network

CURRENT = "current"  # open and dismissed: what a check would still trip
STATUSES = (CURRENT, *Alert.Status.values, "all")
PANEL_SHOWN = 5


def alerts_of(
    workspace: Workspace,
    *,
    network: Network | None = None,
    status: str = Alert.Status.OPEN,
    rule: str = "",
) -> QuerySet[Alert]:
    """The alerts of ``workspace`` (of one network when given), newest first. ``status``: one
    of ``STATUSES``."""
    found = Alert.objects.filter(workspace=workspace).select_related("network")
    if network is not None:
        found = found.filter(network=network)
    if status == CURRENT:
        found = found.exclude(status=Alert.Status.CLEARED)
    elif status != "all":
        found = found.filter(status=status)
    if rule:
        found = found.filter(rule=rule)
    return found.order_by("-last_seen", "-id")


def alert_in(workspace: Workspace, pk: int) -> Alert:
    found = Alert.objects.filter(workspace=workspace, pk=pk).select_related("network").first()
    if found is None:
        raise NotFound(_("There is no alert %(id)s in this workspace.") % {"id": pk})
    return found


@dataclass(frozen=True)
class AlertRow:
    alert: Alert
    rule: Rule | None
    text: str

    @property
    def name(self) -> str:
        return str(self.rule.name) if self.rule else self.alert.rule

    @property
    def where(self) -> str:
        network = self.alert.network
        return network.name if network is not None else _("the whole workspace")


def alert_rows(alerts: Iterable[Alert]) -> list[AlertRow]:
    return [AlertRow(alert, BY_CODE.get(alert.rule), describe(alert.figures)) for alert in alerts]


def alert_dict(row: AlertRow) -> dict[str, Any]:
    """One alert as ``phakhi alerts --json`` and the API give it."""
    alert = row.alert
    return {
        "id": alert.pk,
        "rule": alert.rule,
        "name": row.name,
        "network": alert.network.slug if alert.network else None,
        "subject": alert.subject,
        "status": alert.status,
        "text": row.text,
        "figures": alert.figures,
        "first_seen": alert.first_seen.isoformat(),
        "last_seen": alert.last_seen.isoformat(),
        "cleared_at": alert.cleared_at.isoformat() if alert.cleared_at else None,
        "dismissed_at": alert.dismissed_at.isoformat() if alert.dismissed_at else None,
        "dismissed_by": alert.dismissed_by,
        "dismissal_reason": alert.dismissal_reason,
    }


@dataclass(frozen=True)
class ThresholdRow:
    threshold: Threshold
    value: float

    @property
    def shown(self) -> str:
        return self.threshold.shown(self.value)

    @property
    def changed(self) -> bool:
        return self.value != self.threshold.default


def rule_thresholds(workspace: Workspace, rule: Rule) -> list[ThresholdRow]:
    """The thresholds a rule reads, with the workspace's values."""
    values = thresholds_for(workspace)
    codes = ("min_members", *rule.thresholds)
    return [ThresholdRow(THRESHOLDS[code], values[code]) for code in codes]


@dataclass(frozen=True)
class Panel:
    rows: list[AlertRow]
    total: int


def open_alerts_panel(workspace: Workspace, network: Network | None = None) -> Panel:
    """The open alerts a home or network page shows (the newest few) and how many there are."""
    found = alerts_of(workspace, network=network)
    rows = alert_rows(found[:PANEL_SHOWN])
    total = len(rows) if len(rows) < PANEL_SHOWN else found.count()
    return Panel(rows, total)
