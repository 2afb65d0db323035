"""The import writes: ``actors_import`` and ``ties_import``.

Each checks every row, reports every problem with its line and column, writes the rejected rows
to an error file beside the input, and applies the valid rows in one transaction (or none of
them, with ``all_or_nothing``, or none at all with ``dry_run``). ``errors_path`` and
``file_name`` name the error file and the file in the report when they are not the input's.

The browser import passes a ``mapping`` (file header → column, "attribute" or "ignore"): the
importer then reads the file under the headers the user chose, so its rules and messages are
the command line's exactly."""

from collections.abc import Callable, Mapping
from pathlib import Path

from phakhi.core import audit, bulk
from phakhi.core.models import Workspace
from phakhi.imports.actor_import import import_actors
from phakhi.imports.readers import Table, open_table
from phakhi.imports.report import ImportReport, Progress, errors_path_for, write_errors_file
from phakhi.imports.tie_import import import_ties
from phakhi.networks.models import Network

ATTRIBUTE, IGNORE = "attribute", "ignore"


def mapped_table(table: Table, mapping: Mapping[str, str] | None) -> Table:
    """The table under the chosen headers: a column's name, the header itself for an
    attribute, nothing (skipped by the importer) for an ignored column; headers absent from
    the mapping stay as written."""
    if not mapping:
        return table
    headers = []
    for header in table.headers:
        chosen = mapping.get(header)
        if chosen is None or chosen == ATTRIBUTE:
            headers.append(header)
        else:
            headers.append("" if chosen == IGNORE else chosen)
    return Table(headers, table.rows, table.description, written=table.headers)


def new_report(
    what: str, path: Path, dry_run: bool, all_or_nothing: bool, file_name: str | None
) -> ImportReport:
    """An empty report of an import of ``what`` (the other importers, activities and
    attendance in phakhi.participation, start and finish theirs with these helpers too)."""
    return ImportReport(
        what=what,
        file=file_name or str(path),
        description="",
        dry_run=dry_run,
        all_or_nothing=all_or_nothing,
        batch=audit.new_batch_id(),
    )


def finish_report(
    report: ImportReport,
    path: Path,
    sheet: str | None,
    errors_path: Path | None,
    file_name: str | None,
) -> ImportReport:
    errors_path = errors_path or errors_path_for(path)
    if report.rejected:
        write_errors_file(report, open_table(path, sheet, file_name), errors_path)
        report.errors_file = str(errors_path)
    elif errors_path.exists():
        errors_path.unlink()  # a stale list from an earlier run would mislead
    return report


def table_opener(
    path: Path, sheet: str | None, mapping: Mapping[str, str] | None, file_name: str | None
) -> Callable[[], Table]:
    return lambda: mapped_table(open_table(path, sheet, file_name), mapping)


def actors_import(
    workspace: Workspace,
    path: Path,
    *,
    author: audit.Author,
    network: Network | None = None,
    sheet: str | None = None,
    dry_run: bool = False,
    all_or_nothing: bool = False,
    mapping: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    errors_path: Path | None = None,
    file_name: str | None = None,
) -> ImportReport:
    report = new_report("actors", path, dry_run, all_or_nothing, file_name)
    with bulk.collector_paused():
        import_actors(
            workspace,
            table_opener(path, sheet, mapping, file_name),
            report,
            author=author,
            network=network,
            progress=progress,
        )
    return finish_report(report, path, sheet, errors_path, file_name)


def ties_import(
    workspace: Workspace,
    path: Path,
    *,
    author: audit.Author,
    sheet: str | None = None,
    dry_run: bool = False,
    all_or_nothing: bool = False,
    mapping: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    errors_path: Path | None = None,
    file_name: str | None = None,
) -> ImportReport:
    report = new_report("ties", path, dry_run, all_or_nothing, file_name)
    with bulk.collector_paused():
        import_ties(
            workspace,
            table_opener(path, sheet, mapping, file_name),
            report,
            author=author,
            progress=progress,
        )
    return finish_report(report, path, sheet, errors_path, file_name)
