from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phakhi.actors.models import Actor, Kind, Sector
from phakhi.core.models import Versioned, WorkspaceScoped
from phakhi.projects.models import Project
from phakhi.stakeholders.vocabulary import GROUP_FIELDS


class Level(models.TextChoices):
    """มาก / น้อย on one axis of the influence × interest grid; blank while not placed."""

    HIGH = "high", _("high")
    LOW = "low", _("low")


SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class Assessment(WorkspaceScoped, Versioned):
    """A dated stakeholder analysis of a project (ใบงาน 1); a new one starts as a copy of the
    last, so the grid can show how each stakeholder moved since."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("project")
    )
    held_on = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200, blank=True)
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("copied from"),
    )

    class Meta:
        verbose_name = _("stakeholder assessment")
        verbose_name_plural = _("stakeholder assessments")
        ordering = ["-held_on", "-id"]
        indexes = [
            models.Index(fields=["workspace", "project", "-held_on"], name="assessment_of_project")
        ]

    def __str__(self) -> str:
        return self.title or f"{self.project} {self.held_on.isoformat()}"


class Stakeholder(WorkspaceScoped, Versioned):
    """A stakeholder of one assessment: an actor of the directory, or a name not (yet) in it,
    with the worksheet's groups, its place on the grid and the analysis card."""

    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.CASCADE,
        related_name="stakeholders",
        verbose_name=_("assessment"),
    )
    actor = models.ForeignKey(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stakeholder_entries",
        verbose_name=_("actor"),
    )
    name = models.CharField(_("name"), max_length=300)
    # phakhi.core.thai: the comparable name (one per assessment) and the Thai dictionary order.
    name_key = models.CharField(_("comparable name"), max_length=300, editable=False)
    sort_key = models.CharField(_("sort key"), max_length=300, editable=False, default="")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    subsector = models.CharField(_("subsector"), max_length=100, blank=True)

    influences_us = models.BooleanField(_("influences our project"), default=False)
    affected_by_us = models.BooleanField(_("affected by our project"), default=False)
    interested_in_outcome = models.BooleanField(
        _("interested in the project's success or failure"), default=False
    )

    influence = models.CharField(_("influence"), max_length=4, choices=Level.choices, blank=True)
    interest = models.CharField(_("interest"), max_length=4, choices=Level.choices, blank=True)
    influence_score = models.PositiveSmallIntegerField(
        _("influence score"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    interest_score = models.PositiveSmallIntegerField(
        _("interest score"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    priority = models.PositiveIntegerField(
        _("priority"), null=True, blank=True, validators=[MinValueValidator(1)]
    )

    contact_person = models.CharField(_("contact person"), max_length=300, blank=True)
    impact = models.TextField(_("impact"), blank=True)
    influence_how = models.TextField(_("how they influence us"), blank=True)
    what_matters = models.TextField(_("what matters to them"), blank=True)
    can_help = models.TextField(_("how they can help"), blank=True)
    may_obstruct = models.TextField(_("how they may obstruct"), blank=True)
    how_to_reach = models.TextField(_("how to reach them"), blank=True)

    # Screening as a candidate partner (F 46): None while the question is not answered.
    lives_with_problem = models.BooleanField(_("lives with the problem"), null=True, blank=True)
    knows_problem = models.BooleanField(_("knows and understands it"), null=True, blank=True)
    voices_need = models.BooleanField(_("expresses the need"), null=True, blank=True)
    visibly_committed = models.BooleanField(_("visibly committed"), null=True, blank=True)
    host_who = models.TextField(_("who hosts the issue"), blank=True)
    host_how_far = models.TextField(_("how far they can go"), blank=True)
    host_support = models.TextField(_("how we support them"), blank=True)

    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("in the previous assessment"),
    )

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["sort_key", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "assessment", "name_key"],
                name="stakeholder_name_once_in_assessment",
            ),
            models.UniqueConstraint(
                fields=["assessment", "actor"],
                condition=Q(actor__isnull=False),
                name="stakeholder_actor_once_in_assessment",
            ),
            models.CheckConstraint(condition=~Q(name=""), name="stakeholder_name_not_empty"),
            models.CheckConstraint(
                condition=Q(kind__in=[*Kind.values, ""]), name="stakeholder_kind_in_vocabulary"
            ),
            models.CheckConstraint(
                condition=Q(sector__in=[*Sector.values, ""]),
                name="stakeholder_sector_in_vocabulary",
            ),
            models.CheckConstraint(
                condition=Q(influence__in=[*Level.values, ""])
                & Q(interest__in=[*Level.values, ""]),
                name="stakeholder_levels_in_vocabulary",
            ),
            models.CheckConstraint(
                condition=(Q(influence_score__isnull=True) | Q(influence_score__range=(1, 5)))
                & (Q(interest_score__isnull=True) | Q(interest_score__range=(1, 5))),
                name="stakeholder_scores_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(priority__isnull=True) | Q(priority__gte=1),
                name="stakeholder_priority_positive",
            ),
        ]
        indexes = [
            models.Index(fields=["workspace", "actor"], name="stakeholder_of_actor"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def groups(self) -> list[str]:
        return [field for field in GROUP_FIELDS if getattr(self, field)]
