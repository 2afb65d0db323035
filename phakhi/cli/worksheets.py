"""``phakhi worksheet export|import``: the workshop's worksheets as files.

Each action's work is in its own module (``worksheet_export``, ``worksheet_import``), imported
only when it runs."""

import argparse
import importlib
from pathlib import Path
from typing import Any


def add_parsers(commands: Any) -> None:
    worksheet = commands.add_parser(
        "worksheet", help="export a project's worksheets to XLSX or PDF, or import a filled one"
    )
    actions = worksheet.add_subparsers(dest="action", required=True)

    export = actions.add_parser("export", help="write a worksheet of a project as XLSX or PDF")
    export.add_argument("--workspace", required=True)
    export.add_argument("--project", required=True, help="the project's slug")
    export.add_argument("--worksheet", required=True, choices=["1", "2", "4"])
    export.add_argument("--format", required=True, choices=["xlsx", "pdf"])
    export.add_argument("--blank", action="store_true", help="an empty worksheet to print")
    export.add_argument("-o", "--output", type=Path, required=True, help="the file to write")

    load = actions.add_parser(
        "import", help="read a filled worksheet 1 card table or worksheet 4 plan (XLSX or CSV)"
    )
    load.add_argument("file", type=Path)
    load.add_argument("--workspace", required=True)
    load.add_argument("--project", required=True, help="the project's slug")
    load.add_argument("--dry-run", action="store_true", help="check every row, change nothing")
    load.add_argument("--json", action="store_true", help="print the summary as one JSON object")


def _worksheet(args: argparse.Namespace) -> int:
    module = importlib.import_module(f"phakhi.cli.worksheet_{args.action}")
    return int(module.run(args))


HANDLERS: dict[str, Any] = {"worksheet": _worksheet}
