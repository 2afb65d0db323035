"""Self-assessments (แบบประเมินตนเอง): one of the sources' checklists (``templates.py``)
answered on a date — each item scored 1–5 with notes and the evidence behind the score.

An assessment belongs to its workspace, the agency (an award application is the agency's), and
may be about one of its networks. It covers one or more lists (``templates``): OPDC's award asks
about participatory governance and network collaboration together, so a single dated sitting
scores both. Answers are made for every scored item when the assessment is created; an item not
yet scored (or not assessed on purpose) has no score."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phakhi.analysis.models import AnalysisRun
from phakhi.core.models import Versioned, WorkspaceScoped
from phakhi.networks.models import Network
from phakhi.participation.models import Activity


class SelfAssessment(WorkspaceScoped, Versioned):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        FINAL = "final", _("final")

    class AnsweredBy(models.TextChoices):
        COORDINATORS = "coordinators", _("the coordinators together")
        MEMBERS = "members", _("the network's members")
        WORKING_GROUP = "working-group", _("the agency's working group")
        SURVEY = "survey", _("a survey of the members")

    network = models.ForeignKey(
        Network,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="self_assessments",
        verbose_name=_("network"),
        help_text=_("empty: the agency's own assessment, of the whole workspace"),
    )
    templates = models.JSONField(
        _("lists"), default=list, help_text=_("the codes of the checklists it answers, in order")
    )
    title = models.CharField(_("title"), max_length=300)
    held_on = models.DateField(_("date"))
    answered_by = models.CharField(
        _("answered by"),
        max_length=20,
        choices=AnsweredBy.choices,
        default=AnsweredBy.COORDINATORS,
    )
    respondents = models.TextField(
        _("who took part"), blank=True, help_text=_("names, positions or how many")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    finalised_at = models.DateTimeField(_("finalised at"), null=True, blank=True)
    finalised_by = models.CharField(_("finalised by"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["-held_on", "-id"]
        indexes = [
            models.Index(fields=["workspace", "held_on"], name="self_assessment_date"),
            models.Index(fields=["network", "held_on"], name="self_assessment_network"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_final(self) -> bool:
        return self.status == self.Status.FINAL


class Answer(WorkspaceScoped, Versioned):
    """The score of one item of one list (``template``, ``item``: the codes of templates.py)."""

    assessment = models.ForeignKey(
        SelfAssessment,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("self-assessment"),
    )
    template = models.CharField(_("list"), max_length=60)
    item = models.CharField(_("item"), max_length=20)
    position = models.PositiveIntegerField(_("position"), default=0)
    score = models.PositiveSmallIntegerField(
        _("score"), null=True, blank=True, help_text=_("1–5; empty: not assessed")
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("self-assessment answer")
        verbose_name_plural = _("self-assessment answers")
        ordering = ["assessment", "position"]
        indexes = [models.Index(fields=["workspace", "assessment"], name="assessment_answer_of")]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "template", "item"], name="assessment_answer_unique"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__range=(1, 5)),
                name="assessment_answer_score_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.template} {self.item}"


class Evidence(WorkspaceScoped):
    """What backs a score: an activity, an analysis run, an uploaded document or a web address.
    ``label`` keeps what the evidence was called when it was linked (an activity's title and
    date, a run's number), so a deleted activity still reads as what it was."""

    class Kind(models.TextChoices):
        ACTIVITY = "activity", _("activity")
        RUN = "run", _("analysis run")
        DOCUMENT = "document", _("document")
        LINK = "link", _("web address")

    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("answer")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    activity = models.ForeignKey(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("activity"),
    )
    run = models.ForeignKey(
        AnalysisRun,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("analysis run"),
    )
    label = models.CharField(_("name"), max_length=300)
    url = models.URLField(_("web address"), max_length=1000, blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    file_size = models.PositiveBigIntegerField(_("file size"), default=0)
    stored_path = models.CharField(
        _("stored file"), max_length=500, blank=True, help_text=_("under the data folder")
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["answer", "id"]
        indexes = [models.Index(fields=["workspace", "answer"], name="assessment_evidence_of")]
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "activity"],
                condition=Q(activity__isnull=False),
                name="assessment_evidence_activity_once",
            ),
            models.UniqueConstraint(
                fields=["answer", "run"],
                condition=Q(run__isnull=False),
                name="assessment_evidence_run_once",
            ),
        ]

    def __str__(self) -> str:
        return self.label
