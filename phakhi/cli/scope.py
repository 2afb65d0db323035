"""The scope options ``phakhi analyze`` and ``phakhi export`` share: which actors and ties
(see ``phakhi.scope``), named on the command line as ``--network``, ``--sector`` and so on."""

import argparse
from typing import Any

from django.core.exceptions import ValidationError

# The scope's fields as the options name them, for the messages of a refused scope.
OPTIONS = {
    "networks": "--network", "at": "--at", "min_strength": "--min-strength",
    "sectors": "--sector", "provinces": "--province", "tags": "--tag", "ego": "--ego",
    "radius": "--radius",
}  # fmt: skip


def add_scope_options(parser: argparse.ArgumentParser, at_help: str) -> None:
    parser.add_argument(
        "--network", action="append", default=[], help="only the members of this network "
        "(several: of any of them)",
    )  # fmt: skip
    parser.add_argument("--at", metavar="DATE", help=at_help)
    parser.add_argument(
        "--min-strength", type=int, default=1, choices=[1, 2, 3, 4], help="ties of this level up"
    )
    for flag, what in (("--sector", "sector"), ("--province", "province"), ("--tag", "issue")):
        parser.add_argument(
            flag, action="append", default=[], help=f"only actors of this {what} (or several)"
        )
    parser.add_argument("--ego", metavar="ACTOR_KEY", help="the ego network of one actor")
    parser.add_argument("--radius", type=int, default=1, choices=[1, 2], help="its steps out")


def scope_from(args: argparse.Namespace, workspace: Any) -> Any:
    """The Scope the options ask for; NotFound for an unknown network or actor key, a
    ValidationError naming the option for a value that makes no sense."""
    from django.utils.translation import gettext as _

    from phakhi.actors.models import Actor
    from phakhi.core.dates import DateError, parse_date
    from phakhi.core.selectors import NotFound
    from phakhi.networks.selectors import network_get
    from phakhi.scope import Scope, renamed

    networks = [network_get(workspace, slug) for slug in args.network]
    ego = None
    if args.ego:
        ego = Actor.objects.filter(workspace=workspace, key=args.ego).first()
        if ego is None:
            raise NotFound(
                _("There is no actor with the key “%(key)s” in this workspace.") % {"key": args.ego}
            )
    try:
        at = parse_date(args.at) if args.at else None
    except DateError as error:
        raise ValidationError({OPTIONS["at"]: str(error)}) from None
    try:
        return Scope(
            workspace, networks=networks, at=at, min_strength=args.min_strength,
            sectors=args.sector, provinces=args.province, tags=args.tag, ego=ego,
            radius=args.radius,
        )  # fmt: skip
    except ValidationError as error:
        raise renamed(error, OPTIONS) from None
