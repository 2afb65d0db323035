"""``phakhi export --format ics``: the activity calendar as one iCalendar file, the same text
as the private feed and the pages' download (phakhi.participation.calendar_ics).

Which activities: every one of the workspace by default, or those on a day from ``--from`` to
``--to`` (either may be left open), of any ``--network`` given and of ``--project``. The actor
scope's other options (--at, --sector, --province, --tag, --ego, --radius, --min-strength)
select actors and ties, not activities: with ``ics`` they are refused."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

UNUSED_OPTIONS = {
    "at": "--at", "sector": "--sector", "province": "--province", "tag": "--tag",
    "ego": "--ego",
}  # fmt: skip


def add_export_options(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "--from", dest="ics_from", metavar="DATE", help="ics: activities on or after this day"
    )
    export.add_argument(
        "--to", dest="ics_to", metavar="DATE", help="ics: activities on or before this day"
    )
    export.add_argument("--project", metavar="SLUG", help="ics: only this project's activities")
    export.add_argument(
        "--base-url",
        metavar="URL",
        help="ics: the site's address for the links and UIDs (default $PHAKHI_BASE_URL)",
    )


def export_ics(args: argparse.Namespace, usage_error: int) -> int:
    from django.conf import settings
    from django.core.exceptions import ValidationError
    from django.utils.translation import get_language
    from django.utils.translation import gettext as _

    from phakhi.core.dates import DateError, parse_date
    from phakhi.core.selectors import NotFound, workspace_get
    from phakhi.networks.selectors import network_get
    from phakhi.participation.calendar import calendar_entries
    from phakhi.participation.calendar_ics import ics_calendar
    from phakhi.projects.models import Project

    given = [flag for name, flag in UNUSED_OPTIONS.items() if getattr(args, name, None)]
    if args.radius != 1 or args.min_strength != 1:
        given.append("--radius/--min-strength")
    if given:
        print(
            "phakhi: "
            + _("%(options)s select actors and ties, not activities: not with --format ics.")
            % {"options": ", ".join(given)},
            file=sys.stderr,
        )
        return usage_error
    workspace = workspace_get(args.workspace)
    networks = [network_get(workspace, slug) for slug in args.network]
    project = None
    if args.project:
        project = Project.objects.filter(workspace=workspace, slug=args.project).first()
        if project is None:
            raise NotFound(
                _("There is no project “%(slug)s” in this workspace.") % {"slug": args.project}
            )
    try:
        start = parse_date(args.ics_from) if args.ics_from else None
        end = parse_date(args.ics_to) if args.ics_to else None
    except DateError as error:
        raise ValidationError({"--from/--to": str(error)}) from None
    if start and end and end < start:
        raise ValidationError({"--to": _("The last day comes before the first.")})
    entries = calendar_entries(
        workspace,
        start,
        end,
        networks=[network.pk for network in networks],
        project=project.pk if project else None,
    )
    if networks:
        name = _("%(workspace)s: activities of %(networks)s") % {
            "workspace": workspace.name,
            "networks": ", ".join(network.name for network in networks),
        }
    else:
        name = _("%(workspace)s: activities") % {"workspace": workspace.name}
    language = "en" if (get_language() or "th").startswith("en") else "th"
    body = ics_calendar(
        entries,
        workspace_slug=workspace.slug,
        name=name,
        base_url=args.base_url or settings.PHAKHI_BASE_URL,
        language=language,
    )
    output = Path(args.output)
    if output.is_dir():
        output = output / f"{workspace.slug}-activities.ics"
    output.write_bytes(body)
    print(output)
    return 0
