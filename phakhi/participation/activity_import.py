"""Importing activities: check every row, then write the valid ones in one transaction.

A row is an activity by its key: a new key creates one, a known key updates the columns the
file has (a column the file lacks keeps the stored value, an empty cell clears it), the same
values change nothing. The rules are ``phakhi.participation.validation``'s, as for an activity
made on a page or by the API."""

from collections.abc import Callable, Iterable

from django.db import transaction

from phakhi.core import audit, bulk
from phakhi.core.models import Workspace
from phakhi.imports.readers import Table
from phakhi.imports.report import ImportReport, Progress, record_import, reporting_rows
from phakhi.participation.activity_rows import DATES, Planned, Stored, check_row, read_rows
from phakhi.participation.coparticipation import coparticipation_refresh
from phakhi.participation.import_lookups import Lookups
from phakhi.participation.models import Activity

# The stored fields an activity file fills, in the order of the writes below.
STORED_FIELDS = (
    "title",
    "kind",
    "starts_on",
    "ends_on",
    "province_code",
    "district_code",
    "place",
    "description",
    "project_id",
    "iap2_planned",
    "iap2_achieved",
)
# Columns an activity has that no file fills: a new activity starts with the model's defaults
# (written out, as a bulk insert gets no defaults from Django).
UNFILLED = {
    "decisions": "",
    "outcomes": "",
    "stage": "",
    "forms": "[]",
    "o25_issue": "",
    "o25_participants": "",
    "o25_results": "",
    "o25_results_used": "",
    "public_civil": 0,
    "public_academic": 0,
    "public_government": 0,
    "public_unknown": 0,
    "check_in_code": "",
}


def load_stored(workspace: Workspace, ids: Iterable[int] | None = None) -> dict[str, Stored]:
    """The workspace's activities by key (or only those of ``ids``), with their networks."""
    rows = Activity.objects.filter(workspace=workspace)
    links = Activity.networks.through.objects.filter(activity__workspace=workspace)
    if ids is not None:
        ids = list(ids)
        rows, links = rows.filter(id__in=ids), links.filter(activity_id__in=ids)
    networks: dict[int, set[int]] = {}
    for activity_id, network_id in links.values_list("activity_id", "network_id").iterator():
        networks.setdefault(activity_id, set()).add(network_id)
    stored = {}
    for activity_id, key, version, *values in rows.values_list(
        "id", "key", "version", *STORED_FIELDS
    ).iterator(chunk_size=10_000):
        stored[key] = Stored(
            activity_id,
            dict(zip(STORED_FIELDS, values, strict=True)),
            frozenset(networks.get(activity_id, ())),
            version,
        )
    return stored


def plan_changes(
    planned: dict[str, Planned],
    stored: dict[str, Stored],
    lookups: Lookups,
    report: ImportReport,
) -> None:
    """Check each row over its stored activity (or a new one's defaults) and plan what it
    changes; a row the rules refuse is rejected and dropped."""
    defaults = {name: None for name in STORED_FIELDS} | {
        "title": "",
        "kind": Activity._meta.get_field("kind").default,
        "province_code": "",
        "district_code": "",
        "place": "",
        "description": "",
    }
    for key, row in list(planned.items()):
        old = stored.get(row.key) if row.key else None
        values, networks, problems = check_row(row, old, lookups)
        if problems:
            report.reject(row.line, problems)
            del planned[key]
            continue
        row.stored = old
        row.values = (dict(old.values) if old else dict(defaults)) | values
        row.network_ids = networks if networks is not None else old.networks if old else frozenset()
        if old is None:
            continue
        if row.values != old.values:  # most rows of a re-import: equal, no diff to make
            row.changes = audit.diff(old.values, row.values)
        if row.network_ids != old.networks:
            slug = lookups.networks.slug_of.get
            row.changes["networks"] = [
                sorted(str(slug(i)) for i in old.networks),
                sorted(str(slug(i)) for i in row.network_ids),
            ]


def count(planned: dict[str, Planned], report: ImportReport) -> None:
    for row in planned.values():
        if row.stored is None:
            report.created += 1
        elif row.changes:
            report.updated += 1
        else:
            report.unchanged += 1


