"""The current relationship of each plan row, read from the map (ความสัมพันธ์เดิม ได้มาจาก
วิเคราะห์ โดยใช้ผังเครือข่าย).

"Us" is the plan's lead network — its members on the day — and the project's lead actor. A
row's target is an actor, or every member of a target network. The reading is, in order:

1. **direct**: the strongest tie in force between one of us and the target, not held through
   anyone (its level, 1–4);
2. **via**: otherwise a tie in force recorded as held through a broker (``Tie.via``): "loose
   through X" (หลวม ผ่าน X);
3. **two-step**: otherwise a path through one intermediary X tied to both one of us and the
   target: "loose through X";
4. **none**: no tie at all (level 0).

A relationship held through someone counts as loose (level 2) at most, and never more than the
weakest tie on the way, as the worksheet writes "หลวม ผ่านชาคริต". A target that is one of us
reads as "member". Everything is read in a fixed number of queries whatever the number of rows:
the ties of the targets and the ties of us, through the ties' source and target indexes a few
thousand ids at a time (never the whole workspace); ties ended by the day are left out.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core.models import Workspace
from phakhi.core.periods import active_on
from phakhi.core.selectors import of_workspace_row_by_row, rows_of
from phakhi.expansion.models import ExpansionPlan, PlanRow
from phakhi.expansion.vocabulary import NO_TIE, relationship_words
from phakhi.networks.models import Membership, Network
from phakhi.ties.models import Strength, Tie

LOOSE = int(Strength.COORDINATE)


class How:
    DIRECT = "direct"
    VIA = "via"
    TWO_STEP = "two_step"
    MEMBER = "member"
    NONE = "none"
    UNKNOWN = "unknown"  # no "us" (no lead network or actor) or no target on the map


@dataclass(frozen=True)
class Reading:
    """What the map says of one row's relationship."""

    how: str
    level: int | None  # 0–4; None when the map cannot say
    via_id: int | None = None
    via_name: str = ""
    ours_id: int | None = None  # which of us holds the tie (or the path)
    ours_name: str = ""

    @property
    def words(self) -> str:
        if self.how == How.UNKNOWN:
            return ""
        if self.how == How.MEMBER:
            return _("already one of us")
        return relationship_words(self.level, self.via_name)

    @property
    def explanation(self) -> str:
        """How the reading was made, in a sentence for the page."""
        names = {"ours": self.ours_name, "via": self.via_name}
        if self.how == How.DIRECT:
            return _("A direct tie with %(ours)s.") % names
        if self.how == How.VIA:
            return _("A tie with %(ours)s recorded as held through %(via)s.") % names
        if self.how == How.TWO_STEP:
            return _("No tie of ours; %(via)s is tied to both %(ours)s and them.") % names
        if self.how == How.MEMBER:
            return _("They are a member of our network.")
        if self.how == How.NONE:
            return _("No tie with us and no one in between on the map.")
        return _("The map cannot say: choose an actor or a network from the directory.")

    def reaches(self, level: int) -> bool:
        """Whether the relationship is at ``level`` or above without a broker."""
        return self.how == How.MEMBER or (self.how == How.DIRECT and (self.level or 0) >= level)


UNKNOWN = Reading(How.UNKNOWN, None)


def lead_network_of(plan: ExpansionPlan) -> Network | None:
    return plan.network if plan.network_id else getattr(plan.project, "network", None)


def us_condition(plan: ExpansionPlan, day: dt.date, field: str) -> Q | None:
    """Rows whose ``field`` is one of us on ``day`` (a subquery: a network may have thousands
    of members); None when the plan has no lead network and no lead actor."""
    network = lead_network_of(plan)
    lead_actor_id = getattr(plan.project, "lead_actor_id", None) if plan.project_id else None
    condition = Q()
    if network is not None:
        members = Membership.objects.filter(active_on(day), network=network).values("actor_id")
        condition |= Q(**{f"{field}__in": members})
    if lead_actor_id is not None:
        condition |= Q(**{field: lead_actor_id})
    return condition if condition else None


def us_ids(plan: ExpansionPlan, day: dt.date) -> set[int]:
    condition = us_condition(plan, day, "id")
    if condition is None:
        return set()
    return set(
        Actor.objects.filter(condition, workspace_id=plan.workspace_id).values_list("id", flat=True)
    )


def _targets(rows: Sequence[PlanRow], day: dt.date) -> dict[int, set[int]]:
    """Each row's target actors: the actor, or the members of the network on ``day``."""
    networks = {row.target_network_id for row in rows if row.target_network_id}
    members: dict[int, set[int]] = defaultdict(set)
    if networks:
        held = Membership.objects.filter(active_on(day), network_id__in=networks)
        for network_id, actor_id in held.values_list("network_id", "actor_id"):
            members[network_id].add(actor_id)
    targets = {}
    for row in rows:
        if row.target_actor_id:
            targets[row.pk] = {row.target_actor_id}
        elif row.target_network_id:
            targets[row.pk] = members[row.target_network_id]
    return targets


