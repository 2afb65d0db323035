"""Forms of the participants' phone pages: the join code, joining, naming a stakeholder, and
reading a card's groups or quadrant from a post. The services check the values; these forms
only carry them and show what the services say."""

from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from phakhi.actors.models import Kind
from phakhi.stakeholders.vocabulary import GROUP_FIELDS, QUADRANT_BY_KEY, SECTOR_ROWS

# The worksheet's own three sectors (ประชาชน ประชาสังคม เอกชน / วิชาการ / ภาครัฐ).
SECTOR_CHOICES = [(key, label) for key, label, _thai in SECTOR_ROWS]


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Workshop code"),
        max_length=20,
        help_text=_("Six letters and digits, as on the projector"),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "inputmode": "text",
                "class": "live-code-input",
            }
        ),
    )


class JoinForm(forms.Form):
    display_name = forms.CharField(
        label=_("Your name"),
        max_length=80,
        help_text=_("A nickname is fine: it is how the facilitator sees your cards"),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    sector = forms.ChoiceField(
        label=_("Your sector"),
        choices=[("", _("Rather not say")), *SECTOR_CHOICES],
        required=False,
        widget=forms.RadioSelect,
    )


class CardForm(forms.Form):
    name = forms.CharField(
        label=_("Stakeholder"),
        max_length=300,
        help_text=_("A person, a group or an organization, e.g. นายก ทม., ผู้บริโภค"),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[("", _("Not sure")), *Kind.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=[("", _("Not sure")), *SECTOR_CHOICES],
        required=False,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def placement_of(post: QueryDict) -> dict[str, Any]:
    """What a card's form posted: the three groups (step 2, ``groups=1`` marks the form that
    carries them, so unticking all of them is read too) or a quadrant (step 3)."""
    changes: dict[str, Any] = {}
    if post.get("groups"):
        changes |= {field: field in post for field in GROUP_FIELDS}
    quadrant = post.get("quadrant", "")
    if quadrant == "none":
        changes |= {"influence": "", "interest": ""}
    elif quadrant in QUADRANT_BY_KEY:
        place = QUADRANT_BY_KEY[quadrant]
        changes |= {"influence": place.influence, "interest": place.interest}
    return changes
