"""Co-participation ties (ร่วมกิจกรรม): taking part in the same activity links two actors.

Two actors registered in the same activity (an :class:`Attendance` row each) are joined by one
undirected tie of kind ``co-participation``, origin ``activity``, strength 1 (รู้จัก), whose
attributes say how many activities they shared (``shared_activities``) and the date the last one
started (``last_activity``, ISO). An activity with more registered participants than the
workspace's limit (:class:`CoParticipationRule`, 50 by default) makes no ties: a 500-person forum
does not mean that everyone knows everyone. The ties are exactly networkx's
``bipartite.weighted_projected_graph`` of the actor–activity graph without those activities.

The attendance and activity services call :func:`coparticipation_refresh` inside their own
transaction after they changed who took part in what (or an activity's date); it recomputes the
pairs of the actors named, with a few set-based queries, and writes only what differs.
:func:`coparticipation_rebuild` makes every tie of a workspace again from all its attendance
(numpy over the attendance read in one query, bulk writes as the importers make them).

Only ties of kind ``co-participation`` with origin ``activity`` are written: ties of any other
kind or origin are never touched. A co-participation tie entered by hand or imported (origin
manual or import) stays as it is and takes the place of the computed one for its pair. A
computed tie keeps a strength someone raised by hand and any other attribute it was given; it
goes when its two actors no longer share an activity. Each refresh that changed something, and
each rebuild, records one audit event with its counts (not one per tie: a rebuild makes
millions); each tie it changes moves to its next version, so an edit opened before is checked.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core import audit
from phakhi.core.models import AuditEvent, Workspace
from phakhi.participation.coparticipation_rebuild import (
    KIND,
    LAST,
    ORIGIN,
    REFRESH_LIMIT,
    SHARED,
    STRENGTH,
    CoParticipationResult,
    Pairs,
    chunks,
    db_table,
    rebuild,
    record,
)
from phakhi.participation.coparticipation_selectors import (
    coparticipation_status,
)
from phakhi.participation.models import Activity, Attendance, CoParticipationRule
from phakhi.projects.models import ProjectTie
from phakhi.ties.models import Tie

# Above this many attendance rows a rebuild asked for on a page runs on the task queue.
INLINE_ATTENDANCE = 20_000
# The largest limit one may set: an activity of a thousand would alone make half a million ties.
MAX_LIMIT = 1000

__all__ = ["KIND", "LAST", "ORIGIN", "SHARED", "CoParticipationResult", "coparticipation_rebuild",
           "coparticipation_refresh", "coparticipation_status", "makes_ties", "tie_limit",
           "tie_limit_set"]  # fmt: skip

# --- the rule ----------------------------------------------------------------------------------


def tie_limit(workspace: Workspace | int) -> int:
    """The largest number of registered participants an activity may have and still make
    co-participation ties in ``workspace`` (50 unless the workspace chose another)."""
    workspace_id = workspace if isinstance(workspace, int) else workspace.pk
    found = CoParticipationRule.objects.filter(workspace_id=workspace_id).values_list(
        "max_participants", flat=True
    )
    return next(iter(found), CoParticipationRule.DEFAULT_MAX_PARTICIPANTS)


def makes_ties(activity: Activity, registered_count: int | None = None) -> bool:
    """Whether the activity makes co-participation ties: at most the workspace's limit of
    registered participants (``registered_count`` when the caller already counted them)."""
    if registered_count is None:
        registered_count = Attendance.objects.filter(activity=activity).count()
    return registered_count <= tie_limit(activity.workspace_id)


def _locked_rule(workspace: Workspace) -> CoParticipationRule:
    """The workspace's rule, locked until the caller's transaction ends: refreshes of the same
    workspace take turns, so that two people added at once to one activity both see each
    other (each refresh reads the attendance the one before it committed)."""
    rule, _created = CoParticipationRule.objects.select_for_update().get_or_create(
        workspace=workspace
    )
    return rule


@dataclass(frozen=True)
class LimitChange:
    """A new limit: the ties made again under it (``rebuild``), or ``queued`` for the task
    queue when the workspace's attendance is large."""

    old: int
    new: int
    rebuild: CoParticipationResult | None
    queued: bool


def runs_in_background(workspace: Workspace) -> bool:
    """Whether a rebuild of ``workspace`` goes to the task queue rather than a web request."""
    return Attendance.objects.filter(workspace=workspace).count() > INLINE_ATTENDANCE


def _queue(author: audit.Author, workspace: Workspace) -> None:
    from phakhi.participation.coparticipation_tasks import coparticipation_rebuild_task

    transaction.on_commit(
        lambda: coparticipation_rebuild_task.enqueue(workspace.pk, author.label, author.user_id)
    )


