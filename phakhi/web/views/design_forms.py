"""Forms of a network's design page: goals, strategies and working groups. They read what the
user typed; the services validate."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phakhi.networks.models import Goal, Strategy
from phakhi.web.actor_picker import ActorPicker
from phakhi.web.conflicts import VersionedForm
from phakhi.web.forms import DateText
from phakhi.web.views.networks_forms import SLUG_LENGTH, suggested_slug

TEXT = {"rows": 3}


class GoalForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Goal"), max_length=300)
    target = forms.CharField(
        label=gettext_lazy("Target, in words"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=gettext_lazy("What is reached, by whom, by when, in words."),
    )
    measure = forms.CharField(
        label=gettext_lazy("Measure"),
        max_length=300,
        required=False,
        help_text=gettext_lazy("What is counted, e.g. subdistricts farming organically."),
    )
    target_value = forms.DecimalField(
        label=gettext_lazy("Target value"), required=False, max_digits=14, decimal_places=2
    )
    current_value = forms.DecimalField(
        label=gettext_lazy("Value reached so far"),
        required=False,
        max_digits=14,
        decimal_places=2,
    )
    due_on = DateText(label=gettext_lazy("Due"), required=False)


class GoalChangeForm(GoalForm, VersionedForm):
    pass


def _goal_choices(goals: list[Goal]) -> list[tuple[str, str]]:
    return [("", _("— no goal yet —")), *((str(goal.pk), goal.title) for goal in goals)]


class StrategyForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Strategy"), max_length=300)
    goal = forms.ChoiceField(label=gettext_lazy("Serves the goal"), required=False)
    description = forms.CharField(
        label=gettext_lazy("Description"), required=False, widget=forms.Textarea(attrs=TEXT)
    )

    def __init__(self, *args: Any, goals: list[Goal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.goals = {str(goal.pk): goal for goal in goals}
        self.fields["goal"].choices = _goal_choices(goals)  # type: ignore[attr-defined]

    def clean_goal(self) -> Goal | None:
        return self.goals.get(self.cleaned_data.get("goal") or "")


class StrategyChangeForm(StrategyForm, VersionedForm):
    pass


def _strategy_choices(strategies: list[Strategy]) -> list[tuple[str, str]]:
    return [("", _("— no strategy yet —")), *((str(s.pk), s.title) for s in strategies)]


class WorkingGroupForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Working group"), max_length=200)
    slug = forms.CharField(
        label=gettext_lazy("Slug (short name in links)"),
        max_length=SLUG_LENGTH,
        required=False,
        help_text=gettext_lazy("a–z, 0–9 and hyphens; needed for a name in Thai."),
    )
    strategy = forms.ChoiceField(label=gettext_lazy("Carries the strategy"), required=False)
    lead = forms.CharField(
        label=gettext_lazy("Lead (an actor of the directory)"),
        required=False,
        widget=ActorPicker(),
        help_text=gettext_lazy("Type a key or part of a name. Members are added on its page."),
    )
    description = forms.CharField(
        label=gettext_lazy("Description"), required=False, widget=forms.Textarea(attrs=TEXT)
    )

    def __init__(self, *args: Any, strategies: list[Strategy], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.strategies = {str(s.pk): s for s in strategies}
        self.fields["strategy"].choices = _strategy_choices(strategies)  # type: ignore[attr-defined]

    def clean_strategy(self) -> Strategy | None:
        return self.strategies.get(self.cleaned_data.get("strategy") or "")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("slug") and data.get("name"):
            slug = suggested_slug(data["name"])
            if slug:
                data["slug"] = slug
            else:
                self.add_error("slug", _("Give a slug: the name is in Thai."))
        return data


class GroupStrategyForm(forms.Form):
    strategy = forms.ChoiceField(label=gettext_lazy("Carries the strategy"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def __init__(self, *args: Any, strategies: list[Strategy], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.strategies = {str(s.pk): s for s in strategies}
        self.fields["strategy"].choices = _strategy_choices(strategies)  # type: ignore[attr-defined]

    def clean_strategy(self) -> Strategy | None:
        return self.strategies.get(self.cleaned_data.get("strategy") or "")
