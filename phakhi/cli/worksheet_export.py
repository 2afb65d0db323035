"""``phakhi worksheet export``: a project's worksheet 1, 2 or 4 as XLSX or PDF, filled or blank.

    phakhi worksheet export --workspace W --project P --worksheet 1 --format pdf -o ws1.pdf
    phakhi worksheet export --workspace W --project P --worksheet 4 --format xlsx --blank -o .

The file is written beside its final name and renamed into place when complete, so a failed
export never leaves half a file where a good one is expected. ``-o`` may name a folder: the
file then gets its own name there (P-worksheet-1.pdf, P-worksheet-4-blank.xlsx). The command
line's file holds everything as stored, contact persons included, like ``phakhi export``
without ``--role``."""

import argparse
import os
import sys
import tempfile
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from phakhi.cli import EXIT_FAILED, EXIT_OK
    from phakhi.core.selectors import workspace_get
    from phakhi.projects.selectors import project_in
    from phakhi.worksheets.exports import WorksheetError, worksheet_file

    workspace = workspace_get(args.workspace)
    project = project_in(workspace, args.project)
    try:
        sheet = worksheet_file(project, int(args.worksheet), args.format, blank=args.blank)
    except WorksheetError as error:
        print(f"phakhi: {error}", file=sys.stderr)
        return EXIT_FAILED
    path = Path(args.output)
    if path.is_dir():
        path = path / sheet.name
    write_atomically(path, sheet.content)
    print(path)
    return EXIT_OK


def write_atomically(path: Path, content: bytes) -> None:
    """``content`` at ``path``, whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
