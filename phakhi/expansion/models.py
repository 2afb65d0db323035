"""Worksheet 4 (ใบงาน Network 4): the cross-issue expansion plan of a project or a network.

A plan holds the shared vision and common benefit, then one row per group to reach: the
relationship today (read from the map, and as the people in the room wrote it), the
relationship wanted, what each side gains, the methods, who follows it up, by when, and
how far it got."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phakhi.actors.models import Actor
from phakhi.core.models import Versioned, WorkspaceScoped
from phakhi.networks.models import Network, Strategy
from phakhi.projects.models import Project


class ExpansionPlan(WorkspaceScoped, Versioned):
    """แผนการขยายเครือข่ายข้ามประเด็น: of exactly one project or one network."""

    project = models.ForeignKey(
        Project,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="expansion_plans",
        verbose_name=_("project"),
    )
    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="expansion_plans",
        verbose_name=_("network"),
    )
    title = models.CharField(_("title"), max_length=300)
    vision = models.TextField(_("shared vision"), blank=True)
    common_benefit = models.TextField(_("common benefit"), blank=True)

    class Meta:
        verbose_name = _("expansion plan")
        verbose_name_plural = _("expansion plans")
        ordering = ["title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(project__isnull=False) & Q(network__isnull=True))
                | (Q(project__isnull=True) & Q(network__isnull=False)),
                name="expansion_plan_of_project_or_network",
            ),
            models.UniqueConstraint(
                fields=["workspace", "project"],
                condition=Q(project__isnull=False),
                name="expansion_plan_one_per_project",
            ),
            models.UniqueConstraint(
                fields=["workspace", "network"],
                condition=Q(network__isnull=False),
                name="expansion_plan_one_per_network",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Status(models.TextChoices):
    PLANNED = "planned", _("planned")
    IN_PROGRESS = "in_progress", _("in progress")
    ACHIEVED = "achieved", _("achieved")
    DROPPED = "dropped", _("dropped")


class PlanRow(WorkspaceScoped, Versioned):
    """One group to reach. ``current_level``/``current_via_name`` are what the map said when
    the row was last read (0 no tie, 1–4 the tie levels; via: the broker's name), kept so the
    plan shows where it started; ``current_override`` is what the people in the room wrote
    ("หลวม ผ่านชาคริต"), kept as written."""

    plan = models.ForeignKey(
        ExpansionPlan, on_delete=models.CASCADE, related_name="rows", verbose_name=_("plan")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    target_actor = models.ForeignKey(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("target actor"),
    )
    target_network = models.ForeignKey(
        Network,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("target network"),
    )
    target_name = models.CharField(_("group"), max_length=300)
    current_level = models.PositiveSmallIntegerField(
        _("relationship on the map"), null=True, blank=True
    )
    current_via_name = models.CharField(_("through"), max_length=300, blank=True)
    current_override = models.CharField(_("relationship as written"), max_length=300, blank=True)
    new_level = models.PositiveSmallIntegerField(_("new relationship"))
    our_benefit = models.TextField(_("our benefit / exchange"), blank=True)
    their_benefit = models.TextField(_("their benefit"), blank=True)
    methods = models.JSONField(_("methods"), default=list, blank=True)
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner (user)"),
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    achieved_on = models.DateField(_("achieved on"), null=True, blank=True)
    strategy = models.ForeignKey(
        Strategy,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_rows",
        verbose_name=_("strategy"),
    )

    class Meta:
        verbose_name = _("plan row")
        verbose_name_plural = _("plan rows")
        ordering = ["plan", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(current_level__isnull=True) | Q(current_level__lte=4),
                name="plan_row_current_level_0_to_4",
            ),
            models.CheckConstraint(
                condition=Q(new_level__gte=1) & Q(new_level__lte=4),
                name="plan_row_new_level_1_to_4",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="plan_row_status_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["workspace", "status"]),
        ]

    def __str__(self) -> str:
        return self.target_name
