"""What a network map covers (its scope and filters) and its graph, read fast.

The rows come straight from the database driver (no model instances, no per-value converters)
and the graph (one edge per pair of actors, ego networks) is built with numpy and igraph through
the engine's own simple graph: a map of 20,000 actors and 100,000 ties loads in a fraction of a
second. Contact details are never read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import igraph as ig
import numpy as np
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor, ActorTag, Sector
from phakhi.analysis.models import ActorResult, AnalysisRun
from phakhi.analysis.selectors import latest_run
from phakhi.core.areas import AreaError, province_code_or_name
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound, of_workspace_row_by_row
from phakhi.core.thai import word_key
from phakhi.engine.data import TieColumns
from phakhi.engine.graph import simple_graph
from phakhi.networks.models import Membership, Network
from phakhi.ties.models import Tie


def _one_or_many(value: str | Sequence[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else list(value)
    return tuple(sorted({v.strip() for v in values if v and v.strip()}))


def _current(today: dt.date) -> Q:
    """Memberships and ties that hold ``today``: ``since ≤ today < until``, open ends count."""
    return (Q(since__isnull=True) | Q(since__lte=today)) & (
        Q(until__isnull=True) | Q(until__gt=today)
    )


@dataclass(frozen=True)
class MapScope:
    """What a map (and its GEXF export) covers: a workspace or one network's members today,
    narrowed by sector, province, tag and community, ties of at least ``min_strength`` active
    today, optionally the ego network of one actor. ``run`` gives layout, measures and
    communities: the network's own latest run, else the workspace's, else None."""

    workspace: Workspace
    today: dt.date
    run: AnalysisRun | None
    network: Network | None = None
    sectors: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()  # province codes
    tags: tuple[str, ...] = ()  # tag name keys
    min_strength: int = 1
    community: int | None = None
    ego: Actor | None = None
    radius: int = 1

    @property
    def narrowed(self) -> bool:
        """Whether the actors are fewer than the whole workspace's (before the ego network)."""
        return bool(
            self.network or self.sectors or self.provinces or self.tags
            or self.community is not None
        )  # fmt: skip

    def filters(self) -> dict[str, Any]:
        return {
            "network": self.network.slug if self.network else None,
            "sector": list(self.sectors),
            "province": list(self.provinces),
            "tag": list(self.tags),
            "min_strength": self.min_strength,
            "community": self.community,
            "ego": self.ego.key if self.ego else None,
            "radius": self.radius,
        }

    def actors(self) -> QuerySet[Actor]:
        """The actors in scope, before the ego network is taken."""
        grouped = self.community is not None and self.run is not None
        if self.network is not None or self.tags or grouped:  # chosen by id: few rows
            actors = of_workspace_row_by_row(Actor.objects.all(), self.workspace)
        else:
            actors = Actor.objects.filter(workspace=self.workspace)
        if self.network is not None:
            members = Membership.objects.filter(_current(self.today), network=self.network)
            actors = actors.filter(id__in=members.values("actor_id"))
        if self.sectors:
            actors = actors.filter(sector__in=["" if s == "none" else s for s in self.sectors])
        if self.provinces:
            actors = actors.filter(province_code__in=self.provinces)
        if self.tags:
            tagged = ActorTag.objects.filter(
                tag__workspace=self.workspace, tag__name_key__in=self.tags
            )
            actors = actors.filter(id__in=tagged.values("actor_id"))
        if grouped:
            cluster = ActorResult.objects.filter(run=self.run, community=self.community)
            actors = actors.filter(id__in=cluster.values("actor_id"))
        return actors

    def ties(self) -> QuerySet[Tie]:
        """Ties active today, at least ``min_strength``, with both ends in :meth:`actors`."""
        ties = Tie.objects.filter(_current(self.today), strength__gte=self.min_strength)
        if not self.narrowed:
            ties = ties.filter(workspace=self.workspace)
        else:
            ties = of_workspace_row_by_row(ties, self.workspace)
            inside = self.actors().values("id")
            ties = ties.filter(source_id__in=inside, target_id__in=inside)
        return ties


