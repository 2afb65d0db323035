"""``phakhi coparticipation``: the co-participation ties (ร่วมกิจกรรม) of a workspace.

    phakhi coparticipation rebuild --workspace W [--json]
    phakhi coparticipation limit --workspace W [N] [--json]

``rebuild`` makes every tie again from the attendance and prints how many were created,
updated and removed, and the seconds it took. ``limit`` prints the largest activity that makes
ties, or sets it (and rebuilds)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from phakhi.cli import EXIT_OK


def add_parsers(commands: Any) -> None:
    command = commands.add_parser(
        "coparticipation", help="co-participation ties: taking part in the same activity"
    )
    actions = command.add_subparsers(dest="action", required=True)
    rebuild = actions.add_parser("rebuild", help="make every co-participation tie again")
    rebuild.add_argument("--workspace", required=True)
    rebuild.add_argument("--json", action="store_true", help="print one JSON object")
    limit = actions.add_parser(
        "limit", help="show or set the largest activity that makes ties (default 50)"
    )
    limit.add_argument("--workspace", required=True)
    limit.add_argument("participants", nargs="?", type=int, help="the new limit (rebuilds)")
    limit.add_argument("--json", action="store_true", help="print one JSON object")


def _result_lines(result: Any) -> list[str]:
    from django.utils.translation import gettext as _

    return [
        _(
            "Co-participation ties: %(created)s created, %(updated)s updated, %(removed)s "
            "removed, %(unchanged)s unchanged (%(pairs)s pairs, %(actors)s actors) in "
            "%(seconds).1f s"
        )
        % {
            **{k: f"{getattr(result, k):,}" for k in ("created", "updated", "removed",
                                                       "unchanged", "pairs", "actors")},
            "seconds": result.seconds,
        }
    ]  # fmt: skip


def _coparticipation(args: argparse.Namespace) -> int:
    from django.utils.translation import gettext as _

    from phakhi.core.audit import Author
    from phakhi.core.selectors import workspace_get
    from phakhi.participation.coparticipation import (
        coparticipation_rebuild,
        tie_limit,
        tie_limit_set,
    )

    workspace = workspace_get(args.workspace)
    if args.action == "rebuild":
        result = coparticipation_rebuild(workspace, author=Author.cli())
        if args.json:
            print(json.dumps(result.as_dict(), ensure_ascii=False))
        else:
            print("\n".join(_result_lines(result)))
        return EXIT_OK
    done = None
    if args.participants is not None:
        done = tie_limit_set(Author.cli(), workspace, args.participants)
    limit = tie_limit(workspace)
    if args.json:
        rebuilt = done.rebuild.as_dict() if done and done.rebuild else None
        print(json.dumps({"limit": limit, "rebuild": rebuilt}))
        return EXIT_OK
    print(
        _("Activities of more than %(limit)s registered participants make no ties.")
        % {"limit": limit}
    )
    if done is not None and done.rebuild is not None:
        print("\n".join(_result_lines(done.rebuild)))
    return EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"coparticipation": _coparticipation}
