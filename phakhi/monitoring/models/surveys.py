"""Network surveys (แบบสำรวจเครือข่าย), in the manner of PARTNER CPRM.

A :class:`Survey` is one round on one network; its roster is the network's members, each a
:class:`Respondent` with a private link (``token``) that works until the round closes. A
respondent who consents names partners among the other members — each a
:class:`PartnerReport` with the level, how often, what flows, and trust and value ratings 1–4 —
and may score the round's chosen self-assessment items (:class:`ItemScore`) and leave a comment.
Without consent nothing of theirs is kept; withdrawing removes what they reported."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from phakhi.actors.models import Actor
from phakhi.assessments.models import SelfAssessment
from phakhi.core.models import Versioned, WorkspaceScoped
from phakhi.networks.models import Network


class Frequency(models.TextChoices):
    """How often two members work together (PARTNER's scale; the sources speak of ties'
    ความถี่และช่วงเวลา, W 410–435, and of ต่อเนื่องสม่ำเสมอ / เป็นครั้งคราว, P 103)."""

    YEARLY = "yearly", pgettext_lazy("how often", "once a year or less")
    QUARTERLY = "quarterly", pgettext_lazy("how often", "about once every three months")
    MONTHLY = "monthly", pgettext_lazy("how often", "about once a month")
    WEEKLY = "weekly", pgettext_lazy("how often", "every week")
    DAILY = "daily", pgettext_lazy("how often", "every day")


class Flow(models.TextChoices):
    """What flows between two members (the kinds of tie of DESIGN.md)."""

    INFORMATION = "information", pgettext_lazy("survey flow", "information")
    RESOURCES = "resources", pgettext_lazy("survey flow", "resources")
    JOINT_ACTIVITY = "joint-activity", pgettext_lazy("survey flow", "joint activity")
    FUNDING = "funding", pgettext_lazy("survey flow", "funding")
    MENTORING = "mentoring", pgettext_lazy("survey flow", "mentoring")


class Survey(WorkspaceScoped, Versioned):
    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("survey status", "draft")
        OPEN = "open", pgettext_lazy("survey status", "open")
        CLOSED = "closed", pgettext_lazy("survey status", "closed")

    network = models.ForeignKey(
        Network, on_delete=models.PROTECT, related_name="surveys", verbose_name=_("network")
    )
    slug = models.SlugField(_("key"), max_length=60, allow_unicode=False)
    name = models.CharField(_("name"), max_length=300)
    purpose = models.TextField(
        _("why we ask"), blank=True, help_text=_("shown to each respondent before consent")
    )
    audience = models.TextField(
        _("who will see the answers"), blank=True, help_text=_("shown before consent")
    )
    contact = models.CharField(
        _("whom to ask"), max_length=300, blank=True, help_text=_("a name, phone or e-mail")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    closes_on = models.DateField(_("planned closing date"), null=True, blank=True)
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # "C7:1", "C14:1.a", … — items of assessments.templates the respondents also score.
    assessment_items = models.JSONField(_("self-assessment items"), default=list, blank=True)
    # Bumped whenever what the consent notice says changes; a consent records the version seen.
    notice_version = models.PositiveSmallIntegerField(_("notice version"), default=1)
    self_assessment = models.ForeignKey(
        SelfAssessment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("self-assessment made from the answers"),
    )

    class Meta:
        verbose_name = _("network survey")
        verbose_name_plural = _("network surveys")
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "slug"], name="survey_slug_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Respondent(WorkspaceScoped):
    """A member on a round's roster, with the private link's ``token`` and their response:
    consent (when, which notice), when submitted, the open comment, a withdrawal."""

    class Source(models.TextChoices):
        WEB = "web", _("answered on the web")
        IMPORT = "import", _("imported")

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="respondents", verbose_name=_("survey")
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="survey_respondents", verbose_name=_("actor")
    )
    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    invited_at = models.DateTimeField(_("invited by e-mail at"), null=True, blank=True)
    consented_at = models.DateTimeField(_("consented at"), null=True, blank=True)
    consent_notice = models.PositiveSmallIntegerField(_("notice version"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.WEB
    )

    class Meta:
        verbose_name = _("survey respondent")
        verbose_name_plural = _("survey respondents")
        constraints = [
            models.UniqueConstraint(fields=["survey", "actor"], name="respondent_unique"),
            models.CheckConstraint(
                condition=Q(submitted_at__isnull=True) | Q(consented_at__isnull=False),
                name="respondent_submitted_with_consent",
            ),
        ]
        indexes = [models.Index(fields=["actor"], name="respondent_actor")]

    def __str__(self) -> str:
        return f"{self.survey} · {self.actor}"


def _rating(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__range": (1, 4)}),
        name=f"partner_report_{name}_1_to_4",
    )


RATINGS = (
    "trust_openness", "trust_reliability", "trust_mission",
    "value_power", "value_resources", "value_involvement",
)  # fmt: skip


class PartnerReport(WorkspaceScoped):
    """One respondent's answer about one partner: we work together at ``level`` (the four tie
    levels), this often, these flows, and the partner's trust and value as the respondent sees
    them (1–4 each; empty where not rated)."""

    respondent = models.ForeignKey(
        Respondent, on_delete=models.CASCADE, related_name="reports", verbose_name=_("respondent")
    )
    partner = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="survey_reports", verbose_name=_("partner")
    )
    level = models.PositiveSmallIntegerField(_("level"))
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, blank=True
    )
    flows = models.JSONField(_("what flows"), default=list, blank=True)
    trust_openness = models.PositiveSmallIntegerField(
        _("openness to communication"), null=True, blank=True
    )
    trust_reliability = models.PositiveSmallIntegerField(_("reliability"), null=True, blank=True)
    trust_mission = models.PositiveSmallIntegerField(
        _("support for the shared mission"), null=True, blank=True
    )
    value_power = models.PositiveSmallIntegerField(_("power and influence"), null=True, blank=True)
    value_resources = models.PositiveSmallIntegerField(
        _("resources contributed"), null=True, blank=True
    )
    value_involvement = models.PositiveSmallIntegerField(
        _("level of involvement"), null=True, blank=True
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("partner report")
        verbose_name_plural = _("partner reports")
        constraints = [
            models.UniqueConstraint(fields=["respondent", "partner"], name="partner_report_unique"),
            models.CheckConstraint(
                condition=Q(level__range=(1, 4)), name="partner_report_level_1_to_4"
            ),
            *(_rating(name) for name in RATINGS),
        ]
        indexes = [models.Index(fields=["partner"], name="partner_report_partner")]

    def __str__(self) -> str:
        return f"{self.respondent} → {self.partner}"


class ItemScore(WorkspaceScoped):
    """A respondent's score (1–5, as the self-assessments) of one of the round's items."""

    respondent = models.ForeignKey(
        Respondent,
        on_delete=models.CASCADE,
        related_name="item_scores",
        verbose_name=_("respondent"),
    )
    template = models.CharField(_("list"), max_length=60)
    item = models.CharField(_("item"), max_length=20)
    score = models.PositiveSmallIntegerField(_("score"))
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("survey item score")
        verbose_name_plural = _("survey item scores")
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "template", "item"], name="item_score_unique"
            ),
            models.CheckConstraint(condition=Q(score__range=(1, 5)), name="item_score_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"{self.respondent} {self.template}:{self.item}"
