"""Forms of the networks pages. They read what the user typed; the services validate."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from phakhi.networks.models import Network, Role
from phakhi.web.actor_picker import ActorPicker
from phakhi.web.conflicts import VersionedForm
from phakhi.web.forms import DateText

SLUG_LENGTH = 60
_THAI = re.compile(r"[\u0E00-\u0E7F]")


def suggested_slug(name: str) -> str:
    """The slug made from a Latin name ("Khon Kaen Elders" → "khon-kaen-elders"); "" for a
    name in Thai, which the user gives a slug of their own."""
    if _THAI.search(name):
        return ""
    return slugify(name)[:SLUG_LENGTH].strip("-")


class NetworkEditForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=Network.Kind.choices)
    description = forms.CharField(
        label=gettext_lazy("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    vision = forms.CharField(
        label=gettext_lazy("Vision"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    goals = forms.CharField(
        label=gettext_lazy("Goals"),
        required=False,
        help_text=gettext_lazy("One goal a line."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class NetworkChangeForm(NetworkEditForm, VersionedForm):
    """Editing a network: it remembers the version and values it was opened with."""


class NetworkCreateForm(NetworkEditForm):
    slug = forms.CharField(
        label=gettext_lazy("Slug (short name in links)"),
        max_length=SLUG_LENGTH,
        required=False,
        help_text=gettext_lazy(
            "a–z, 0–9 and hyphens, e.g. elders-khon-kaen. Made from the name when the name is "
            "in Latin letters; needed for a name in Thai."
        ),
    )
    parent = forms.TypedChoiceField(
        label=gettext_lazy("Part of"), required=False, coerce=int, empty_value=None
    )

    field_order = ["name", "slug", "kind", "parent", "description", "vision", "goals"]

    def __init__(self, *args: Any, parents: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["parent"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", _("— none —")), *parents]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("slug") and data.get("name"):
            slug = suggested_slug(data["name"])
            if slug:
                data["slug"] = slug
            else:
                self.add_error(
                    "slug",
                    _("A name in Thai needs a slug: type one with a–z, 0–9 and hyphens."),
                )
        return data


class MemberChangeForm(VersionedForm):
    role = forms.ChoiceField(
        label=pgettext_lazy("a member's role in a network", "Role"), choices=Role.choices
    )
    since = DateText(label=gettext_lazy("Member since"), required=False)
    until = DateText(label=gettext_lazy("Member until"), required=False)


class MemberAddForm(forms.Form):
    actor = forms.CharField(
        label=gettext_lazy("Actor (key or name)"),
        max_length=300,
        widget=ActorPicker(),
        help_text=gettext_lazy("Type part of the name or the key, then choose from the list."),
    )
    role = forms.ChoiceField(
        label=pgettext_lazy("a member's role in a network", "Role"), choices=Role.choices
    )
    since = DateText(label=gettext_lazy("Member since"), required=False)


class MemberEndForm(forms.Form):
    until = DateText(label=gettext_lazy("Left on"))
