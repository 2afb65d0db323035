"""Importing actors: check every row, then write the valid ones in one transaction."""

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor, ActorTag, Kind, Tag
from phakhi.actors.selectors import actor_ids_by_key
from phakhi.actors.validation import STORED_FIELDS, ActorFields, clean_actor
from phakhi.core import audit, bulk
from phakhi.core.cells import cell_text
from phakhi.core.models import Workspace
from phakhi.core.thai import sort_key, word_key
from phakhi.imports.columns import ACTOR_COLUMNS, HeaderError, map_headers
from phakhi.imports.duplicates import find_possible_duplicates
from phakhi.imports.readers import ImportFileError, Table
from phakhi.imports.report import ImportReport, Progress, record_import, reporting_rows
from phakhi.networks.models import Membership, Network, Role

DEFAULTS: dict[str, object] = {name: "" for name in STORED_FIELDS}
DEFAULTS["kind"] = Kind.PERSON


@dataclass
class Stored:
    id: int
    values: dict[str, object]
    organization_key: str
    tags: dict[str, str]  # word key → tag as written
    attributes: dict[str, str]
    version: int = 1


@dataclass
class Planned:
    line: int
    fields: ActorFields
    values: dict[str, object] = field(default_factory=dict)
    organization_key: str = ""
    tags: tuple[str, ...] = ()
    attributes: dict[str, str] = field(default_factory=dict)
    changes: dict[str, list[object]] = field(default_factory=dict)
    stored: Stored | None = None


def read_rows(table: Table, report: ImportReport) -> tuple[dict[str, Planned], dict[str, int]]:
    try:
        headers = map_headers(table.headers, ACTOR_COLUMNS)
    except HeaderError as error:
        raise ImportFileError(str(error)) from None
    report.name_columns(table, headers.fields)
    planned: dict[str, Planned] = {}
    rejected_keys: dict[str, int] = {}
    for line, cells in table.rows:
        if not any(cell_text(c) for c in cells):
            continue
        report.rows += 1
        raw = {n: cells[i] if i < len(cells) else None for n, i in headers.fields.items()}
        extra = {h: cells[i] if i < len(cells) else None for h, i in headers.attributes.items()}
        fields, problems = clean_actor(raw, extra)
        if fields is not None and fields.key in planned:
            first = planned[fields.key].line
            problems = [
                (
                    "key",
                    _("The key “%(key)s” is repeated; it is first on line %(line)d.")
                    % {"key": fields.key, "line": first},
                )
            ]
        if fields is None or problems:
            report.reject(line, problems)
            rejected_keys.setdefault(cell_text(raw.get("key")), line)
            continue
        planned[fields.key] = Planned(line, fields)
    if report.rows == 0:
        raise ImportFileError(_("The file has a header but no rows of data."))
    return planned, rejected_keys


def load_stored(workspace: Workspace) -> dict[str, Stored]:
    rows = Actor.objects.filter(workspace=workspace).values_list(
        "id", "key", "organization_id", "attributes", "version", *STORED_FIELDS
    )
    stored: dict[str, Stored] = {}
    key_of: dict[int, str] = {}
    organization_of: dict[str, int | None] = {}
    for actor_id, key, organization_id, attributes, version, *values in rows.iterator(
        chunk_size=20_000
    ):
        stored[key] = Stored(
            actor_id,
            dict(zip(STORED_FIELDS, values, strict=True)),
            "",
            {},
            attributes or {},
            version,
        )
        key_of[actor_id] = key
        organization_of[key] = organization_id
    for key, organization_id in organization_of.items():
        if organization_id is not None:
            stored[key].organization_key = key_of.get(organization_id, "")
    tag_rows = ActorTag.objects.filter(actor__workspace=workspace).values_list(
        "actor_id", "tag__name"
    )
    for actor_id, name in tag_rows.iterator(chunk_size=20_000):
        stored[key_of[actor_id]].tags[word_key(name)] = name
    return stored


def resolve_organizations(
    planned: dict[str, Planned],
    stored: dict[str, Stored],
    rejected: dict[str, int],
    report: ImportReport,
) -> None:
    """Drop rows whose organization is unknown, repeating until no row depends on a dropped one."""
    changed = True
    while changed:
        changed = False
        for key, row in list(planned.items()):
            org = row.fields.organization_key
            if not org or (org != key and (org in planned or org in stored)):
                continue
            if org == key:
                reason = _("An actor cannot be its own organization.")
            elif org in rejected:
                reason = _("The organization “%(org)s” was rejected on line %(line)d.") % {
                    "org": org,
                    "line": rejected[org],
                }
            else:
                reason = _("“%(org)s” is not the key of an actor in this file or workspace.") % {
                    "org": org
                }
            report.reject(row.line, [("organization", reason)])
            rejected[key] = row.line
            del planned[key]
            changed = True


