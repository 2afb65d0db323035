"""Importing ties: rows are checked against the workspace's actors and written in bulk.

Undirected ties are stored with the lower actor id first, so A–B and B–A rows of the same kind
are one tie. The same tie twice in a file is fine when the rows agree, and refused when they do
not: the importer never picks one of two answers silently."""

import datetime as dt
import json
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any

from django.db import connection, transaction
from django.utils.translation import gettext as _

from phakhi.actors.selectors import actor_ids_by_key
from phakhi.core import audit, bulk
from phakhi.core.cells import cell_text, cell_texts
from phakhi.core.dates import DateError, parse_date
from phakhi.core.limits import ATTRIBUTE_VALUE_LENGTH
from phakhi.core.models import Workspace
from phakhi.imports.columns import TIE_COLUMNS, HeaderError, map_headers
from phakhi.imports.readers import ImportFileError, Table
from phakhi.imports.report import ImportReport, Progress, record_import, reporting_rows
from phakhi.ties.models import Origin, Tie
from phakhi.ties.validation import (
    check_kind,
    clean_directed,
    clean_strength,
    stored_reversed,
    tie_problems,
)

TieKey = tuple[int, int, str, bool]
# strength, via id, since, until, attributes
TieValues = tuple[int, int | None, dt.date | None, dt.date | None, dict[str, str]]
Stored = tuple[int, TieValues, int]  # id, values, version
Changed = tuple[int, TieValues, dict[str, list[object]], int]  # id, values, changes, version read
_STRENGTHS = {"1": 1, "2": 2, "3": 3, "4": 4}
_FIELDS = ("strength", "via_id", "since", "until", "attributes")
_ORDER = ("source", "target", "strength", "kind", "directed", "via", "since", "until")


class RowParser:
    def __init__(self, table: Table, ids: dict[str, int]):
        try:
            headers = map_headers(table.headers, TIE_COLUMNS)
        except HeaderError as error:
            raise ImportFileError(str(error)) from None
        self.columns = headers.fields
        self.attributes = headers.attributes
        self.ids = ids

        absent = 1 << 30  # an index past any row: the column reads as empty
        self.indexes = [self.columns.get(name, absent) for name in _ORDER]

    def actor(self, key: str, name: str, problems: list[tuple[str, str]]) -> int | None:
        if not key:
            if name != "via":
                problems.append((name, _("The actor key is missing.")))
            return None
        actor_id = self.ids.get(key)
        if actor_id is None:
            problems.append(
                (name, _("“%(key)s” is not the key of an actor in this workspace.") % {"key": key})
            )
        return actor_id

    @staticmethod
    def date(text: str, name: str, problems: list[tuple[str, str]]) -> dt.date | None:
        if not text:
            return None
        try:
            return parse_date(text)
        except DateError as error:
            problems.append((name, str(error)))
            return None

    def parse(
        self, cells: list[Any]
    ) -> tuple[TieKey | None, TieValues | None, list[tuple[str, str]]]:
        problems: list[tuple[str, str]] = []
        source_key, target_key, strength_text, kind, directed_text, via_key, start, end = (
            cell_texts(cells, self.indexes)
        )
        ids = self.ids
        source = ids.get(source_key) or self.actor(source_key, "source", problems)
        target = ids.get(target_key) or self.actor(target_key, "target", problems)
        via = (ids.get(via_key) or self.actor(via_key, "via", problems)) if via_key else None
        # The rules are phakhi.ties.validation's, as for a tie made on a page or by the API;
        # the usual cells ("3", "false", empty) are read here without a call.
        strength = _STRENGTHS.get(strength_text) or 1
        if strength_text and strength_text not in _STRENGTHS:
            strength = clean_strength(strength_text, problems)
        directed = False
        if directed_text and directed_text != "false":
            directed = clean_directed(directed_text, problems)
        check_kind(kind, problems)
        since = self.date(start, "since", problems) if start else None
        until = self.date(end, "until", problems) if end else None
        problems += tie_problems(source, target, via, since, until)
        if problems or source is None or target is None:
            return None, None, problems
        if stored_reversed(source, target, directed):
            source, target = target, source
        extra = {h: cell_text(cells[i]) for h, i in self.attributes.items() if i < len(cells)}
        long = [h for h, value in extra.items() if len(value) > ATTRIBUTE_VALUE_LENGTH]
        if long:
            reason = _("Longer than %(limit)d characters.") % {"limit": ATTRIBUTE_VALUE_LENGTH}
            return None, None, [(h, reason) for h in long]
        return (source, target, kind, directed), (strength, via, since, until, extra), []


