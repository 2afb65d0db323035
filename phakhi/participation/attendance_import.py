"""Importing attendance (การเข้าร่วม): who took part in which activity, and in what role.

A row names an activity and an actor by their keys, both already in the workspace. A new pair is
added (source "imported"), a known pair gets the file's role when the file has a role column,
and the same pair twice in a file is refused on its second line. Nobody is removed: a file lists
those who took part, not those who did not. After the write, the co-participation ties of the
actors whose activities changed are brought up to date in the same transaction."""

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils.translation import gettext as _

from phakhi.actors.selectors import actor_ids_by_key
from phakhi.core import audit, bulk
from phakhi.core.cells import cell_text, cell_texts
from phakhi.core.models import Workspace
from phakhi.core.vocabulary import VocabularyError
from phakhi.imports.columns import ATTENDANCE_COLUMNS, HeaderError, map_headers
from phakhi.imports.readers import ImportFileError, Table
from phakhi.imports.report import ImportReport, Progress, record_import, reporting_rows
from phakhi.participation.coparticipation import coparticipation_refresh
from phakhi.participation.models import Activity, Attendance
from phakhi.participation.vocabulary import parse_role

Pair = tuple[int, int]  # activity id, actor id
_ORDER = ("activity", "actor", "role")


@dataclass
class Plan:
    new: list[tuple[int, int, str]]  # activity id, actor id, role
    roles: list[tuple[int, str, str, str]]  # attendance id, label, old role, new role


class RowParser:
    def __init__(self, table: Table, activities: dict[str, int], actors: dict[str, int]):
        try:
            headers = map_headers(table.headers, ATTENDANCE_COLUMNS)
        except HeaderError as error:
            raise ImportFileError(str(error)) from None
        self.columns = headers.fields
        self.ignored = list(headers.attributes)
        absent = 1 << 30  # an index past any row: the column reads as empty
        self.indexes = [self.columns.get(name, absent) for name in _ORDER]
        self.activities, self.actors = activities, actors
        self.keys_of = {activity_id: key for key, activity_id in activities.items()}
        self.roles: dict[str, str] = {}  # cell → role, each distinct cell parsed once

    def role(self, text: str, problems: list[tuple[str, str]]) -> str:
        role = self.roles.get(text)
        if role is None:
            try:
                role = self.roles[text] = parse_role(text)
            except VocabularyError as error:
                problems.append(("role", str(error)))
                return ""
        return role

    def parse(self, texts: list[str]) -> tuple[Pair | None, str, str, list[tuple[str, str]]]:
        """From the row's activity, actor and role cells (as text): its (activity id, actor
        id), its role, its actor's key, and its problems."""
        problems: list[tuple[str, str]] = []
        activity_key, actor_key, role_text = texts
        activity = self.activities.get(activity_key)
        if activity is None:
            if not activity_key:
                reason = _("The activity key is missing.")
            else:
                reason = _("“%(key)s” is not the key of an activity in this workspace.") % {
                    "key": activity_key
                }
            problems.append(("activity", reason))
        actor = self.actors.get(actor_key)
        if actor is None:
            if not actor_key:
                reason = _("The actor key is missing.")
            else:
                reason = _("“%(key)s” is not the key of an actor in this workspace.") % {
                    "key": actor_key
                }
            problems.append(("actor", reason))
        role = self.role(role_text, problems)
        if problems or activity is None or actor is None:
            return None, "", actor_key, problems
        return (activity, actor), role, actor_key, []


# Above this many activities in a file, one query reads all of the workspace's attendance.
WHOLE_WORKSPACE = 2_000
_CHUNK = 500  # activity ids in one IN (…) list


def load_stored(workspace: Workspace, activity_ids: set[int]) -> dict[Pair, tuple[int, str]]:
    """The attendance of these activities: (activity, actor) → (id, role); plain SQL, as a
    large import starts here. A month's sheet into a workspace of half a million rows reads only
    its own activities'."""
    table = connection.ops.quote_name(Attendance._meta.db_table)
    stored: dict[Pair, tuple[int, str]] = {}
    with connection.cursor() as cursor:
        if len(activity_ids) > WHOLE_WORKSPACE:
            cursor.execute(
                f"SELECT activity_id, actor_id, id, role FROM {table} WHERE workspace_id = %s",
                [workspace.pk],
            )
            return {(a, b): (i, r) for a, b, i, r in cursor.fetchall()}
        ids = sorted(activity_ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"SELECT activity_id, actor_id, id, role FROM {table} "
                f"WHERE activity_id IN ({marks})",
                chunk,
            )
            stored.update(((a, b), (i, r)) for a, b, i, r in cursor.fetchall())
    return stored


Row = tuple[Pair, str, str]  # (activity id, actor id), role, the actor's key


