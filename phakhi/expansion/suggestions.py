"""Who to reach next: groups and organizations working on other issues in our province, with no
tie or only a weak one (รู้จัก) to us, ranked by how much they would bridge our communities.

"Us" is the plan's lead network (and the project's lead actor), as in ``relationships``. Our
communities are the Leiden communities (``phakhi.engine.communities``) of the ties among us.
A candidate is an organization or a group

- in one of our provinces (those holding at least a fifth of our members with a province),
- carrying an issue outside our main ones (those at least a fifth of us carry),
- not one of us and not already in the plan, tied to us at most at level 1,
- within two steps of us, so that someone we know can introduce us.

Its score is, in order: the number of our communities it reaches through the people who could
introduce us (linking them makes the network hang together across its communities); the
number of actors it would bring within reach that none of us is tied to yet; how many of us
could introduce it. Each suggestion says why in words, and who could introduce us: one of us
tied to it, or one of us tied to someone tied to it.

Everything is read around us — the ties of our members, then those of the candidates — never
the whole workspace, in a fixed number of queries (the candidates' ties in chunks).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np
from django.db.models import Count, Q
from django.utils import timezone

from phakhi.actors.models import Actor, ActorTag, Kind
from phakhi.core.thai import sort_key, thai_sorted
from phakhi.engine.communities import leiden
from phakhi.engine.data import Actors, Ties, tie_columns
from phakhi.engine.graph import simple_graph
from phakhi.expansion.models import ExpansionPlan
from phakhi.expansion.relationships import strengths_to, ties_touching, us_condition, us_ids

T = TypeVar("T", str, int)

SHARE = 0.2  # a province or an issue is "ours" when this share of us has it
WEAK = 1  # the strongest tie to us a candidate may have (รู้จัก)
MAX_INTRODUCERS = 3


@dataclass(frozen=True)
class Introducer:
    """One of us who could introduce us: tied to the candidate, or to ``through`` who is."""

    member_id: int
    strength: int  # the weakest tie on the way
    through_id: int | None = None
    member_name: str = ""
    through_name: str = ""


@dataclass(frozen=True)
class Suggestion:
    actor_id: int
    name: str
    kind: str
    province_code: str
    issues: tuple[str, ...]  # its issues that are not ours
    tie_to_us: int  # 0 none, 1 a weak tie
    communities: int  # how many of our communities it reaches
    new_reach: int  # actors it is tied to that none of us is
    introducers: tuple[Introducer, ...]


@dataclass
class Suggestions:
    items: list[Suggestion] = field(default_factory=list)
    provinces: tuple[str, ...] = ()
    our_issues: tuple[str, ...] = ()
    member_count: int = 0
    community_count: int = 0


def _shared(counts: Counter[T], total: int) -> tuple[T, ...]:
    """The values at least ``SHARE`` of ``total`` have, at least the most common one."""
    if not counts:
        return ()
    top = counts.most_common(1)[0][1]
    return tuple(sorted(v for v, c in counts.items() if c >= SHARE * total or c == top))


def _communities(us: list[int], ties: list[tuple[int, int, int]]) -> dict[int, int]:
    """Each member's community among us; a member without a tie among us is its own."""
    if not us:
        return {}
    actors = Actors(keys=np.array(us, dtype=np.int64))
    table = np.array(ties, dtype=np.int64).reshape(-1, 3)
    columns = tie_columns(
        actors, Ties(source=table[:, 0], target=table[:, 1], strength=table[:, 2])
    )
    membership = leiden(simple_graph(len(us), columns)).membership
    return {
        actor: int(community) if community >= 0 else -1 - position
        for position, (actor, community) in enumerate(zip(us, membership.tolist(), strict=True))
    }


