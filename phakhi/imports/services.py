"""The import writes: ``actors_import`` and ``ties_import``.

Each checks every row, reports every problem with its line and column, writes the rejected rows
to an error file beside the input, and applies the valid rows in one transaction (or none of
them, with ``all_or_nothing``, or none at all with ``dry_run``)."""

from pathlib import Path

from phakhi.core import audit, bulk
from phakhi.core.models import Workspace
from phakhi.imports.actor_import import import_actors
from phakhi.imports.readers import open_table
from phakhi.imports.report import ImportReport, errors_path_for, write_errors_file
from phakhi.imports.tie_import import import_ties
from phakhi.networks.models import Network


def _report(what: str, path: Path, dry_run: bool, all_or_nothing: bool) -> ImportReport:
    return ImportReport(
        what=what,
        file=str(path),
        description="",
        dry_run=dry_run,
        all_or_nothing=all_or_nothing,
        batch=audit.new_batch_id(),
    )


def _finish(report: ImportReport, path: Path, sheet: str | None) -> ImportReport:
    errors_path = errors_path_for(path)
    if report.rejected:
        write_errors_file(report, open_table(path, sheet), errors_path)
        report.errors_file = str(errors_path)
    elif errors_path.exists():
        errors_path.unlink()  # a stale list from an earlier run would mislead
    return report


def actors_import(
    workspace: Workspace,
    path: Path,
    *,
    author: audit.Author,
    network: Network | None = None,
    sheet: str | None = None,
    dry_run: bool = False,
    all_or_nothing: bool = False,
) -> ImportReport:
    report = _report("actors", path, dry_run, all_or_nothing)
    with bulk.collector_paused():
        import_actors(
            workspace, lambda: open_table(path, sheet), report, author=author, network=network
        )
    return _finish(report, path, sheet)


def ties_import(
    workspace: Workspace,
    path: Path,
    *,
    author: audit.Author,
    sheet: str | None = None,
    dry_run: bool = False,
    all_or_nothing: bool = False,
) -> ImportReport:
    report = _report("ties", path, dry_run, all_or_nothing)
    with bulk.collector_paused():
        import_ties(workspace, lambda: open_table(path, sheet), report, author=author)
    return _finish(report, path, sheet)
