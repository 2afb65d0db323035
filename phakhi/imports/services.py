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
from typing import Any

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


# What reads a table into a report and writes its valid rows: ``import_actors(workspace,
# open_table, report, *, author, progress, …)`` and the others.
Importer = Callable[..., None]


def run_import(
    what: str,
    importer: Importer,
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
    **extra: Any,
) -> ImportReport:
    """Import ``path`` with ``importer`` under the options every import shares (this module's
    docstring); ``extra`` goes to the importer (the actor import's ``network``). The imports of
    activities and attendance (phakhi.participation.imports) run through here too."""
    report = ImportReport(
        what=what,
        file=file_name or str(path),
        description="",
        dry_run=dry_run,
        all_or_nothing=all_or_nothing,
        batch=audit.new_batch_id(),
    )
    with bulk.collector_paused():
        opener = lambda: mapped_table(open_table(path, sheet, file_name), mapping)  # noqa: E731
        importer(workspace, opener, report, author=author, progress=progress, **extra)
    errors_path = errors_path or errors_path_for(path)
    if report.rejected:
        write_errors_file(report, open_table(path, sheet, file_name), errors_path)
        report.errors_file = str(errors_path)
    elif errors_path.exists():
        errors_path.unlink()  # a stale list from an earlier run would mislead
    return report


def actors_import(
    workspace: Workspace, path: Path, *, network: Network | None = None, **options: Any
) -> ImportReport:
    """Actors from ``path``, each also made a member of ``network`` when given; ``options`` as
    :func:`run_import`'s."""
    return run_import("actors", import_actors, workspace, path, network=network, **options)


def ties_import(workspace: Workspace, path: Path, **options: Any) -> ImportReport:
    """Ties from ``path``; ``options`` as :func:`run_import`'s."""
    return run_import("ties", import_ties, workspace, path, **options)
