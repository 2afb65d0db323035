"""Who may use a workspace and how: roles, invitations by e-mail and API tokens."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phakhi.core.models import Workspace
from phakhi.networks.models import Network


class Role(models.TextChoices):
    ADMIN = "admin", _("admin")
    COORDINATOR = "coordinator", _("coordinator")
    MEMBER = "member", _("member")
    VIEWER = "viewer", _("viewer")


class WorkspaceMember(models.Model):
    """A user's role in one workspace. A coordinator may be limited to some networks."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="workspace_roles",
        verbose_name=_("user"),
    )
    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="+", verbose_name=_("workspace")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    networks = models.ManyToManyField(
        Network,
        blank=True,
        related_name="+",
        verbose_name=_("networks"),
        help_text=_("a coordinator limited to these networks; none: all networks"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("workspace member")
        verbose_name_plural = _("workspace members")
        constraints = [
            models.UniqueConstraint(fields=["user", "workspace"], name="workspace_member_unique"),
            models.CheckConstraint(
                condition=Q(role__in=Role.values), name="workspace_member_role_valid"
            ),
        ]
        indexes = [models.Index(fields=["workspace", "role"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.workspace} ({self.get_role_display()})"


class ApiToken(models.Model):
    """A token for the REST API. Only its SHA-256 is stored; the token is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=8, help_text=_("the token's first letters"))
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class Invitation(models.Model):
    """An invitation by e-mail to join a workspace with a role; only the token's hash is kept."""

    workspace = models.ForeignKey(
        Workspace, on_delete=models.CASCADE, related_name="+", verbose_name=_("workspace")
    )
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    networks = models.ManyToManyField(
        Network, blank=True, related_name="+", verbose_name=_("networks")
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["workspace", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.email} → {self.workspace} ({self.get_role_display()})"
