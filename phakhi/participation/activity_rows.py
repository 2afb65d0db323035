"""The rows of an activity file: read by key as text (a key repeated is refused on its second
line), then checked by the activity rules (``phakhi.participation.validation``) over the stored
activity, with problems named by the file's columns. ``activity_import`` plans and writes them."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from phakhi.core.cells import cell_text
from phakhi.imports.columns import ACTIVITY_COLUMNS, HeaderError, map_headers
from phakhi.imports.readers import ImportFileError, Table
from phakhi.imports.report import ImportReport
from phakhi.participation.import_lookups import Lookups
from phakhi.participation.models import Activity
from phakhi.participation.validation import clean_activity_values

DATES = ("starts_on", "ends_on")
Problem = tuple[str, str]  # (column, reason)
# The file's columns and the fields of phakhi.participation.validation they give.
FIELD_OF = {
    "key": "key",
    "title": "title",
    "kind": "kind",
    "start": "starts_on",
    "end": "ends_on",
    "province": "province_code",
    "district": "district_code",
    "place": "place",
    "description": "description",
    "network": "networks",
    "project": "project",
    "iap2_planned": "iap2_planned",
    "iap2_achieved": "iap2_achieved",
}
COLUMN_OF = {name: column for column, name in FIELD_OF.items()}


@dataclass
class Stored:
    id: int
    values: dict[str, object]
    networks: frozenset[int]
    version: int


@dataclass
class Planned:
    line: int
    key: str
    text: dict[str, str]  # column → cell text, for the columns the file has
    values: dict[str, object] = field(default_factory=dict)
    network_ids: frozenset[int] = frozenset()
    changes: dict[str, list[object]] = field(default_factory=dict)
    stored: Stored | None = None


def read_rows(table: Table, report: ImportReport) -> dict[str, Planned]:
    """The rows by key, as text; a key repeated in the file is rejected on its second line."""
    try:
        headers = map_headers(table.headers, ACTIVITY_COLUMNS)
    except HeaderError as error:
        raise ImportFileError(str(error)) from None
    report.name_columns(table, headers.fields)
    report.ignored_columns = list(headers.attributes)
    planned: dict[str, Planned] = {}
    blank = 0
    for line, cells in table.rows:
        if not any(cell_text(c) for c in cells):
            continue
        report.rows += 1
        text = {n: cell_text(cells[i]) if i < len(cells) else "" for n, i in headers.fields.items()}
        key = text["key"]
        if key in planned:
            reason = _("The key “%(key)s” is repeated; it is first on line %(line)d.") % {
                "key": key,
                "line": planned[key].line,
            }
            report.reject(line, [("key", reason)])
            continue
        # A row without a key is checked (and refused) by the rules with the others.
        blank += not key
        planned[key or f"\0{blank}"] = Planned(line, key, text)
    if report.rows == 0:
        raise ImportFileError(_("The file has a header but no rows of data."))
    return planned


def check_row(
    row: Planned, old: Stored | None, lookups: Lookups
) -> tuple[dict[str, object], frozenset[int] | None, list[Problem]]:
    """The row checked by the activity rules over its stored activity (``old``), as the fields
    it changes (``project_id``, not ``project``), its networks (None: no such column), and its
    problems, named by the file's columns."""
    fields: dict[str, object] = {FIELD_OF[column]: value for column, value in row.text.items()}
    problems: list[Problem] = []
    if "networks" in fields:
        chosen = []
        for name in (part.strip() for part in str(fields["networks"]).split(";")):
            if name:
                try:
                    chosen.append(lookups.networks.find(name))
                except ValueError as error:
                    problems.append(("network", str(error)))
        fields["networks"] = chosen
    if "project" in fields:
        try:
            fields["project"] = (
                lookups.projects.find(str(fields["project"])) if fields["project"] else None
            )
        except ValueError as error:
            problems.append(("project", str(error)))
            del fields["project"]
    current = None
    if old is not None and ("start" in row.text) != ("end" in row.text):
        # The rules keep the dates in order with the stored one the file does not give, which
        # they read from an unsaved copy (made only then: twenty thousand cost seconds).
        current = Activity(**{name: old.values[name] for name in DATES})
    try:
        cleaned = clean_activity_values(
            lookups.workspace.pk, fields, current=current, creating=old is None
        )
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            problems.append((COLUMN_OF.get(name, name), " ".join(messages)))
        return {}, None, problems
    if problems:
        return {}, None, problems
    networks = None
    if "networks" in cleaned:
        networks = frozenset(n.pk for n in cleaned.pop("networks"))
    if "project" in cleaned:
        project = cleaned.pop("project")
        cleaned["project_id"] = project.pk if project is not None else None
    cleaned.pop("key", None)
    return cleaned, networks, []
