"""``phakhi report participation``: the participation dashboard's figures on the command line.

    phakhi report participation --workspace demo [--network N | --project P]
        [--fiscal-year 2568 | --from DATE --to DATE] [--months 6] [--json] [--lang en]

Counts by IAP2 level planned and achieved (and how many fell short), those who took part by
sector, the organisations that took part, the activities that lack o25 items (their keys and
what is missing) and the members with no activity for ``--months`` months. Without a period,
the current fiscal year. Text in Thai unless ``--lang en``; ``--json`` prints one object (the
API's answer: ``phakhi.participation.dashboard.dashboard_json``)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable
from typing import Any

from phakhi.cli import EXIT_OK, EXIT_USAGE


def add_parsers(commands: Any) -> None:
    report = commands.add_parser("report", help="reports of a workspace's figures")
    kinds = report.add_subparsers(dest="report", required=True)
    participation = kinds.add_parser(
        "participation",
        help="IAP2 levels planned and achieved, participants by sector, missing o25 items",
    )
    participation.add_argument("--workspace", required=True)
    subject = participation.add_mutually_exclusive_group()
    subject.add_argument("--network", metavar="SLUG", help="one network's activities")
    subject.add_argument("--project", metavar="SLUG", help="one project's activities")
    participation.add_argument(
        "--fiscal-year",
        metavar="YEAR",
        help="a Thai fiscal year in the Buddhist era (2568: 1 Oct 2024 – 30 Sep 2025); "
        "default the current one",
    )
    date_help = "YYYY-MM-DD, or d/m/yyyy in the Buddhist era"
    participation.add_argument("--from", dest="first", metavar="DATE", help=date_help)
    participation.add_argument("--to", dest="last", metavar="DATE", help=date_help)
    participation.add_argument(
        "--months",
        type=int,
        default=6,
        help="members count as quiet after this many months without an activity (default 6)",
    )
    participation.add_argument("--json", action="store_true", help="print one JSON object")


def _report(args: argparse.Namespace) -> int:
    import sys

    from django.utils.translation import gettext as _

    from phakhi.core.dates import DateError
    from phakhi.core.periods import period_from
    from phakhi.core.selectors import workspace_get
    from phakhi.networks.selectors import network_get
    from phakhi.participation.dashboard import Subject, participation_dashboard
    from phakhi.participation.dashboard_json import dashboard_json
    from phakhi.projects.selectors import project_in

    if args.fiscal_year and (args.first or args.last):
        print(_("phakhi: give a fiscal year or dates, not both."), file=sys.stderr)
        return EXIT_USAGE
    if not 1 <= args.months <= 120:
        print(_("phakhi: --months must be between 1 and 120."), file=sys.stderr)
        return EXIT_USAGE
    try:
        period = period_from(args.fiscal_year, args.first, args.last)
    except DateError as error:
        print(f"phakhi: {error}", file=sys.stderr)
        return EXIT_USAGE
    workspace = workspace_get(args.workspace)
    subject = Subject(
        workspace,
        network=network_get(workspace, args.network) if args.network else None,
        project=project_in(workspace, args.project) if args.project else None,
    )
    dashboard = participation_dashboard(subject, period, quiet_months=args.months, limit=None)
    if args.json:
        print(json.dumps(dashboard_json(dashboard), ensure_ascii=False, indent=2))
    else:
        for line in report_lines(dashboard):
            print(line)
    return EXIT_OK


def _n(value: int) -> str:
    return f"{value:,}"


def report_lines(dashboard: Any) -> Iterable[str]:
    """The report as lines of text (tab-separated tables), in the active language."""
    from django.utils.translation import gettext as _

    from phakhi.core.dates import show_date
    from phakhi.participation.dashboard_json import o25_label, sector_label
    from phakhi.participation.vocabulary import level_info

    subject, period, totals, levels = (
        dashboard.subject,
        dashboard.period,
        dashboard.totals,
        dashboard.levels,
    )
    about = subject.workspace.name
    if subject.network is not None:
        about = f"{about} · {subject.network.name}"
    if subject.project is not None:
        about = f"{about} · {subject.project.name}"
    yield _("Participation report: %(about)s") % {"about": about}
    yield f"{period.label()} ({show_date(period.first)} – {show_date(period.last)})"
    yield ""
    yield "\t".join((_("Activities"), _n(totals.activities)))
    yield "\t".join((_("Registered participants"), _n(totals.participants)))
    yield "\t".join((_("Attendances"), _n(totals.attendances)))
    yield "\t".join((_("Public counted"), _n(totals.public)))
    mean = f"{totals.satisfaction}" if totals.satisfaction is not None else "—"
    yield "\t".join((_("Mean satisfaction"), f"{mean} ({_n(totals.rated)})"))
    yield ""
    yield "\t".join((_("IAP2 level"), _("Planned"), _("Achieved")))
    for row in levels.rows:
        info = level_info(row.level)
        name = info.numbered if info else _("not set")
        yield "\t".join((name, _n(row.planned), _n(row.achieved)))
    yield _(
        "Fell short of the plan: %(short)s; met it: %(met)s; went beyond: %(over)s; "
        "no achieved level yet: %(waiting)s"
    ) % {
        "short": _n(levels.short),
        "met": _n(levels.met),
        "over": _n(levels.exceeded),
        "waiting": _n(levels.not_assessed),
    }
    yield ""
    yield "\t".join((_("Sector"), _("Registered participants"), _("Attendances"), _("Public")))
    for sector in dashboard.sectors:
        yield "\t".join(
            (
                sector_label(sector.sector),
                _n(sector.people),
                _n(sector.attendances),
                _n(sector.public),
            )
        )
    yield ""
    yield _("Organisations that took part: %(count)s") % {"count": _n(dashboard.organization_count)}
    for org in dashboard.organizations:
        yield "\t".join(
            (org.key, org.name, _n(org.activities), _n(org.people), _n(org.attendances))
        )
    yield ""
    yield _("Activities lacking o25 items: %(count)s of %(needing)s") % {
        "count": _n(dashboard.missing_o25_count),
        "needing": _n(dashboard.needs_o25_count),
    }
    for activity in dashboard.missing_o25:
        missing = ", ".join(o25_label(name) for name in activity.missing)
        yield "\t".join(
            (activity.key, show_date(activity.starts_on) or "", activity.title, missing)
        )
    yield ""
    yield _(
        "Members with no activity for %(months)s months (since %(since)s): %(count)s of %(members)s"
    ) % {
        "months": dashboard.quiet_months,
        "since": show_date(dashboard.quiet_since),
        "count": _n(dashboard.quiet_member_count),
        "members": _n(dashboard.member_count),
    }
    for member in dashboard.quiet_members:
        last = show_date(member.last_activity) if member.last_activity else _("never")
        yield "\t".join((member.key, member.name, last or ""))


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"report": _report}
