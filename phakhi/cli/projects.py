"""``phakhi project``: projects (โครงการ) from the command line.

    phakhi project create organic-farming --workspace demo --name "โครงการเกษตรอินทรีย์" \\
        --network organic-farming --lead-actor ORG-05 --starts 2026-01-01 --ends 31/12/2569
    phakhi project list --workspace demo [--json]
"""

import argparse
import json
from typing import Any

from phakhi.cli import EXIT_OK


def add_parsers(commands: Any) -> None:
    """Adds the ``project`` command and its ``create`` and ``list`` actions."""
    project = commands.add_parser("project", help="create and list projects (โครงการ)")
    actions = project.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="create a project in a workspace")
    create.add_argument("slug", help="a–z, 0–9 and hyphens: the project's address; it stays")
    create.add_argument("--workspace", required=True)
    create.add_argument("--name", required=True)
    create.add_argument("--network", metavar="SLUG", help="the lead network")
    create.add_argument("--lead-actor", metavar="KEY", help="the lead actor's key")
    create.add_argument("--description", default="")
    date_help = "YYYY-MM-DD, or d/m/yyyy in the Buddhist era (31/12/2569)"
    create.add_argument("--starts", metavar="DATE", help=date_help)
    create.add_argument("--ends", metavar="DATE", help=date_help)
    listing = actions.add_parser("list", help="list a workspace's projects")
    listing.add_argument("--workspace", required=True)
    listing.add_argument("--json", action="store_true", help="print the list as one JSON array")


def _date(value: str | None, field: str) -> Any:
    from django.core.exceptions import ValidationError

    from phakhi.core.dates import DateError, parse_date

    if not value:
        return None
    try:
        return parse_date(value)
    except DateError as error:
        raise ValidationError({field: str(error)}) from None


def _create(args: argparse.Namespace) -> int:
    from django.utils.translation import gettext as _

    from phakhi.actors.selectors import actor_by_key
    from phakhi.core.audit import Author
    from phakhi.core.selectors import NotFound, workspace_get
    from phakhi.networks.selectors import network_get
    from phakhi.projects.services import project_create

    workspace = workspace_get(args.workspace)
    network = network_get(workspace, args.network) if args.network else None
    lead_actor = None
    if args.lead_actor:
        lead_actor = actor_by_key(workspace, args.lead_actor)
        if lead_actor is None:
            raise NotFound(
                _("There is no actor with the key “%(key)s” in this workspace.")
                % {"key": args.lead_actor}
            )
    project = project_create(
        Author.cli(),
        workspace,
        slug=args.slug,
        name=args.name,
        description=args.description,
        network=network,
        lead_actor=lead_actor,
        starts_on=_date(args.starts, "starts_on"),
        ends_on=_date(args.ends, "ends_on"),
    )
    print(f"{project.slug}\t{project.name}")
    return EXIT_OK


def _as_json(project: Any) -> dict[str, Any]:
    actor = project.lead_actor
    return {
        "slug": project.slug,
        "name": project.name,
        "description": project.description,
        "network": project.network.slug if project.network else None,
        "lead_actor": {"key": actor.key, "name": actor.name} if actor else None,
        "starts_on": project.starts_on.isoformat() if project.starts_on else None,
        "ends_on": project.ends_on.isoformat() if project.ends_on else None,
        "version": project.version,
    }


def _list(args: argparse.Namespace) -> int:
    from phakhi.core.dates import current_language, format_date
    from phakhi.core.selectors import workspace_get
    from phakhi.projects.selectors import projects_query

    projects = list(projects_query(workspace_get(args.workspace)))
    if args.json:
        print(json.dumps([_as_json(p) for p in projects], ensure_ascii=False, indent=2))
        return EXIT_OK
    language = current_language()
    for project in projects:
        lead = [project.network.slug if project.network else "-"]
        lead.append(project.lead_actor.key if project.lead_actor else "-")
        dates = [format_date(project.starts_on, language) or "-"]
        dates.append(format_date(project.ends_on, language) or "-")
        print("\t".join([project.slug, project.name, *lead, *dates]))
    return EXIT_OK


def _project(args: argparse.Namespace) -> int:
    return _create(args) if args.action == "create" else _list(args)


HANDLERS: dict[str, Any] = {"project": _project}
