from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phakhi.actors.models import Actor
from phakhi.core.models import Versioned, WorkspaceScoped, slug_validator
from phakhi.networks.models import Network


class Project(WorkspaceScoped, Versioned):
    """The agency's own project: the "us" of a stakeholder analysis."""

    slug = models.CharField(_("slug"), max_length=60, validators=[slug_validator])
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    network = models.ForeignKey(
        Network,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("network"),
    )
    # "โครงการเรา" of the worksheets can be a network, an actor (an agency, a person) or both.
    lead_actor = models.ForeignKey(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_projects",
        verbose_name=_("lead actor"),
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "slug"], name="project_slug_unique"),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(starts_on__lte=F("ends_on")),
                name="project_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ProjectTie(WorkspaceScoped):
    """A tie drawn on the project's map (worksheet 3): which project it was drawn for, by whom
    and when. The tie itself is an ordinary tie of the workspace, with origin "workshop"."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="drawn_ties", verbose_name=_("project")
    )
    tie = models.ForeignKey(
        "ties.Tie", on_delete=models.CASCADE, related_name="projects", verbose_name=_("tie")
    )
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("drawn by"),
    )
    drawn_at = models.DateTimeField(_("drawn at"), default=timezone.now)

    class Meta:
        verbose_name = _("tie drawn for a project")
        verbose_name_plural = _("ties drawn for projects")
        # The project implies the workspace, as a tie's source does.
        constraints = [
            models.UniqueConstraint(fields=["project", "tie"], name="project_tie_unique"),
        ]
        indexes = [models.Index(fields=["tie"])]

    def __str__(self) -> str:
        return f"{self.project}: {self.tie}"


class ProjectPlacement(WorkspaceScoped):
    """Where an actor sits on the project's drawn map, in the layout's own coordinates (those
    of the analysis run, before the map scales them), so that it stays where it was put."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="placements", verbose_name=_("project")
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="+", verbose_name=_("actor")
    )
    x = models.FloatField("x")
    y = models.FloatField("y")

    class Meta:
        verbose_name = _("place on a project's map")
        verbose_name_plural = _("places on projects' maps")
        constraints = [
            models.UniqueConstraint(fields=["project", "actor"], name="project_placement_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.actor} ({self.x:.1f}, {self.y:.1f})"
