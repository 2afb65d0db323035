"""``phakhi worksheet import FILE --workspace W --project P [--dry-run] [--json]``: a filled
worksheet 1 card table or worksheet 4 plan read into a project (``phakhi.worksheets.imports``).

Prints the report (or, with ``--json``, one JSON object with ``rows``, ``created``, ``updated``,
``unchanged``, ``rejected`` and ``errors``) and exits 3 when rows were rejected, as
``phakhi import`` does."""

import argparse
import json

from phakhi.cli import EXIT_OK, EXIT_ROWS_REJECTED


def run(args: argparse.Namespace) -> int:
    from phakhi.core.audit import Author
    from phakhi.core.selectors import workspace_get
    from phakhi.projects.selectors import project_in
    from phakhi.worksheets.imports import worksheet_import
    from phakhi.worksheets.summary import summary_text

    workspace = workspace_get(args.workspace)
    project = project_in(workspace, args.project)
    report = worksheet_import(Author.cli(), project, args.file, dry_run=args.dry_run)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        print(summary_text(report))
    return EXIT_ROWS_REJECTED if report.rejected else EXIT_OK
