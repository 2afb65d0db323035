from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phakhi.core.models import Versioned, WorkspaceScoped


class Kind(models.TextChoices):
    PERSON = "person", _("person")
    GROUP = "group", _("group")
    ORGANIZATION = "organization", _("organization")


class Sector(models.TextChoices):
    """The three sectors (ไตรพลัง)."""

    CIVIL = "civil", _("people, civil society and private")
    ACADEMIC = "academic", _("academic")
    GOVERNMENT = "government", _("government")


class Tag(WorkspaceScoped):
    """An issue (ประเด็น) that actors work on."""

    name = models.CharField(_("name"), max_length=100)
    name_key = models.CharField(_("comparable name"), max_length=100, editable=False)

    class Meta:
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "name_key"], name="tag_unique_in_workspace"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Actor(WorkspaceScoped, Versioned):
    """A partner or stakeholder: a person, a group or an organization."""

    key = models.CharField(
        _("key"), max_length=100, help_text=_("your own identifier, unique in the workspace")
    )
    name = models.CharField(_("name"), max_length=300)
    # Collated "C" on PostgreSQL (migration 0003): a change of this field must keep it.
    name_key = models.CharField(_("comparable name"), max_length=300, editable=False)
    # ``phakhi.core.thai.sort_key`` of name_key: Thai dictionary order by code point. Collated
    # "C" on PostgreSQL (migration 0007), as name_key: a change of this field must keep it.
    sort_key = models.CharField(_("sort key"), max_length=300, editable=False, default="")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PERSON)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    subsector = models.CharField(_("subsector"), max_length=100, blank=True)
    province_code = models.CharField(_("province"), max_length=2, blank=True)
    district_code = models.CharField(_("district"), max_length=4, blank=True)
    subdistrict_code = models.CharField(_("subdistrict"), max_length=6, blank=True)
    organization = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organization"),
    )
    email = models.CharField(_("e-mail"), max_length=254, blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    line_id = models.CharField(_("LINE ID"), max_length=100, blank=True)
    tags = models.ManyToManyField(
        Tag, through="ActorTag", blank=True, related_name="actors", verbose_name=_("issues")
    )
    attributes = models.JSONField(
        _("other attributes"), default=dict, blank=True, help_text=_("columns kept from imports")
    )

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = ["sort_key", "id"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "key"], name="actor_key_unique"),
            models.CheckConstraint(condition=~Q(key=""), name="actor_key_not_empty"),
            models.CheckConstraint(condition=~Q(name=""), name="actor_name_not_empty"),
            models.CheckConstraint(
                condition=Q(kind__in=Kind.values), name="actor_kind_in_vocabulary"
            ),
            models.CheckConstraint(
                condition=Q(sector__in=[*Sector.values, ""]), name="actor_sector_in_vocabulary"
            ),
        ]
        indexes = [
            models.Index(fields=["workspace", "name_key"]),  # a prefix as a range of names
            models.Index(fields=["workspace", "sort_key"], name="actor_sort_key"),  # name order
            # With the ids (PostgreSQL; SQLite's indexes hold them anyway): the actors of a
            # sector or kind among those of an issue or a network, from the index alone.
            models.Index(
                fields=["workspace", "sector", "kind"], include=["id"], name="actor_sector_kind"
            ),
            models.Index(fields=["workspace", "province_code", "district_code"]),
            models.Index(fields=["workspace", "phone"]),
            models.Index(fields=["workspace", "email"]),
        ]

    def __str__(self) -> str:
        return self.name


class ActorTag(models.Model):
    # actortag_unique (actor, tag) and the (tag, actor) index serve both directions.
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, db_index=False)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, db_index=False)

    class Meta:
        verbose_name = _("actor issue")
        verbose_name_plural = _("actor issues")
        constraints = [
            models.UniqueConstraint(fields=["actor", "tag"], name="actortag_unique"),
        ]
        indexes = [models.Index(fields=["tag", "actor"])]

    def __str__(self) -> str:
        return f"{self.actor_id}:{self.tag_id}"
