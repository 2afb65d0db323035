"""Forms of the risk-alert pages: the reason for dismissing, and the workspace's thresholds (a
share typed as a percentage, the rest as whole numbers). The services validate."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from phakhi.monitoring.alerts import REASON_LIMIT, SNAPSHOT_MONTHS_LIMIT
from phakhi.monitoring.thresholds import SHARE, THRESHOLDS


class DismissForm(forms.Form):
    reason = forms.CharField(
        label=_("Why dismiss it"),
        max_length=REASON_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "e.g. “A network of government offices by design” — kept with the alert and in "
            "the audit trail"
        ),
    )


class ThresholdsForm(forms.Form):
    """One field per threshold, named by its code; a share is shown and typed in percent."""

    snapshot_every_months = forms.IntegerField(
        label=_("Take a scorecard snapshot every (months)"),
        min_value=0,
        max_value=SNAPSHOT_MONTHS_LIMIT,
        help_text=_("0: only on demand"),
    )

    def __init__(self, *args: Any, values: dict[str, float], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for threshold in THRESHOLDS:
            share = threshold.unit == SHARE
            value = values[threshold.code]
            default = threshold.default * 100 if share else threshold.default
            self.fields[threshold.code] = forms.DecimalField(
                label=f"{threshold.label} (%)" if share else str(threshold.label),
                min_value=Decimal(str(threshold.minimum * 100 if share else threshold.minimum)),
                max_value=(
                    Decimal(str(threshold.maximum * 100 if share else threshold.maximum))
                    if threshold.maximum is not None
                    else None
                ),
                decimal_places=1 if share else 0,
                initial=round(value * 100, 1) if share else int(value),
                help_text=_("default %(value)s") % {"value": f"{default:g}"},
            )

    def groups(self, rules: Any) -> list[tuple[Any, list[Any]]]:
        """The fields by rule (a threshold under the first rule that reads it), after the ones
        every rule or the scorecard reads."""
        placed: set[str] = set()
        groups: list[tuple[Any, list[Any]]] = []
        for rule in rules:
            codes = [code for code in rule.thresholds if code not in placed]
            placed.update(codes)
            groups.append((rule.name, [self[code] for code in codes]))
        general = ["snapshot_every_months"] + [t.code for t in THRESHOLDS if t.code not in placed]
        return [(_("Every rule and the scorecard"), [self[code] for code in general]), *groups]

    def thresholds(self) -> dict[str, float]:
        """The thresholds as the service takes them: shares back to 0–1."""
        found = {}
        for threshold in THRESHOLDS:
            value = float(self.cleaned_data[threshold.code])
            found[threshold.code] = value / 100 if threshold.unit == SHARE else value
        return found
