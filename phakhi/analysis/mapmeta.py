"""What the network map says about its data: the legend, the measures in plain words, the run."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from phakhi.actors.models import Sector
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


def metric_labels() -> dict[str, dict[str, str]]:
    """Each measure the side panel shows, named and explained in plain words."""
    return {
        "degree": {
            "label": _("Direct partners"),
            "help": _("How many actors this one is tied to directly."),
        },
        "strength": {
            "label": _("Strength of ties"),
            "help": _("The tie levels (1–4) with every partner, added up."),
        },
        "betweenness": {
            "label": _("Go-between"),
            "help": _("How much of the network's shortest paths pass through this actor."),
        },
        "eigenvector": {
            "label": _("Tied to well-connected partners"),
            "help": _("High when this actor's partners are themselves well connected."),
        },
        "pagerank": {
            "label": _("Influence through ties"),
            "help": _("Influence that flows along ties; stronger ties carry more."),
        },
        "closeness": {
            "label": _("Reach"),
            "help": _("How few steps it takes to reach everyone else."),
        },
        "constraint": {
            "label": _("Tied into one closed group"),
            "help": _("High when all of this actor's partners know each other (few new ideas)."),
        },
        "brokerage": {
            "label": _("Broker roles across sectors"),
            "help": _("How often this actor links two others who are not tied to each other."),
        },
        "articulation": {
            "label": _("Single point of failure"),
            "help": _("Without this actor part of the network would be cut off."),
        },
        "community": {
            "label": _("Cluster"),
            "help": _("A group of actors tied more among themselves than to others."),
        },
    }


def run_info(run: AnalysisRun | None, network: Network | None, language: str) -> dict | None:
    """The run the map's layout and measures come from, with its structure verdict."""
    if run is None:
        return None
    structure = run.results.get("structure", {})
    return {
        "id": run.pk,
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
