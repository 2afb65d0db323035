"""The network-health scorecard's figures (ความเข้มแข็งของเครือข่าย) of one network or of the
whole workspace, in four dimensions, from what Phakhi already knows:

- ``structure``: from the latest finished analysis run of that scope (``phakhi analyze``);
- ``activity``: activities, IAP2 levels, participation and dormancy (``figures_activity.py``);
- ``relationships``: trust, value, reciprocity and confirmed ties of the latest closed survey;
- ``capacity``: the latest final self-assessment of each list.

Every key below is stable: snapshots store them, the risk alerts read them, the API and
``phakhi snapshot --json`` print them. A figure that cannot be known (no analysis yet, no closed
survey, no members) is ``None``, never 0. docs/monitoring.md defines each one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count
from django.utils import timezone

from phakhi.actors.models import Actor
from phakhi.analysis.models import AnalysisRun
from phakhi.assessments.models import Answer, SelfAssessment
from phakhi.assessments.templates import TEMPLATES
from phakhi.core.models import Workspace
from phakhi.core.periods import active_on
from phakhi.monitoring.figures_activity import activity_figures
from phakhi.monitoring.models import Survey
from phakhi.networks.models import Membership, Network

DIMENSIONS = ("structure", "activity", "relationships", "capacity")
SECTORS = ("civil", "academic", "government")

# The keys of each dimension, in the order the scorecard shows them. Values are numbers (shares
# 0–1, scores, counts) or None; the keys after "#" in a comment are context, not figures.
STRUCTURE_KEYS = (
    "size", "ties", "density", "average_degree", "degree_centralization", "components",
    "largest_component_share", "isolates", "isolate_share", "fragility_k1", "fragility_k3",
    "sectors_present", "across_sectors", "ei_index",
)  # fmt: skip
ACTIVITY_KEYS = (
    "activities", "iap2_highest", "iap2_involve_share", "members", "participants",
    "participation_rate", "dormant_members", "dormant_member_share", "dormant_ties",
    "dormant_tie_share", "days_since_activity",
)  # fmt: skip
RELATIONSHIP_KEYS = (
    "respondents", "roster", "response_rate", "trust", "value", "reciprocity",
    "confirmed_share", "survey_ties",
)  # fmt: skip
CAPACITY_KEYS = ("average",)
KEYS: dict[str, tuple[str, ...]] = {
    "structure": STRUCTURE_KEYS,
    "activity": ACTIVITY_KEYS,
    "relationships": RELATIONSHIP_KEYS,
    "capacity": CAPACITY_KEYS,
}


@dataclass
class Figures:
    """The scorecard of ``network`` (None: the whole workspace) on ``on``.

    Besides the figures of ``KEYS``: structure has ``sectors`` ({"civil": n, …, "": n} of the
    actors), ``shape`` and ``cohesion`` (the analysis' verdict), ``run`` (its number) and
    ``analysed_on``; activity has ``since`` (first day of the 12 months counted),
    ``iap2_levels`` ({"1": n … "5": n} activities by level achieved), ``dormant_months``,
    ``dormant_since``, ``tie_count`` and ``last_activity_on``; relationships has ``survey``
    (its key), ``survey_name`` and ``closed_on``; capacity has ``lists`` ({template code: the
    list's average 1–5}) and ``assessed_on`` ({template code: ISO date})."""

    workspace: Workspace
    network: Network | None
    on: dt.date
    run: AnalysisRun | None = None
    survey: Survey | None = None
    structure: dict[str, Any] = field(default_factory=dict)
    activity: dict[str, Any] = field(default_factory=dict)
    relationships: dict[str, Any] = field(default_factory=dict)
    capacity: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, dict[str, Any]]:
        """The four dimensions as JSON-ready dicts (what a snapshot stores)."""
        return {name: dict(getattr(self, name)) for name in DIMENSIONS}


def network_figures(
    workspace: Workspace, network: Network | None, *, on: dt.date | None = None
) -> Figures:
    """Every figure of the scorecard of ``network`` (None: the workspace) on ``on`` (today)."""
    on = on or timezone.localdate()
    run = _latest_run(workspace, network, on)
    survey = _latest_closed_survey(workspace, network, on)
    return Figures(
        workspace=workspace,
        network=network,
        on=on,
        run=run,
        survey=survey,
        structure=structure_figures(workspace, network, run, on),
        activity=activity_figures(workspace, network, on),
        relationships=relationship_figures(survey),
        capacity=capacity_figures(workspace, network, on),
    )


def _latest_run(workspace: Workspace, network: Network | None, on: dt.date) -> AnalysisRun | None:
    runs = AnalysisRun.objects.filter(
        workspace=workspace, status=AnalysisRun.Status.DONE, at__lte=on
    )
    if network is None:
        runs = runs.filter(scope=AnalysisRun.Scope.WORKSPACE)
    else:
        runs = runs.filter(scope=AnalysisRun.Scope.NETWORK, network=network)
    # min_strength 1 and no filters: the whole scope, as the scorecard means it.
    runs = runs.filter(min_strength=1, filters={})
    return runs.defer("communities").order_by("-at", "-id").first()


def _scope_actors(workspace: Workspace, network: Network | None, on: dt.date) -> Any:
    if network is None:
        return Actor.objects.filter(workspace=workspace)
    members = Membership.objects.filter(active_on(on), network=network).values("actor_id")
    return Actor.objects.filter(workspace=workspace, pk__in=members)


def structure_figures(
    workspace: Workspace, network: Network | None, run: AnalysisRun | None, on: dt.date
) -> dict[str, Any]:
    """Structure from the run's stored network results; the sector counts of today's actors."""
    counts = dict(
        _scope_actors(workspace, network, on)
        .order_by()
        .values_list("sector")
        .annotate(n=Count("pk"))
    )
    sectors = {sector: int(counts.get(sector, 0)) for sector in (*SECTORS, "")}
    figures: dict[str, Any] = dict.fromkeys(STRUCTURE_KEYS)
    figures |= {
        "sectors": sectors,
        "sectors_present": sum(1 for sector in SECTORS if sectors[sector]),
        "shape": None,
        "cohesion": None,
        "run": None,
        "analysed_on": None,
    }
    if run is None or not run.results:
        return figures
    results = run.results
    size = results.get("nodes") or 0
    fragility = {step["k"]: step["share"] for step in results.get("fragility") or []}
    structure = results.get("structure") or {}
    figures |= {
        "size": size,
        "ties": results.get("ties"),
        "density": results.get("density"),
        "average_degree": results.get("average_degree"),
        "degree_centralization": results.get("degree_centralization"),
        "components": results.get("components"),
        "largest_component_share": (results.get("largest_component") or 0) / size if size else None,
        "isolates": results.get("isolates"),
        "isolate_share": (results.get("isolates") or 0) / size if size else None,
        "fragility_k1": fragility.get(1),
        "fragility_k3": fragility.get(3),
        "across_sectors": (results.get("sector_mix") or {}).get("across"),
        "ei_index": (results.get("ei_index") or {}).get("sector"),
        "shape": structure.get("shape"),
        "cohesion": structure.get("cohesion"),
        "run": run.number,
        "analysed_on": run.at.isoformat(),
    }
    return figures


def _latest_closed_survey(
    workspace: Workspace, network: Network | None, on: dt.date
) -> Survey | None:
    surveys = Survey.objects.filter(workspace=workspace, status=Survey.Status.CLOSED)
    if network is not None:
        surveys = surveys.filter(network=network)
    surveys = surveys.filter(closed_at__date__lte=on)
    return surveys.select_related("network").order_by("-closed_at", "-id").first()


def relationship_figures(survey: Survey | None) -> dict[str, Any]:
    """Trust, value (% of the maximum), response rate, reciprocity and the share of confirmed
    survey ties of the latest closed survey round (in the manner of PARTNER)."""
    figures: dict[str, Any] = dict.fromkeys(RELATIONSHIP_KEYS)
    figures |= {"survey": None, "survey_name": None, "closed_on": None}
    if survey is None:
        return figures
    from phakhi.monitoring.survey_results import survey_results

    results = survey_results(survey)
    summary = results.survey
    figures |= {
        "respondents": summary.get("respondents"),
        "roster": summary.get("roster"),
        "response_rate": summary.get("response_rate"),
        "trust": summary.get("trust"),
        "value": summary.get("value"),
        "reciprocity": results.reciprocity,
        "confirmed_share": results.confirmed_share,
        "survey_ties": len(results.ties),
        "survey": survey.slug,
        "survey_name": survey.name,
        "closed_on": timezone.localdate(survey.closed_at).isoformat() if survey.closed_at else None,
    }
    return figures


def capacity_figures(workspace: Workspace, network: Network | None, on: dt.date) -> dict[str, Any]:
    """The average score (1–5) of each list in its latest final self-assessment of the network
    (None: the agency's own, of the whole workspace) held on or before ``on``, and the mean of
    those averages."""
    found = (
        SelfAssessment.objects.filter(
            workspace=workspace,
            network=network,
            status=SelfAssessment.Status.FINAL,
            held_on__lte=on,
        )
        .order_by("-held_on", "-id")
        .only("id", "held_on", "templates")
    )
    latest: dict[str, SelfAssessment] = {}
    for assessment in found:
        for code in assessment.templates:
            latest.setdefault(code, assessment)
        if len(latest) == len(TEMPLATES):
            break
    wanted = [(code, assessment.pk) for code, assessment in latest.items()]
    scores: dict[tuple[str, int], list[int]] = {pair: [] for pair in wanted}
    answers = Answer.objects.filter(
        assessment_id__in={pk for _code, pk in wanted}, score__isnull=False
    ).values_list("template", "assessment_id", "score")
    for code, assessment_id, score in answers:
        if (code, assessment_id) in scores and score is not None:
            scores[(code, assessment_id)].append(score)
    lists = {
        code: round(sum(values) / len(values), 2)
        for (code, _pk), values in sorted(scores.items())
        if values
    }
    return {
        "average": round(sum(lists.values()) / len(lists), 2) if lists else None,
        "lists": lists,
        "assessed_on": {code: latest[code].held_on.isoformat() for code in lists},
    }
