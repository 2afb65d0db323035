"""The thresholds of the risk alerts and of the scorecard's dormancy, with their documented
defaults (docs/monitoring.md); a workspace changes any of them on its settings page and keeps
only what it changed (``MonitoringSettings.thresholds``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from phakhi.core.models import Workspace


@dataclass(frozen=True)
class Threshold:
    code: str
    label: str | Promise
    default: float
    unit: str  # "share" (0–1, shown as %), "days", "months", "count", "score"
    minimum: float = 0
    maximum: float | None = None


THRESHOLDS: tuple[Threshold, ...] = (
    Threshold("dormant_months", _("a member or tie is dormant after (months without activity)"),
              6, "months", 1, 60),
)  # fmt: skip
BY_CODE = {threshold.code: threshold for threshold in THRESHOLDS}


def thresholds_for(workspace: Workspace) -> dict[str, float]:
    """Every threshold's value for ``workspace``: its own where it set one, else the default."""
    from phakhi.monitoring.models import MonitoringSettings

    own = (
        MonitoringSettings.objects.filter(workspace=workspace)
        .values_list("thresholds", flat=True)
        .first()
        or {}
    )
    return {code: float(own.get(code, threshold.default)) for code, threshold in BY_CODE.items()}
