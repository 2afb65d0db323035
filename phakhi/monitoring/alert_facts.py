"""The facts the risk alerts judge, for one network or the whole workspace on one day.

Where a fact is already a scorecard figure (fragility, dormancy, days since the last activity,
reciprocity, the sector counts) it is read from ``figures.network_figures`` — one home per
measure. The rest is computed here: which group (sector, organisation, community found by the
analysis) holds the largest share of the ties, of the core leaders and of the participants;
the core leaders; the actor who carries the most brokerage; the latest contact.

A tie has two ends: a group's share of the ties is the share of all tie ends its actors hold
(its members' degree over twice the ties), so the shares of the sectors add up to 100%. An
actor's organisation is itself when it is an organisation, else the organisation it belongs to
(``Actor.organization``); actors of no organisation hold no organisation's share."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, Count, F, IntegerField, Sum, When
from django.utils import timezone

from phakhi.actors.models import Actor, Kind
from phakhi.analysis.models import ActorResult, AnalysisRun
from phakhi.core.models import Workspace
from phakhi.core.periods import active_on
from phakhi.monitoring.figures import Figures, network_figures
from phakhi.networks.models import Membership, Network, Role
from phakhi.participation.models import Activity, Attendance
from phakhi.scope import Scope

MEASURES = ("ties", "leaders", "participants")
GROUP_KINDS = ("sector", "organisation", "community")

# Where the latest contact with the members comes from, besides activities: issue #16 adds its
# announcements here (a function of (workspace, network | None, on) -> the latest date or None).
ContactSource = Callable[[Workspace, Network | None, dt.date], dt.date | None]
CONTACT_SOURCES: list[ContactSource] = []


@dataclass(frozen=True)
class Largest:
    """The group with the most of one measure: ``count`` of ``total``."""

    group: str  # a sector's code, an organisation's key, a community's number
    name: str  # what a reader calls it (a sector's code is translated when shown)
    count: int
    total: int

    @property
    def share(self) -> float:
        return self.count / self.total if self.total else 0.0


@dataclass(frozen=True)
class Person:
    key: str
    name: str


@dataclass
class Facts:
    workspace: Workspace
    network: Network | None
    on: dt.date
    figures: Figures
    # (measure, group kind) -> the largest group, where there is anything to count
    largest: dict[tuple[str, str], Largest] = field(default_factory=dict)
    # the measure's total (ties, core leaders, participants), whatever the groups
    totals: dict[str, int] = field(default_factory=dict)
    communities: int = 0  # how many the analysis found; capture by community needs two
    leaders: list[Person] = field(default_factory=list)
    broker: Person | None = None
    broker_share: float | None = None  # the top actor's share of all betweenness
    fragile_at: Person | None = None  # the actor removed at k = 1 in the fragility test
    last_contact_on: dt.date | None = None

    @property
    def members(self) -> int:
        return int(self.figures.activity.get("members") or 0)

    @property
    def sectors(self) -> dict[str, int]:
        return dict(self.figures.structure.get("sectors") or {})


def alert_facts(
    workspace: Workspace,
    network: Network | None = None,
    *,
    on: dt.date | None = None,
    figures: Figures | None = None,
) -> Facts:
    on = on or timezone.localdate()
    figures = figures or network_figures(workspace, network, on=on)
    facts = Facts(workspace=workspace, network=network, on=on, figures=figures)
    run = figures.run
    _tie_shares(facts, Scope(workspace, networks=[network] if network else [], at=on))
    _leader_shares(facts, run)
    _participant_shares(facts, run)
    if run is not None:
        _communities(facts, run)
        _brokers(facts, run)
    _name_groups(facts, run)
    facts.last_contact_on = _last_contact(workspace, network, on, figures)
    return facts


def _organisation(kind_field: str, id_field: str, organization_field: str) -> Case:
    return Case(
        When(**{kind_field: Kind.ORGANIZATION}, then=F(id_field)),
        default=F(organization_field),
        output_field=IntegerField(),
    )


def _keep(facts: Facts, measure: str, kind: str, counts: Counter[Any], total: int) -> None:
    counts.pop(None, None)
    counts.pop("", None)
    if not counts or not total:
        return
    group, count = max(counts.items(), key=lambda item: (item[1], str(item[0])))
    facts.largest[(measure, kind)] = Largest(str(group), str(group), int(count), int(total))


def _tie_shares(facts: Facts, scope: Scope) -> None:
    ties = scope.ties().order_by()
    total = ties.count()
    facts.totals["ties"] = total
    if not total:
        return
    sectors: Counter[Any] = Counter()
    organisations: Counter[Any] = Counter()
    for end in ("source", "target"):  # one pass over the ties for each end
        org = _organisation(f"{end}__kind", f"{end}_id", f"{end}__organization_id")
        rows = ties.annotate(org=org).values_list(f"{end}__sector", "org").annotate(n=Count("pk"))
        for sector, organisation, n in rows:
            sectors[sector] += n
            organisations[organisation] += n
    _keep(facts, "ties", "sector", sectors, 2 * total)
    _keep(facts, "ties", "organisation", organisations, 2 * total)


def _people(facts: Facts, actor_ids: Any, measure: str, run: AnalysisRun | None) -> None:
    """Counts by sector, organisation and community of the actors ``actor_ids`` (a query)."""
    actors = Actor.objects.filter(workspace=facts.workspace, pk__in=actor_ids).order_by()
    total = actors.count()
    facts.totals[measure] = total
    if not total:
        return
    sectors = Counter(dict(actors.values_list("sector").annotate(n=Count("pk"))))
    org = _organisation("kind", "id", "organization_id")
    organisations = Counter(
        dict(actors.annotate(org=org).values_list("org").annotate(n=Count("pk")))
    )
    _keep(facts, measure, "sector", sectors, total)
    _keep(facts, measure, "organisation", organisations, total)
    if run is not None:
        found = ActorResult.objects.filter(run=run, actor_id__in=actors.values("pk")).order_by()
        communities = Counter(dict(found.values_list("community").annotate(n=Count("pk"))))
        _keep(facts, measure, "community", communities, total)


def _leader_memberships(facts: Facts) -> Any:
    held = Membership.objects.filter(
        active_on(facts.on), workspace=facts.workspace, role=Role.CORE_LEADER
    )
    if facts.network is not None:
        held = held.filter(network=facts.network)
    return held.order_by().values("actor_id")


def _leader_shares(facts: Facts, run: AnalysisRun | None) -> None:
    leaders = _leader_memberships(facts)
    _people(facts, leaders, "leaders", run)
    facts.leaders = [
        Person(key, name)
        for key, name in Actor.objects.filter(pk__in=leaders).values_list("key", "name")[:5]
    ]


def _participant_shares(facts: Facts, run: AnalysisRun | None) -> None:
    since = facts.figures.activity.get("since")
    activities = Activity.objects.filter(workspace=facts.workspace, starts_on__lte=facts.on)
    if since:
        activities = activities.filter(starts_on__gte=dt.date.fromisoformat(since))
    if facts.network is not None:
        activities = activities.filter(networks=facts.network)
    attended = Attendance.objects.filter(activity_id__in=activities.order_by().values("pk"))
    _people(facts, attended.order_by().values("actor_id"), "participants", run)


def _communities(facts: Facts, run: AnalysisRun) -> None:
    """The ties' ends by community, from the run's degrees (the communities are the run's)."""
    rows = ActorResult.objects.filter(run=run, community__isnull=False).order_by()
    degrees = Counter(dict(rows.values_list("community").annotate(n=Sum("degree"))))
    facts.communities = len(degrees)
    _keep(facts, "ties", "community", degrees, sum(degrees.values()))


def _brokers(facts: Facts, run: AnalysisRun) -> None:
    rows = ActorResult.objects.filter(run=run).order_by()
    total = rows.aggregate(total=Sum("betweenness"))["total"] or 0.0
    if total <= 0:
        return
    top = rows.order_by("-betweenness", "actor_id").values_list(
        "actor__key", "actor__name", "betweenness"
    )[:1]
    for key, name, betweenness in top:
        facts.broker, facts.broker_share = Person(key, name), betweenness / total
    fragility = (run.results or {}).get("fragility") or []
    removed: list[str] = next((s["removed"] for s in fragility if s.get("k") == 1), [])
    if removed:
        named = (
            Actor.objects.filter(workspace=facts.workspace, key=removed[0])
            .values_list("name", flat=True)
            .first()
        )
        facts.fragile_at = Person(removed[0], named or removed[0])


def _last_contact(
    workspace: Workspace, network: Network | None, on: dt.date, figures: Figures
) -> dt.date | None:
    known = figures.activity.get("last_activity_on")
    dates = [dt.date.fromisoformat(known)] if known else []
    for source in CONTACT_SOURCES:
        found = source(workspace, network, on)
        if found is not None:
            dates.append(found)
    return max(dates) if dates else None


def _name_groups(facts: Facts, run: AnalysisRun | None) -> None:
    """The largest organisations by their key and name; a community by its number (from 1)
    and its best-connected members, as the analysis lists them."""
    ids = {int(found.group) for (_m, kind), found in facts.largest.items()
           if kind == "organisation"}  # fmt: skip
    orgs = {
        pk: (key, name)
        for pk, key, name in Actor.objects.filter(
            workspace=facts.workspace, pk__in=ids
        ).values_list("pk", "key", "name")
    }
    leaders: dict[str, list[str]] = {}
    if run is not None and any(kind == "community" for _m, kind in facts.largest):
        for row in AnalysisRun.objects.filter(pk=run.pk).values_list("communities", flat=True)[0]:
            leaders[str(row.get("id"))] = list(row.get("leaders") or [])[:3]
        keys = {key for listed in leaders.values() for key in listed}
        named = dict(
            Actor.objects.filter(workspace=facts.workspace, key__in=keys).values_list("key", "name")
        )
        leaders = {
            group: [named.get(key, key) for key in listed] for group, listed in leaders.items()
        }
    for (measure, kind), found in list(facts.largest.items()):
        if kind == "organisation":
            key, name = orgs.get(int(found.group), (found.group, found.group))
            facts.largest[(measure, kind)] = Largest(key, name, found.count, found.total)
        elif kind == "community":
            number = str(int(found.group) + 1)
            around = ", ".join(leaders.get(found.group, []))
            name = f"{number} ({around})" if around else number
            facts.largest[(measure, kind)] = Largest(number, name, found.count, found.total)
