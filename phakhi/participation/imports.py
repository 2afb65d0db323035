"""The import writes of activities and attendance: ``activities_import`` and
``attendance_import``, with the options, rules and report of ``phakhi.imports.services``'
``actors_import``.

Each checks every row and reports every problem with its line and column, writes the rejected
rows to an error file beside the input (or ``errors_path``), and applies the valid rows in one
transaction — none of them with ``all_or_nothing`` when a row is rejected, none at all with
``dry_run``. Importing the same file again changes nothing. The browser import passes a
``mapping`` (file header → column or "ignore"), and a ``progress`` callback."""

from pathlib import Path
from typing import Any

from phakhi.core.models import Workspace
from phakhi.imports.report import ImportReport
from phakhi.imports.services import run_import
from phakhi.participation.activity_import import import_activities
from phakhi.participation.attendance_import import import_attendance


def activities_import(workspace: Workspace, path: Path, **options: Any) -> ImportReport:
    """Activities from ``path``; ``options`` as ``phakhi.imports.services.run_import``'s."""
    return run_import("activities", import_activities, workspace, path, **options)


def attendance_import(workspace: Workspace, path: Path, **options: Any) -> ImportReport:
    """Attendance from ``path``; ``options`` as ``phakhi.imports.services.run_import``'s."""
    return run_import("attendance", import_attendance, workspace, path, **options)