def replan_edited_meanwhile(
    workspace: Workspace, planned: dict[str, Planned], lookups: Lookups, report: ImportReport
) -> None:
    """Plan again the rows whose activity someone changed after the import read it (its version
    moved): the file's columns over the values stored now, so the import never writes back a
    value it read before a colleague's change. Run in the write's transaction; the rows stay
    locked (on PostgreSQL) until it commits."""
    changed = [row for row in planned.values() if row.stored is not None and row.changes]
    ids = [row.stored.id for row in changed if row.stored is not None]
    versions: dict[int, int] = {}
    for start in range(0, len(ids), bulk.BATCH):
        locked = Activity.objects.select_for_update().filter(id__in=ids[start : start + bulk.BATCH])
        versions.update(locked.values_list("id", "version"))
    moved = {
        row.key: row
        for row in changed
        if row.stored is not None and versions.get(row.stored.id) != row.stored.version
    }
    if not moved:
        return
    fresh = load_stored(workspace, [row.stored.id for row in moved.values() if row.stored])
    report.updated -= len(moved)
    for row in moved.values():
        row.changes = {}
    kept = dict(moved)
    plan_changes(kept, fresh, lookups, report)  # drops a row the rules now refuse
    for key, row in moved.items():
        if key not in kept:
            del planned[key]
        elif row.stored is None:  # deleted meanwhile: the file makes it again
            report.created += 1
        elif row.changes:
            report.updated += 1
        else:
            report.unchanged += 1


COLUMNS = (
    "workspace_id",
    "key",
    *STORED_FIELDS,
    *UNFILLED,
    "created_at",
    "updated_at",
)


def write(
    workspace: Workspace,
    planned: dict[str, Planned],
    lookups: Lookups,
    author: audit.Author,
    report: ImportReport,
) -> set[int]:
    """Write the planned rows; returns the ids of the activities whose dates changed."""
    now = bulk.timestamp()
    with transaction.atomic():
        replan_edited_meanwhile(workspace, planned, lookups, report)
        new = sorted((row for row in planned.values() if row.stored is None), key=lambda r: r.key)
        changed = [row for row in planned.values() if row.stored is not None and row.changes]
        unfilled = list(UNFILLED.values())
        bulk.insert_rows(
            Activity,
            COLUMNS,
            (
                [
                    workspace.pk,
                    row.key,
                    *(row.values[f] for f in STORED_FIELDS),
                    *unfilled,
                    now,
                    now,
                ]
                for row in new
            ),
        )
        bulk.update_rows(
            Activity,
            [*STORED_FIELDS, "updated_at", "version"],
            (
                [
                    *(row.values[f] for f in STORED_FIELDS),
                    now,
                    row.stored.version + 1,
                    row.stored.id,
                ]
                for row in changed
                if row.stored
            ),
        )
        ids = dict(Activity.objects.filter(workspace=workspace).values_list("key", "id"))
        link_networks(new, changed, ids)
        moved = {
            row.stored.id
            for row in changed
            if row.stored and any(name in row.changes for name in DATES)
        }
        refresh_coparticipation(workspace, moved, author)
        updates = (
            (row.stored.id, str(row.values["title"]), row.changes, row.stored.version + 1)
            for row in changed
            if row.stored
        )
        record_import(author, workspace, report, "participation.activity", updates)
    return moved


def link_networks(new: list[Planned], changed: list[Planned], ids: dict[str, int]) -> None:
    through = Activity.networks.through
    relinked = [row for row in changed if "networks" in row.changes]
    bulk.delete_ids(through, "activity_id", (ids[row.key] for row in relinked))
    bulk.insert_rows(
        through,
        ["activity_id", "network_id"],
        (
            [ids[row.key], network_id]
            for row in new + relinked
            for network_id in sorted(row.network_ids)
        ),
    )


def refresh_coparticipation(
    workspace: Workspace, activity_ids: set[int], author: audit.Author
) -> None:
    """The ties of those who took part in activities whose dates moved: a tie carries the
    date of the last activity its two actors shared."""
    if activity_ids:
        coparticipation_refresh(workspace, (), activities=activity_ids, author=author)


def import_activities(
    workspace: Workspace,
    open_table: Callable[[], Table],
    report: ImportReport,
    *,
    author: audit.Author,
    progress: Progress | None = None,
) -> None:
    table = open_table()
    report.description = table.description
    lookups = Lookups.of(workspace)
    planned = read_rows(reporting_rows(table, progress), report)
    if progress is not None:
        progress("check", report.rows)
    stored = load_stored(workspace)
    plan_changes(planned, stored, lookups, report)
    count(planned, report)
    if not report.applying:
        return
    if progress is not None:
        progress("write", report.rows)
    write(workspace, planned, lookups, author, report)
    report.applied = True
