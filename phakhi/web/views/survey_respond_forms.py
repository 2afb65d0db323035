"""Forms of the respondent's pages: one card per partner chosen (level, how often, what flows,
trust and value 1–4) and the round's self-assessment items with the comment. The services
validate again; the forms give each field its own message on the page."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from phakhi.assessments.checklists import SCALE
from phakhi.monitoring.models.surveys import Flow, Frequency
from phakhi.monitoring.vocabulary import LEVELS, RATING_SCALE, TRUST, VALUE

RATING_FIELDS = tuple(dimension.field for dimension in (*TRUST, *VALUE))
# "" is "I cannot say": a rating left out counts in no mean.
CANNOT_SAY = ("", pgettext_lazy("survey rating scale", "can't say"))


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

    def trust_fields(self) -> list[forms.BoundField]:
        return [self[dimension.field] for dimension in TRUST]

    def value_fields(self) -> list[forms.BoundField]:
        return [self[dimension.field] for dimension in VALUE]


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
        max_length=4000,
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

    def item_fields(self) -> list[tuple[Any, forms.BoundField]]:
        return [(item, self[item.field_name]) for item in self.items]
