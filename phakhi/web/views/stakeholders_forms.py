"""Forms of worksheet 1's pages. They read what the user typed; the services
(``phakhi.stakeholders.services``) validate and name the field of each problem."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from phakhi.actors.models import Kind, Sector
from phakhi.stakeholders.models import Stakeholder
from phakhi.stakeholders.vocabulary import (
    CARD_COLUMNS,
    GROUPS,
    HOST_QUESTIONS,
    QUADRANTS,
    SCREENING_CRITERIA,
)
from phakhi.web.actor_picker import ActorPicker
from phakhi.web.conflicts import VersionedForm
from phakhi.web.forms import DateText

LEVEL_CHOICES = [
    ("", gettext_lazy("— not placed —")),
    ("high", gettext_lazy("high")),
    ("low", gettext_lazy("low")),
]
SCORE_CHOICES = [("", "–"), *((str(n), str(n)) for n in range(1, 6))]
ANSWER_CHOICES = [
    ("", gettext_lazy("not answered")),
    ("yes", gettext_lazy("yes")),
    ("no", gettext_lazy("no")),
]


class AssessmentForm(forms.Form):
    held_on = DateText(label=gettext_lazy("Date of the assessment"))
    title = forms.CharField(
        label=gettext_lazy("Title"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Optional, e.g. the workshop where it was made."),
    )


class AssessmentCreateForm(AssessmentForm):
    copy_last = forms.BooleanField(
        label=gettext_lazy("Start from a copy of the latest assessment"),
        required=False,
        initial=True,
        help_text=gettext_lazy(
            "Its stakeholders, groups, places on the grid and cards are copied, so the grid can "
            "show how each one moved since."
        ),
    )


class AssessmentChangeForm(AssessmentForm, VersionedForm):
    pass


def _text(label: Any, *, rows: int = 2, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=5000,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class StakeholderQuickForm(forms.Form):
    """Step 1 and 2's quick add: a name with its kind, sector and groups."""

    name = forms.CharField(label=gettext_lazy("Name"), max_length=300)
    kind = forms.ChoiceField(
        label=gettext_lazy("Person, group or organization"),
        required=False,
        choices=[("", "–"), *Kind.choices],
    )
    sector = forms.ChoiceField(
        label=gettext_lazy("Sector"), required=False, choices=[("", "–"), *Sector.choices]
    )
    groups = forms.MultipleChoiceField(
        label=gettext_lazy("Groups"),
        required=False,
        choices=[(group.field, group.label) for group in GROUPS],
        widget=forms.CheckboxSelectMultiple,
    )


