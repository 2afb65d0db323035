"""The ``phakhi`` command: hands each request to a service and prints what happened.

The accounts commands (``user``, ``token``) are in ``phakhi.cli.accounts``, which imports this
module's exit codes and is itself imported only when the command runs."""

import argparse
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

from phakhi.cli.scope import add_scope_options, scope_from

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_ROWS_REJECTED = 0, 1, 2, 3
LANGUAGES = ["th", "en"]
LANG_HELP = "language of messages (default th, or $PHAKHI_LANGUAGE)"


def _setup(language: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django
    from django.utils import translation

    django.setup()
    translation.activate(language)


def _parser() -> argparse.ArgumentParser:
    from phakhi.cli import (
        accounts,
        calendar_export,
        monitoring,
        participation,
        projects,
        server,
        worksheets,
    )

    parser = argparse.ArgumentParser(prog="phakhi", description="Phakhi (ภาคี) network system")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=os.environ.get("PHAKHI_LANGUAGE", "th"),
        help=LANG_HELP,
    )
    commands = parser.add_subparsers(dest="command", required=True)

    workspace = commands.add_parser("workspace", help="create and list workspaces")
    ws = workspace.add_subparsers(dest="action", required=True)
    create = ws.add_parser("create", help="create a workspace")
    create.add_argument("slug")
    create.add_argument("--name", required=True)
    ws.add_parser("list", help="list workspaces")

    network = commands.add_parser("network", help="create and list networks")
    nw = network.add_subparsers(dest="action", required=True)
    create = nw.add_parser("create", help="create a network in a workspace")
    create.add_argument("slug")
    create.add_argument("--workspace", required=True)
    create.add_argument("--name", required=True)
    create.add_argument("--kind", choices=["issue", "area", "other"], default="other")
    listing = nw.add_parser("list", help="list a workspace's networks")
    listing.add_argument("--workspace", required=True)

    demo = commands.add_parser("demo", help="load a realistic Thai demo network")
    demo.add_argument(
        "--size", choices=["workshop", "province", "region", "national"], default="workshop"
    )
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--workspace", default="demo")
    demo.add_argument(
        "--write-csv",
        metavar="DIR",
        type=Path,
        help="write actors.csv and ties.csv to DIR instead of loading them",
    )

    imp = commands.add_parser(
        "import", help="import actors, ties, activities or attendance from CSV or XLSX"
    )
    what = imp.add_subparsers(dest="what", required=True)
    for name in ("actors", "ties", "activities", "attendance"):
        sub = what.add_parser(name, help=f"import {name}")
        sub.add_argument("file", type=Path)
        sub.add_argument("--workspace", required=True)
        if name == "actors":
            sub.add_argument("--network", help="also make every imported actor a member")
        sub.add_argument("--sheet", help="the sheet of an XLSX workbook to read")
        sub.add_argument("--dry-run", action="store_true", help="check and report; change nothing")
        sub.add_argument(
            "--all-or-nothing", action="store_true", help="apply nothing if any row is rejected"
        )
        sub.add_argument("--json", action="store_true", help="print the report as one JSON object")
    what.add_parser(
        "prune",
        help="delete browser uploads older than PHAKHI_IMPORT_KEEP_DAYS days, with their files",
    )

    export = commands.add_parser(
        "export", help="export a workspace, its networks, a filter or an ego network"
    )
    export.add_argument("--workspace", required=True)
    add_scope_options(
        export, "only the memberships and ties active on this date (default: all, as stored)"
    )
    export.add_argument(
        "--format", choices=["csv", "xlsx", "gexf", "graphml", "json", "ics"], required=True
    )
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="the file to write; for csv a folder, which gets WORKSPACE-actors.csv and "
        "WORKSPACE-ties.csv; ics: the activity calendar (a folder gets WORKSPACE-activities.ics)",
    )
    export.add_argument(
        "--thai-headers",
        action="store_true",
        help="csv and xlsx: Thai column headers and Thai kinds, sectors and yes/no",
    )
    export.add_argument(
        "--role",
        choices=["admin", "coordinator", "member", "viewer"],
        help="write what a user with this role may see (a viewer's file has contact details "
        "and personal columns masked); without it, everything as stored",
    )
    calendar_export.add_export_options(export)

    _analyze_parser(commands)
    accounts.add_parsers(commands)
    server.add_parsers(commands)
    projects.add_parsers(commands)
    worksheets.add_parsers(commands)
    participation.add_parsers(commands)
    monitoring.add_parsers(commands)

    manage = commands.add_parser("manage", help="run a Django management command")
    manage.add_argument("args", nargs=argparse.REMAINDER)

    commands.add_parser("admin-login", help="make sure an admin login exists and print it")
    _lang_anywhere(parser, LANGUAGES)
    return parser