def read_rows(table: Table, parser: RowParser, report: ImportReport) -> list[Row]:
    """The rows that name a known activity and actor once each; the others are rejected."""
    keys_of = parser.keys_of
    seen: dict[Pair, int] = {}
    rows: list[Row] = []
    for line, cells in table.rows:
        texts = cell_texts(cells, parser.indexes)
        if not any(texts) and not any(cell_text(c) for c in cells):
            continue  # a blank line (the usual row has its keys: one cheap look)
        report.rows += 1
        pair, role, actor_key, problems = parser.parse(texts)
        if pair is None:
            report.reject(line, problems)
            continue
        if pair in seen:
            reason = _(
                "“%(actor)s” is already on line %(line)d for the activity “%(activity)s”."
            ) % {
                "actor": actor_key,
                "line": seen[pair],
                "activity": keys_of[pair[0]],
            }
            report.reject(line, [("actor", reason)])
            continue
        seen[pair] = line
        rows.append((pair, role, actor_key))
    if report.rows == 0:
        raise ImportFileError(_("The file has a header but no rows of data."))
    return rows


def plan_rows(
    rows: list[Row], stored: dict[Pair, tuple[int, str]], parser: RowParser, report: ImportReport
) -> Plan:
    """New pairs to add and roles to change; a pair as stored is unchanged."""
    has_role = "role" in parser.columns
    plan = Plan([], [])
    for pair, role, actor_key in rows:
        old = stored.get(pair)
        if old is None:
            plan.new.append((*pair, role))
            report.created += 1
        elif has_role and role != old[1]:
            label = f"{parser.keys_of[pair[0]]} · {actor_key}"
            plan.roles.append((old[0], label, old[1], role))
            report.updated += 1
        else:
            report.unchanged += 1
    return plan


COLUMNS = (
    "workspace_id",
    "activity_id",
    "actor_id",
    "role",
    "source",
    "created_at",
    "updated_at",
)


def write(workspace: Workspace, plan: Plan, author: audit.Author, report: ImportReport) -> None:
    now = bulk.timestamp()
    source = Attendance.Source.IMPORT.value
    clock = time.perf_counter
    started = clock()
    with transaction.atomic():
        plan.new.sort()  # in the unique index's order
        bulk.insert_rows(
            Attendance,
            COLUMNS,
            ([workspace.pk, a, b, role, source, now, now] for a, b, role in plan.new),
        )
        bulk.update_rows(
            Attendance,
            ["role", "updated_at"],
            ([new, now, attendance_id] for attendance_id, _label, _old, new in plan.roles),
        )
        report.timings["write"] = round(clock() - started, 3)
        started = clock()
        refresh_ties(workspace, plan, author)
        report.timings["coparticipation"] = round(clock() - started, 3)
        updates: Iterator[tuple[int, str, dict[str, list[object]], int | None]] = (
            (attendance_id, label, {"role": [old, new]}, None)
            for attendance_id, label, old, new in plan.roles
        )
        # Attendance has no version: its events carry none.
        record_import(author, workspace, report, "participation.attendance", updates)
        started = clock()
    # PostgreSQL checks the new rows' foreign keys (attendance and ties) as the import commits.
    report.timings["commit"] = round(clock() - started, 3)


def refresh_ties(workspace: Workspace, plan: Plan, author: audit.Author) -> None:
    """Bring the co-participation ties up to date with the attendance just written: those of
    the actors added to an activity (a tie links two of them, or one of them with someone
    already there; an activity that grows past the rule's limit has its pairs refreshed too).
    For many actors the refresh rebuilds every tie of the workspace, which is then quicker."""
    if plan.new:
        coparticipation_refresh(
            workspace, {actor for _activity, actor, _role in plan.new}, author=author
        )


def import_attendance(
    workspace: Workspace,
    open_table: Callable[[], Table],
    report: ImportReport,
    *,
    author: audit.Author,
    progress: Progress | None = None,
) -> None:
    table = reporting_rows(open_table(), progress)
    report.description = table.description
    activities = dict(Activity.objects.filter(workspace=workspace).values_list("key", "id"))
    parser = RowParser(table, activities, actor_ids_by_key(workspace.pk))
    report.name_columns(table, parser.columns)
    report.ignored_columns = parser.ignored
    started = time.perf_counter()
    rows = read_rows(table, parser, report)
    stored = load_stored(workspace, {pair[0] for pair, _role, _key in rows})
    plan = plan_rows(rows, stored, parser, report)
    del rows
    report.timings["read"] = round(time.perf_counter() - started, 3)
    if progress is not None:
        progress("check", report.rows)
    if not report.applying:
        return
    if progress is not None:
        progress("write", report.rows)
    write(workspace, plan, author, report)
    report.applied = True
