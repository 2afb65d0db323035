"""The scorecard's traffic lights (ไฟสัญญาณ) and its plain readings of each figure.

Each figure with a light has one :class:`Band`: green from ``green`` on, amber from ``amber``
on, red beyond — "on" meaning at or above for a figure where more is better (``higher``), at or
below where less is better. A figure with no value (no analysis, no survey, no members) is
``grey``: not known. The bands are documented in docs/monitoring.md ("Traffic lights"); a test
checks that the table there is this one.

Why these bands: the sources ask for partners of all three sectors (ไตรพลัง), regular work
together (ต่อเนื่องสม่ำเสมอ, P 103), members who take part, and no single point on which the
network depends (P 70–84, W 552–572); PARTNER reads a trust or value score of 3 of 4 (75 %) as
high. The numbers are starting points a workspace may question, not norms from the sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

GREEN, AMBER, RED, GREY = "green", "amber", "red", "grey"
LIGHTS = (GREEN, AMBER, RED, GREY)
LIGHT_NAMES: dict[str, Promise] = {
    GREEN: pgettext_lazy("traffic light", "good"),
    AMBER: pgettext_lazy("traffic light", "watch"),
    RED: pgettext_lazy("traffic light", "act"),
    GREY: pgettext_lazy("traffic light", "not known"),
}


@dataclass(frozen=True)
class Band:
    figure: str
    higher: bool  # more is better
    green: float
    amber: float

    def light(self, value: float | None) -> str:
        if value is None:
            return GREY
        if self.higher:
            return GREEN if value >= self.green else AMBER if value >= self.amber else RED
        return GREEN if value <= self.green else AMBER if value <= self.amber else RED


BANDS: tuple[Band, ...] = (
    # structure
    Band("degree_centralization", False, 0.3, 0.6),
    Band("largest_component_share", True, 0.9, 0.6),
    Band("isolate_share", False, 0.05, 0.2),
    Band("fragility_k1", True, 0.9, 0.75),
    Band("sectors_present", True, 3, 2),
    Band("ei_index", True, 0.0, -0.5),
    # activity
    Band("activities", True, 4, 1),
    Band("iap2_highest", True, 4, 2),
    Band("participation_rate", True, 0.6, 0.3),
    Band("dormant_member_share", False, 0.2, 0.5),
    Band("dormant_tie_share", False, 0.3, 0.6),
    Band("days_since_activity", False, 90, 180),
    # relationships
    Band("response_rate", True, 0.6, 0.3),
    Band("trust", True, 75, 50),
    Band("value", True, 75, 50),
    Band("reciprocity", True, 0.5, 0.25),
    Band("confirmed_share", True, 0.5, 0.25),
    # capacity
    Band("average", True, 4, 3),
)
BY_FIGURE = {band.figure: band for band in BANDS}


def light_of(figure: str, value: Any) -> str | None:
    """The light of one figure's value; None for a figure without a light (size, density…)."""
    band = BY_FIGURE.get(figure)
    if band is None:
        return None
    return band.light(None if value is None else float(value))


def lights(figures: dict[str, dict[str, Any]]) -> dict[str, str]:
    """{figure: light} of every figure with a band (what a snapshot stores in ``lights``);
    capacity's lists are lit as ``list:<code>`` with the capacity band."""
    found: dict[str, str] = {}
    for dimension, values in figures.items():
        for name, value in values.items():
            if dimension == "capacity" and name == "lists":
                for code, average in (value or {}).items():
                    found[f"list:{code}"] = BY_FIGURE["average"].light(average)
                continue
            lit = light_of(name, value)
            if lit is not None:
                found[name] = lit
    return found


def dimension_light(dimension_lights: list[str]) -> str:
    """A dimension's light: its worst known light; grey when fewer than half of its lit
    figures are known (one known figure of six says little about a dimension)."""
    known = [light for light in dimension_lights if light != GREY]
    if not known or 2 * len(known) < len(dimension_lights):
        return GREY
    for light in (RED, AMBER, GREEN):
        if light in known:
            return light
    return GREY
