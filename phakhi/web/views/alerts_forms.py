"""Forms of the risk-alert pages: the reason for dismissing, and the workspace's thresholds (a
share typed as a percentage, the rest as whole numbers). The services validate."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from phakhi.monitoring.alerts import REASON_LIMIT, SNAPSHOT_MONTHS_LIMIT
from phakhi.monitoring.thresholds import SHARE, THRESHOLDS

UNIT_WORDS = {
    SHARE: pgettext_lazy("threshold unit", "%"),
    "days": pgettext_lazy("threshold unit", "days"),
    "months": pgettext_lazy("threshold unit", "months"),
    "count": pgettext_lazy("threshold unit", "count"),
}


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
                label=f"{threshold.label} ({UNIT_WORDS.get(threshold.unit, '')})",
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

    def thresholds(self) -> dict[str, float]:
        """The thresholds as the service takes them: shares back to 0–1."""
        found = {}
        for threshold in THRESHOLDS:
            value = float(self.cleaned_data[threshold.code])
            found[threshold.code] = value / 100 if threshold.unit == SHARE else value
        return found
