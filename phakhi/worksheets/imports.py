"""``worksheet_import``: a filled worksheet 1 card table or worksheet 4 plan read into a project.

The worksheet is told from the file's headers (Thai or English). Each row is checked, then
written through the worksheet's own services in its own transaction: a bad row is rejected with
its line, column and reason and the others land. Rows already as stored are counted unchanged,
so importing the same file twice changes nothing the second time. A dry run goes through the
same steps inside one transaction that is rolled back: it reports exactly what an import would
do and writes nothing. The rejected rows go to an error file beside the input (its rows as they
were, with their line and reason), which imports as it is once fixed."""

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.core import audit
from phakhi.imports.readers import ImportFileError
from phakhi.imports.report import errors_path_for, record_import, write_errors_file
from phakhi.projects.models import Project
from phakhi.worksheets.import_cards import import_cards
from phakhi.worksheets.import_plan import import_plan
from phakhi.worksheets.import_rows import WorksheetReport
from phakhi.worksheets.reading import WorksheetTable, open_worksheet

Importer = Callable[[audit.Author, Project, WorksheetTable, WorksheetReport], None]
IMPORTERS: dict[int, tuple[str, Importer, str]] = {
    1: ("stakeholders", import_cards, "stakeholders.stakeholder"),
    4: ("plan rows", import_plan, "expansion.planrow"),
}


class _DryRun(Exception):
    """Raised at the end of a dry run to roll its transaction back."""


def worksheet_import(
    author: audit.Author,
    project: Project,
    path: Path,
    *,
    dry_run: bool = False,
    file_name: str | None = None,
    errors_path: Path | None = None,
) -> WorksheetReport:
    """Import the worksheet in ``path`` into ``project``. ``file_name`` is how the report and
    its messages name the file (a browser upload's own name); ``errors_path`` where the
    rejected rows go (by default ``NAME.errors.csv`` beside the input)."""
    worksheet = open_worksheet(path, file_name)
    what, importer, object_type = IMPORTERS[worksheet.sheet.worksheet]
    report = WorksheetReport(
        what=what,
        file=file_name or str(path),
        description=worksheet.table.description,
        dry_run=dry_run,
        batch=audit.new_batch_id(),
        worksheet=worksheet.sheet.worksheet,
        project=project.slug,
        header_line=worksheet.header_line,
        ignored_columns=worksheet.ignored,
        skipped_columns=worksheet.skipped,
        headers={key: worksheet.header(key) for key in worksheet.indexes},
    )
    # A dry run is one transaction, rolled back; an import writes each row in its own.
    outer: AbstractContextManager[object] = transaction.atomic() if dry_run else nullcontext()
    try:
        with outer:
            importer(author, project, worksheet, report)
            if report.rows == 0:
                raise ImportFileError(_("The file has a header but no rows of data."))
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    if not dry_run:
        report.applied = True
        with transaction.atomic():
            record_import(author, project.workspace, report, object_type, ())
    _write_errors(report, path, file_name, errors_path or errors_path_for(path))
    return report


def _write_errors(
    report: WorksheetReport, path: Path, file_name: str | None, errors_path: Path
) -> None:
    if report.rejected:
        worksheet = open_worksheet(path, file_name)
        write_errors_file(report, worksheet.table, errors_path)
        report.errors_file = str(errors_path)
    elif errors_path.exists():
        errors_path.unlink()  # a stale list from an earlier run would mislead
