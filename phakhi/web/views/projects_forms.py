"""Forms of the projects pages. They read what the user typed; the services validate."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phakhi.networks.models import Network
from phakhi.web.actor_picker import ActorPicker
from phakhi.web.conflicts import VersionedForm
from phakhi.web.forms import DateText
from phakhi.web.views.networks_forms import SLUG_LENGTH, suggested_slug


class ProjectEditForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=300)
    description = forms.CharField(
        label=gettext_lazy("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    network = forms.TypedChoiceField(
        label=gettext_lazy("Lead network"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=gettext_lazy(
            "The network whose project this is: “us” in the worksheets. Its coordinators edit "
            "the project and its worksheets."
        ),
    )
    lead_actor = forms.CharField(
        label=gettext_lazy("Lead actor (key or name)"),
        max_length=300,
        required=False,
        widget=ActorPicker(),
        help_text=gettext_lazy(
            "The agency or person leading the project, if any: type part of the name or the "
            "key, then choose from the list."
        ),
    )
    starts_on = DateText(label=gettext_lazy("Starts"), required=False)
    ends_on = DateText(label=gettext_lazy("Ends"), required=False)

    def __init__(
        self, *args: Any, networks: list[Network], network_required: bool = False, **kwargs: Any
    ) -> None:
        """``networks``: the lead networks to offer; ``network_required`` for a coordinator
        limited to some networks, whose projects one of their networks leads."""
        super().__init__(*args, **kwargs)
        field = self.fields["network"]
        assert isinstance(field, forms.TypedChoiceField)
        none = [] if network_required else [("", _("— none —"))]
        field.choices = [*none, *((n.pk, n.name) for n in networks)]
        field.required = network_required

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and starts > ends:
            self.add_error("ends_on", _("The end date must not be before the start date."))
        return data


class ProjectChangeForm(ProjectEditForm, VersionedForm):
    """Editing a project: it remembers the version and values it was opened with."""


class ProjectCreateForm(ProjectEditForm):
    slug = forms.CharField(
        label=gettext_lazy("Slug (short name in links)"),
        max_length=SLUG_LENGTH,
        required=False,
        help_text=gettext_lazy(
            "a–z, 0–9 and hyphens, e.g. organic-farming. Made from the name when the name is "
            "in Latin letters; needed for a name in Thai. It does not change later."
        ),
    )

    field_order = ["name", "slug", "description", "network", "lead_actor", "starts_on", "ends_on"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
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
