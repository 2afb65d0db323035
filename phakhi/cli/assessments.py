"""``phakhi assessment``: the self-assessments of a workspace, listed and exported for an award
application.

    phakhi assessment list --workspace W [--json]
    phakhi assessment export --workspace W --assessment ID --format pdf|xlsx -o PATH

The file is written whole or not at all (as ``phakhi worksheet export``); ``-o`` may name a
folder, where the file gets its own name (self-assessment-ID-DATE.pdf)."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any


def add_parsers(commands: Any) -> None:
    assessment = commands.add_parser(
        "assessment", help="list the self-assessments of a workspace, or export one (PDF, XLSX)"
    )
    actions = assessment.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="the workspace's self-assessments, newest first")
    listing.add_argument("--workspace", required=True)
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    export = actions.add_parser("export", help="write a self-assessment as PDF or XLSX")
    export.add_argument("--workspace", required=True)
    export.add_argument("--assessment", required=True, type=int, help="the assessment's id")
    export.add_argument("--format", required=True, choices=["pdf", "xlsx"])
    export.add_argument(
        "-o", "--output", required=True, help="the file, or a folder (existing, or ending in /)"
    )


def _list(args: argparse.Namespace) -> int:
    from phakhi.assessments.selectors import assessments_of, comparison
    from phakhi.cli import EXIT_OK
    from phakhi.core.dates import current_language, format_date
    from phakhi.core.selectors import workspace_get

    workspace = workspace_get(args.workspace)
    found = assessments_of(workspace)
    rows = []
    for assessment in found:
        averages = {listed.template.code: listed.average for listed in comparison(assessment).lists}
        rows.append(
            {
                "id": assessment.pk,
                "title": assessment.title,
                "date": assessment.held_on.isoformat(),
                "network": assessment.network.slug if assessment.network else None,
                "templates": assessment.templates,
                "status": assessment.status,
                "answered_by": assessment.answered_by,
                "scored": assessment.scored,  # type: ignore[attr-defined]
                "items": assessment.items,  # type: ignore[attr-defined]
                "averages": averages,
            }
        )
    if args.json:
        print(json.dumps({"workspace": workspace.slug, "assessments": rows}, ensure_ascii=False))
        return EXIT_OK
    language = current_language()
    for row, assessment in zip(rows, found, strict=True):
        network = row["network"] or "-"
        means = " ".join(
            f"{code}={'-' if value is None else value}" for code, value in row["averages"].items()
        )
        print(
            f"{row['id']}\t{format_date(assessment.held_on, language)}\t{row['status']}\t"
            f"{network}\t{row['scored']}/{row['items']}\t{means}\t{row['title']}"
        )
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from phakhi.assessments.selectors import assessment_in
    from phakhi.cli import EXIT_OK
    from phakhi.cli.worksheet_export import write_atomically
    from phakhi.core.selectors import workspace_get
    from phakhi.worksheets.assessment_files import assessment_file

    workspace = workspace_get(args.workspace)
    found = assessment_file(assessment_in(workspace, args.assessment), args.format)
    path = Path(args.output)
    if path.is_dir() or str(args.output).endswith(("/", os.sep)):
        path = path / found.name
    write_atomically(path, found.content)
    print(path)
    return EXIT_OK


def _assessment(args: argparse.Namespace) -> int:
    return _list(args) if args.action == "list" else _export(args)


HANDLERS: dict[str, Any] = {"assessment": _assessment}
