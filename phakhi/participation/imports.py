"""The import writes of activities and attendance: ``activities_import`` and
``attendance_import``, with the options, rules and report of ``phakhi.imports.services``'
``actors_import``.

Each checks every row and reports every problem with its line and column, writes the rejected
rows to an error file beside the input (or ``errors_path``), and applies the valid rows in one
transaction — none of them with ``all_or_nothing`` when a row is rejected, none at all with
``dry_run``. Importing the same file again changes nothing. The browser import passes a
``mapping`` (file header → column or "ignore"), and a ``progress`` callback."""

from collections.abc import Mapping
from pathlib import Path

from phakhi.core import audit, bulk
from phakhi.core.models import Workspace
from phakhi.imports.report import ImportReport, Progress
from phakhi.imports.services import finish_report, new_report, table_opener
from phakhi.participation.activity_import import import_activities
from phakhi.participation.attendance_import import import_attendance


def activities_import(
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
    report = new_report("activities", path, dry_run, all_or_nothing, file_name)
    with bulk.collector_paused():
        import_activities(
            workspace,
            table_opener(path, sheet, mapping, file_name),
            report,
            author=author,
            progress=progress,
        )
    return finish_report(report, path, sheet, errors_path, file_name)


def attendance_import(
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
    report = new_report("attendance", path, dry_run, all_or_nothing, file_name)
    with bulk.collector_paused():
        import_attendance(
            workspace,
            table_opener(path, sheet, mapping, file_name),
            report,
            author=author,
            progress=progress,
        )
    return finish_report(report, path, sheet, errors_path, file_name)
