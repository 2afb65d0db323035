"""What an import did, row by row, and the error file a coordinator fixes and imports again."""

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from phakhi.core import audit
from phakhi.core.cells import cell_text, neutralize, xlsx_text
from phakhi.core.models import AuditEvent, Workspace
from phakhi.imports.columns import ERROR_LINE_COLUMN, ERROR_REASON_COLUMN
from phakhi.imports.readers import Table


@dataclass(frozen=True)
class RowError:
    line: int
    column: str  # the field (key, phone, since …), as the API and the JSON report name it
    reason: str
    header: str = ""  # the column as the file names it (เบอร์โทร), for people to read

    @property
    def shown(self) -> str:
        return self.header or self.column


@dataclass(frozen=True)
class PossibleDuplicate:
    keys: tuple[str, str]
    reason: str


@dataclass
class ImportReport:
    what: str  # "actors", "ties", "activities" or "attendance"
    file: str
    description: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    errors: list[RowError] = field(default_factory=list)
    possible_duplicates: list[PossibleDuplicate] = field(default_factory=list)
    errors_file: str | None = None
    applied: bool = False
    dry_run: bool = False
    all_or_nothing: bool = False
    batch: str = ""
    memberships_added: int = 0
    headers: dict[str, str] = field(default_factory=dict)  # field → the file's own header
    # Headers an import does not read (activities and attendance keep no extra attributes).
    ignored_columns: list[str] = field(default_factory=list)
    # Seconds of the steps worth naming (the co-participation ties an attendance import makes).
    timings: dict[str, float] = field(default_factory=dict)

    def name_columns(self, table: Table, fields: dict[str, int]) -> None:
        """Name the columns of the messages by the file's own headers, also where the person
        mapped them to columns (``fields``: field → the index of its column)."""
        headers = table.file_headers
        self.headers = {name: str(headers[i]).strip() for name, i in fields.items()}

    @property
    def applying(self) -> bool:
        """Whether the valid rows are to be written: not a dry run, and not an all-or-nothing
        import that has already rejected a row."""
        return not (self.dry_run or (self.all_or_nothing and self.rejected))

    def reject(self, line: int, problems: list[tuple[str, str]]) -> None:
        self.rejected += 1
        self.errors.extend(
            RowError(line, column, reason, self.headers.get(column, ""))
            for column, reason in problems
        )

    def rejected_lines(self) -> dict[int, list[str]]:
        reasons: dict[int, list[str]] = {}
        for error in self.errors:
            reasons.setdefault(error.line, []).append(f"{error.shown}: {error.reason}")
        return reasons

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["errors"] = sorted(data["errors"], key=lambda e: e["line"])
        data["possible_duplicates"] = [
            {"keys": list(d.keys), "reason": d.reason} for d in self.possible_duplicates
        ]
        return data


def errors_path_for(source: Path) -> Path:
    return source.with_name(f"{source.stem}.errors.csv")


def _error_rows(report: ImportReport, table: Table) -> Iterator[list[Any]]:
    """The header row, then each rejected row as it was with its line and reason (text that
    a spreadsheet would run as a formula is made safe by the caller, as its format allows)."""
    reasons = report.rejected_lines()
    yield [*table.headers, ERROR_LINE_COLUMN, ERROR_REASON_COLUMN]
    width = len(table.headers)
    for line, cells in table.rows:
        if line in reasons:
            values = [cell_text(c) for c in cells[:width]]
            values += [""] * (width - len(values))
            yield [*values, line, " | ".join(reasons[line])]


def write_errors_file(report: ImportReport, table: Table, path: Path) -> None:
    """The rejected rows as they were, plus their line and reason, in UTF-8 with a BOM so that
    Excel shows the Thai text (or as a workbook when ``path`` ends in .xlsx); the importer
    ignores the two added columns."""
    rows = _error_rows(report, table)
    if path.suffix.lower() == ".xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("errors")
        for row in rows:
            sheet.append([xlsx_text(sheet, v) if isinstance(v, str) else v for v in row])
        workbook.save(path)
        return
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerows([neutralize(v) if isinstance(v, str) else v for v in row] for row in rows)


# Called by the importers as they go: (step, rows read so far); steps are "read", "check",
# "write". The browser import turns it into a progress bar.
Progress = Callable[[str, int], None]
PROGRESS_EVERY = 500


def reporting_rows(table: Table, progress: Progress | None) -> Table:
    """The same table, calling ``progress("read", n)`` every few hundred rows."""
    if progress is None:
        return table

    def rows() -> Iterator[tuple[int, list[Any]]]:
        for count, row in enumerate(table.rows, start=1):
            if count % PROGRESS_EVERY == 0:
                progress("read", count)
            yield row

    return Table(table.headers, rows(), table.description, written=table.written)


def record_import(
    author: audit.Author,
    workspace: Workspace,
    report: ImportReport,
    object_type: str,
    updates: Iterable[tuple[int, str, dict[str, list[object]], int | None]],
) -> None:
    """One event for the import with its counts (created rows start their history there), and
    one per updated row, with ``(id, label, {field: [old, new]}, version it made)`` (None for a
    row without versions), all sharing the batch id."""
    counts = ("rows", "created", "updated", "unchanged", "rejected", "memberships_added")
    audit.record(
        author,
        AuditEvent.Action.IMPORT,
        workspace=workspace,
        object_type=object_type,
        object_repr=report.file[:300],
        changes={k: getattr(report, k) for k in counts},
        batch=report.batch,
    )
    audit.record_many(
        audit.event(
            author,
            AuditEvent.Action.UPDATE,
            workspace_id=workspace.pk,
            object_type=object_type,
            object_id=str(object_id),
            object_repr=label,
            changes=changes,
            batch=report.batch,
            object_version=version,
        )
        for object_id, label, changes, version in updates
    )