def plan_changes(planned: dict[str, Planned], stored: dict[str, Stored]) -> None:
    for key, row in planned.items():
        present, old = row.fields.present, stored.get(key)
        row.stored = old
        base = dict(old.values) if old else dict(DEFAULTS)
        row.values = base | row.fields.values
        row.organization_key = (
            row.fields.organization_key
            if "organization" in present
            else old.organization_key
            if old
            else ""
        )
        old_tags = old.tags if old else {}
        row.tags = row.fields.tags if "tags" in present else tuple(old_tags.values())
        attributes = dict(old.attributes) if old else {}
        for name, value in row.fields.attributes.items():
            if value:
                attributes[name] = value
            else:
                attributes.pop(name, None)
        row.attributes = attributes
        if old is None:
            continue
        row.changes = audit.diff(old.values, row.values)
        if row.organization_key != old.organization_key:
            row.changes["organization"] = [old.organization_key, row.organization_key]
        if {word_key(t) for t in row.tags} != set(old_tags):
            row.changes["tags"] = [sorted(old_tags.values()), sorted(row.tags)]
        if attributes != old.attributes:
            row.changes["attributes"] = [old.attributes, attributes]


def _reload(ids: list[int]) -> dict[str, Stored]:
    """The stored state of a few actors read again (their organization's key by a join)."""
    rows = Actor.objects.filter(id__in=ids).values_list(
        "id", "key", "organization__key", "attributes", "version", *STORED_FIELDS
    )
    stored = {
        key: Stored(
            actor_id,
            dict(zip(STORED_FIELDS, values, strict=True)),
            organization or "",
            {},
            attributes or {},
            version,
        )
        for actor_id, key, organization, attributes, version, *values in rows
    }
    by_id = {row.id: row for row in stored.values()}
    for actor_id, name in ActorTag.objects.filter(actor_id__in=ids).values_list(
        "actor_id", "tag__name"
    ):
        by_id[actor_id].tags[word_key(name)] = name
    return stored


def replan_edited_meanwhile(planned: dict[str, Planned], report: ImportReport) -> None:
    """Plan again the rows whose actor someone changed after the import read it: the file's
    columns over the values stored now, so the import never writes back a value it read
    before a colleague's change. Run in the write's transaction; the rows stay locked (on
    PostgreSQL) until it commits."""
    changed = [row for row in planned.values() if row.stored is not None and row.changes]
    ids = [row.stored.id for row in changed if row.stored is not None]
    versions: dict[int, int] = {}
    for start in range(0, len(ids), bulk.BATCH):
        chunk = ids[start : start + bulk.BATCH]
        locked = Actor.objects.select_for_update().filter(id__in=chunk)
        versions.update(locked.values_list("id", "version"))
    moved = [
        row
        for row in changed
        if row.stored is not None and versions.get(row.stored.id) != row.stored.version
    ]
    if not moved:
        return
    fresh = _reload([row.stored.id for row in moved if row.stored is not None])
    rows = {row.fields.key: row for row in moved}
    for row in rows.values():
        report.updated -= 1
        row.changes = {}
    plan_changes(rows, fresh)
    for row in rows.values():
        if row.changes:
            report.updated += 1
        else:
            report.unchanged += 1


def count(planned: dict[str, Planned], report: ImportReport) -> None:
    for row in planned.values():
        if row.stored is None:
            report.created += 1
        elif row.changes:
            report.updated += 1
        else:
            report.unchanged += 1