def _lang_anywhere(parser: argparse.ArgumentParser, choices: list[str]) -> None:
    """``--lang`` after the subcommand too (``phakhi import actors f.csv --lang en``): every
    subcommand takes it, and only sets it when given (the main option's default stands)."""
    for action in parser._actions:  # argparse lists subcommands only in its private fields
        if isinstance(action, argparse._SubParsersAction):
            for name, subparser in action.choices.items():
                if name == "manage":  # its arguments are Django's, passed on as they are
                    continue
                if "--lang" not in subparser._option_string_actions:
                    subparser.add_argument(
                        "--lang", choices=choices, default=argparse.SUPPRESS, help=LANG_HELP
                    )
                _lang_anywhere(subparser, choices)


def _analyze_parser(commands: Any) -> None:
    analyze = commands.add_parser("analyze", help="analyse a network and store the results")
    analyze.add_argument("--workspace", required=True)
    add_scope_options(analyze, "count the ties active on this date (default today)")
    analyze.add_argument("--samples", type=int, help="sampled sources on large networks")
    analyze.add_argument("--seed", type=int, default=0)
    analyze.add_argument("--background", action="store_true", help="queue it for `phakhi worker`")
    analyze.add_argument("--compare-with", type=int, metavar="RUN", help="an earlier run's number")
    analyze.add_argument("--json", metavar="PATH", help="write the results as JSON ('-': stdout)")


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        # The command itself: `phakhi … | head` ends quietly. Not for a caller in this process
        # (the tests): with SIGPIPE's default, a write to a closed socket ends it without a word.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = _parser().parse_args(argv)
    _setup(args.lang)
    from django.core.exceptions import ValidationError

    from phakhi.cli import accounts, monitoring, participation, projects, server, worksheets
    from phakhi.core.selectors import NotFound
    from phakhi.exports.errors import ExportError
    from phakhi.imports.readers import ImportFileError

    handler = {
        **_HANDLERS,
        **accounts.HANDLERS,
        **server.HANDLERS,
        **projects.HANDLERS,
        **worksheets.HANDLERS,
        **participation.HANDLERS,
        **monitoring.HANDLERS,
    }[args.command]
    try:
        return handler(args)
    except (NotFound, ImportFileError, ExportError) as error:
        print(f"phakhi: {error}", file=sys.stderr)
        return EXIT_FAILED
    except ValidationError as error:
        print(f"phakhi: {_validation_text(error)}", file=sys.stderr)
        return EXIT_FAILED


def _validation_text(error: Any) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
    return " ".join(error.messages)


def _workspace(args: argparse.Namespace) -> int:
    from phakhi.actors.selectors import actor_counts_by_workspace
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.core.services import workspace_create
    from phakhi.ties.selectors import tie_counts_by_workspace

    if args.action == "create":
        workspace = workspace_create(Author.cli(), slug=args.slug, name=args.name)
        print(f"{workspace.slug}\t{workspace.name}")
        return EXIT_OK
    actors, ties = actor_counts_by_workspace(), tie_counts_by_workspace()
    for w in Workspace.objects.order_by("slug"):
        print(f"{w.slug}\t{w.name}\t{actors.get(w.pk, 0)} actors\t{ties.get(w.pk, 0)} ties")
    return EXIT_OK


