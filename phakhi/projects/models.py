from django.db import models
from django.db.models import F, Q
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
