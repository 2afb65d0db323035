from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

slug_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9-]*$",
    _("Use lower-case letters a–z, digits and hyphens, starting with a letter or digit."),
)


class Workspace(models.Model):
    """The tenant: one lead agency's data. Every other row belongs to exactly one workspace."""

    slug = models.CharField(_("slug"), max_length=60, unique=True, validators=[slug_validator])
    name = models.CharField(_("name"), max_length=200)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    personal_attributes = models.JSONField(
        _("personal attributes"),
        default=dict,
        blank=True,
        help_text=_(
            "Which extra columns are personal data besides the built-in list: "
            '{"added": [words], "not_personal": [column names]}; empty for the built-in '
            "list alone (phakhi.core.personal)."
        ),
    )

    class Meta:
        verbose_name = _("workspace")
        verbose_name_plural = _("workspaces")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.name


class WorkspaceScoped(models.Model):
    """A row of one workspace. Each model leads one of its own indexes or unique constraints
    with ``workspace``, so the foreign key needs no index of its own (one less per insert)."""

    workspace = models.ForeignKey(
        Workspace,
        on_delete=models.CASCADE,
        verbose_name=_("workspace"),
        related_name="+",
        db_index=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class Versioned(models.Model):
    """A row people edit: every write raises ``version`` by one (see ``phakhi.core.versions``),
    so an edit made from an older version can be checked against what changed since."""

    # The database default serves bulk inserts that name their columns (imports).
    version = models.PositiveIntegerField(_("version"), default=1, db_default=1, editable=False)

    class Meta:
        abstract = True


class AuditEvent(models.Model):
    """Who changed what, when, with the old and new values."""

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("updated")
        DELETE = "delete", _("deleted")
        IMPORT = "import", _("imported")
        ANALYZE = "analyze", _("analysed")

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("workspace")
    )
    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("user"),
    )
    by = models.CharField(_("by"), max_length=150, help_text=_("who or what made the change"))
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=60)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    batch = models.CharField(
        _("batch"), max_length=40, blank=True, help_text=_("the import or operation it was part of")
    )
    object_version = models.PositiveIntegerField(
        _("object version"),
        null=True,
        blank=True,
        help_text=_("the version of the object this change produced"),
    )

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["workspace", "-at"]),
            models.Index(fields=["object_type", "object_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.by} {self.action} {self.object_repr}"