def _network(args: argparse.Namespace) -> int:
    from phakhi.core.audit import Author
    from phakhi.core.selectors import workspace_get
    from phakhi.networks.models import Network
    from phakhi.networks.services import network_create

    workspace = workspace_get(args.workspace)
    if args.action == "create":
        network = network_create(
            Author.cli(), workspace, slug=args.slug, name=args.name, kind=args.kind
        )
        print(f"{network.slug}\t{network.name}")
        return EXIT_OK
    from django.db.models import Count

    networks = Network.objects.filter(workspace=workspace).annotate(size=Count("memberships"))
    for n in networks.order_by("slug"):
        print(f"{n.slug}\t{n.name}\t{n.size} members")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from phakhi.core.audit import Author
    from phakhi.core.selectors import workspace_get
    from phakhi.imports.services import actors_import, ties_import
    from phakhi.networks.selectors import network_get

    if args.what == "prune":
        from phakhi.imports.pruning import jobs_prune

        print(f"pruned {jobs_prune()} uploads")
        return EXIT_OK
    workspace = workspace_get(args.workspace)
    options = {
        "author": Author.cli(),
        "sheet": args.sheet,
        "dry_run": args.dry_run,
        "all_or_nothing": args.all_or_nothing,
    }
    if args.what == "actors":
        network = network_get(workspace, args.network) if args.network else None
        report = actors_import(workspace, args.file, network=network, **options)
    elif args.what == "activities":
        from phakhi.participation.imports import activities_import

        report = activities_import(workspace, args.file, **options)
    elif args.what == "attendance":
        from phakhi.participation.imports import attendance_import

        report = attendance_import(workspace, args.file, **options)
    else:
        report = ties_import(workspace, args.file, **options)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        from phakhi.imports.summary import summary_text

        print(summary_text(report))
    return EXIT_ROWS_REJECTED if report.rejected else EXIT_OK


def _export(args: argparse.Namespace) -> int:
    if args.format == "ics":
        from phakhi.cli.calendar_export import export_ics

        return export_ics(args, EXIT_USAGE)
    from phakhi.accounts.models import Role
    from phakhi.accounts.permissions import Access
    from phakhi.core.personal import personal_view
    from phakhi.core.selectors import workspace_get
    from phakhi.exports.writers import export

    workspace = workspace_get(args.workspace)
    scope = scope_from(args, workspace)
    view = personal_view(Access(None, workspace, Role(args.role))) if args.role else None
    for path in export(scope, args.format, args.output, thai_headers=args.thai_headers, view=view):
        print(path)
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from phakhi.core.audit import Author
    from phakhi.demo.services import demo_load, demo_write_csv

    if args.write_csv:
        for path in demo_write_csv(args.size, args.seed, args.write_csv):
            print(path)
        return EXIT_OK
    print(demo_load(Author.cli(), size=args.size, seed=args.seed, slug=args.workspace))
    return EXIT_OK


def _analyze(args: argparse.Namespace) -> int:
    from django.utils.translation import gettext as _
    from tqdm import tqdm

    from phakhi.analysis import selectors
    from phakhi.analysis.services import analysis_request
    from phakhi.analysis.summary import summary_text
    from phakhi.core.audit import Author
    from phakhi.core.selectors import workspace_get

    workspace = workspace_get(args.workspace)
    scope = scope_from(args, workspace)
    before = selectors.run_get(workspace, args.compare_with) if args.compare_with else None
    out = sys.stderr if args.json == "-" else sys.stdout
    with tqdm(total=100, file=sys.stderr, leave=False, disable=None, unit="%") as bar:

        def progress(step: str, fraction: float) -> None:
            bar.set_description(step)
            bar.update(round(100 * fraction) - bar.n)

        run = analysis_request(
            Author.cli(), scope, samples=args.samples, seed=args.seed,
            background=args.background, progress=progress,
        )  # fmt: skip
    if args.background:
        print(
            _("Analysis #%(id)s is queued; `phakhi worker` runs it.") % {"id": run.number}, file=out
        )
        return EXIT_OK
    print(summary_text(run), file=out)
    document = selectors.run_json(run) if args.json else {}
    if before is not None:
        document["compare"] = selectors.run_compare(before, run)
        print(json.dumps(document["compare"]["network"], ensure_ascii=False, indent=1), file=out)
    if args.json == "-":
        json.dump(document, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    elif args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False)
    return EXIT_OK


def _manage(args: argparse.Namespace) -> int:
    from django.core.management import execute_from_command_line

    execute_from_command_line(["phakhi manage", *args.args])
    return EXIT_OK


def _admin_login(args: argparse.Namespace) -> int:
    from phakhi.core.logins import ensure_admin_login

    print(ensure_admin_login())
    return EXIT_OK


_HANDLERS = {
    "workspace": _workspace,
    "network": _network,
    "import": _import,
    "export": _export,
    "demo": _demo,
    "analyze": _analyze,
    "manage": _manage,
    "admin-login": _admin_login,
}
