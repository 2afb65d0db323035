"""``phakhi snapshot``: take a snapshot of the network-health scorecard now.

    phakhi snapshot --workspace W [--network N] [--json]
    phakhi snapshot --due [--json]

The first reads the scorecard of the workspace (or of network N), keeps it as a snapshot,
checks the risk alerts, and prints each dimension's figures with their lights (or one JSON
object: the snapshot and its ``figures`` and ``lights``). ``--due`` takes every scheduled
snapshot that is due in every workspace now (what the worker's scheduler queues; for a
machine that runs no worker, from cron)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from phakhi.cli import EXIT_OK, EXIT_USAGE


def add_parsers(commands: Any) -> None:
    command = commands.add_parser(
        "snapshot", help="take a snapshot of the network-health scorecard now"
    )
    command.add_argument("--workspace", help="the workspace's slug")
    command.add_argument("--network", help="one network's slug (default: the whole workspace)")
    command.add_argument(
        "--due", action="store_true", help="take every scheduled snapshot that is due now"
    )
    command.add_argument("--json", action="store_true", help="print one JSON object")


def snapshot_json(snapshot: Any) -> dict[str, Any]:
    return {
        "id": snapshot.pk,
        "workspace": snapshot.workspace.slug,
        "network": snapshot.network.slug if snapshot.network_id else None,
        "on": snapshot.on.isoformat(),
        "taken_at": snapshot.taken_at.isoformat(),
        "trigger": snapshot.trigger,
        "period": snapshot.period or None,
        "run": snapshot.run.number if snapshot.run_id else None,
        "survey": snapshot.survey.slug if snapshot.survey_id else None,
        "figures": snapshot.figures,
        "lights": snapshot.lights,
    }


def _text(snapshot: Any) -> str:
    from django.utils.translation import gettext as _

    from phakhi.core.dates import current_language, format_date
    from phakhi.monitoring.readings import readings

    scope = snapshot.network.name if snapshot.network_id else snapshot.workspace.name
    lines = [
        _("Scorecard of %(scope)s on %(date)s (snapshot %(id)s)")
        % {"scope": scope, "date": format_date(snapshot.on, current_language()),
           "id": snapshot.pk}
    ]  # fmt: skip
    for dimension in readings(snapshot.figures):
        lines.append(f"\n{dimension.name} [{dimension.light_name}]")
        for row in dimension.rows:
            light = f" [{row.light_name}]" if row.light else ""
            lines.append(f"  {row.name}: {row.value}{light}")
    return "\n".join(lines)


def _due(args: argparse.Namespace) -> int:
    from phakhi.core.audit import Author
    from phakhi.core.models import Workspace
    from phakhi.monitoring.models import Snapshot
    from phakhi.monitoring.snapshots import snapshot_take, snapshots_due
    from phakhi.networks.models import Network

    taken = []
    for due in snapshots_due():
        workspace = Workspace.objects.get(pk=due.workspace_id)
        network = Network.objects.get(pk=due.network_id) if due.network_id else None
        taken.append(
            snapshot_take(
                Author.cli(), workspace, network,
                trigger=Snapshot.Trigger.SCHEDULE, period=due.period,
            )
        )  # fmt: skip
    if args.json:
        print(json.dumps({"taken": [snapshot_json(s) for s in taken]}, ensure_ascii=False))
    else:
        for snapshot in taken:
            print(_text(snapshot), end="\n\n")
    return EXIT_OK


def _snapshot(args: argparse.Namespace) -> int:
    import sys

    from django.utils.translation import gettext as _

    from phakhi.core.audit import Author
    from phakhi.core.selectors import workspace_get
    from phakhi.monitoring.snapshots import snapshot_take
    from phakhi.networks.selectors import network_get

    if args.due:
        return _due(args)
    if not args.workspace:
        print(_("phakhi snapshot: give --workspace (or --due)."), file=sys.stderr)
        return EXIT_USAGE
    workspace = workspace_get(args.workspace)
    network = network_get(workspace, args.network) if args.network else None
    snapshot = snapshot_take(Author.cli(), workspace, network)
    if args.json:
        print(json.dumps(snapshot_json(snapshot), ensure_ascii=False))
    else:
        print(_text(snapshot))
    return EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"snapshot": _snapshot}