def load_stored(workspace: Workspace) -> dict[TieKey, Stored]:
    rows = Tie.objects.filter(workspace=workspace).values_list(
        "id", "source_id", "target_id", "kind", "directed", *_FIELDS, "version"
    )
    return {
        (s, t, k, d): (i, (st, v, since, until, attrs or {}), version)
        for i, s, t, k, d, st, v, since, until, attrs, version in rows.iterator(chunk_size=50_000)
    }


def merge(old: TieValues | None, new: TieValues, present: set[str]) -> TieValues:
    """Columns absent from the file keep the stored value; an empty attribute cell clears it."""
    if old is None:
        if not new[4]:
            return new
        return (*new[:4], {k: v for k, v in new[4].items() if v})  # type: ignore[return-value]
    values = [new[i] if _FIELDS[i].removesuffix("_id") in present else old[i] for i in range(4)]
    attributes = dict(old[4])
    for name, value in new[4].items():
        if value:
            attributes[name] = value
        else:
            attributes.pop(name, None)
    return (*values, attributes)  # type: ignore[return-value]


def conflict(here: TieValues, there: TieValues, line: int) -> tuple[str, str]:
    """The first field two rows of the same tie disagree on, as (column, reason)."""
    names = ("strength", "via", "since", "until", "attributes")
    column = next(n for n, a, b in zip(names, here, there, strict=True) if a != b)
    index = names.index(column)
    reason = _(
        "The same tie is on line %(line)d with a different %(column)s (%(here)s here, "
        "%(there)s there); keep one of the two rows."
    ) % {"line": line, "column": column, "here": here[index] or "-", "there": there[index] or "-"}
    return column, reason


def import_ties(
    workspace: Workspace,
    open_table: Callable[[], Table],
    report: ImportReport,
    *,
    author: audit.Author,
    progress: Progress | None = None,
) -> None:
    streaming = not report.dry_run and connection.vendor == "postgresql"
    # While rows stream into a COPY the connection can run no other query: no progress then.
    progress = None if streaming else progress
    table = reporting_rows(open_table(), progress)
    report.description = table.description
    keys = actor_ids_by_key(workspace.pk)
    parser = RowParser(table, keys)
    report.name_columns(table, parser.columns)
    present = set(parser.columns) | {"attributes"}
    stored = load_stored(workspace)
    with transaction.atomic() if streaming else nullcontext():
        inserter = bulk.Inserter(Tie, COLUMNS, row_maker(workspace), stream=streaming)
        try:
            changed = read_rows(table, parser, present, stored, inserter, report)
        except BaseException as error:
            inserter.close(error)
            raise
        if not report.applying:
            inserter.close()
            if streaming:
                transaction.set_rollback(True)
            return
        if progress is not None:
            progress("write", report.rows)
        write(workspace, inserter, changed, author, report)
        report.applied = True


def read_rows(
    table: Table,
    parser: RowParser,
    present: set[str],
    stored: dict[TieKey, Stored],
    inserter: bulk.Inserter,
    report: ImportReport,
) -> list[Changed]:
    seen: dict[TieKey, tuple[int, TieValues]] = {}
    changed: list[Changed] = []
    for line, cells in table.rows:
        if not any(cell_text(c) for c in cells):
            continue
        report.rows += 1
        key, values, problems = parser.parse(cells)
        if key is None or values is None:
            report.reject(line, problems)
            continue
        old = stored.get(key)
        merged = merge(old[1] if old else None, values, present)
        if key in seen:
            first_line, first = seen[key]
            if first == merged:
                report.unchanged += 1
            else:
                report.reject(line, [conflict(merged, first, first_line)])
            continue
        seen[key] = (line, merged)
        if old is None:
            if report.applying:
                inserter.add((key, merged))
            report.created += 1
        elif merged != old[1]:
            changes = audit.diff(
                dict(zip(_FIELDS, old[1], strict=True)), dict(zip(_FIELDS, merged, strict=True))
            )
            changed.append((old[0], merged, changes, old[2]))
            report.updated += 1
        else:
            report.unchanged += 1
    if report.rows == 0:
        raise ImportFileError(_("The file has a header but no rows of data."))
    return changed


