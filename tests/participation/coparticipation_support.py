"""Attendance made directly for the co-participation tests, and the reference: networkx's
weighted projection of the actor–activity graph."""

import datetime as dt
import random
from typing import Any

import networkx as nx
from networkx.algorithms import bipartite

from phakhi.actors.models import Actor
from phakhi.core.models import Workspace
from phakhi.participation.coparticipation import KIND, ORIGIN
from phakhi.participation.models import Activity, Attendance, CoParticipationRule
from phakhi.ties.models import Tie

Edges = dict[tuple[int, int], tuple[int, str]]


def make_actors(workspace: Workspace, n: int) -> list[Actor]:
    Actor.objects.bulk_create(
        Actor(workspace=workspace, key=f"p{i:03d}", name=f"คน {i}", name_key=f"คน {i}")
        for i in range(n)
    )
    return list(Actor.objects.filter(workspace=workspace).order_by("id"))


def make_activities(workspace: Workspace, n: int, seed: int = 0) -> list[Activity]:
    rng = random.Random(seed)
    Activity.objects.bulk_create(
        Activity(
            workspace=workspace,
            key=f"a{i:03d}",
            title=f"ประชุม {i}",
            starts_on=dt.date(2025, 10, 1) + dt.timedelta(days=rng.randrange(0, 400)),
        )
        for i in range(n)
    )
    return list(Activity.objects.filter(workspace=workspace).order_by("id"))


def attend(activity: Activity, actors: list[Actor]) -> None:
    Attendance.objects.bulk_create(
        Attendance(workspace_id=activity.workspace_id, activity=activity, actor=actor)
        for actor in actors
    )


def stored_edges(workspace: Workspace) -> Edges:
    """The computed co-participation ties as {(source, target): (shared, last)}."""
    ties = Tie.objects.filter(workspace=workspace, kind=KIND, origin=ORIGIN)
    return {
        (t.source_id, t.target_id): (
            t.attributes["shared_activities"],
            t.attributes["last_activity"],
        )
        for t in ties
    }


def reference_edges(workspace: Workspace) -> Edges:
    """networkx's weighted projection onto the actors, activities over the limit left out; the
    last shared activity's date computed alongside from the same graph."""
    rule = CoParticipationRule.objects.filter(workspace=workspace).first()
    limit = rule.max_participants if rule else CoParticipationRule.DEFAULT_MAX_PARTICIPANTS
    graph = nx.Graph()
    actors = list(Actor.objects.filter(workspace=workspace).values_list("id", flat=True))
    graph.add_nodes_from((("actor", a) for a in actors), bipartite=0)
    dates: dict[Any, dt.date] = {}
    for activity in Activity.objects.filter(workspace=workspace):
        members = list(activity.attendances.values_list("actor_id", flat=True))
        if len(members) > limit:
            continue
        node = ("activity", activity.pk)
        dates[node] = activity.starts_on
        graph.add_node(node, bipartite=1)
        graph.add_edges_from((("actor", m), node) for m in members)
    projected = bipartite.weighted_projected_graph(graph, [("actor", a) for a in actors])
    edges: Edges = {}
    for (_, a), (_, b), data in projected.edges(data=True):
        shared = set(graph[("actor", a)]) & set(graph[("actor", b)])
        last = max(dates[node] for node in shared).isoformat()
        edges[(min(a, b), max(a, b))] = (data["weight"], last)
    return edges
