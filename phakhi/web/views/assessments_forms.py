"""Forms of the self-assessment pages. They read what a person typed; the services validate."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from phakhi.assessments.models import SelfAssessment
from phakhi.assessments.templates import template_groups
from phakhi.core.dates import current_language
from phakhi.networks.models import Network
from phakhi.web.forms import DateText


def template_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The lists in the pages' groups (network strength; OPDC's award), each with its source."""
    thai = current_language() == "th"
    return [
        (
            str(title),
            [(t.code, f"{t.thai if thai else t.english} ({t.source})") for t in templates],
        )
        for _code, title, templates in template_groups()
    ]


class AssessmentFields(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("empty: “Self-assessment of …” with the network and the date"),
    )
    held_on = DateText(label=_("Date of the self-assessment"))
    network = forms.ModelChoiceField(
        label=_("Network"),
        queryset=Network.objects.none(),
        required=False,
        empty_label=_("The whole agency (for the award)"),
    )
    answered_by = forms.ChoiceField(
        label=_("Answered by"), choices=SelfAssessment.AnsweredBy.choices
    )
    respondents = forms.CharField(
        label=_("Who took part"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("names, positions or how many people"),
    )

    def __init__(self, *args: Any, networks: list[Network], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["network"]
        field.queryset = Network.objects.filter(pk__in=[n.pk for n in networks])  # type: ignore[attr-defined]
        field.label_from_instance = lambda network: network.name  # type: ignore[attr-defined]


class AssessmentCreateForm(AssessmentFields):
    field_order = ["templates", "held_on", "network", "answered_by", "respondents", "title"]

    templates = forms.MultipleChoiceField(
        label=_("Lists to assess"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "OPDC's award asks about its two lists; assess them together. The network-strength "
            "lists may be assessed with them or on their own."
        ),
    )
    copy_previous = forms.BooleanField(
        label=_("Start from the previous assessment's scores, notes and evidence"),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["templates"].choices = template_choices()  # type: ignore[attr-defined]


class AssessmentChangeForm(AssessmentFields):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)


class AnswerForm(forms.Form):
    score = forms.TypedChoiceField(
        choices=[("", "")] + [(str(n), str(n)) for n in range(1, 6)],
        coerce=int,
        empty_value=None,
        required=False,
    )
    notes = forms.CharField(required=False, max_length=10_000)
    version = forms.IntegerField(min_value=1, required=False)


class LinkForm(forms.Form):
    url = forms.CharField(label=_("Web address"), max_length=1000)
    label = forms.CharField(label=_("Name"), max_length=300, required=False)


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("Document"))
    label = forms.CharField(label=_("Name"), max_length=300, required=False)
