"""The thresholds of the risk alerts and of the scorecard's dormancy, with their documented
defaults (docs/alerts.md, docs/monitoring.md); a workspace changes any of them on its settings
page and keeps only what it changed (``MonitoringSettings.thresholds``).

A share is stored 0–1 and shown as a percentage; days, months and counts are whole numbers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from phakhi.core.models import Workspace

SHARE, DAYS, MONTHS, COUNT = "share", "days", "months", "count"


@dataclass(frozen=True)
class Threshold:
    code: str
    label: str | Promise
    default: float
    unit: str  # "share" (0–1, shown as %), "days", "months", "count", "score"
    minimum: float = 0
    maximum: float | None = None

    def shown(self, value: float) -> str:
        """The value as the settings page and the alerts say it: 80% for a share of 0.8."""
        if self.unit == SHARE:
            return f"{round(value * 100, 1):g}%"
        return f"{value:g}"


THRESHOLDS: tuple[Threshold, ...] = (
    Threshold("dormant_months", _("a member or tie is dormant after (months without activity)"),
              6, MONTHS, 1, 60),
    Threshold("min_members", _("judge a network only from this many members"), 5, COUNT, 1, 1000),
    # capture (การถูกรวบงำจากกลุ่มผลประโยชน์)
    Threshold("capture_sector_share",
              _("one sector holds more than this share of ties, core leaders or participants"),
              0.8, SHARE, 0.34, 1),
    Threshold("capture_organisation_share",
              _("one organisation holds more than this share of ties, core leaders or "
                "participants"), 0.4, SHARE, 0.05, 1),
    Threshold("capture_community_share",
              _("one community found by the analysis holds more than this share of ties, core "
                "leaders or participants"), 0.6, SHARE, 0.1, 1),
    Threshold("capture_minimum",
              _("judge a share of ties or participants only from this many"), 10, COUNT, 1,
              100_000),
    Threshold("capture_minimum_leaders",
              _("judge the share of core leaders only from this many"), 3, COUNT, 1, 1000),
    # dependence on one leader (ขาดผู้นำ)
    Threshold("min_leaders", _("a network needs at least this many core leaders (แกนนำ)"),
              2, COUNT, 1, 100),
    Threshold("fragility_k1",
              _("without its top broker the largest group keeps less than this share"),
              0.7, SHARE, 0, 1),
    Threshold("broker_share",
              _("one actor carries more than this share of all brokerage (betweenness)"),
              0.5, SHARE, 0.05, 1),
    # weak communication (ระบบการสื่อสาร … ไม่ดี)
    Threshold("quiet_days", _("no activity or announcement for more than (days)"), 90, DAYS, 7,
              3650),
    Threshold("reciprocity_minimum",
              _("in the latest survey, less than this share of ties is reported both ways"),
              0.3, SHARE, 0, 1),
    # dormancy (เครือข่ายสลายตัวไปเพราะไม่มีกิจกรรม)
    Threshold("dormant_member_share", _("more than this share of members is dormant"), 0.5,
              SHARE, 0, 1),
    Threshold("dormant_tie_share", _("more than this share of ties is dormant"), 0.5, SHARE, 0,
              1),
    # only one kind of member (ขาดแนวร่วม)
    Threshold("allies_minimum",
              _("fewest academic and fewest government members a network needs"), 1, COUNT, 1,
              1000),
)  # fmt: skip
BY_CODE = {threshold.code: threshold for threshold in THRESHOLDS}
WHOLE_UNITS = (DAYS, MONTHS, COUNT)


def defaults() -> dict[str, float]:
    return {code: float(threshold.default) for code, threshold in BY_CODE.items()}


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


def clean_thresholds(given: Mapping[str, Any]) -> dict[str, float]:
    """``given`` checked: known codes, numbers within each threshold's range, whole numbers
    for days, months and counts. Returns only the values that differ from the defaults (what a
    workspace keeps). A ValidationError names each wrong field by its code."""
    errors: dict[str, str] = {}
    kept: dict[str, float] = {}
    for code, raw in given.items():
        threshold = BY_CODE.get(code)
        if threshold is None:
            errors[code] = _g("There is no threshold %(code)s.") % {"code": code}
            continue
        try:
            value = float(raw)
        except (TypeError, ValueError):
            errors[code] = _g("Give a number.")
            continue
        if value != value or value in (float("inf"), float("-inf")):  # NaN, infinities
            errors[code] = _g("Give a number.")
            continue
        if threshold.unit in WHOLE_UNITS and value != int(value):
            errors[code] = _g("Give a whole number.")
            continue
        high = threshold.maximum
        if value < threshold.minimum or (high is not None and value > high):
            errors[code] = _g("Give a value from %(low)s to %(high)s.") % {
                "low": threshold.shown(threshold.minimum),
                "high": threshold.shown(high) if high is not None else "…",
            }
            continue
        if value != threshold.default:
            kept[code] = value
    if errors:
        raise ValidationError(errors)
    return kept
