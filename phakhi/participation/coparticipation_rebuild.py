"""The bulk side of co-participation ties: the weighted projection of a workspace's attendance
with numpy, and the rebuild that makes every tie again with the importers' bulk writes
(:mod:`phakhi.core.bulk`). :mod:`phakhi.participation.coparticipation` is the interface; this
module holds what both its refresh and its rebuild share (the kind, the result, the event)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from django.db import connection, transaction
from django.utils.translation import gettext as _

from phakhi.core import audit, bulk
from phakhi.core.models import AuditEvent, Workspace
from phakhi.participation.models import Activity, Attendance, CoParticipationRule
from phakhi.projects.models import ProjectTie
from phakhi.ties.models import Origin, Strength, Tie
from phakhi.ties.vocabulary import COPARTICIPATION, LAST_ACTIVITY, SHARED_ACTIVITIES

KIND = COPARTICIPATION
ORIGIN = Origin.ACTIVITY
STRENGTH = Strength.NETWORKING
SHARED, LAST = SHARED_ACTIVITIES, LAST_ACTIVITY
# A refresh of more actors than this makes every tie again instead (an attendance import).
REFRESH_LIMIT = 2000
_CHUNK = 500  # ids in one IN (…) list
ANALYZE_AFTER = 50_000  # ties created or removed by a rebuild: PostgreSQL's statistics renewed

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


def db_table(model: Any) -> str:
    return str(connection.ops.quote_name(model._meta.db_table))


def chunks(ids: Sequence[int], size: int = _CHUNK) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def record(
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
    attendance, activity = db_table(Attendance), db_table(Activity)
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
    tie = db_table(Tie)
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


def rebuild(
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
    record(author, workspace, result, rule)
    if connection.vendor == "postgresql" and result.created + result.removed > ANALYZE_AFTER:
        # Fresh statistics once committed: planned with the old ones, an actor's refresh
        # among millions of new ties took seconds instead of milliseconds.
        transaction.on_commit(_analyze_ties)
    return result


def _analyze_ties() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {db_table(Tie)}")


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
    for chunk in chunks(ids.tolist(), 5000):
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
    tie, drawn = db_table(Tie), db_table(ProjectTie)
    with connection.cursor() as cursor:
        for chunk in chunks(sorted(ids.tolist()), 900):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {drawn} WHERE tie_id IN ({marks})", chunk)
            cursor.execute(f"DELETE FROM {tie} WHERE id IN ({marks})", chunk)
    return len(ids)
