"""Forms of the respondent's pages: one card per partner chosen (level, how often, what flows,
trust and value 1–4) and the round's self-assessment items with the comment. The services
validate again; the forms give each field its own message on the page."""

from collections.abc import Sequence
from typing import Any, NamedTuple

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from phakhi.assessments.checklists import SCALE
from phakhi.monitoring.models.surveys import Flow, Frequency
from phakhi.monitoring.survey_responses import COMMENT_LIMIT
from phakhi.monitoring.vocabulary import LEVELS, RATING_SCALE, TRUST, VALUE

RATING_FIELDS = tuple(dimension.field for dimension in (*TRUST, *VALUE))
# "" is "I cannot say": a rating left out counts in no mean.
CANNOT_SAY = ("", pgettext_lazy("survey rating scale", "can't say"))


class Option(NamedTuple):
    id: str
    value: str
    label: str
    checked: bool


class FieldView(NamedTuple):
    """A choice field as the cards draw it, by hand: Django's widgets render each of a card's
    forty boxes through a template of its own, which made a page of eight cards take 200 ms."""

    name: str
    label: str
    question: str
    options: list[Option]


def field_view(bound: forms.BoundField) -> FieldView:
    current = bound.value()
    values = current if isinstance(current, list | tuple) else [current]
    # As Django's widgets: an empty value checks the "" choice (can't say, no answer).
    checked = {"" if value is None else str(value) for value in values}
    field: Any = bound.field
    options = [
        Option(f"{bound.auto_id}_{n}", str(value), str(label), str(value) in checked)
        for n, (value, label) in enumerate(field.choices)
    ]
    return FieldView(bound.html_name, str(bound.label), str(field.help_text), options)


def _rating_field(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[*((str(n), words) for n, words in RATING_SCALE), CANNOT_SAY],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


class PartnerForm(forms.Form):
    """What a respondent says about one partner; the form's prefix is the partner's id."""

    level = forms.TypedChoiceField(
        label=_("How closely do you work together?"),
        choices=[(str(n), words) for n, words in LEVELS],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how closely you work together.")},
    )
    frequency = forms.ChoiceField(
        label=_("How often?"),
        choices=Frequency.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    flows = forms.MultipleChoiceField(
        label=_("What passes between you?"),
        choices=Flow.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for dimension in (*TRUST, *VALUE):
            self.fields[dimension.field] = _rating_field(dimension.label)
            self.fields[dimension.field].help_text = dimension.question

    def view(self) -> dict[str, Any]:
        return {
            "level": field_view(self["level"]),
            "frequency": field_view(self["frequency"]),
            "flows": field_view(self["flows"]),
            "trust": [field_view(self[dimension.field]) for dimension in TRUST],
            "value": [field_view(self[dimension.field]) for dimension in VALUE],
        }


def report_initial(report: Any) -> dict[str, Any]:
    """A card's answers as the respondent gave them before (a PartnerReport)."""
    initial = {"level": str(report.level), "frequency": report.frequency, "flows": report.flows}
    for name in RATING_FIELDS:
        value = getattr(report, name)
        initial[name] = "" if value is None else str(value)
    return initial


class ItemsForm(forms.Form):
    """The round's self-assessment items, 1–5 each (or no answer), and an open comment."""

    comment = forms.CharField(
        label=_("Anything else you would like to tell the network?"),
        required=False,
        max_length=COMMENT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, items: Sequence[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in items:
            self.fields[item.field_name] = forms.TypedChoiceField(
                label=item.text,
                choices=[
                    *((str(n), words) for n, words, _explained in SCALE),
                    ("", pgettext_lazy("self-assessment score", "no answer")),
                ],
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )

    def item_fields(self) -> list[tuple[Any, FieldView, Any]]:
        return [
            (item, field_view(self[item.field_name]), self[item.field_name].errors)
            for item in self.items
        ]
