"""Activities (กิจกรรม) and who took part in them (การเข้าร่วม).

An activity is a meeting, forum, training, visit… of the workspace, with the IAP2 level it planned
and the one it achieved (OPDC's five levels, S 22–27), the stage of work it served and the forms of
participation it offered (S 21–22), and — from the consultation level up — what ITA indicator o25
asks an agency to publish. Registered actors take part through :class:`Attendance`; the unregistered
public is counted by sector on the activity itself; a person who checks in at the door without
being in the directory leaves a :class:`Registration` a coordinator reviews."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from phakhi.actors.models import Actor, Sector
from phakhi.core.models import Versioned, WorkspaceScoped
from phakhi.networks.models import Network
from phakhi.projects.models import Project


class Kind(models.TextChoices):
    """The kinds of activity the sources name (L 22, S 24, F 21, W 479, W 197)."""

    MEETING = "meeting", pgettext_lazy("activity kind", "meeting")
    FORUM = "forum", pgettext_lazy("activity kind", "community forum")
    TRAINING = "training", pgettext_lazy("activity kind", "training")
    VISIT = "visit", pgettext_lazy("activity kind", "field visit")
    CAMPAIGN = "campaign", pgettext_lazy("activity kind", "campaign")
    HEARING = "hearing", pgettext_lazy("activity kind", "public hearing")
    SEMINAR = "seminar", pgettext_lazy("activity kind", "seminar")
    LESSONS = "lessons", pgettext_lazy("activity kind", "lessons learned")
    OTHER = "other", pgettext_lazy("activity kind", "other")


class Level(models.IntegerChoices):
    """The IAP2 spectrum as OPDC names its levels (S 22–27). Not the tie level มีส่วนร่วม."""

    INFORM = 1, pgettext_lazy("IAP2 level", "inform")
    CONSULT = 2, pgettext_lazy("IAP2 level", "consult")
    INVOLVE = 3, pgettext_lazy("IAP2 level", "involve")
    COLLABORATE = 4, pgettext_lazy("IAP2 level", "collaborate")
    EMPOWER = 5, pgettext_lazy("IAP2 level", "empower")


class Stage(models.TextChoices):
    """The stages of participatory governance (S 21)."""

    PLANNING = "planning", pgettext_lazy("participation stage", "planning")
    DECIDING = "deciding", pgettext_lazy("participation stage", "deciding")
    IMPLEMENTING = "implementing", pgettext_lazy("participation stage", "implementing")
    EVALUATING = "evaluating", pgettext_lazy("participation stage", "evaluating")


class Form(models.TextChoices):
    """The eight forms of public participation (S 21–22), from receiving information to sharing
    the benefits. An activity lists the forms it offered in ``Activity.forms``."""

    INFORMED = "informed", pgettext_lazy("participation form", "receiving information")
    VIEWS = "views", pgettext_lazy("participation form", "giving views")
    NEEDS = "needs", pgettext_lazy("participation form", "raising problems and needs")
    SOLUTIONS = "solutions", pgettext_lazy("participation form", "designing solutions")
    DECIDING = "deciding", pgettext_lazy("participation form", "deciding")
    IMPLEMENTING = "implementing", pgettext_lazy("participation form", "implementing")
    MONITORING = "monitoring", pgettext_lazy("participation form", "monitoring and evaluating")
    BENEFITS = "benefits", pgettext_lazy("participation form", "sharing the benefits")


class Activity(WorkspaceScoped, Versioned):
    key = models.CharField(
        _("key"), max_length=100, help_text=_("your own identifier, unique in the workspace")
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MEETING)
    starts_on = models.DateField(_("starts"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True, help_text=_("empty: same day"))
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    province_code = models.CharField(_("province"), max_length=2, blank=True)
    district_code = models.CharField(_("district"), max_length=4, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    networks = models.ManyToManyField(
        Network, blank=True, related_name="activities", verbose_name=_("networks")
    )
    project = models.ForeignKey(
        Project,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("project"),
    )
    description = models.TextField(_("description"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)

    iap2_planned = models.PositiveSmallIntegerField(
        _("IAP2 level planned"), choices=Level.choices, null=True, blank=True
    )
    iap2_achieved = models.PositiveSmallIntegerField(
        _("IAP2 level achieved"), choices=Level.choices, null=True, blank=True
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, blank=True)
    forms = models.JSONField(
        _("forms of participation"),
        default=list,
        blank=True,
        help_text=_("the codes of the forms offered, in the order of Form"),
    )

    # What ITA indicator o25 asks an agency to publish of a consultation or higher.
    o25_issue = models.TextField(_("issue consulted on"), blank=True)
    o25_participants = models.TextField(_("who took part (summary)"), blank=True)
    o25_results = models.TextField(_("results"), blank=True)
    o25_results_used = models.TextField(_("how the results were used"), blank=True)

    # The unregistered public, counted by sector (a large forum may record only these).
    public_civil = models.PositiveIntegerField(
        _("public: people, civil society, private"), default=0
    )
    public_academic = models.PositiveIntegerField(_("public: academic"), default=0)
    public_government = models.PositiveIntegerField(_("public: government"), default=0)
    public_unknown = models.PositiveIntegerField(_("public: sector not known"), default=0)
    satisfaction = models.DecimalField(
        _("satisfaction (1–5)"), max_digits=3, decimal_places=2, null=True, blank=True
    )

    # Check-in at the door: the code in the QR a phone opens; empty while check-in is closed.
    check_in_code = models.CharField(_("check-in code"), max_length=12, blank=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-starts_on", "-start_time", "key"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "key"], name="activity_key_unique"),
            models.UniqueConstraint(
                fields=["check_in_code"],
                condition=~Q(check_in_code=""),
                name="activity_check_in_code_unique",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(starts_on__lte=F("ends_on")),
                name="activity_dates_in_order",
            ),
            models.CheckConstraint(
                condition=(Q(iap2_planned__isnull=True) | Q(iap2_planned__range=(1, 5)))
                & (Q(iap2_achieved__isnull=True) | Q(iap2_achieved__range=(1, 5))),
                name="activity_iap2_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(satisfaction__isnull=True) | Q(satisfaction__range=(1, 5)),
                name="activity_satisfaction_1_to_5",
            ),
        ]
        indexes = [
            models.Index(fields=["workspace", "starts_on"]),
            models.Index(fields=["project", "starts_on"]),
        ]

    def __str__(self) -> str:
        return self.title


class Role(models.TextChoices):
    ORGANIZER = "organizer", pgettext_lazy("attendance role", "organizer")
    SPEAKER = "speaker", pgettext_lazy("attendance role", "speaker")
    PARTICIPANT = "participant", pgettext_lazy("attendance role", "participant")


class Attendance(WorkspaceScoped):
    """A registered actor's part in an activity: organiser, speaker (วิทยากร) or participant;
    ``checked_in_at`` is set when they arrived (at the door, by QR, or marked by a coordinator)."""

    class Source(models.TextChoices):
        REGISTERED = "registered", _("registered by a coordinator")
        CHECK_IN = "check_in", _("checked in at the door")
        WALK_IN = "walk_in", _("registered at the door, reviewed")
        IMPORT = "import", _("imported")

    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("activity"),
        db_index=False,
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("actor")
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT
    )
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.REGISTERED
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            # Leading with the activity makes this the activity's index too.
            models.UniqueConstraint(fields=["activity", "actor"], name="attendance_unique"),
        ]
        indexes = [models.Index(fields=["workspace", "actor"])]

    def __str__(self) -> str:
        return f"{self.actor} @ {self.activity}"


class Registration(WorkspaceScoped):
    """Someone who checked in at the door without finding their name: what they typed, kept
    apart from the directory until a coordinator accepts it as a new actor, links it to an
    existing one (a duplicate), or rejects it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        ACCEPTED = "accepted", _("added as a new actor")
        LINKED = "linked", _("linked to an existing actor")
        REJECTED = "rejected", _("rejected")

    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("activity"),
        db_index=False,
    )
    name = models.CharField(_("name"), max_length=300)
    name_key = models.CharField(_("comparable name"), max_length=300, editable=False)
    organization_name = models.CharField(_("organisation"), max_length=300, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    email = models.CharField(_("e-mail"), max_length=254, blank=True)
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT
    )
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    actor = models.ForeignKey(
        Actor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("actor"),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    # A keyed hash of the network address it came from, to limit how many registrations one
    # address makes (phakhi.participation.registrations); cleared once reviewed.
    address = models.CharField(_("address (hashed)"), max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("registration at the door")
        verbose_name_plural = _("registrations at the door")
        indexes = [
            models.Index(fields=["activity", "status"]),
            models.Index(fields=["workspace", "status"], name="registration_pending"),
            models.Index(fields=["address", "registered_at"], name="registration_address"),
        ]

    def __str__(self) -> str:
        return self.name


class CoParticipationRule(models.Model):
    """A workspace's rule for co-participation ties: an activity with more registered
    participants than ``max_participants`` makes none (a 500-person forum does not mean that
    everyone knows everyone). A workspace without a row uses the default."""

    DEFAULT_MAX_PARTICIPANTS = 50

    workspace = models.OneToOneField(
        "core.Workspace",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("workspace"),
    )
    max_participants = models.PositiveIntegerField(
        _("largest activity that makes ties"), default=DEFAULT_MAX_PARTICIPANTS
    )

    class Meta:
        verbose_name = _("co-participation rule")
        verbose_name_plural = _("co-participation rules")

    def __str__(self) -> str:
        return str(self.max_participants)


class CalendarFeed(models.Model):
    """A user's private iCalendar address for one workspace's activities: whoever holds the
    token reads the feed without signing in, so it can be revoked (a new token)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
        verbose_name=_("user"),
    )
    workspace = models.ForeignKey(
        "core.Workspace", on_delete=models.CASCADE, related_name="+", verbose_name=_("workspace")
    )
    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_read_at = models.DateTimeField(_("last read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [
            models.UniqueConstraint(fields=["user", "workspace"], name="calendar_feed_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.workspace}"