class StakeholderForm(StakeholderQuickForm):
    """Every field of a stakeholder, in the worksheet's order: who, groups, the grid, the
    card, the screening as a candidate partner."""

    subsector = forms.CharField(label=gettext_lazy("Subsector"), max_length=100, required=False)
    priority = forms.IntegerField(
        label=gettext_lazy("Priority"),
        required=False,
        min_value=1,
        help_text=gettext_lazy("1 for the most important."),
    )
    influence = forms.ChoiceField(
        label=gettext_lazy("Influence"), required=False, choices=LEVEL_CHOICES
    )
    influence_score = forms.TypedChoiceField(
        label=gettext_lazy("Influence score (1–5)"),
        required=False,
        choices=SCORE_CHOICES,
        coerce=int,
        empty_value=None,
    )
    interest = forms.ChoiceField(
        label=gettext_lazy("Interest"), required=False, choices=LEVEL_CHOICES
    )
    interest_score = forms.TypedChoiceField(
        label=gettext_lazy("Interest score (1–5)"),
        required=False,
        choices=SCORE_CHOICES,
        coerce=int,
        empty_value=None,
    )
    contact_person = forms.CharField(
        label=gettext_lazy("Contact person"),
        max_length=300,
        required=False,
        help_text=gettext_lazy("A name and how to reach them, e.g. ป้อม 0879998888."),
    )
    impact = _text(
        gettext_lazy("Impact"), help_text=gettext_lazy("How does our project affect them?")
    )
    influence_how = _text(
        gettext_lazy("Influence"), help_text=gettext_lazy("How do they influence our project?")
    )
    what_matters = _text(gettext_lazy("What matters to them"))
    can_help = _text(gettext_lazy("How they can help the project"))
    may_obstruct = _text(gettext_lazy("How they may obstruct the project"))
    how_to_reach = _text(gettext_lazy("How to reach them"))
    lives_with_problem = forms.ChoiceField(required=False, choices=ANSWER_CHOICES)
    knows_problem = forms.ChoiceField(required=False, choices=ANSWER_CHOICES)
    voices_need = forms.ChoiceField(required=False, choices=ANSWER_CHOICES)
    visibly_committed = forms.ChoiceField(required=False, choices=ANSWER_CHOICES)
    host_who = _text("")
    host_how_far = _text("")
    host_support = _text("")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for column in CARD_COLUMNS:
            if column.field in self.fields and column.field != "name":
                self.fields[column.field].label = str(column.label)
        for item in (*SCREENING_CRITERIA, *HOST_QUESTIONS):
            self.fields[item.field].label = str(item.label)

    # The form's fieldsets, in the page's order.
    WHO = ("name", "kind", "sector", "subsector", "groups", "priority")
    GRID = ("influence", "influence_score", "interest", "interest_score")
    CARD = tuple(column.field for column in CARD_COLUMNS if column.field != "name")
    SCREENING = tuple(item.field for item in (*SCREENING_CRITERIA, *HOST_QUESTIONS))

    def fieldset(self, names: tuple[str, ...]) -> list[forms.BoundField]:
        return [self[name] for name in names]

    def service_values(self, names: list[str] | None = None) -> dict[str, Any]:
        """The cleaned values as ``stakeholder_add``/``stakeholder_update`` take them."""
        data = self.cleaned_data
        names = list(data) if names is None else names
        values: dict[str, Any] = {}
        for name in names:
            if name == "version":
                continue
            value = data.get(name)
            if name in ("lives_with_problem", "knows_problem", "voices_need", "visibly_committed"):
                value = {"yes": True, "no": False}.get(value or "")
            values[name] = value
        return values


class StakeholderChangeForm(StakeholderForm, VersionedForm):
    pass


def stakeholder_initial(stakeholder: Stakeholder) -> dict[str, Any]:
    """A stakeholder's values as the form shows them."""
    answers = {True: "yes", False: "no", None: ""}
    initial: dict[str, Any] = {
        name: getattr(stakeholder, name)
        for name in StakeholderForm.base_fields
        if name not in ("groups",) and hasattr(stakeholder, name)
    }
    initial["groups"] = stakeholder.groups
    for item in SCREENING_CRITERIA:
        initial[item.field] = answers[getattr(stakeholder, item.field)]
    for name in ("influence_score", "interest_score"):
        value = getattr(stakeholder, name)
        initial[name] = "" if value is None else str(value)
    return initial


class PlaceForm(forms.Form):
    """The keyboard's and the no-JavaScript way to put a card in a quadrant (and the drag's
    request): the quadrant, and optionally the scores of the cell it was dropped in."""

    quadrant = forms.ChoiceField(
        label=gettext_lazy("Move to"),
        choices=[(q.key, q.label) for q in QUADRANTS],
    )
    influence_score = forms.TypedChoiceField(
        required=False, choices=SCORE_CHOICES, coerce=int, empty_value=None
    )
    interest_score = forms.TypedChoiceField(
        required=False, choices=SCORE_CHOICES, coerce=int, empty_value=None
    )
    version = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


class DirectoryForm(forms.Form):
    """Link to an actor of the directory (a suggested duplicate or any other), or add a new
    one made from the stakeholder."""

    actor = forms.CharField(
        label=gettext_lazy("Another actor of the directory (key or name)"),
        max_length=300,
        required=False,
        widget=ActorPicker(),
    )
    key = forms.CharField(
        label=gettext_lazy("Key of the new actor"),
        max_length=100,
        required=False,
        help_text=gettext_lazy("Your own identifier; left empty, one is made up."),
    )
