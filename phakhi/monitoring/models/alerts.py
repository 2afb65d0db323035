"""Risk alerts (สัญญาณเตือนความเสี่ยง) and the thresholds a workspace sets for them.

An :class:`Alert` is one rule tripped for one network (or the whole workspace), about one
``subject`` where the rule names one (the sector or organisation that holds too much, the only
leader); it stays one row while the condition lasts — seen again at each check — and is
``cleared`` when a check no longer trips it. Dismissing keeps it quiet with a reason."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from phakhi.core.models import Workspace, WorkspaceScoped
from phakhi.monitoring.models.snapshots import Snapshot
from phakhi.networks.models import Network


class Alert(WorkspaceScoped):
    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("alert status", "open")
        DISMISSED = "dismissed", pgettext_lazy("alert status", "dismissed")
        CLEARED = "cleared", pgettext_lazy("alert status", "cleared")

    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="alerts",
        verbose_name=_("network"),
    )
    rule = models.CharField(_("rule"), max_length=40)
    subject = models.CharField(_("about"), max_length=200, blank=True)
    figures = models.JSONField(_("figures"), default=dict)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    first_seen = models.DateTimeField(_("first seen"))
    last_seen = models.DateTimeField(_("last seen"))
    cleared_at = models.DateTimeField(_("cleared at"), null=True, blank=True)
    dismissed_at = models.DateTimeField(_("dismissed at"), null=True, blank=True)
    dismissed_by = models.CharField(_("dismissed by"), max_length=200, blank=True)
    dismissal_reason = models.TextField(_("reason for dismissing"), blank=True)
    snapshot = models.ForeignKey(
        Snapshot,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="alerts",
        verbose_name=_("snapshot"),
    )

    class Meta:
        verbose_name = _("risk alert")
        verbose_name_plural = _("risk alerts")
        ordering = ["-last_seen", "-id"]
        indexes = [
            models.Index(fields=["workspace", "status", "network"], name="alert_current"),
        ]

    def __str__(self) -> str:
        return f"{self.rule} {self.subject}".strip()


class MonitoringSettings(models.Model):
    """A workspace's own thresholds (``thresholds``: only the ones it changed; the rest are the
    documented defaults of ``phakhi.monitoring.thresholds``) and how often snapshots are taken."""

    workspace = models.OneToOneField(
        Workspace,
        on_delete=models.CASCADE,
        related_name="monitoring_settings",
        verbose_name=_("workspace"),
    )
    thresholds = models.JSONField(_("thresholds"), default=dict, blank=True)
    snapshot_every_months = models.PositiveSmallIntegerField(
        _("snapshot every (months)"), default=1, help_text=_("0: only on demand")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("monitoring settings")
        verbose_name_plural = _("monitoring settings")

    def __str__(self) -> str:
        return str(self.workspace)
