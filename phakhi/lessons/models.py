"""Worksheet 2 (ใบงาน 2: เรียนรู้ประสบการณ์ และถอดบทเรียน): sessions that draw lessons from a
case, the prompts they answer, and each participant's answers — a library the whole workspace
searches."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phakhi.actors.models import Actor
from phakhi.core.models import Versioned, WorkspaceScoped
from phakhi.networks.models import Network
from phakhi.projects.models import Project


class LessonTag(WorkspaceScoped):
    """A word a lesson is filed under (ภาวะผู้นำ, การมีส่วนร่วม …), shared by the workspace."""

    name = models.CharField(_("name"), max_length=100)
    name_key = models.CharField(_("comparable name"), max_length=100, editable=False)
    sort_key = models.CharField(_("sort key"), max_length=100, editable=False, default="")

    class Meta:
        verbose_name = _("lesson tag")
        verbose_name_plural = _("lesson tags")
        ordering = ["sort_key", "id"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "name_key"], name="lesson_tag_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class LessonSession(WorkspaceScoped, Versioned):
    """One sitting that draws lessons from a case, for a project, a network, or both."""

    project = models.ForeignKey(
        Project,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lesson_sessions",
        verbose_name=_("project"),
    )
    network = models.ForeignKey(
        Network,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lesson_sessions",
        verbose_name=_("network"),
    )
    title = models.CharField(_("title"), max_length=300)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    case = models.TextField(_("case studied"), blank=True)
    tags = models.ManyToManyField(
        LessonTag, blank=True, related_name="sessions", verbose_name=_("tags")
    )
    # Thai dictionary order of the title (phakhi.core.thai.sort_key), and the title, case,
    # prompts and tags in the form searches compare (phakhi.core.thai.word_key).
    sort_key = models.CharField(_("sort key"), max_length=300, editable=False, default="")
    search_key = models.TextField(_("search text"), editable=False, default="")

    class Meta:
        verbose_name = _("lessons session")
        verbose_name_plural = _("lessons sessions")
        ordering = ["sort_key", "id"]
        indexes = [
            models.Index(fields=["workspace", "sort_key"], name="lesson_session_order"),
            models.Index(fields=["project", "held_on"], name="lesson_session_project"),
            models.Index(fields=["network", "held_on"], name="lesson_session_network"),
        ]

    def __str__(self) -> str:
        return self.title


class LessonPrompt(WorkspaceScoped, Versioned):
    """A point to draw lessons on (ประเด็นการถอดบทเรียน), in the order the session asks them."""

    session = models.ForeignKey(
        LessonSession, on_delete=models.CASCADE, related_name="prompts", verbose_name=_("session")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    text = models.TextField(_("prompt"))

    class Meta:
        verbose_name = _("lessons prompt")
        verbose_name_plural = _("lessons prompts")
        ordering = ["session", "position", "id"]
        indexes = [models.Index(fields=["workspace", "session"], name="lesson_prompt_session")]

    def __str__(self) -> str:
        return self.text[:80]


class LessonAnswer(WorkspaceScoped, Versioned):
    """What one participant answered to one prompt."""

    session = models.ForeignKey(
        LessonSession, on_delete=models.CASCADE, related_name="answers", verbose_name=_("session")
    )
    prompt = models.ForeignKey(
        LessonPrompt, on_delete=models.PROTECT, related_name="answers", verbose_name=_("prompt")
    )
    participant = models.CharField(_("participant"), max_length=200, blank=True)
    actor = models.ForeignKey(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lesson_answers",
        verbose_name=_("actor"),
    )
    text = models.TextField(_("answer"))
    tags = models.ManyToManyField(
        LessonTag, blank=True, related_name="answers", verbose_name=_("tags")
    )
    search_key = models.TextField(_("search text"), editable=False, default="")

    class Meta:
        verbose_name = _("lessons answer")
        verbose_name_plural = _("lessons answers")
        ordering = ["session", "prompt__position", "id"]
        indexes = [models.Index(fields=["workspace", "session"], name="lesson_answer_session")]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="lesson_answer_not_empty"),
        ]

    def __str__(self) -> str:
        return self.text[:80]