def suggest(plan: ExpansionPlan, *, day: dt.date | None = None, limit: int = 20) -> Suggestions:
    """The plan's suggestions, best first (at most ``limit``)."""
    day = day or timezone.localdate()
    us = us_ids(plan, day)
    if not us:
        return Suggestions()
    workspace_id = plan.workspace_id
    us_actors, us_taggings = (us_condition(plan, day, name) for name in ("id", "actor_id"))
    assert us_actors is not None and us_taggings is not None
    codes = Actor.objects.filter(us_actors, workspace_id=workspace_id).values_list(
        "province_code", flat=True
    )
    provinces = _shared(Counter(code for code in codes if code), len(us))
    tag_counts = list(
        ActorTag.objects.filter(us_taggings)
        .values("tag_id", "tag__name")
        .annotate(count=Count("actor_id"))
    )
    our_tags = {r["tag_id"]: r["tag__name"] for r in tag_counts}
    main = set(_shared(Counter({r["tag_id"]: r["count"] for r in tag_counts}), len(us)))
    ring = ties_touching(workspace_id, day, us)
    among_us = [(s, t, strength) for s, t, strength, _via in ring if s in us and t in us]
    to_us = strengths_to(us, ring)
    community = _communities(sorted(us), among_us)
    result = Suggestions(
        provinces=provinces,
        our_issues=tuple(thai_sorted((our_tags[t] for t in main), key=str)),
        member_count=len(us),
        community_count=len(set(community.values())),
    )
    if not provinces:
        return result
    in_plan = plan.rows.filter(target_actor__isnull=False).values("target_actor_id")
    other_issue = ActorTag.objects.filter(tag__workspace_id=workspace_id).exclude(tag_id__in=main)
    candidates = {
        row[0]: row
        for row in Actor.objects.filter(
            Q(kind=Kind.GROUP) | Q(kind=Kind.ORGANIZATION),
            workspace_id=workspace_id,
            province_code__in=provinces,
            id__in=other_issue.values("actor_id"),
        )
        .exclude(us_actors)
        .exclude(id__in=in_plan)
        .values_list("id", "name", "kind", "province_code")
        if max(to_us.get(row[0], {}).values(), default=0) <= WEAK
    }
    neighbours: dict[int, dict[int, int]] = defaultdict(dict)
    for source, target, strength, _via in ties_touching(workspace_id, day, candidates):
        for end, other in ((source, target), (target, source)):
            if end in candidates:
                neighbours[end][other] = max(strength, neighbours[end].get(other, 0))
    within_reach = us | to_us.keys()
    scored = []
    for actor_id, (_id, name, kind, province) in candidates.items():
        found = _introducers(neighbours[actor_id], us, to_us)
        if not found:
            continue
        reached = {community[i.member_id] for i in found}
        new_reach = len(neighbours[actor_id].keys() - within_reach)
        scored.append(
            (
                (-len(reached), -new_reach, -len(found), sort_key(name)),
                Suggestion(
                    actor_id,
                    name,
                    kind,
                    province,
                    (),
                    max(to_us.get(actor_id, {}).values(), default=0),
                    len(reached),
                    new_reach,
                    tuple(found[:MAX_INTRODUCERS]),
                ),
            )
        )
    scored.sort(key=lambda pair: pair[0])
    result.items = _named([s for _key, s in scored[:limit]], main)
    return result


def _introducers(
    neighbours: dict[int, int], us: set[int], to_us: dict[int, dict[int, int]]
) -> list[Introducer]:
    """Each of us who could introduce us to a candidate with these ``neighbours``, by the
    strongest way (a direct tie first), best first."""
    best: dict[int, Introducer] = {}
    for other, strength in neighbours.items():
        if other in us:
            best[other] = Introducer(other, strength)
            continue
        for mine, strength_to_us in to_us.get(other, {}).items():
            weakest = min(strength, strength_to_us)
            known = best.get(mine)
            if known is None or (known.through_id is not None and weakest > known.strength):
                best[mine] = Introducer(mine, weakest, other)
    return sorted(best.values(), key=lambda i: (i.through_id is not None, -i.strength, i.member_id))


def _named(items: list[Suggestion], main: set[int]) -> list[Suggestion]:
    """The suggestions with their other issues and the introducers' names (two queries)."""
    ids = {i for s in items for x in s.introducers for i in (x.member_id, x.through_id) if i}
    names = dict(Actor.objects.filter(id__in=ids).values_list("id", "name"))
    issues: dict[int, list[str]] = defaultdict(list)
    tagged = ActorTag.objects.filter(actor_id__in=[s.actor_id for s in items]).exclude(
        tag_id__in=main
    )
    for actor_id, name in tagged.values_list("actor_id", "tag__name"):
        issues[actor_id].append(name)
    return [
        Suggestion(
            s.actor_id,
            s.name,
            s.kind,
            s.province_code,
            tuple(thai_sorted(issues[s.actor_id], key=str)),
            s.tie_to_us,
            s.communities,
            s.new_reach,
            tuple(
                Introducer(
                    x.member_id,
                    x.strength,
                    x.through_id,
                    names.get(x.member_id, ""),
                    names.get(x.through_id, "") if x.through_id else "",
                )
                for x in s.introducers
            ),
        )
        for s in items
    ]
