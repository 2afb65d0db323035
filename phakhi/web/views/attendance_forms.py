"""Forms of the attendance pages and of the phone at the door."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from phakhi.actors.models import Sector
from phakhi.networks.models import Network
from phakhi.participation.models import Role
from phakhi.web.actor_picker import ActorPicker


class AddForm(forms.Form):
    """Add one actor (the picker), several (one key or name a line), or the members of a
    network, with one role."""

    actor = forms.CharField(
        label=_("Actor"),
        required=False,
        max_length=300,
        widget=ActorPicker(),
        help_text=_("Type part of a name or a key and choose from the list."),
    )
    several = forms.CharField(
        label=_("Several at once"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One key or full name a line."),
    )
    network = forms.ModelChoiceField(
        label=_("Everyone in a network"),
        queryset=Network.objects.none(),
        required=False,
        empty_label=_("(none)"),
        help_text=_("Adds the network's members of today."),
    )
    role = forms.ChoiceField(
        label=_("Role in the activity"), choices=Role.choices, initial=Role.PARTICIPANT
    )

    def __init__(self, *args: Any, networks: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if networks is not None:
            self.fields["network"].queryset = networks  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not (cleaned.get("actor") or cleaned.get("several") or cleaned.get("network")):
            raise forms.ValidationError(_("Choose an actor, list several, or choose a network."))
        return cleaned


class CountsForm(forms.Form):
    """The unregistered public by sector, and the satisfaction score."""

    public_civil = forms.IntegerField(
        label=_("People, civil society, private"), min_value=0, initial=0
    )
    public_academic = forms.IntegerField(label=_("Academic"), min_value=0, initial=0)
    public_government = forms.IntegerField(label=_("Government"), min_value=0, initial=0)
    public_unknown = forms.IntegerField(label=_("Sector not known"), min_value=0, initial=0)
    satisfaction = forms.DecimalField(
        label=_("Satisfaction (1–5)"),
        min_value=1,
        max_value=5,
        decimal_places=2,
        required=False,
        help_text=_("The mean score of the satisfaction forms, if you collected them."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Your name"),
        max_length=100,
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "inputmode": "search"}
        ),
        help_text=_("Type at least two letters of your name or your organisation's."),
    )


class DoorCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "class": "live-code-input",
                "autocomplete": "off",
                "autocapitalize": "characters",
            }
        ),
        help_text=_("Six letters and digits, shown at the door."),
    )


class RegisterForm(forms.Form):
    """A person not on the list: what the door asks of them."""

    name = forms.CharField(label=_("Your name"), max_length=300)
    organization_name = forms.CharField(label=_("Organisation"), max_length=300, required=False)
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=[("", _("I am not sure")), *Sector.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    phone = forms.CharField(label=_("Phone (optional)"), max_length=100, required=False)
    email = forms.CharField(label=_("E-mail (optional)"), max_length=254, required=False)