def map_run(workspace: Workspace, network: Network | None = None) -> AnalysisRun | None:
    """The run that lays out a map: the network's own latest, else the workspace's."""
    own = latest_run(workspace, network) if network is not None else None
    return own or latest_run(workspace)


def map_scope(
    workspace: Workspace,
    *,
    network: Network | None = None,
    sector: str | Sequence[str] | None = None,
    province: str | Sequence[str] | None = None,
    tag: str | Sequence[str] | None = None,
    min_strength: int = 1,
    community: int | None = None,
    ego: Actor | None = None,
    radius: int = 1,
) -> MapScope:
    """Check the map's filters and find the run that lays it out. Provinces may be given by
    name or code; an unknown value is a ValidationError naming the field."""
    for obj in (network, ego):
        if obj is not None and obj.workspace_id != workspace.pk:
            raise NotFound(_("It belongs to another workspace."))
    errors: dict[str, str] = {}
    sectors = _one_or_many(sector)
    known = {*Sector.values, "none"}
    if any(s not in known for s in sectors):
        errors["sector"] = _("Unknown sector; use one of: %(known)s.") % {
            "known": ", ".join(sorted(known))
        }
    provinces: list[str] = []
    for text in _one_or_many(province):
        try:
            provinces.append(province_code_or_name(text))
        except AreaError as error:
            errors["province"] = str(error)
    if not 1 <= min_strength <= 4:
        errors["min_strength"] = _("The minimum strength must be 1 to 4.")
    if radius not in (1, 2):
        errors["radius"] = _("The ego network radius must be 1 or 2.")
    run = map_run(workspace, network)
    if community is not None and run is None:
        errors["community"] = _("Communities come from an analysis; run one first.")
    if errors:
        raise ValidationError(errors)
    return MapScope(
        workspace=workspace,
        today=timezone.localdate(),
        run=run,
        network=network,
        sectors=sectors,
        provinces=tuple(sorted(set(provinces))),
        tags=tuple(sorted({word_key(t)[:100] for t in _one_or_many(tag)})),
        min_strength=min_strength,
        community=community,
        ego=ego,
        radius=radius,
    )


