"""What the workspace home page shows, read in a bounded number of queries (about ten,
whatever the size of the workspace). The pages the changes link to are the web's to build:
a change names the actor or network it is about."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from django.apps import apps
from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor, Kind, Sector
from phakhi.analysis.models import ActorResult, AnalysisRun
from phakhi.analysis.selectors import articulation_count, latest_run, leading_actor_rows
from phakhi.analysis.summary import shape_label
from phakhi.core.models import AuditEvent, Workspace
from phakhi.core.periods import active_on
from phakhi.networks.models import Network
from phakhi.networks.selectors import networks_of
from phakhi.ties.models import Tie

RECENT_CHANGES = 15
NETWORKS_SHOWN = 50
TOP = 5
ANALYSIS_CACHE_SECONDS = 24 * 60 * 60  # names of actors renamed since show a day at most
COUNTS_CACHE_SECONDS = 5 * 60  # a change made around the services shows within 5 minutes


@dataclass(frozen=True)
class Share:
    label: str
    count: int
    percent: int


@dataclass(frozen=True)
class Change:
    at: Any
    who: str
    text: str
    # The page of what changed, while it exists: an actor's (a tie's first actor's) or a
    # network's.
    actor_id: int | None = None
    network_slug: str = ""


@dataclass(frozen=True)
class Named:
    """An actor the summary names, with its page."""

    id: int
    name: str
    value: Any = None


@dataclass
class Analysis:
    run: AnalysisRun
    shape: str
    cohesion: str
    articulation_count: int
    articulation_names: list[Named]
    bridges: int
    fragility: list[dict[str, Any]]
    brokers: list[Named]
    hubs: list[Named]


@dataclass
class Overview:
    actors: int
    ties: int  # in force today, at every level
    ties_not_in_force: int  # ended, or not begun yet
    kinds: list[Share]
    sectors: list[Share]
    networks: Sequence[Network]  # with their membership_count
    network_count: int
    changes: list[Change] = field(default_factory=list)
    command_line_hidden: bool = False
    analysis: Analysis | None = None
    pending: AnalysisRun | None = None


def _shares(counts: dict[str, int], choices: Any, total: int, unknown: str) -> list[Share]:
    rows = [Share(str(label), counts.get(value, 0), 0) for value, label in choices]
    if counts.get("", 0):
        rows.append(Share(unknown, counts[""], 0))
    return [Share(r.label, r.count, round(100 * r.count / total) if total else 0) for r in rows]


def _who(event: AuditEvent) -> str:
    channel, _colon, name = event.by.partition(":")
    if channel == "cli":
        return _("%(name)s (command line)") % {"name": name}
    if channel == "system":
        return _("the system")
    return name or event.by


def _object_type(label: str) -> str:
    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label


def describe(event: AuditEvent) -> str:
    """An audit event in plain words: "created actor “นายสมชาย ใจดี”"."""
    return _("%(action)s %(what)s “%(object)s”") % {
        "action": event.get_action_display(),
        "what": _object_type(event.object_type),
        "object": event.object_repr,
    }


COMMAND_LINE = "cli:"


def _recent(
    workspace: Workspace, *, hide_command_line: bool = False, limit: int = RECENT_CHANGES
) -> list[AuditEvent]:
    events = AuditEvent.objects.filter(workspace=workspace)
    if hide_command_line:  # imports, demo data and other bulk work run by `phakhi`
        events = events.exclude(by__startswith=COMMAND_LINE)
    return list(events.order_by("-at", "-id")[:limit])


def _newest(workspace: Workspace) -> AuditEvent | None:
    return AuditEvent.objects.filter(workspace=workspace).order_by("-at", "-id").first()


def _ids(events: list[AuditEvent], model: Any) -> list[int]:
    label = model._meta.label_lower
    return [int(e.object_id) for e in events if e.object_type == label and e.object_id.isdigit()]


def _links(workspace: Workspace, events: list[AuditEvent]) -> dict[tuple[str, str], dict[str, Any]]:
    """What each changed actor, network or tie that still exists links to (a tie: its first
    actor, whose page shows its history), in at most three queries."""
    links: dict[tuple[str, str], dict[str, Any]] = {}
    label = Actor._meta.label_lower
    actors = Actor.objects.filter(workspace=workspace, pk__in=_ids(events, Actor))
    for pk in actors.values_list("pk", flat=True):
        links[(label, str(pk))] = {"actor_id": pk}
    label = Network._meta.label_lower
    networks = Network.objects.filter(workspace=workspace, pk__in=_ids(events, Network))
    for pk, network_slug in networks.values_list("pk", "slug"):
        links[(label, str(pk))] = {"network_slug": network_slug}
    label = Tie._meta.label_lower
    ties = Tie.objects.filter(workspace=workspace, pk__in=_ids(events, Tie))
    for pk, source_id in ties.values_list("pk", "source_id"):
        links[(label, str(pk))] = {"actor_id": source_id}
    return links


def _counts(workspace: Workspace, newest: AuditEvent | None) -> tuple[dict[str, int], ...]:
    """Actors by kind and by sector, and ties ({"in_force": n, "all": n}, in force today as
    the map counts them by default), kept until the workspace's next audited change (every
    service records one), the next day or COUNTS_CACHE_SECONDS: counting 600,000 actors and
    3,000,000 ties took 0.15–0.2 s of every home page (national demo)."""
    today = timezone.localdate()

    def count() -> tuple[dict[str, int], ...]:
        by_kind: dict[str, int] = {}
        by_sector: dict[str, int] = {}
        rows = Actor.objects.filter(workspace=workspace).values_list("kind", "sector")
        for kind, sector, n in rows.annotate(n=Count("id")).order_by():
            by_kind[kind] = by_kind.get(kind, 0) + n
            by_sector[sector] = by_sector.get(sector, 0) + n
        ties = Tie.objects.filter(workspace=workspace).aggregate(
            all=Count("id"), in_force=Count("id", filter=active_on(today))
        )
        return by_kind, by_sector, ties

    key = "phakhi:overview-counts:{}:{}:{}:{}".format(
        workspace.pk, workspace.created_at.isoformat(), newest.pk if newest else "", today
    )
    return cast(tuple[dict[str, int], ...], cache.get_or_set(key, count, COUNTS_CACHE_SECONDS))


def _analysis(run: AnalysisRun) -> Analysis:
    results = run.results
    structure = results.get("structure", {})
    cut = ActorResult.objects.filter(run=run, articulation=True).order_by("-betweenness")
    names = [Named(pk, name) for pk, name in cut.values_list("actor_id", "actor__name")[:10]]
    return Analysis(
        run=run,
        shape=shape_label(structure.get("shape", "")),
        cohesion=shape_label(structure.get("cohesion", "")),
        articulation_count=len(names) if len(names) < 10 else articulation_count(run),
        articulation_names=names,
        bridges=results.get("bridges", {}).get("count", 0),
        fragility=[
            {"k": step["k"], "percent": round(100 * step["share"])}
            for step in results.get("fragility", [])
        ],
        brokers=[Named(*row) for row in leading_actor_rows(run, "betweenness", TOP)],
        hubs=[Named(*row) for row in leading_actor_rows(run, "degree", TOP)],
    )


def _analysis_cached(run: AnalysisRun) -> Analysis:
    """The run's summary, computed once per run and language: a finished run never changes,
    and ranking its 600,000 actors' results takes over half a second (national demo). The
    key has the run's creation time as well as its id, as a rolled-back run's id is reused."""
    key = f"phakhi:overview:2:{run.pk}:{run.created_at.isoformat()}:{get_language()}"
    return cast(Analysis, cache.get_or_set(key, lambda: _analysis(run), ANALYSIS_CACHE_SECONDS))


def workspace_overview(workspace: Workspace, *, hide_command_line: bool = False) -> Overview:
    events = _recent(workspace, hide_command_line=hide_command_line)
    newest = _newest(workspace) if hide_command_line else (events[0] if events else None)
    by_kind, by_sector, ties = _counts(workspace, newest)
    links = _links(workspace, events)
    total = sum(by_kind.values())
    shown = list(networks_of(workspace)[:NETWORKS_SHOWN])
    run = latest_run(workspace)
    pending = (
        AnalysisRun.objects.filter(
            workspace=workspace,
            status__in=[AnalysisRun.Status.QUEUED, AnalysisRun.Status.RUNNING],
        )
        .order_by("-id")
        .first()
    )
    return Overview(
        actors=total,
        ties=ties["in_force"],
        ties_not_in_force=ties["all"] - ties["in_force"],
        kinds=_shares(by_kind, Kind.choices, total, _("not given")),
        sectors=_shares(by_sector, Sector.choices, total, _("sector not given")),
        networks=shown,
        network_count=(
            len(shown)
            if len(shown) < NETWORKS_SHOWN
            else Network.objects.filter(workspace=workspace).count()
        ),
        changes=[
            Change(
                event.at,
                _who(event),
                describe(event),
                **links.get((event.object_type, event.object_id), {}),
            )
            for event in events
        ],
        command_line_hidden=hide_command_line,
        analysis=_analysis_cached(run) if run is not None else None,
        pending=pending,
    )
