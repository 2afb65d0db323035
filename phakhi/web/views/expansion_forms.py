"""Forms of the expansion plan pages (ใบงาน 4). They read what the user typed; the services
(phakhi.expansion.services) validate."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from phakhi.expansion.models import PlanRow, Status
from phakhi.expansion.vocabulary import METHOD_EXAMPLES, parse_methods
from phakhi.networks.models import Network, Strategy
from phakhi.ties.models import Strength
from phakhi.web.actor_picker import ActorPicker
from phakhi.web.conflicts import VersionedForm
from phakhi.web.forms import DateText

TEXTAREA = {"rows": 2}


class PlanForm(VersionedForm):
    title = forms.CharField(
        label=gettext_lazy("Our group"),
        max_length=300,
        help_text=gettext_lazy(
            "The header row of the worksheet: who “we” are, e.g. กลุ่มเกษตรอินทรีย์."
        ),
    )
    vision = forms.CharField(
        label=gettext_lazy("Shared vision"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("A vision for working together so that every group benefits."),
    )
    common_benefit = forms.CharField(
        label=gettext_lazy("Common benefit"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _level_choices() -> list[tuple[int, str]]:
    return [(value, f"{value} · {label}") for value, label in Strength.choices]


class RowForm(VersionedForm):
    """A plan row: who (an actor, a network or a name), the relationships, the benefits, the
    methods (the source's examples to tick, others one a line), who follows it up and by
    when."""

    target_actor = forms.CharField(
        label=gettext_lazy("Actor in the directory (key or name)"),
        max_length=300,
        required=False,
        widget=ActorPicker(),
        help_text=gettext_lazy(
            "So the map can tell how we are related. Leave empty for a name only."
        ),
    )
    target_network = forms.TypedChoiceField(
        label=gettext_lazy("or a network"), required=False, coerce=int, empty_value=None
    )
    target_name = forms.CharField(
        label=pgettext_lazy("expansion plan column", "Group"),
        max_length=300,
        required=False,
        help_text=gettext_lazy(
            "As written on the worksheet; the actor's or network's name if empty."
        ),
    )
    current_override = forms.CharField(
        label=gettext_lazy("Current relationship, as you see it"),
        max_length=300,
        required=False,
        help_text=gettext_lazy(
            "Only if it differs from the map's: e.g. หลวม, ประสานการทำงาน, or หลวม ผ่านชาคริต "
            "(loose, through Chakrit)."
        ),
    )
    new_level = forms.TypedChoiceField(
        label=gettext_lazy("New relationship"), coerce=int, choices=_level_choices
    )
    our_benefit = forms.CharField(
        label=gettext_lazy("Our benefit / exchange"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
    )
    their_benefit = forms.CharField(
        label=gettext_lazy("Their benefit"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    method_examples = forms.MultipleChoiceField(
        label=gettext_lazy("Methods"),
        required=False,
        choices=[(m, m) for m in METHOD_EXAMPLES],
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("The worksheet's examples; tick those you will use."),
    )
    other_methods = forms.CharField(
        label=gettext_lazy("Other methods, one a line"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    owner = forms.CharField(label=gettext_lazy("Who follows it up"), max_length=200, required=False)
    due_on = DateText(label=gettext_lazy("Due"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=Status.choices)
    strategy = forms.TypedChoiceField(
        label=gettext_lazy("Serves the strategy"), required=False, coerce=int, empty_value=None
    )

    def __init__(
        self, *args: Any, networks: list[Network], strategies: list[Strategy], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        none = [("", _("— none —"))]
        network = self.fields["target_network"]
        assert isinstance(network, forms.TypedChoiceField)
        network.choices = [*none, *((n.pk, n.name) for n in networks)]
        strategy = self.fields["strategy"]
        assert isinstance(strategy, forms.TypedChoiceField)
        if strategies:
            strategy.choices = [*none, *((s.pk, s.title) for s in strategies)]
        else:
            del self.fields["strategy"]

    @property
    def methods(self) -> list[str]:
        """The ticked examples in the worksheet's order, then the other methods."""
        data = self.cleaned_data
        return parse_methods(
            [*data.get("method_examples", []), *parse_methods(data.get("other_methods", ""))]
        )


def row_initial(row: PlanRow | None) -> dict[str, Any]:
    """The form's values for a row (a new row: planned, the tie level 3)."""
    if row is None:
        return {"new_level": 3, "status": Status.PLANNED}
    examples = [m for m in row.methods if m in METHOD_EXAMPLES]
    return {
        "target_actor": row.target_actor.key if row.target_actor else "",
        "target_network": row.target_network_id,
        "target_name": row.target_name,
        "current_override": row.current_override,
        "new_level": row.new_level,
        "our_benefit": row.our_benefit,
        "their_benefit": row.their_benefit,
        "method_examples": examples,
        "other_methods": "\n".join(m for m in row.methods if m not in METHOD_EXAMPLES),
        "owner": row.owner,
        "due_on": row.due_on,
        "status": row.status,
        "strategy": row.strategy_id,
    }


class MoveForm(forms.Form):
    position = forms.IntegerField(min_value=1)
    version = forms.IntegerField(min_value=1, required=False)
