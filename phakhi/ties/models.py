from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from phakhi.actors.models import Actor
from phakhi.core.models import Versioned, WorkspaceScoped


class Strength(models.IntegerChoices):
    """The collaboration continuum, from knowing each other to working as one."""

    NETWORKING = 1, _("networking (aware, exchange information)")
    COORDINATE = 2, _("coordinate")
    COOPERATE = 3, _("cooperate")
    COLLABORATE = 4, _("collaborate")


class Origin(models.TextChoices):
    MANUAL = "manual", _("entered by hand")
    IMPORT = "import", _("imported")
    SURVEY = "survey", _("network survey")
    ACTIVITY = "activity", _("joint activity")
    WORKSHOP = "workshop", _("workshop")


class Tie(WorkspaceScoped, Versioned):
    """A relationship between two actors. Undirected ties are stored with the lower actor id as
    ``source``, so A–B and B–A are the same row."""

    # Neighbourhood look-ups use tie_unique (source, …) and the (target, source) index.
    source = models.ForeignKey(
        Actor,
        on_delete=models.CASCADE,
        related_name="ties_out",
        verbose_name=_("from"),
        db_index=False,
    )
    target = models.ForeignKey(
        Actor,
        on_delete=models.CASCADE,
        related_name="ties_in",
        verbose_name=_("to"),
        db_index=False,
    )
    strength = models.PositiveSmallIntegerField(
        _("strength"), choices=Strength.choices, default=Strength.NETWORKING
    )
    kind = models.CharField(_("kind of tie"), max_length=100, blank=True)
    directed = models.BooleanField(_("directed"), default=False)
    via = models.ForeignKey(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ties_brokered",
        verbose_name=_("via"),
    )
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)
    origin = models.CharField(
        _("origin"), max_length=20, choices=Origin.choices, default=Origin.MANUAL
    )
    attributes = models.JSONField(_("other attributes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("tie")
        verbose_name_plural = _("ties")
        constraints = [
            # The source implies the workspace; leading with it makes this the source index.
            models.UniqueConstraint(
                fields=["source", "target", "kind", "directed"], name="tie_unique"
            ),
            models.CheckConstraint(condition=~Q(source=F("target")), name="tie_not_self"),
            models.CheckConstraint(
                condition=Q(directed=True) | Q(source__lt=F("target")),
                name="tie_undirected_ordered",
            ),
            models.CheckConstraint(
                condition=Q(strength__gte=1) & Q(strength__lte=4), name="tie_strength_1_to_4"
            ),
            models.CheckConstraint(
                condition=Q(since__isnull=True) | Q(until__isnull=True) | Q(since__lt=F("until")),
                name="tie_dates_in_order",
            ),
        ]
        indexes = [
            models.Index(fields=["target", "source"]),
            models.Index(fields=["workspace", "directed"]),
        ]

    def __str__(self) -> str:
        arrow = "→" if self.directed else "—"
        return f"{self.source} {arrow} {self.target}"
