"""What the network map says about its data: the legend, the measures in plain words, the run."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from phakhi.actors.models import Sector
from phakhi.analysis.measures import measure_names
from phakhi.analysis.models import AnalysisRun
from phakhi.analysis.summary import shape_label
from phakhi.core.dates import format_date
from phakhi.networks.models import Network
from phakhi.ties.models import Strength

# Node colours by sector: dark enough for 3:1 against white (WCAG 1.4.11) and apart for the
# common kinds of colour blindness (from the Okabe–Ito palette, darkened).
SECTOR_COLOURS = {
    "civil": "#C04F00",
    "academic": "#0068A8",
    "government": "#007A5A",
    "none": "#6B6B6B",
}


def _sector_label(value: str) -> str:
    if value == "none":
        return _("not given")
    return str(Sector(value).label)


def legend(sectors: list[str]) -> dict[str, Any]:
    """Sectors with their colour, labels in Thai and English and how many nodes have each;
    tie strengths with their words."""
    counts = Counter(sectors)
    rows = []
    for value in [*Sector.values, "none"]:
        labels = {}
        for language in ("th", "en"):
            with translation.override(language):
                labels[language] = _sector_label(value)
        rows.append({"value": value, "label": _sector_label(value), "th": labels["th"],
                     "en": labels["en"], "colour": SECTOR_COLOURS[value],
                     "count": counts.get(value, 0)})  # fmt: skip
    strengths = [{"value": int(s.value), "label": str(s.label)} for s in Strength]
    return {"sectors": rows, "strengths": strengths}


PANEL_MEASURES = (
    "degree", "strength", "betweenness", "eigenvector", "pagerank", "closeness", "constraint",
    "brokerage", "articulation", "community",
)  # fmt: skip


def metric_labels() -> dict[str, dict[str, str]]:
    """Each measure the side panel shows, with its name and one line in plain words."""
    return measure_names(PANEL_MEASURES)


def run_info(run: AnalysisRun | None, network: Network | None, language: str) -> dict | None:
    """The run the map's layout and measures come from, with its structure verdict."""
    if run is None:
        return None
    structure = run.results.get("structure", {})
    return {
        "id": run.pk,
        "number": run.number,
        "at": run.at.isoformat(),
        "at_display": format_date(run.at, language),
        "scope": run.scope,
        "scope_label": str(run.get_scope_display()),
        # A network's map laid out by the workspace's run (the network has none of its own).
        "of_whole_workspace": network is not None and run.network_id is None,
        "shape": structure.get("shape"),
        "shape_label": shape_label(structure.get("shape", "")),
        "cohesion": structure.get("cohesion"),
        "cohesion_label": shape_label(structure.get("cohesion", "")),
        "actors": run.results.get("nodes"),
        "ties": run.results.get("ties"),
    }
