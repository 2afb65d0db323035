"""Writes of the risk alerts: check the rules on one network or the whole workspace, dismiss an
alert with a reason (and take the dismissal back), and set the workspace's thresholds. Each is
validated, written in one transaction and audited.

A check keeps one row per (scope, rule, subject) while it stays tripped: a new subject opens an
alert, one seen again gets its latest figures (a dismissed one stays dismissed), one no longer
tripped is cleared. A cleared alert that trips again is a new alert: its dismissal, if any,
was about the old one. ``snapshot_take`` (scorecard) calls ``alerts_check`` after each
snapshot, with the figures it has just read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.core import audit
from phakhi.core.models import AuditEvent, Workspace
from phakhi.core.thai import clean_text
from phakhi.monitoring.alert_facts import alert_facts
from phakhi.monitoring.alert_rules import Tripped, run_rules
from phakhi.monitoring.figures import Figures
from phakhi.monitoring.models import Alert, MonitoringSettings, Snapshot
from phakhi.monitoring.thresholds import clean_thresholds, thresholds_for
from phakhi.networks.models import Network

REASON_LIMIT = 2000
SNAPSHOT_MONTHS_LIMIT = 24


@dataclass
class CheckResult:
    """What one check did: the alerts it opened, saw again and cleared."""

    opened: list[Alert] = field(default_factory=list)
    seen: list[Alert] = field(default_factory=list)
    cleared: list[Alert] = field(default_factory=list)

    @property
    def current(self) -> list[Alert]:
        return self.opened + self.seen

    def add(self, other: CheckResult) -> None:
        self.opened += other.opened
        self.seen += other.seen
        self.cleared += other.cleared


def _scope(workspace: Workspace, network: Network | None) -> Any:
    found = Alert.objects.filter(workspace=workspace)
    return found.filter(network__isnull=True) if network is None else found.filter(network=network)


def alerts_check(
    author: audit.Author,
    workspace: Workspace,
    network: Network | None = None,
    *,
    figures: Figures | None = None,
    snapshot: Snapshot | None = None,
    on: dt.date | None = None,
) -> CheckResult:
    """Run every rule on ``network`` (None: the whole workspace) and bring its alerts up to
    date. ``figures`` (of the same scope and day) spares reading them again."""
    if network is not None and network.workspace_id != workspace.pk:
        raise ValidationError({"network": _("The network belongs to another workspace.")})
    facts = alert_facts(workspace, network, on=on, figures=figures)
    tripped = run_rules(facts, thresholds_for(workspace))
    now = timezone.now()
    result = CheckResult()
    with transaction.atomic():
        # One check of a workspace at a time: the worker's and a user's would open twins.
        Workspace.objects.select_for_update().filter(pk=workspace.pk).first()
        existing = {
            (alert.rule, alert.subject): alert
            for alert in _scope(workspace, network).exclude(status=Alert.Status.CLEARED)
        }
        for found in tripped:
            alert = existing.pop((found.rule, found.subject), None)
            if alert is None:
                result.opened.append(_open(workspace, network, found, now, snapshot))
            else:
                alert.figures, alert.last_seen = found.figures, now
                alert.snapshot = snapshot or alert.snapshot
                alert.save(update_fields=["figures", "last_seen", "snapshot"])
                result.seen.append(alert)
        for alert in existing.values():
            alert.status, alert.cleared_at = Alert.Status.CLEARED, now
            alert.save(update_fields=["status", "cleared_at"])
            result.cleared.append(alert)
        if result.opened or result.cleared:
            _record_check(author, workspace, network, result)
    return result


def _record_check(
    author: audit.Author, workspace: Workspace, network: Network | None, result: CheckResult
) -> None:
    """One event a check that opened or cleared alerts (not one an alert: a check of every
    network would bury the home page's recent changes), naming each by rule and subject."""
    where = network.name if network is not None else workspace.name
    audit.record(
        author,
        AuditEvent.Action.ANALYZE,
        workspace=workspace,
        object_type=Alert._meta.label_lower,
        object_id=str(network.pk) if network is not None else "",
        object_repr=f"{where} (+{len(result.opened)} −{len(result.cleared)})",
        changes={
            "opened": [None, [[a.pk, a.rule, a.subject] for a in result.opened]],
            "cleared": [None, [[a.pk, a.rule, a.subject] for a in result.cleared]],
        },
    )


def _open(
    workspace: Workspace,
    network: Network | None,
    found: Tripped,
    now: dt.datetime,
    snapshot: Snapshot | None,
) -> Alert:
    return Alert.objects.create(
        workspace=workspace, network=network, rule=found.rule, subject=found.subject[:200],
        figures=found.figures, first_seen=now, last_seen=now, snapshot=snapshot,
    )  # fmt: skip


def alerts_check_workspace(author: audit.Author, workspace: Workspace) -> CheckResult:
    """The whole workspace and each of its networks, each in its own transaction."""
    result = alerts_check(author, workspace)
    for network in Network.objects.filter(workspace=workspace).order_by("pk"):
        result.add(alerts_check(author, workspace, network))
    return result


def alert_dismiss(author: audit.Author, alert: Alert, reason: str) -> Alert:
    """Keep an open alert quiet, with the reason (required): the home and network pages stop
    showing it; it stays on the alerts list, and clears as any other when the rule no longer
    trips."""
    reason = clean_text(str(reason or ""))
    if not reason:
        raise ValidationError({"reason": _("Say why the alert is dismissed.")})
    if len(reason) > REASON_LIMIT:
        raise ValidationError(
            {"reason": _("Keep it within %(limit)d characters.") % {"limit": REASON_LIMIT}}
        )
    with transaction.atomic():
        alert = Alert.objects.select_for_update().get(pk=alert.pk)
        if alert.status != Alert.Status.OPEN:
            raise ValidationError(
                {
                    "status": _("Only an open alert can be dismissed; this one is %(status)s.")
                    % {"status": alert.get_status_display()}
                }
            )
        alert.status, alert.dismissed_at = Alert.Status.DISMISSED, timezone.now()
        alert.dismissed_by, alert.dismissal_reason = author.label, reason
        alert.save(update_fields=["status", "dismissed_at", "dismissed_by", "dismissal_reason"])
        audit.record(
            author,
            AuditEvent.Action.UPDATE,
            alert,
            changes={
                "status": [Alert.Status.OPEN, Alert.Status.DISMISSED],
                "dismissal_reason": ["", reason],
            },
        )
    return alert


def alert_reopen(author: audit.Author, alert: Alert) -> Alert:
    """Take a dismissal back: the alert is open again (the reason stays in the audit trail)."""
    with transaction.atomic():
        alert = Alert.objects.select_for_update().get(pk=alert.pk)
        if alert.status != Alert.Status.DISMISSED:
            raise ValidationError({"status": _("Only a dismissed alert can be reopened.")})
        reason = alert.dismissal_reason
        alert.status, alert.dismissed_at = Alert.Status.OPEN, None
        alert.dismissed_by, alert.dismissal_reason = "", ""
        alert.save(update_fields=["status", "dismissed_at", "dismissed_by", "dismissal_reason"])
        audit.record(
            author,
            AuditEvent.Action.UPDATE,
            alert,
            changes={
                "status": [Alert.Status.DISMISSED, Alert.Status.OPEN],
                "dismissal_reason": [reason, ""],
            },
        )
    return alert


def monitoring_settings_set(
    author: audit.Author,
    workspace: Workspace,
    *,
    thresholds: dict[str, Any] | None = None,
    snapshot_every_months: int | None = None,
) -> MonitoringSettings:
    """Change some of the workspace's thresholds (codes of ``thresholds.THRESHOLDS``; the
    others keep their values) and how often snapshots are taken (0: only on demand). Only the
    values that differ from the defaults are kept, so a later change of a default reaches every
    workspace that never changed it."""
    errors: dict[str, Any] = {}
    own: dict[str, float] = {}
    with transaction.atomic():
        found, _created = MonitoringSettings.objects.select_for_update().get_or_create(
            workspace=workspace
        )
        if thresholds is not None:
            try:
                own = clean_thresholds({**thresholds_for(workspace), **thresholds})
            except ValidationError as error:
                errors.update(error.message_dict)
        months = found.snapshot_every_months
        if snapshot_every_months is not None:
            if not isinstance(snapshot_every_months, int) or not (
                0 <= snapshot_every_months <= SNAPSHOT_MONTHS_LIMIT
            ):
                errors["snapshot_every_months"] = _(
                    "Give a whole number of months from 0 to %(limit)d."
                ) % {"limit": SNAPSHOT_MONTHS_LIMIT}
            else:
                months = snapshot_every_months
        if errors:
            raise ValidationError(errors)
        old = {"thresholds": found.thresholds, "snapshot_every_months": found.snapshot_every_months}
        new = {
            "thresholds": own if thresholds is not None else found.thresholds,
            "snapshot_every_months": months,
        }
        changes = audit.diff(old, new)
        if changes:
            found.thresholds, found.snapshot_every_months = new["thresholds"], months
            found.save()
            audit.record(author, AuditEvent.Action.UPDATE, found, changes=changes)
    return found
