"""``phakhi alerts``: a workspace's risk alerts, each with its rule, where, and what tripped it.

    phakhi alerts --workspace W [--network N] [--status open|current|dismissed|cleared|all]
                  [--check] [--json]

``--check`` runs the rules first (the whole workspace and each network, or the one network
given) and prints what the check opened and cleared before the list. The exit status is 0
whether or not there are alerts: read them from the output."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

# alert_selectors.STATUSES (the parser is built before Django is set up; a test keeps them equal)
STATUSES = ("current", "open", "dismissed", "cleared", "all")


def add_parsers(commands: Any) -> None:
    alerts = commands.add_parser(
        "alerts", help="list a workspace's risk alerts, after checking the rules with --check"
    )
    alerts.add_argument("--workspace", required=True)
    alerts.add_argument("--network", help="only this network's alerts (its key)")
    alerts.add_argument(
        "--status", choices=STATUSES, default="open", help="which alerts (default: open)"
    )
    alerts.add_argument("--check", action="store_true", help="run the rules first")
    alerts.add_argument("--json", action="store_true", help="print one JSON object")


def _alerts(args: argparse.Namespace) -> int:
    from phakhi.cli import EXIT_OK
    from phakhi.core.audit import Author
    from phakhi.core.selectors import workspace_get
    from phakhi.monitoring.alert_selectors import alert_dict, alert_rows, alerts_of
    from phakhi.monitoring.alerts import CheckResult, alerts_check, alerts_check_workspace
    from phakhi.networks.selectors import network_get

    workspace = workspace_get(args.workspace)
    network = network_get(workspace, args.network) if args.network else None
    checked: CheckResult | None = None
    if args.check:
        author = Author.cli()
        if network is None:
            checked = alerts_check_workspace(author, workspace)
        else:
            checked = alerts_check(author, workspace, network)
    rows = alert_rows(alerts_of(workspace, network=network, status=args.status))
    if args.json:
        out: dict[str, Any] = {"workspace": workspace.slug, "status": args.status}
        if network is not None:
            out["network"] = network.slug
        if checked is not None:
            out["checked"] = {
                "opened": len(checked.opened),
                "seen": len(checked.seen),
                "cleared": len(checked.cleared),
            }
        out["alerts"] = [alert_dict(row) for row in rows]
        print(json.dumps(out, ensure_ascii=False))
        return EXIT_OK
    if checked is not None:
        print(_checked_line(checked))
    for row in rows:
        print(f"{row.alert.pk}\t{row.alert.status}\t{row.alert.rule}\t{row.where}\t{row.text}")
    return EXIT_OK


def _checked_line(checked: Any) -> str:
    from django.utils.translation import gettext as _

    return _("Checked: %(opened)d new, %(seen)d still there, %(cleared)d cleared.") % {
        "opened": len(checked.opened),
        "seen": len(checked.seen),
        "cleared": len(checked.cleared),
    }


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"alerts": _alerts}
