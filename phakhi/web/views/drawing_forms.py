"""The forms of the drawn map (worksheet 3): an actor added where it was put, a tie drawn
between two actors, a drawn tie changed or ended. The services check the values; these forms
only read what the page sends."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from phakhi.actors.models import Kind, Sector
from phakhi.ties.vocabulary import WORKSHOP_LEVELS
from phakhi.web.actor_picker import ActorPicker
from phakhi.web.forms import DateText

# จุดเชื่อม: a person (คน) or a group of people (กลุ่มคน), as the worksheet draws them; an
# organisation is a group on the worksheet, and may be added as one.
DRAWN_KINDS = (
    (Kind.PERSON.value, gettext_lazy("A person")),
    (Kind.GROUP.value, gettext_lazy("A group of people")),
    (Kind.ORGANIZATION.value, gettext_lazy("An organization")),
)


class MapActorForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"), choices=DRAWN_KINDS, widget=forms.RadioSelect
    )
    name = forms.CharField(label=gettext_lazy("Name"), max_length=300)
    sector = forms.ChoiceField(label=gettext_lazy("Sector"), required=False)
    # Where it was put, in the layout's coordinates (the script converts the map's).
    x = forms.FloatField(required=False, widget=forms.HiddenInput)
    y = forms.FloatField(required=False, widget=forms.HiddenInput)
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", "–"), *Sector.choices]  # type: ignore[attr-defined]


def _level_field() -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=gettext_lazy("How close"),
        choices=WORKSHOP_LEVELS,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose how close the tie is.")},
    )


class MapTieForm(forms.Form):
    """A tie drawn by dragging from one actor to another, or by naming both."""

    source = forms.CharField(
        label=gettext_lazy("From"), max_length=300, widget=ActorPicker(attrs={"id": "tie-source"})
    )
    target = forms.CharField(
        label=gettext_lazy("To"), max_length=300, widget=ActorPicker(attrs={"id": "tie-target"})
    )
    strength = _level_field()
    via = forms.CharField(
        label=gettext_lazy("Held through (a person)"),
        max_length=300,
        required=False,
        widget=ActorPicker(attrs={"id": "tie-via"}),
        help_text=gettext_lazy("Leave empty when they know each other directly."),
    )


class MapTieChangeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    strength = _level_field()
    via = forms.CharField(
        label=gettext_lazy("Held through (a person)"),
        max_length=300,
        required=False,
        widget=ActorPicker(),
        help_text=gettext_lazy("Leave empty when they know each other directly."),
    )


class MapTieEndForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    until = DateText(label=gettext_lazy("Ended on"))


class MapPlaceForm(forms.Form):
    x = forms.FloatField()
    y = forms.FloatField()