def tie_limit_set(
    author: audit.Author,
    workspace: Workspace,
    max_participants: int,
    *,
    background: bool = False,
) -> LimitChange | None:
    """Change the workspace's limit and make the ties again under it — at once, or with
    ``background`` on the task queue; None when the limit was already that (nothing to do).
    Recorded as an update of the rule."""
    if not isinstance(max_participants, int) or not 2 <= max_participants <= MAX_LIMIT:
        raise ValidationError(
            {
                "max_participants": _("The limit must be a whole number from 2 to %(most)s.")
                % {"most": f"{MAX_LIMIT:,}"}
            }
        )
    with transaction.atomic():
        rule = _locked_rule(workspace)
        old = rule.max_participants
        if old == max_participants:
            return None
        rule.max_participants = max_participants
        rule.save(update_fields=["max_participants"])
        audit.record(
            author,
            AuditEvent.Action.UPDATE,
            rule,
            workspace=workspace,
            changes={"max_participants": [old, max_participants]},
        )
        if background:
            _queue(author, workspace)
            return LimitChange(old, max_participants, None, True)
        return LimitChange(old, max_participants, rebuild(workspace, rule, author), False)


def coparticipation_rebuild_request(
    author: audit.Author, workspace: Workspace, *, background: bool = False
) -> CoParticipationResult | None:
    """A rebuild asked for on a page: run now, or with ``background`` queued (None)."""
    if background:
        with transaction.atomic():
            _queue(author, workspace)
        return None
    return coparticipation_rebuild(workspace, author=author)


# --- reading attendance ------------------------------------------------------------------------