def rows(queryset: QuerySet[Any, Any]) -> list[tuple[Any, ...]]:
    """The rows of a ``values_list`` query as the driver returns them: Django's per-value
    converters cost more than the query at 100,000 rows, and none is needed here."""
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def positions(ids: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Position of each value in the ascending ``ids``, -1 where absent."""
    if not len(ids):
        return np.full(len(values), -1, dtype=np.int64)
    found = np.searchsorted(ids, values).clip(max=len(ids) - 1)
    return np.where(ids[found] == values, found, -1)


@dataclass(frozen=True)
class MapGraph:
    """The map's nodes (actor ids, ascending) and one edge per pair of tied actors, with the
    strongest strength of the pair; ``directed`` when the pair is tied one way only (then
    ``source`` → ``target`` is that way). ``graph`` is the same as an igraph graph."""

    ids: np.ndarray
    source: np.ndarray
    target: np.ndarray
    strength: np.ndarray
    directed: np.ndarray
    graph: ig.Graph

    def bridges(self) -> np.ndarray:
        """Which edges are bridges: removing one would cut the network in two."""
        flags = np.zeros(len(self.source), dtype=bool)
        flags[np.asarray(self.graph.bridges(), dtype=np.int64)] = True
        return flags


CHUNK = 5_000  # ids per query when rows are looked up by a list of ids


def _chunks(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]


def rows_of(queryset: QuerySet[Any, Any], field: str, ids: Sequence[int]) -> list[tuple[Any, ...]]:
    """The rows of a ``values_list`` query whose ``field`` is one of ``ids``, read through the
    index of ``field`` a few thousand ids at a time."""
    found: list[tuple[Any, ...]] = []
    for chunk in _chunks(ids):
        found += rows(queryset.filter(**{f"{field}__in": chunk}))
    return found


def _ties_from(scope: MapScope, ids: Sequence[int], end: str) -> list[tuple[Any, ...]]:
    """The ties in scope (before their ends are checked) whose ``end`` is one of ``ids``, read
    through that end's index."""
    ties = Tie.objects.filter(_current(scope.today), strength__gte=scope.min_strength)
    ties = of_workspace_row_by_row(ties, scope.workspace)
    return rows_of(ties.values_list("source_id", "target_id", "strength", "directed"), end, ids)


def ego_ids(scope: MapScope) -> list[int]:
    """The actors in scope at most ``radius`` ties from the ego over the ties in scope,
    ascending: read outward from the ego, one step at a time, instead of every tie of the
    workspace (3,000,000 in a national one)."""
    assert scope.ego is not None
    actors = scope.actors()
    if not actors.filter(pk=scope.ego.pk).exists():
        return []
    reached, frontier = {scope.ego.pk}, [scope.ego.pk]
    for _step in range(scope.radius):
        ties = _ties_from(scope, frontier, "source_id") + _ties_from(scope, frontier, "target_id")
        found = sorted({end for tie in ties for end in tie[:2]} - reached)
        if scope.narrowed:  # only through actors in scope
            found = sorted(row[0] for row in rows_of(actors.values_list("id"), "id", found))
        reached.update(found)
        frontier = found
    return sorted(reached)


def map_graph(scope: MapScope, ids: np.ndarray, among_ids_only: bool = False) -> MapGraph:
    """The graph of the ties in scope among the actors ``ids`` (ascending); with
    ``among_ids_only``, the ties are read from those actors' own (few, for an ego map)."""
    if among_ids_only:
        found = _ties_from(scope, ids.tolist(), "source_id")
    else:
        found = rows(scope.ties().values_list("source_id", "target_id", "strength", "directed"))
    table = np.array(found, dtype=np.int64).reshape(-1, 4)
    source, target = positions(ids, table[:, 0]), positions(ids, table[:, 1])
    inside = (source >= 0) & (target >= 0)
    never = np.full(int(inside.sum()), np.datetime64("NaT"), dtype="datetime64[D]")
    columns = TieColumns(source[inside], target[inside], table[inside, 2].astype(np.int8),
                         table[inside, 3].astype(bool), never, never)  # fmt: skip
    sg = simple_graph(len(ids), columns)
    backward_only = sg.backward & ~sg.forward
    return MapGraph(
        ids,
        np.where(backward_only, sg.hi, sg.lo),
        np.where(backward_only, sg.lo, sg.hi),
        sg.weight.astype(np.int64),
        sg.forward != sg.backward,
        sg.graph,  # its edge i is the pair (lo[i], hi[i]): the same edges in the same order
    )


def map_nodes(scope: MapScope, *fields: str) -> tuple[list[tuple[Any, ...]], MapGraph]:
    """The actors the map shows (the ego network's, for an ego map) as rows of their id and
    ``fields``, by id, and their graph."""
    if scope.ego is None:
        actors = rows(scope.actors().order_by("id").values_list("id", *fields))
        return actors, map_graph(scope, np.array([row[0] for row in actors], dtype=np.int64))
    near = ego_ids(scope)
    actors = rows_of(Actor.objects.order_by("id").values_list("id", *fields), "id", near)
    return actors, map_graph(scope, np.array(near, dtype=np.int64), among_ids_only=True)


def map_actor_ids(scope: MapScope) -> list[int] | None:
    """The ids of the actors an ego map shows; None when the map is not an ego map (its actors
    are then exactly ``scope.actors()``)."""
    if scope.ego is None:
        return None
    return ego_ids(scope)
