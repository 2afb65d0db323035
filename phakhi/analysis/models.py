from django.db import models
from django.utils.translation import gettext_lazy as _

from phakhi.actors.models import Actor
from phakhi.core.models import WorkspaceScoped
from phakhi.networks.models import Network


class AnalysisRun(WorkspaceScoped):
    """One analysis of one scope at one date: its parameters, progress, timings and the
    per-network results; per-actor results are :class:`ActorResult` rows."""

    class Scope(models.TextChoices):
        WORKSPACE = "workspace", _("whole workspace")
        NETWORK = "network", _("one network")
        FILTER = "filter", _("filtered actors")
        EGO = "ego", _("ego network")

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    # Counted per workspace (1, 2, …): a workspace's runs never show how busy others are.
    number = models.PositiveIntegerField(_("number"))
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("network")
    )
    ego = models.ForeignKey(
        Actor, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
        verbose_name=_("ego actor"),
    )  # fmt: skip
    ego_radius = models.PositiveSmallIntegerField(_("ego radius"), null=True, blank=True)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    at = models.DateField(_("analysis date"))
    min_strength = models.PositiveSmallIntegerField(_("minimum strength"), default=1)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.FloatField(_("progress"), default=0.0)
    step = models.CharField(_("step"), max_length=40, blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.CharField(_("requested by"), max_length=200, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    timings = models.JSONField(_("timings (seconds)"), default=dict, blank=True)
    method = models.JSONField(_("method"), default=dict, blank=True)
    results = models.JSONField(_("network results"), default=dict, blank=True)
    communities = models.JSONField(_("communities"), default=list, blank=True)

    class Meta:
        verbose_name = _("analysis run")
        verbose_name_plural = _("analysis runs")
        indexes = [models.Index(fields=["workspace", "status", "-id"], name="run_latest")]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "number"], name="run_number_unique")
        ]

    def __str__(self) -> str:
        return f"#{self.number} {self.get_scope_display()} {self.at.isoformat()}"


class ActorResult(models.Model):
    """One actor's measures in one run (see docs/metrics.md); NULL where undefined."""

    run = models.ForeignKey(
        AnalysisRun, on_delete=models.CASCADE, related_name="actor_results", db_index=False
    )
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="+", db_index=False)
    degree = models.IntegerField()
    strength = models.FloatField()
    betweenness = models.FloatField()
    closeness = models.FloatField()
    harmonic = models.FloatField()
    eigenvector = models.FloatField()
    pagerank = models.FloatField()
    clustering = models.FloatField()
    core = models.IntegerField()
    constraint = models.FloatField(null=True)
    effective_size = models.FloatField(null=True)
    articulation = models.BooleanField()
    community = models.IntegerField(null=True)
    coordinator = models.IntegerField()
    itinerant = models.IntegerField()
    gatekeeper = models.IntegerField()
    representative = models.IntegerField()
    liaison = models.IntegerField()
    boundary = models.IntegerField()
    brokerage = models.IntegerField()
    x = models.FloatField(null=True)
    y = models.FloatField(null=True)

    class Meta:
        verbose_name = _("actor result")
        verbose_name_plural = _("actor results")
        constraints = [models.UniqueConstraint(fields=["run", "actor"], name="actor_result_unique")]
        indexes = [models.Index(fields=["actor", "-run"], name="actor_result_latest")]

    def __str__(self) -> str:
        return f"{self.actor_id} @ run {self.run_id}"