def _iso(value: Any) -> str:
    """A date from the driver (a date on PostgreSQL, text on SQLite) as ISO text."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]


def _wanted_pairs(workspace: Workspace, actor_ids: list[int], limit: int) -> Pairs:
    """The co-participation of every pair with at least one end in ``actor_ids``: how many
    activities of at most ``limit`` registered participants they shared, and the last one's
    date. One grouped query per chunk of actors."""
    attendance, activity = db_table(Attendance), db_table(Activity)
    pairs: Pairs = {}
    with connection.cursor() as cursor:
        for chunk in chunks(actor_ids):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"""
                WITH mine AS (
                    SELECT activity_id, actor_id FROM {attendance}
                    WHERE workspace_id = %s AND actor_id IN ({marks})
                ), small AS (
                    SELECT a.activity_id FROM {attendance} a
                    WHERE a.activity_id IN (SELECT activity_id FROM mine)
                    GROUP BY a.activity_id HAVING COUNT(*) <= %s
                )
                SELECT m.actor_id, o.actor_id, COUNT(*), MAX(act.starts_on)
                FROM mine m
                JOIN small s ON s.activity_id = m.activity_id
                JOIN {attendance} o ON o.activity_id = m.activity_id AND o.actor_id <> m.actor_id
                JOIN {activity} act ON act.id = m.activity_id
                GROUP BY m.actor_id, o.actor_id
                """,
                [workspace.pk, *chunk, limit],
            )
            for one, other, shared, last in cursor.fetchall():
                pair = (one, other) if one < other else (other, one)
                pairs[pair] = (int(shared), _iso(last))
    return pairs


def _near_limit(
    workspace: Workspace, actor_ids: list[int], activity_ids: list[int], limit: int, changed: int
) -> set[int]:
    """Everyone registered in an activity whose size may just have crossed the limit: one of
    ``activity_ids`` or of the actors' own, with ``changed`` registrations more or fewer it
    would be on the other side. Their pairs among themselves changed too."""
    attendance = db_table(Attendance)
    low, high = limit - changed + 1, limit + changed
    found: set[int] = set()
    with connection.cursor() as cursor:
        for column, ids in (("actor_id", actor_ids), ("activity_id", activity_ids)):
            for chunk in chunks(ids):
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(
                    f"""
                    SELECT a.actor_id FROM {attendance} a WHERE a.activity_id IN (
                        SELECT b.activity_id FROM {attendance} b WHERE b.activity_id IN (
                            SELECT activity_id FROM {attendance}
                            WHERE workspace_id = %s AND {column} IN ({marks})
                        )
                        GROUP BY b.activity_id HAVING COUNT(*) BETWEEN %s AND %s
                    )
                    """,
                    [workspace.pk, *chunk, low, high],
                )
                found.update(row[0] for row in cursor.fetchall())
    return found


def _stored_ties(workspace: Workspace, actor_ids: list[int]) -> dict[tuple[int, int], Tie]:
    """The co-participation ties (any origin) with an end in ``actor_ids`` (of ``workspace``),
    read through the index each end leads (an actor's ties are few among millions). The kind
    is checked here, not in SQL: with it there, PostgreSQL's planner, its statistics not yet
    renewed after a rebuild, chose the (workspace, directed) index and read every tie."""
    ties: dict[tuple[int, int], Tie] = {}
    base = Tie.objects.only(
        "id", "workspace_id", "source_id", "target_id", "kind", "directed", "origin",
        "attributes", "version",
    )  # fmt: skip
    for chunk in chunks(actor_ids):
        for end in ("source_id__in", "target_id__in"):
            for tie in base.filter(**{end: chunk}):
                if tie.kind == KIND and not tie.directed and tie.workspace_id == workspace.pk:
                    ties[(tie.source_id, tie.target_id)] = tie
    return ties


def _attributes(shared: int, last: str) -> dict[str, Any]:
    return {SHARED: shared, LAST: last}


def coparticipation_refresh(
    workspace: Workspace,
    actor_ids: Iterable[int],
    *,
    activities: Iterable[int] = (),
    resized: Iterable[int] = (),
    author: audit.Author | None = None,
) -> CoParticipationResult:
    """Bring every co-participation tie touching one of ``actor_ids`` up to date with the
    attendance as stored now. Call it inside the transaction that changed the attendance, with
    the actors whose attendance changed (added, removed, moved); name in ``resized`` the
    activities someone left (one fewer may bring an activity back under the limit: 51 → 50
    makes ties among all its 50 — their pairs are then refreshed, and only then), and in
    ``activities`` those whose date moved (the pairs of all their participants are refreshed).
    An activity the actors joined is checked against the limit through their own attendance.
    Changing one registration in an activity of n people touches the pairs of that person
    (O(n) for the activity) with a few grouped queries. More than ``REFRESH_LIMIT`` actors:
    every tie is made again (:func:`coparticipation_rebuild`).
    """
    started = time.perf_counter()
    actors = sorted({int(i) for i in actor_ids})
    activity_ids = sorted({int(i) for i in activities})
    resized_ids = sorted({int(i) for i in resized} - set(activity_ids))
    author = author or audit.Author.system("co-participation")
    with transaction.atomic():
        rule = _locked_rule(workspace)
        if len(actors) > REFRESH_LIMIT:
            return rebuild(workspace, rule, author)
        limit = rule.max_participants
        everyone = set(actors)
        if actors or resized_ids:
            everyone |= _near_limit(workspace, actors, resized_ids, limit, max(1, len(actors)))
        if activity_ids:
            everyone |= set(
                Attendance.objects.filter(activity_id__in=activity_ids).values_list(
                    "actor_id", flat=True
                )
            )
        if len(everyone) > REFRESH_LIMIT:
            return rebuild(workspace, rule, author)
        ids = sorted(everyone)
        result = CoParticipationResult("refresh", actors=len(ids))
        if ids:
            _apply(
                workspace,
                _wanted_pairs(workspace, ids, limit),
                _stored_ties(workspace, ids),
                result,
            )
        result.seconds = time.perf_counter() - started
        if result.changed:
            record(author, workspace, result)
    return result


def _apply(
    workspace: Workspace,
    wanted: Pairs,
    stored: dict[tuple[int, int], Tie],
    result: CoParticipationResult,
) -> None:
    """Write the difference between the ties ``wanted`` and those ``stored`` (a refresh's few)."""
    result.pairs = len(wanted)
    create, update, remove = [], [], []
    for pair, (shared, last) in wanted.items():
        tie = stored.get(pair)
        if tie is None:
            create.append(
                Tie(
                    workspace=workspace,
                    source_id=pair[0],
                    target_id=pair[1],
                    kind=KIND,
                    directed=False,
                    strength=STRENGTH,
                    origin=ORIGIN,
                    attributes=_attributes(shared, last),
                )
            )
        elif tie.origin != ORIGIN:
            result.unchanged += 1  # entered by hand or imported: left as it is
        elif tie.attributes.get(SHARED) != shared or tie.attributes.get(LAST) != last:
            tie.attributes = {**tie.attributes, **_attributes(shared, last)}
            tie.version += 1
            update.append(tie)
        else:
            result.unchanged += 1
    for pair, tie in stored.items():
        if pair not in wanted and tie.origin == ORIGIN:
            remove.append(tie.pk)
    Tie.objects.bulk_create(create)
    Tie.objects.bulk_update(update, ["attributes", "version"])
    if update:
        Tie.objects.filter(pk__in=[t.pk for t in update]).update(updated_at=timezone.now())
    if remove:
        ProjectTie.objects.filter(tie_id__in=remove).delete()
        Tie.objects.filter(pk__in=remove).delete()
    result.created, result.updated, result.removed = len(create), len(update), len(remove)


# --- the rebuild -------------------------------------------------------------------------------


def coparticipation_rebuild(
    workspace: Workspace, *, author: audit.Author | None = None
) -> CoParticipationResult:
    """Every co-participation tie of ``workspace`` made again from all its attendance: the ties
    the rule asks for are created, changed or removed so that they equal the attendance, and the
    rest stay. Recorded as one event on the workspace's rule."""
    author = author or audit.Author.system("co-participation")
    with transaction.atomic():
        return rebuild(workspace, _locked_rule(workspace), author)


def refresh_after_merge(kept: Actor, merged_id: int, author: audit.Author) -> None:
    """After ``actors_merge``: the kept actor's co-participation ties counted again from the
    attendance it now has (the merged actor's moved to it; where both attended, one row stayed,
    which may bring that activity back under the limit — the refresh sees it). The merge
    combined their ties generically (the larger count won); this makes them exact."""
    coparticipation_refresh(kept.workspace, {kept.pk}, author=author)
