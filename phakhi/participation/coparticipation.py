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
import json
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core import audit, bulk
from phakhi.core.models import AuditEvent, Workspace
from phakhi.participation.models import Activity, Attendance, CoParticipationRule
from phakhi.projects.models import ProjectTie
from phakhi.ties.models import Origin, Strength, Tie
from phakhi.ties.vocabulary import COPARTICIPATION

KIND = COPARTICIPATION
ORIGIN = Origin.ACTIVITY
STRENGTH = Strength.NETWORKING
SHARED, LAST = "shared_activities", "last_activity"
# A refresh of more actors than this makes every tie again instead (an attendance import).
REFRESH_LIMIT = 2000
_CHUNK = 500  # ids in one IN (…) list

Pairs = dict[tuple[int, int], tuple[int, str]]  # (lower id, higher id) → (shared, last ISO date)


@dataclass
class CoParticipationResult:
    """What a refresh or a rebuild did."""

    operation: str  # "refresh" or "rebuild"
    created: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    pairs: int = 0  # pairs that took part together (ties the rule asks for)
    actors: int = 0  # actors refreshed (every actor with attendance, for a rebuild)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # a rebuild's steps, seconds

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.removed

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


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


def tie_limit_set(
    author: audit.Author, workspace: Workspace, max_participants: int
) -> CoParticipationResult | None:
    """Change the workspace's limit and make the ties again under it; None when the limit was
    already that (nothing to do). Recorded as an update of the rule."""
    if not isinstance(max_participants, int) or max_participants < 2:
        raise ValidationError(
            {"max_participants": _("The limit must be a whole number of at least 2.")}
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
        return _rebuild(workspace, rule, author)


# --- reading attendance ------------------------------------------------------------------------


def _table(model: Any) -> str:
    return str(connection.ops.quote_name(model._meta.db_table))


def _chunks(ids: Sequence[int], size: int = _CHUNK) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def _iso(value: Any) -> str:
    """A date from the driver (a date on PostgreSQL, text on SQLite) as ISO text."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]


def _wanted_pairs(workspace: Workspace, actor_ids: list[int], limit: int) -> Pairs:
    """The co-participation of every pair with at least one end in ``actor_ids``: how many
    activities of at most ``limit`` registered participants they shared, and the last one's
    date. One grouped query per chunk of actors."""
    attendance, activity = _table(Attendance), _table(Activity)
    pairs: Pairs = {}
    with connection.cursor() as cursor:
        for chunk in _chunks(actor_ids):
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
    attendance = _table(Attendance)
    low, high = limit - changed + 1, limit + changed
    found: set[int] = set()
    with connection.cursor() as cursor:
        for column, ids in (("actor_id", actor_ids), ("activity_id", activity_ids)):
            for chunk in _chunks(ids):
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
    read through the index each end leads (an actor's ties are few among millions)."""
    ties: dict[tuple[int, int], Tie] = {}
    base = Tie.objects.filter(kind=KIND, directed=False).only(
        "id", "workspace_id", "source_id", "target_id", "origin", "attributes", "version"
    )
    for chunk in _chunks(actor_ids):
        for end in ("source_id__in", "target_id__in"):
            for tie in base.filter(**{end: chunk}):
                if tie.workspace_id == workspace.pk:
                    ties[(tie.source_id, tie.target_id)] = tie
    return ties


def _attributes(shared: int, last: str) -> dict[str, Any]:
    return {SHARED: shared, LAST: last}


def _record(
    author: audit.Author, workspace: Workspace, result: CoParticipationResult, obj: Any = None
) -> None:
    changes = {"kind": KIND, **result.as_dict()}
    changes["seconds"] = round(result.seconds, 3)
    audit.record(
        author,
        AuditEvent.Action.UPDATE,
        obj,
        workspace=workspace,
        object_type=None if obj is not None else Tie._meta.label_lower,
        object_repr=_("co-participation ties (%(operation)s)") % {"operation": result.operation},
        changes=changes,
        batch=audit.new_batch_id(),
    )


def coparticipation_refresh(
    workspace: Workspace,
    actor_ids: Iterable[int],
    *,
    activities: Iterable[int] = (),
    author: audit.Author | None = None,
) -> CoParticipationResult:
    """Bring every co-participation tie touching one of ``actor_ids`` up to date with the
    attendance as stored now. Call it inside the transaction that changed the attendance, with
    the actors whose attendance changed (added, removed, moved) and, for a removal or a change
    of an activity's date, the ``activities`` concerned: when an activity's size crosses the
    limit (51 → 50 makes ties among all its 50), or its date moves, the pairs of all its
    participants are refreshed. Changing one registration in an activity of n people touches
    the pairs of that person (O(n) for the activity) with a few grouped queries.
    More than ``REFRESH_LIMIT`` actors: every tie is made again (:func:`coparticipation_rebuild`).
    """
    started = time.perf_counter()
    actors = sorted({int(i) for i in actor_ids})
    activity_ids = sorted({int(i) for i in activities})
    author = author or audit.Author.system("co-participation")
    with transaction.atomic():
        rule = _locked_rule(workspace)
        if len(actors) > REFRESH_LIMIT:
            return _rebuild(workspace, rule, author)
        limit = rule.max_participants
        everyone = set(actors)
        if actors or activity_ids:
            everyone |= _near_limit(workspace, actors, activity_ids, limit, max(1, len(actors)))
        if activity_ids:
            everyone |= set(
                Attendance.objects.filter(activity_id__in=activity_ids).values_list(
                    "actor_id", flat=True
                )
            )
        if len(everyone) > REFRESH_LIMIT:
            return _rebuild(workspace, rule, author)
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
            _record(author, workspace, result)
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
        return _rebuild(workspace, _locked_rule(workspace), author)


def projected_pairs(
    activity_ids: np.ndarray,
    actor_ids: np.ndarray,
    days: dict[int, int] | np.ndarray,
    limit: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The weighted projection of attendance rows (``activity_ids[i]``, ``actor_ids[i]``) onto
    the actors, leaving out activities of more than ``limit`` rows: arrays ``lo``, ``hi``
    (``lo < hi``, sorted by pair), ``shared`` (activities in common) and ``last`` (the latest
    day number of those, from ``days``: activity id → day, or an array parallel to the rows).

    >>> lo, hi, shared, last = projected_pairs(
    ...     np.array([1, 1, 1, 2, 2]), np.array([10, 11, 12, 10, 11]),
    ...     {1: 100, 2: 105}, limit=50)
    >>> list(zip(lo.tolist(), hi.tolist(), shared.tolist(), last.tolist()))
    [(10, 11, 2, 105), (10, 12, 1, 100), (11, 12, 1, 100)]
    """
    activity_ids = np.asarray(activity_ids, dtype=np.int64)
    actor_ids = np.asarray(actor_ids, dtype=np.int64)
    empty = np.zeros(0, dtype=np.int64)
    if not len(activity_ids):
        return empty, empty, empty, empty
    order = np.lexsort((actor_ids, activity_ids))
    activity_ids, actor_ids = activity_ids[order], actor_ids[order]
    if isinstance(days, dict):
        row_days = np.array([days[a] for a in activity_ids.tolist()], dtype=np.int64)
    else:
        row_days = np.asarray(days, dtype=np.int64)[order]
    starts = np.flatnonzero(np.r_[True, activity_ids[1:] != activity_ids[:-1]])
    sizes = np.diff(np.r_[starts, len(activity_ids)])
    lo_parts, hi_parts, day_parts = [], [], []
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= limit)]).tolist():
        first = starts[sizes == size]
        members = actor_ids[first[:, None] + np.arange(size)]  # one activity a row, ascending
        left, right = np.triu_indices(size, 1)
        lo_parts.append(members[:, left].ravel())
        hi_parts.append(members[:, right].ravel())
        day_parts.append(np.repeat(row_days[first], len(left)))
    if not lo_parts:
        return empty, empty, empty, empty
    lo, hi, day = np.concatenate(lo_parts), np.concatenate(hi_parts), np.concatenate(day_parts)
    span = np.int64(int(actor_ids.max()) + 1)
    key = lo * span + hi
    order = np.argsort(key, kind="stable")
    key, day = key[order], day[order]
    first = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    shared = np.diff(np.r_[first, len(key)])
    last = np.maximum.reduceat(day, first)
    unique = key[first]
    return unique // span, unique % span, shared.astype(np.int64), last.astype(np.int64)


def _read_attendance(workspace: Workspace) -> tuple[np.ndarray, np.ndarray, dict[int, int]]:
    attendance, activity = _table(Attendance), _table(Activity)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT activity_id, actor_id FROM {attendance} WHERE workspace_id = %s",
            [workspace.pk],
        )
        rows = cursor.fetchall()
        cursor.execute(
            f"SELECT id, starts_on FROM {activity} WHERE workspace_id = %s", [workspace.pk]
        )
        dates = cursor.fetchall()
    table = np.array(rows, dtype=np.int64).reshape(-1, 2)
    del rows
    ids = [i for i, _d in dates]
    # The driver gives dates on PostgreSQL, ISO text on SQLite: numpy reads both.
    values = np.array([str(d)[:10] for _i, d in dates], dtype="datetime64[D]").astype(np.int64)
    return table[:, 0], table[:, 1], dict(zip(ids, values.tolist(), strict=True))


def _stored_table(workspace: Workspace, days: DayText) -> tuple[np.ndarray, ...]:
    """Every co-participation tie of the workspace as columns: id, source, target, whether its
    origin is ``activity``, shared and last day as stored (-1 when absent or not readable),
    version. The attributes are read in SQL; dates through the ``days`` table."""
    tie = _table(Tie)
    if connection.vendor == "postgresql":
        shared = (
            "CASE WHEN jsonb_typeof(attributes -> 'shared_activities') = 'number' "
            "THEN (attributes ->> 'shared_activities')::numeric::bigint ELSE -1 END"
        )
        last = "attributes ->> 'last_activity'"
    else:
        shared = "COALESCE(CAST(json_extract(attributes, '$.shared_activities') AS INTEGER), -1)"
        last = "json_extract(attributes, '$.last_activity')"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, source_id, target_id, CASE WHEN origin = %s THEN 1 ELSE 0 END, "
            f"{shared}, {last}, version FROM {tie} "
            "WHERE workspace_id = %s AND kind = %s AND directed = %s",
            [str(ORIGIN), workspace.pk, KIND, False],
        )
        rows = cursor.fetchall()
    if not rows:
        empty = np.zeros(0, np.int64)
        return empty, empty, empty, np.zeros(0, bool), empty, empty, empty
    ids, source, target, ours, counts, lasts, version = zip(*rows, strict=True)
    del rows
    day_of = days.day_of
    return (
        np.array(ids, np.int64),
        np.array(source, np.int64),
        np.array(target, np.int64),
        np.array(ours, bool),
        np.array(counts, np.int64),
        np.array([day_of.get(text, -1) for text in lasts], np.int64),
        np.array(version, np.int64),
    )


class DayText:
    """Day numbers (days since 1970-01-01) of the activities and their ISO texts, both ways,
    through a table of the few hundred days activities fall on."""

    def __init__(self, days: Iterable[int]) -> None:
        unique = np.unique(np.fromiter(days, np.int64))
        self.first = int(unique[0]) if len(unique) else 0
        span = np.arange(self.first, int(unique[-1]) + 1 if len(unique) else 0, dtype=np.int64)
        self.texts = np.datetime_as_string(span.astype("datetime64[D]"))
        self.day_of = {
            text: int(day) for day, text in zip(span.tolist(), self.texts.tolist(), strict=True)
        }

    def text(self, days: np.ndarray) -> list[str]:
        return self.texts[days - self.first].tolist()  # type: ignore[no-any-return]


def _rebuild(
    workspace: Workspace, rule: CoParticipationRule, author: audit.Author
) -> CoParticipationResult:
    started = time.perf_counter()
    result = CoParticipationResult("rebuild")
    steps = result.timings
    clock = time.perf_counter

    def step(name: str, since: float) -> float:
        now = clock()
        steps[name] = round(now - since, 3)
        return now

    with bulk.collector_paused():
        activity_ids, actor_ids, by_activity = _read_attendance(workspace)
        days = DayText(by_activity.values())
        result.actors = len(np.unique(actor_ids))
        mark = step("read_attendance", started)
        lo, hi, shared, last = projected_pairs(
            activity_ids, actor_ids, by_activity, rule.max_participants
        )
        del activity_ids, actor_ids, by_activity
        result.pairs = len(lo)
        mark = step("project", mark)
        ids, source, target, ours, stored_shared, stored_last, version = _stored_table(
            workspace, days
        )
        mark = step("read_ties", mark)
        span = np.int64(1 << 31)  # actor ids are 32-bit: a pair is one 64-bit number
        wanted_key = lo * span + hi
        stored_key = source * span + target
        order = np.argsort(stored_key)
        stored_sorted = stored_key[order]
        where = np.searchsorted(stored_sorted, wanted_key)
        where_clipped = np.minimum(where, max(len(stored_sorted) - 1, 0))
        found = (
            (stored_sorted[where_clipped] == wanted_key)
            if len(stored_sorted)
            else np.zeros(len(wanted_key), bool)
        )
        match = order[where_clipped[found]]  # stored row of each wanted pair that has one
        new = ~found
        differs = ours[match] & (
            (stored_shared[match] != shared[found]) | (stored_last[match] != last[found])
        )
        result.unchanged = int(len(match) - differs.sum())
        keep = np.zeros(len(ids), bool)
        keep[match] = True
        gone = ids[ours & ~keep]
        mark = step("compare", mark)
        # In the order of the unique index (source, target): a B-tree takes it as an append.
        result.created = _insert(workspace, lo[new], hi[new], shared[new], days.text(last[new]))
        mark = step("insert", mark)
        changed_rows = match[differs]
        result.updated = _update(
            ids[changed_rows],
            version[changed_rows],
            shared[found][differs],
            days.text(last[found][differs]),
        )
        mark = step("update", mark)
        result.removed = _delete(gone)
        step("delete", mark)
    result.seconds = time.perf_counter() - started
    _record(author, workspace, result, rule)
    return result


def _insert(
    workspace: Workspace, lo: np.ndarray, hi: np.ndarray, shared: np.ndarray, last: list[str]
) -> int:
    now = bulk.timestamp()
    ws, kind, origin, strength = workspace.pk, KIND, str(ORIGIN), int(STRENGTH)
    directed = False

    def rows() -> Iterator[tuple[Any, ...]]:
        for s, t, n, day in zip(lo.tolist(), hi.tolist(), shared.tolist(), last, strict=True):
            attributes = f'{{"{SHARED}": {n}, "{LAST}": "{day}"}}'
            yield (ws, s, t, kind, directed, strength, origin, attributes, now, now)

    columns = [
        "workspace_id",
        "source_id",
        "target_id",
        "kind",
        "directed",
        "strength",
        "origin",
        "attributes",
        "created_at",
        "updated_at",
    ]
    return bulk.insert_rows(Tie, columns, rows())


def _update(ids: np.ndarray, versions: np.ndarray, shared: np.ndarray, last: list[str]) -> int:
    """Write the new counts of ``ids`` over their other attributes, each as its next version."""
    if not len(ids):
        return 0
    now = bulk.timestamp()
    order = np.argsort(ids)
    ids, versions, shared = ids[order], versions[order], shared[order]
    texts = [last[i] for i in order.tolist()]
    stored: dict[int, Any] = {}
    for chunk in _chunks(ids.tolist(), 5000):
        stored.update(Tie.objects.filter(pk__in=chunk).values_list("id", "attributes"))

    def rows() -> Iterator[list[Any]]:
        for tie_id, version, n, day in zip(
            ids.tolist(), versions.tolist(), shared.tolist(), texts, strict=True
        ):
            attributes = {**(stored.get(tie_id) or {}), SHARED: n, LAST: day}
            yield [json.dumps(attributes, ensure_ascii=False), version + 1, now, tie_id]

    return bulk.update_rows(Tie, ["attributes", "version", "updated_at"], rows())


def _delete(ids: np.ndarray) -> int:
    if not len(ids):
        return 0
    tie, drawn = _table(Tie), _table(ProjectTie)
    with connection.cursor() as cursor:
        for chunk in _chunks(sorted(ids.tolist()), 900):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {drawn} WHERE tie_id IN ({marks})", chunk)
            cursor.execute(f"DELETE FROM {tie} WHERE id IN ({marks})", chunk)
    return len(ids)


# --- reads for the pages -----------------------------------------------------------------------


@dataclass(frozen=True)
class CoParticipationStatus:
    limit: int
    ties: int
    last_rebuild: AuditEvent | None


def coparticipation_status(workspace: Workspace) -> CoParticipationStatus:
    """The rule's limit, how many co-participation ties the workspace has, and its last
    rebuild's event (with its counts and seconds), or None."""
    ties = Tie.objects.filter(workspace=workspace, kind=KIND, origin=ORIGIN).count()
    rule = CoParticipationRule.objects.filter(workspace=workspace).first()
    last = None
    if rule is not None:
        last = (
            AuditEvent.objects.filter(
                object_type=CoParticipationRule._meta.label_lower, object_id=str(rule.pk)
            )
            .exclude(changes__has_key="max_participants")
            .order_by("-at", "-id")
            .first()
        )
    limit = rule.max_participants if rule else CoParticipationRule.DEFAULT_MAX_PARTICIPANTS
    return CoParticipationStatus(limit, ties, last)


def refresh_after_merge(kept: Actor, merged_id: int, author: audit.Author) -> None:
    """After ``actors_merge``: the kept actor's co-participation ties counted again from the
    attendance it now has (the merged actor's moved to it; where both attended, one row stayed,
    which may bring that activity back under the limit — the refresh sees it). The merge
    combined their ties generically (the larger count won); this makes them exact."""
    coparticipation_refresh(kept.workspace, {kept.pk}, author=author)
