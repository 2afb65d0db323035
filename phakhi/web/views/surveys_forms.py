"""Forms of a network survey's coordinator pages. They read what a person typed; the services
validate (the slug, the network, the items, the dates)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from phakhi.assessments.templates import TEMPLATES
from phakhi.core.dates import current_language
from phakhi.monitoring.survey_invitations import (
    CARDS_FOR,
    EVERYONE,
    MESSAGE_LIMIT,
    PENDING,
    REMINDER,
    UNINVITED,
)
from phakhi.networks.models import Network
from phakhi.web.forms import DateText


def item_value(template: str, item: str) -> str:
    """How a round stores a chosen item: "C7:1", "C14:1.a"."""
    return f"{template}:{item}"


def item_groups(chosen: list[str] | tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The self-assessment lists with their scored items, for the checkboxes of the form: each
    list's title and source, each item's value, words and whether it is chosen."""
    thai = current_language() == "th"
    picked = set(chosen)
    groups = []
    for code, template in TEMPLATES.items():
        items = [
            {
                "value": item_value(code, item.code),
                "code": item.code,
                "text": item.thai if thai else str(item.english),
                "checked": item_value(code, item.code) in picked,
            }
            for item in template.scored_items()
        ]
        groups.append(
            {
                "code": code,
                "title": template.thai if thai else str(template.english),
                "thai": "" if thai else template.thai,  # the source's own title beside
                "source": template.source,
                "items": items,
                "chosen": sum(1 for item in items if item["checked"]),
            }
        )
    return groups


class SurveyFields(forms.Form):
    name = forms.CharField(label=_("Name of the survey round"), max_length=300)
    purpose = forms.CharField(
        label=_("Why we ask"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("shown to each respondent before they agree"),
    )
    audience = forms.CharField(
        label=_("Who will see the answers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("shown before they agree, e.g. the network's coordinators; others see totals"),
    )
    contact = forms.CharField(
        label=_("Whom to ask"),
        max_length=300,
        required=False,
        help_text=_("a name, phone or e-mail, for questions and withdrawals"),
    )
    closes_on = DateText(label=_("Planned closing date"), required=False)
    assessment_items = forms.MultipleChoiceField(
        label=_("Self-assessment items the members also score"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assessment_items"].choices = [  # type: ignore[attr-defined]
            (item_value(code, item.code), item_value(code, item.code))
            for code, template in TEMPLATES.items()
            for item in template.scored_items()
        ]

    def chosen_items(self) -> list[str]:
        if self.is_bound:
            return self.data.getlist("assessment_items") if hasattr(self.data, "getlist") else []
        return list(self.initial.get("assessment_items") or [])


class SurveyCreateForm(SurveyFields):
    field_order = ["network", "name", "slug", "purpose", "audience", "contact", "closes_on"]

    network = forms.ModelChoiceField(label=_("Network"), queryset=Network.objects.none())
    slug = forms.SlugField(
        label=_("Key"),
        max_length=60,
        help_text=_("letters, digits and hyphens, for links and the command line, e.g. 2569-1"),
    )

    def __init__(self, *args: Any, networks: list[Network], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["network"]
        field.queryset = Network.objects.filter(pk__in=[n.pk for n in networks])  # type: ignore[attr-defined]
        field.label_from_instance = lambda network: network.name  # type: ignore[attr-defined]


class SurveyChangeForm(SurveyFields):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)


class InviteForm(forms.Form):
    whom = forms.ChoiceField(
        label=_("Send to"),
        widget=forms.RadioSelect,
        choices=[
            (UNINVITED, _("members not invited yet")),
            (REMINDER, _("a reminder to everyone who has not answered")),
        ],
        initial=UNINVITED,
    )
    language = forms.ChoiceField(
        label=_("Language of the e-mail"),
        choices=[("th", "ไทย"), ("en", "English")],
        initial="th",
    )
    message = forms.CharField(
        label=_("A few words of your own (optional)"),
        required=False,
        max_length=MESSAGE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PrintForm(forms.Form):
    cards_for = forms.ChoiceField(
        label=_("Cards for"),
        widget=forms.RadioSelect,
        choices=[
            (PENDING, _("members who have not answered")),
            (EVERYONE, _("the whole roster")),
        ],
        initial=PENDING,
    )


assert {PENDING, EVERYONE} == set(CARDS_FOR)
