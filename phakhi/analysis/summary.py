"""A run told in a few readable lines, in the active language (the ``phakhi analyze`` output)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from phakhi.analysis.measures import measure_name
from phakhi.analysis.models import AnalysisRun
from phakhi.analysis.selectors import articulation_count, leading_actors
from phakhi.core.dates import current_language, format_date

TOP = 5


def _number(value: Any, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return f"{value:,}"


def shape_label(shape: str) -> str:
    """The name of a structure verdict's shape or cohesion, in the current language."""
    return {
        "centralized": _("centralized"),
        "hub": _("hub-based (several hubs)"),
        "decentralized": _("decentralized"),
        "distributed": _("distributed"),
        "tight": _("tight-knit"),
        "loose": _("loose"),
    }.get(shape, shape)


def run_title(run: AnalysisRun) -> str:
    """What the run was about, naming its network or its ego actor."""
    if run.scope == AnalysisRun.Scope.EGO and run.ego is not None:
        return ngettext(
            "the actors within %(radius)s step of %(name)s (%(key)s)",
            "the actors within %(radius)s steps of %(name)s (%(key)s)",
            run.ego_radius or 1,
        ) % {"radius": run.ego_radius or 1, "name": run.ego.name, "key": run.ego.key}
    if run.scope == AnalysisRun.Scope.NETWORK and run.network is not None:
        return _("the network %(name)s") % {"name": run.network.name}
    return str(run.get_scope_display())


def summary_text(run: AnalysisRun) -> str:
    n = run.results
    language = current_language()
    lines = [
        _("Analysis #%(id)s of %(scope)s on %(date)s")
        % {"id": run.number, "scope": run_title(run), "date": format_date(run.at, language)},
        _("%(actors)s actors, %(ties)s ties; density %(density)s; average degree %(degree)s")
        % {"actors": _number(n["nodes"]), "ties": _number(n["ties"]),
           "density": _number(n["density"], 4), "degree": _number(n["average_degree"], 2)},
        _("%(components)s components (largest %(largest)s actors), %(isolates)s isolated actors")
        % {"components": _number(n["components"]), "largest": _number(n["largest_component"]),
           "isolates": _number(n["isolates"])},
    ]  # fmt: skip
    structure = n["structure"]
    lines.append(
        _("Structure: %(shape)s, %(cohesion)s (%(dc_name)s %(dc)s, %(mod_name)s %(mod)s)")
        % {"shape": shape_label(structure["shape"]),
           "cohesion": shape_label(structure["cohesion"]),
           "dc_name": measure_name("degree_centralization"),
           "dc": _number(n["degree_centralization"]),
           "mod_name": measure_name("modularity"), "mod": _number(n["modularity"])}
    )  # fmt: skip
    counts = {
        "communities": _number(n["communities"]),
        "articulation": _number(articulation_count(run)),
        "bridges": _number(n["bridges"]["count"]),
    }
    lines.append(
        _(
            "%(communities)s communities; %(articulation)s single points of failure; "
            "%(bridges)s bridge ties"
        )
        % counts
    )
    for step in n["fragility"]:
        lines.append(
            _("Without the top %(k)s brokers the largest group keeps %(share)s%% of its actors")
            % {"k": step["k"], "share": f"{100 * step['share']:.0f}"}
        )
    for measure, title in (("degree", _("Hubs")), ("betweenness", _("Brokers"))):
        leaders = ", ".join(
            f"{name} ({_number(value)})" for name, value in leading_actors(run, measure, TOP)
        )
        lines.append(
            _("%(role)s by %(measure)s: %(actors)s")
            % {"role": title, "measure": measure_name(measure), "actors": leaders or "–"}
        )
    sampled = run.method.get("sampled_components") or []
    if sampled:
        lines.append(
            _("Path measures estimated from %(samples)s sampled actors (network over "
              "%(limit)s actors)")
            % {"samples": sampled[0]["samples"], "limit": _number(run.method["exact_limit"])}
        )  # fmt: skip
    total = sum(float(v) for v in run.timings.values())
    lines.append(_("Done in %(seconds)s s") % {"seconds": f"{total:.1f}"})
    return "\n".join(lines)