def write(
    workspace: Workspace,
    planned: dict[str, Planned],
    network: Network | None,
    author: audit.Author,
    report: ImportReport,
) -> None:
    now = bulk.timestamp()
    new = [row for row in planned.values() if row.stored is None]
    with transaction.atomic():
        replan_edited_meanwhile(planned, report)
        changed = [row for row in planned.values() if row.stored is not None and row.changes]
        columns = [
            "workspace_id",
            "key",
            *STORED_FIELDS,
            "sort_key",
            "attributes",
            "created_at",
            "updated_at",
        ]
        bulk.insert_rows(
            Actor,
            columns,
            (
                [
                    workspace.pk,
                    row.fields.key,
                    *(row.values[f] for f in STORED_FIELDS),
                    sort_key(str(row.values["name_key"])),
                    json.dumps(row.attributes, ensure_ascii=False),
                    now,
                    now,
                ]
                for row in new
            ),
        )
        bulk.update_rows(
            Actor,
            [*STORED_FIELDS, "sort_key", "attributes", "updated_at", "version"],
            (
                [
                    *(row.values[f] for f in STORED_FIELDS),
                    sort_key(str(row.values["name_key"])),
                    json.dumps(row.attributes, ensure_ascii=False),
                    now,
                    row.stored.version + 1,
                    row.stored.id,
                ]
                for row in changed
                if row.stored
            ),
        )
        ids = actor_ids_by_key(workspace.pk)
        link_organizations(new + changed, ids)
        write_tags(workspace, new, changed, ids, now)
        if network is not None:
            report.memberships_added = add_members(workspace, network, planned, ids, now)
        record_audit(workspace, author, report, changed)


def link_organizations(rows: list[Planned], ids: dict[str, int]) -> None:
    links = [
        [ids[r.organization_key] if r.organization_key else None, ids[r.fields.key]]
        for r in rows
        if r.organization_key or (r.stored and r.stored.organization_key)
    ]
    bulk.update_rows(Actor, ["organization_id"], links)


def write_tags(
    workspace: Workspace,
    new: list[Planned],
    changed: list[Planned],
    ids: dict[str, int],
    now: object,
) -> None:
    retagged = [r for r in changed if "tags" in r.changes]
    wanted = {word_key(t): t for r in new + retagged for t in r.tags}
    if not wanted and not retagged:
        return
    tag_ids = dict(Tag.objects.filter(workspace=workspace).values_list("name_key", "id"))
    missing = [(k, name) for k, name in wanted.items() if k not in tag_ids]
    bulk.insert_rows(
        Tag,
        ["workspace_id", "name", "name_key", "created_at", "updated_at"],
        ([workspace.pk, name, k, now, now] for k, name in missing),
    )
    if missing:
        tag_ids = dict(Tag.objects.filter(workspace=workspace).values_list("name_key", "id"))
    bulk.delete_ids(ActorTag, "actor_id", (ids[r.fields.key] for r in retagged))
    bulk.insert_rows(
        ActorTag,
        ["actor_id", "tag_id"],
        ([ids[r.fields.key], tag_ids[word_key(t)]] for r in new + retagged for t in r.tags),
    )


def add_members(
    workspace: Workspace,
    network: Network,
    planned: dict[str, Planned],
    ids: dict[str, int],
    now: object,
) -> int:
    members = set(Membership.objects.filter(network=network).values_list("actor_id", flat=True))
    joining = [ids[key] for key in planned if ids[key] not in members]
    return bulk.insert_rows(
        Membership,
        ["workspace_id", "network_id", "actor_id", "role", "created_at", "updated_at"],
        ([workspace.pk, network.pk, actor_id, Role.MEMBER, now, now] for actor_id in joining),
    )


def record_audit(
    workspace: Workspace, author: audit.Author, report: ImportReport, changed: list[Planned]
) -> None:
    updates = (
        (row.stored.id, str(row.values["name"]), row.changes, row.stored.version + 1)
        for row in changed
        if row.stored
    )
    record_import(author, workspace, report, "actors.actor", updates)


def import_actors(
    workspace: Workspace,
    open_table: Callable[[], Table],
    report: ImportReport,
    *,
    author: audit.Author,
    network: Network | None = None,
    progress: Progress | None = None,
) -> None:
    table = open_table()
    report.description = table.description
    planned, rejected = read_rows(reporting_rows(table, progress), report)
    if progress is not None:
        progress("check", report.rows)
    stored = load_stored(workspace)
    resolve_organizations(planned, stored, rejected, report)
    plan_changes(planned, stored)
    count(planned, report)
    report.possible_duplicates = find_possible_duplicates(
        {key: (row.values, row.organization_key) for key, row in planned.items()},
        {key: (s.values, s.organization_key) for key, s in stored.items() if key not in planned},
    )
    if not report.applying:
        return
    if progress is not None:
        progress("write", report.rows)
    write(workspace, planned, network, author, report)
    report.applied = True