TieRow = tuple[int, int, int, int | None]  # source, target, strength, via
Neighbour = tuple[int, int, int | None]  # the other end, strength, via


def ties_touching(workspace_id: int, day: dt.date, ids: Iterable[int]) -> list[TieRow]:
    """The ties in force on ``day`` with an end among ``ids``, each once, read through the
    source and the target indexes a few thousand ids at a time (never the whole workspace)."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    in_force = of_workspace_row_by_row(
        Tie.objects.filter(active_on(day)), Workspace(pk=workspace_id)
    ).values_list("id", "source_id", "target_id", "strength", "via_id")
    found: dict[int, TieRow] = {}
    for field in ("source_id", "target_id"):
        for tie_id, source, target, strength, via in rows_of(in_force, field, wanted):
            found[tie_id] = (source, target, strength, via)
    return list(found.values())


def strengths_to(us: set[int], ring: Iterable[TieRow]) -> dict[int, dict[int, int]]:
    """For each actor not one of ``us`` tied to one of us: the strongest tie to each of us."""
    to_us: dict[int, dict[int, int]] = defaultdict(dict)
    for source, target, strength, _via in ring:
        if (source in us) == (target in us):
            continue
        mine, other = (source, target) if source in us else (target, source)
        to_us[other][mine] = max(strength, to_us[other].get(mine, 0))
    return to_us


def read_rows(
    plan: ExpansionPlan, rows: Iterable[PlanRow], day: dt.date | None = None
) -> dict[int, Reading]:
    """The reading of each row (by id) on ``day`` (default today)."""
    day = day or timezone.localdate()
    rows = list(rows)
    us = us_ids(plan, day)
    targets = _targets(rows, day)
    if not us:
        return {row.pk: UNKNOWN for row in rows}
    everyone = set().union(*targets.values()) if targets else set()
    around: dict[int, list[Neighbour]] = defaultdict(list)  # each target's ties
    for source, target, strength, via in ties_touching(plan.workspace_id, day, everyone):
        for end, other in ((source, target), (target, source)):
            if end in everyone:
                around[end].append((other, strength, via))
    to_us = strengths_to(us, ties_touching(plan.workspace_id, day, us))
    readings = {}
    for row in rows:
        found = targets.get(row.pk)
        if found is None:
            readings[row.pk] = UNKNOWN
        else:
            readings[row.pk] = _read_one(found, us, around, to_us)
    return _named(readings)


def _read_one(
    targets: set[int],
    us: set[int],
    around: dict[int, list[Neighbour]],
    to_us: dict[int, dict[int, int]],
) -> Reading:
    if targets & us:
        return Reading(How.MEMBER, 4, ours_id=min(targets & us))
    best_direct: tuple[int, int] | None = None  # (strength, one of us)
    best_via: tuple[int, int, int] | None = None  # (strength, broker, one of us)
    best_path: tuple[int, int, int] | None = None  # (weakest link, intermediary, one of us)
    for other, strength, via in (tie for inside in targets for tie in around.get(inside, ())):
        if other in targets:
            continue  # a tie inside the target network
        if other in us:
            if via is None:
                if best_direct is None or strength > best_direct[0]:
                    best_direct = (strength, other)
            elif best_via is None or strength > best_via[0]:
                best_via = (strength, via, other)
        elif other in to_us:
            mine, strength_to_us = max(to_us[other].items(), key=lambda item: item[1])
            weakest = min(strength, strength_to_us)
            if best_path is None or weakest > best_path[0]:
                best_path = (weakest, other, mine)
    if best_direct is not None:
        return Reading(How.DIRECT, best_direct[0], ours_id=best_direct[1])
    if best_via is not None:
        strength, broker, mine = best_via
        return Reading(How.VIA, min(strength, LOOSE), via_id=broker, ours_id=mine)
    if best_path is not None:
        weakest, broker, mine = best_path
        return Reading(How.TWO_STEP, min(weakest, LOOSE), via_id=broker, ours_id=mine)
    return Reading(How.NONE, NO_TIE)


def _named(readings: dict[int, Reading]) -> dict[int, Reading]:
    """The readings with the names of the brokers and of our actors (one query)."""
    ids = {i for r in readings.values() for i in (r.via_id, r.ours_id) if i is not None}
    if not ids:
        return readings
    names = dict(Actor.objects.filter(id__in=ids).values_list("id", "name"))
    return {
        row_id: Reading(
            r.how,
            r.level,
            r.via_id,
            names.get(r.via_id, "") if r.via_id else "",
            r.ours_id,
            names.get(r.ours_id, "") if r.ours_id else "",
        )
        for row_id, r in readings.items()
    }


def read_plan(plan: ExpansionPlan, day: dt.date | None = None) -> dict[int, Reading]:
    """The reading of every row of ``plan``."""
    return read_rows(plan, plan.rows.all(), day)