COLUMNS = (
    "workspace_id",
    "source_id",
    "target_id",
    "kind",
    "directed",
    "strength",
    "via_id",
    "since",
    "until",
    "origin",
    "attributes",
    "created_at",
    "updated_at",
)


def row_maker(workspace: Workspace) -> Callable[[tuple[TieKey, TieValues]], list[Any]]:
    now, empty = bulk.timestamp(), "{}"

    def make_row(item: tuple[TieKey, TieValues]) -> list[Any]:
        key, (strength, via, since, until, attrs) = item
        attributes = json.dumps(attrs, ensure_ascii=False) if attrs else empty
        return [
            workspace.pk,
            *key,
            strength,
            via,
            since,
            until,
            Origin.IMPORT,
            attributes,
            now,
            now,
        ]

    return make_row


def write(
    workspace: Workspace,
    inserter: bulk.Inserter,
    changed: list[Changed],
    author: audit.Author,
    report: ImportReport,
) -> None:
    now = bulk.timestamp()
    if inserter.streaming:
        inserter.finish()  # first: nothing else may be sent while a COPY is open
    with transaction.atomic():
        inserter.finish()  # the rows kept until now, in this transaction
        rebased = over_stored_now(changed, report)
        bulk.update_rows(
            Tie,
            [*_FIELDS, "updated_at", "version"],
            (
                [*values[:4], json.dumps(values[4], ensure_ascii=False), now, version, tie_id]
                for tie_id, values, _changes, version in rebased
            ),
        )
        updates = ((tie_id, "", changes, version) for tie_id, _v, changes, version in rebased)
        record_import(author, workspace, report, "ties.tie", updates)


def over_stored_now(
    changed: list[Changed], report: ImportReport
) -> list[tuple[int, TieValues, dict[str, list[object]], int]]:
    """The import's changes laid over the ties as stored now (locked until the import commits,
    on PostgreSQL), with the version each write makes: a field a colleague changed after the
    import read the tie keeps their value unless the file changes that very field."""
    versions: dict[int, int] = {}
    ids = [tie_id for tie_id, _values, _changes, _version in changed]
    for start in range(0, len(ids), bulk.BATCH):
        rows = Tie.objects.select_for_update().filter(id__in=ids[start : start + bulk.BATCH])
        versions.update(rows.values_list("id", "version"))
    moved = [tie_id for tie_id, _v, _c, version in changed if versions[tie_id] != version]
    now: dict[int, TieValues] = {}
    for start in range(0, len(moved), bulk.BATCH):
        rows = Tie.objects.filter(id__in=moved[start : start + bulk.BATCH])
        for tie_id, *values in rows.values_list("id", *_FIELDS):
            values[4] = values[4] or {}
            now[tie_id] = tuple(values)  # type: ignore[assignment]
    rebased = []
    for tie_id, values, changes, read in changed:
        if tie_id not in now:
            rebased.append((tie_id, values, changes, read + 1))
            continue
        current = now[tie_id]
        merged = [values[i] if _FIELDS[i] in changes else current[i] for i in range(4)]
        attributes = dict(current[4])
        if "attributes" in changes:
            old, new = changes["attributes"]
            for name in {*old, *new}:  # type: ignore[misc]
                if new.get(name) != old.get(name):  # type: ignore[attr-defined]
                    if name in new:  # type: ignore[operator]
                        attributes[name] = new[name]  # type: ignore[index]
                    else:
                        attributes.pop(name, None)
        result: TieValues = (*merged, attributes)  # type: ignore[assignment]
        made = audit.diff(
            dict(zip(_FIELDS, current, strict=True)), dict(zip(_FIELDS, result, strict=True))
        )
        if made:
            rebased.append((tie_id, result, made, versions[tie_id] + 1))
        else:
            report.updated -= 1
            report.unchanged += 1
    return rebased
