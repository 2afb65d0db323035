"""The network-health scorecard over time (ความเข้มแข็งของเครือข่าย): a :class:`Snapshot` keeps
the scorecard's figures of one network (or the whole workspace) on one date, with the traffic
light of each, so that a chart can show every figure over time."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phakhi.analysis.models import AnalysisRun
from phakhi.core.models import WorkspaceScoped
from phakhi.monitoring.models.surveys import Survey
from phakhi.networks.models import Network


class Snapshot(WorkspaceScoped):
    class Trigger(models.TextChoices):
        SCHEDULE = "schedule", _("on schedule")
        DEMAND = "demand", _("on demand")

    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="snapshots",
        verbose_name=_("network"),
        help_text=_("empty: the whole workspace"),
    )
    on = models.DateField(_("date"))
    taken_at = models.DateTimeField(_("taken at"))
    trigger = models.CharField(
        _("taken"), max_length=10, choices=Trigger.choices, default=Trigger.DEMAND
    )
    # "2026-12" for a scheduled snapshot: one a period, however many workers look for due ones.
    period = models.CharField(_("period"), max_length=10, blank=True)
    # {"structure": {"size": 120, "density": 0.04, …}, "activity": {…}, …}; None where unknown.
    figures = models.JSONField(_("figures"), default=dict)
    # {"density": "green", …}: each figure's traffic light when it was taken.
    lights = models.JSONField(_("traffic lights"), default=dict)
    run = models.ForeignKey(
        AnalysisRun,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("analysis run"),
    )
    survey = models.ForeignKey(
        Survey,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("network survey"),
    )
    requested_by = models.CharField(_("requested by"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("scorecard snapshot")
        verbose_name_plural = _("scorecard snapshots")
        ordering = ["-on", "-id"]
        indexes = [models.Index(fields=["workspace", "network", "on"], name="snapshot_of")]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "period"],
                condition=Q(trigger="schedule", network__isnull=True),
                name="snapshot_workspace_period_once",
            ),
            models.UniqueConstraint(
                fields=["network", "period"],
                condition=Q(trigger="schedule", network__isnull=False),
                name="snapshot_network_period_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.network or self.workspace} {self.on.isoformat()}"
