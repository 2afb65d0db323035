"""A live workshop (เวทีเชิงปฏิบัติการ): a session a facilitator opens on a project, the
participants who join it on their phones without an account, and what they contribute."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phakhi.actors.models import Kind, Sector
from phakhi.core.models import Versioned, WorkspaceScoped
from phakhi.projects.models import Project
from phakhi.stakeholders.models import Assessment, Level, Stakeholder
from phakhi.stakeholders.vocabulary import GROUP_FIELDS


class Step(models.IntegerChoices):
    """What the participants are asked to do now: the worksheet's three steps."""

    NAMES = 1, _("Name the stakeholders")
    GROUPS = 2, _("Sort them into groups")
    GRID = 3, _("Place them on the grid")


class WorkshopSession(WorkspaceScoped):
    project = models.ForeignKey(
        Project,
        on_delete=models.CASCADE,
        related_name="workshop_sessions",
        verbose_name=_("project"),
    )
    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.CASCADE,
        related_name="workshop_sessions",
        verbose_name=_("assessment"),
        help_text=_("the stakeholder analysis accepted contributions go into"),
    )
    code = models.CharField(_("join code"), max_length=8)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    step = models.PositiveSmallIntegerField(_("step"), choices=Step.choices, default=Step.NAMES)
    # Raised by every change anyone makes in the session: the projector and the phones ask
    # "changed since revision N?" and get an empty answer while nothing did.
    revision = models.PositiveIntegerField(_("revision"), default=0, editable=False)

    class Meta:
        verbose_name = _("live workshop session")
        verbose_name_plural = _("live workshop sessions")
        ordering = ["-opened_at", "-id"]
        indexes = [
            models.Index(fields=["workspace", "project", "-opened_at"], name="workshop_of_project")
        ]
        constraints = [
            # A code names one open session; a closed session's code may come back later.
            models.UniqueConstraint(
                fields=["code"], condition=Q(closed_at__isnull=True), name="workshop_open_code"
            ),
            models.CheckConstraint(condition=Q(step__gte=1, step__lte=3), name="workshop_step"),
        ]

    def __str__(self) -> str:
        return f"{self.project} · {self.code}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Participant(WorkspaceScoped):
    """Someone in the room, known by the name they typed; their phone holds ``token`` in a
    signed cookie."""

    session = models.ForeignKey(
        WorkshopSession,
        on_delete=models.CASCADE,
        related_name="participants",
        verbose_name=_("session"),
    )
    display_name = models.CharField(_("display name"), max_length=80)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)
    consent_shown = models.CharField(
        _("notice shown"),
        max_length=20,
        help_text=_("the version of the notice on what is kept that the participant was shown"),
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["joined_at", "id"]
        indexes = [models.Index(fields=["workspace", "session"], name="participant_of_session")]

    def __str__(self) -> str:
        return self.display_name


class Contribution(WorkspaceScoped, Versioned):
    """A stakeholder one participant named, with the groups and the place they gave it."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        MERGED = "merged", _("merged")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    session = models.ForeignKey(
        WorkshopSession,
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("session"),
        db_index=False,  # the (session, name_key) index leads with it
    )
    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="contributions",
        verbose_name=_("participant"),
        db_index=False,  # the (participant, created_at) index leads with it
    )
    name = models.CharField(_("name"), max_length=300)
    name_key = models.CharField(_("comparable name"), max_length=300, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    # The worksheet's three groups; a stakeholder may be in several.
    influences_us = models.BooleanField(_("influences our project"), default=False)
    affected_by_us = models.BooleanField(_("affected by our project"), default=False)
    interested_in_outcome = models.BooleanField(_("interested in the outcome"), default=False)
    influence = models.CharField(_("influence"), max_length=4, choices=Level.choices, blank=True)
    interest = models.CharField(_("interest"), max_length=4, choices=Level.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("merged into"),
    )
    stakeholder = models.ForeignKey(
        Stakeholder,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributions",
        verbose_name=_("stakeholder"),
    )

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["workspace", "session", "status"], name="contribution_status"),
            models.Index(fields=["session", "name_key"], name="contribution_name"),
            models.Index(fields=["participant", "created_at"], name="contribution_of_participant"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="merged") | Q(merged_into__isnull=False),
                name="contribution_merged_has_target",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def groups(self) -> list[str]:
        return [name for name in GROUP_FIELDS if getattr(self, name)]


class JoinFailure(models.Model):
    """A join code that matched no open session, by the address it came from (a keyed hash, not
    the address itself). It belongs to no workspace: the code named none."""

    address = models.CharField(_("address (hashed)"), max_length=64)
    at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("failed join")
        verbose_name_plural = _("failed joins")
        indexes = [models.Index(fields=["address", "at"], name="join_failure_address")]

    def __str__(self) -> str:
        return f"{self.address[:8]}… {self.at:%Y-%m-%d %H:%M}"
