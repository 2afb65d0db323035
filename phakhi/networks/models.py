from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from phakhi.actors.models import Actor
from phakhi.core.models import Versioned, WorkspaceScoped, slug_validator


class Network(WorkspaceScoped, Versioned):
    class Kind(models.TextChoices):
        ISSUE = "issue", _("issue network")
        AREA = "area", _("area network")
        OTHER = "other", _("other")

    slug = models.CharField(_("slug"), max_length=60, validators=[slug_validator])
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    description = models.TextField(_("description"), blank=True)
    vision = models.TextField(_("vision"), blank=True)
    goals = models.TextField(_("goals"), blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    members = models.ManyToManyField(
        Actor, through="Membership", related_name="networks", verbose_name=_("members")
    )
    # Set on a working group: a sub-network (``parent``) that carries one of the parent's
    # strategies (the RE-AMP shape: goal → strategies → a working group for each).
    strategy = models.ForeignKey(
        "Strategy",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="working_groups",
        verbose_name=_("strategy"),
    )

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "slug"], name="network_slug_unique"),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="network_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    CORE_LEADER = "core_leader", _("core leader")
    COORDINATOR = "coordinator", _("coordinator")
    MENTOR = "mentor", _("mentor")
    MEMBER = "member", _("member")
    ALLY = "ally", _("ally")


class Membership(WorkspaceScoped, Versioned):
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("actor")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["network", "actor"], name="membership_unique"),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="membership_role_valid"),
            models.CheckConstraint(
                condition=Q(since__isnull=True) | Q(until__isnull=True) | Q(since__lt=F("until")),
                name="membership_dates_in_order",
            ),
        ]
        indexes = [
            models.Index(fields=["actor", "network"]),
            models.Index(fields=["workspace", "role"]),
        ]

    def __str__(self) -> str:
        return f"{self.actor} — {self.network} ({self.get_role_display()})"


class Goal(WorkspaceScoped, Versioned):
    """A goal of a network's design (เป้าหมาย), with a target that can be measured by a date."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="design_goals", verbose_name=_("network")
    )
    title = models.CharField(_("goal"), max_length=300)
    target = models.TextField(_("target"), blank=True)
    measure = models.CharField(_("measure"), max_length=300, blank=True)
    target_value = models.DecimalField(
        _("target value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    current_value = models.DecimalField(
        _("value reached"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["position", "id"]
        indexes = [
            models.Index(fields=["workspace", "network", "position"], name="goal_network_order")
        ]

    def __str__(self) -> str:
        return self.title


class Strategy(WorkspaceScoped, Versioned):
    """A way to reach a goal (ยุทธศาสตร์), carried by working groups and served by plan rows."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="strategies", verbose_name=_("network")
    )
    goal = models.ForeignKey(
        Goal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="strategies",
        verbose_name=_("goal"),
    )
    title = models.CharField(_("strategy"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        ordering = ["position", "id"]
        indexes = [
            models.Index(fields=["workspace", "network", "position"], name="strategy_network_order")
        ]

    def __str__(self) -> str:
        return self.title
