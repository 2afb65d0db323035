"""``phakhi survey import FILE --workspace W --survey S [--add-to-roster] [--sheet SHEET]
[--dry-run] [--all-or-nothing] [--json]``: a round's responses collected elsewhere (a Google
Form, paper forms typed in), long format, one row per respondent–partner pair
(``phakhi.monitoring.survey_imports``). ``phakhi.cli.surveys`` adds the action to its parser
with :func:`add_parser` and runs it with :func:`run`.

The exit code is the other imports': 0 when every row was read, 3 when some were rejected (the
error file beside the input lists them with their reasons), 1 when the file could not be read."""

import argparse
import json
from pathlib import Path
from typing import Any


def add_parser(actions: Any) -> None:
    sub = actions.add_parser(
        "import",
        help="import a round's responses from CSV or XLSX (one row per respondent and partner)",
    )
    sub.add_argument("file", type=Path)
    sub.add_argument("--workspace", required=True)
    sub.add_argument("--survey", required=True, help="the survey round's key")
    sub.add_argument(
        "--add-to-roster",
        action="store_true",
        help="add respondents and partners who are actors of the workspace but not on the "
        "round's roster (without it, their rows are rejected)",
    )
    sub.add_argument("--sheet", help="the sheet of an XLSX workbook to read")
    sub.add_argument("--dry-run", action="store_true", help="check and report; change nothing")
    sub.add_argument(
        "--all-or-nothing", action="store_true", help="apply nothing if any row is rejected"
    )
    sub.add_argument("--json", action="store_true", help="print the report as one JSON object")


def summary_text(result: Any) -> str:
    """The other imports' summary, then what the import did to the round."""
    from django.utils.translation import gettext as _

    from phakhi.imports.summary import summary_text as rows_summary

    outcome = result.outcome
    lines = [
        rows_summary(result.report),
        _("  survey %(survey)s: %(n)d respondents' answers in the file")
        % {"survey": outcome.survey, "n": outcome.respondents},
    ]
    if outcome.declined:
        lines.append(
            _("  no consent, nothing kept: %(keys)s") % {"keys": ", ".join(outcome.declined)}
        )
    if outcome.withdrawn:
        lines.append(
            _("  answers imported before and now without consent, removed: %(n)d")
            % {"n": outcome.withdrawn}
        )
    if outcome.reports_removed:
        lines.append(
            _("  partners no longer listed by their respondent, removed: %(n)d")
            % {"n": outcome.reports_removed}
        )
    if outcome.roster_added:
        lines.append(
            _("  added to the roster: %(keys)s") % {"keys": ", ".join(outcome.roster_added)}
        )
    if outcome.ties:
        lines.append(
            _("  survey ties: %(created)d new, %(updated)d changed, %(deleted)d removed")
            % outcome.ties
        )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from phakhi.cli import EXIT_OK, EXIT_ROWS_REJECTED
    from phakhi.core.audit import Author
    from phakhi.core.selectors import workspace_get
    from phakhi.monitoring.survey_imports import survey_responses_import
    from phakhi.monitoring.survey_selectors import survey_in

    workspace = workspace_get(args.workspace)
    survey = survey_in(workspace, args.survey)
    result = survey_responses_import(
        workspace,
        args.file,
        survey=survey,
        add_to_roster=args.add_to_roster,
        author=Author.cli(),
        sheet=args.sheet,
        dry_run=args.dry_run,
        all_or_nothing=args.all_or_nothing,
    )
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
    else:
        print(summary_text(result))
    return EXIT_ROWS_REJECTED if result.report.rejected else EXIT_OK
