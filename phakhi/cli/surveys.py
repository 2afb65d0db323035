"""``phakhi survey``: network survey rounds from the command line.

    phakhi survey create SLUG --workspace W --network N --name NAME [--purpose TEXT]
        [--audience TEXT] [--contact TEXT] [--closes-on DATE] [--item LIST:ITEM …] [--open]
        [--json]
    phakhi survey open|close --workspace W --survey S [--json]
    phakhi survey list --workspace W [--network N] [--json]
    phakhi survey results --workspace W --survey S [--json]
    phakhi survey import FILE --workspace W --survey S …   (cli/survey_import.py)

``results --json`` prints one object: ``survey`` (respondents, roster, response_rate 0–1, trust
and value as % of the maximum, reciprocity, confirmed_share), ``actors`` (each key, name,
trust, value — means 1–4 — and reported_by) and ``ties`` (source, target, level, confirmed)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from phakhi.cli import survey_import

DATE_HELP = "a date: 2027-01-31, 31/01/2570 (Buddhist era) or 31/01/2027"


def add_parsers(commands: Any) -> None:
    survey = commands.add_parser(
        "survey", help="network survey rounds: create, open, close, list, results, import"
    )
    actions = survey.add_subparsers(dest="action", required=True)

    create = actions.add_parser(
        "create", help="a draft round on a network; its roster is the network's current members"
    )
    create.add_argument("slug", help="the round's key (a-z, 0-9, -)")
    create.add_argument("--workspace", required=True)
    create.add_argument("--network", required=True, help="the network's key")
    create.add_argument("--name", required=True)
    create.add_argument("--purpose", default="", help="why we ask (shown before consent)")
    create.add_argument("--audience", default="", help="who will see the answers")
    create.add_argument("--contact", default="", help="whom to ask: a name, phone or e-mail")
    create.add_argument("--closes-on", metavar="DATE", help=DATE_HELP)
    create.add_argument(
        "--item",
        action="append",
        default=[],
        metavar="LIST:ITEM",
        help="a self-assessment item the respondents also score (repeat for more), "
        "as opdc-success-factors:1",
    )
    create.add_argument("--open", action="store_true", help="open the round at once")
    create.add_argument("--json", action="store_true", help="print one JSON object")

    for name, what in (("open", "open a round: its private links work"),
                       ("close", "close a round: its links stop; the answers stay")):  # fmt: skip
        one = actions.add_parser(name, help=what)
        one.add_argument("--workspace", required=True)
        one.add_argument("--survey", required=True, help="the round's key")
        one.add_argument("--json", action="store_true", help="print one JSON object")

    listing = actions.add_parser("list", help="the workspace's rounds, newest first")
    listing.add_argument("--workspace", required=True)
    listing.add_argument("--network", help="only the rounds of this network")
    listing.add_argument("--json", action="store_true", help="print one JSON object")

    results = actions.add_parser(
        "results", help="a round's results: response rate, trust and value, survey ties"
    )
    results.add_argument("--workspace", required=True)
    results.add_argument("--survey", required=True, help="the round's key")
    results.add_argument("--json", action="store_true", help="print one JSON object")

    # area 4 adds "import" here
    survey_import.add_parser(actions)


def _date(value: str | None, field: str) -> Any:
    from django.core.exceptions import ValidationError

    from phakhi.core.dates import DateError, parse_date

    if not value:
        return None
    try:
        return parse_date(value)
    except DateError as error:
        raise ValidationError({field: str(error)}) from None


def _summary(survey: Any) -> dict[str, Any]:
    from phakhi.monitoring.models import Respondent

    roster = Respondent.objects.filter(survey=survey)
    return {
        "slug": survey.slug,
        "name": survey.name,
        "network": survey.network.slug,
        "status": survey.status,
        "roster": roster.count(),
        "respondents": roster.filter(submitted_at__isnull=False, withdrawn_at__isnull=True).count(),
        "opened_at": survey.opened_at.isoformat() if survey.opened_at else None,
        "closed_at": survey.closed_at.isoformat() if survey.closed_at else None,
        "closes_on": survey.closes_on.isoformat() if survey.closes_on else None,
        "self_assessment": survey.self_assessment_id,
    }


def _print_one(args: argparse.Namespace, survey: Any) -> None:
    found = _summary(survey)
    if args.json:
        print(json.dumps(found, ensure_ascii=False))
    else:
        print(f"{found['slug']}\t{found['status']}\t{found['respondents']}/{found['roster']}"
              f"\t{found['name']}")  # fmt: skip


def _create(args: argparse.Namespace) -> int:
    from django.core.exceptions import ValidationError

    from phakhi.cli import EXIT_OK
    from phakhi.core.audit import Author
    from phakhi.core.selectors import NotFound, workspace_get
    from phakhi.monitoring.survey_services import survey_create, survey_open
    from phakhi.networks.selectors import network_get

    workspace = workspace_get(args.workspace)
    try:
        network = network_get(workspace, args.network)
    except NotFound as error:
        raise ValidationError({"network": str(error)}) from None
    author = Author.cli()
    survey = survey_create(
        author,
        workspace,
        network=network,
        slug=args.slug,
        name=args.name,
        purpose=args.purpose,
        audience=args.audience,
        contact=args.contact,
        closes_on=_date(args.closes_on, "closes_on"),
        assessment_items=args.item,
    )
    if args.open:
        survey = survey_open(author, survey)
    _print_one(args, survey)
    return EXIT_OK


def _open_or_close(args: argparse.Namespace) -> int:
    from phakhi.cli import EXIT_OK
    from phakhi.core.audit import Author
    from phakhi.core.selectors import workspace_get
    from phakhi.monitoring.survey_selectors import survey_in
    from phakhi.monitoring.survey_services import survey_close, survey_open

    survey = survey_in(workspace_get(args.workspace), args.survey)
    change = survey_open if args.action == "open" else survey_close
    _print_one(args, change(Author.cli(), survey))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from phakhi.cli import EXIT_OK
    from phakhi.core.selectors import workspace_get
    from phakhi.monitoring.survey_selectors import surveys_of
    from phakhi.networks.selectors import network_get

    workspace = workspace_get(args.workspace)
    network = network_get(workspace, args.network) if args.network else None
    rows = [
        {"slug": s.slug, "name": s.name, "network": s.network.slug, "status": s.status,
         "roster": s.roster_size, "respondents": s.responded}  # type: ignore[attr-defined]
        for s in surveys_of(workspace, network)
    ]  # fmt: skip
    if args.json:
        print(json.dumps({"workspace": workspace.slug, "surveys": rows}, ensure_ascii=False))
        return EXIT_OK
    for row in rows:
        print(f"{row['slug']}\t{row['status']}\t{row['network']}\t"
              f"{row['respondents']}/{row['roster']}\t{row['name']}")  # fmt: skip
    return EXIT_OK


def _number(value: float | None, unit: str = "") -> str:
    return "-" if value is None else f"{value:.1f}{unit}"


def _results(args: argparse.Namespace) -> int:
    from django.utils.translation import gettext as _

    from phakhi.cli import EXIT_OK
    from phakhi.core.selectors import workspace_get
    from phakhi.monitoring.survey_results import survey_results
    from phakhi.monitoring.survey_selectors import survey_in

    survey = survey_in(workspace_get(args.workspace), args.survey)
    data = survey_results(survey).as_json()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    summary = data["survey"]
    rate, share = summary["response_rate"], summary["reciprocity"]
    confirmed = summary["confirmed_share"]
    print(f"{survey.name} ({survey.slug}, {survey.get_status_display()})")
    print(_("in the manner of PARTNER, not PARTNER's own instrument"))
    print(_("respondents: %(n)d of %(roster)d (%(rate)s)")
          % {"n": summary["respondents"], "roster": summary["roster"],
             "rate": _number(None if rate is None else 100 * rate, "%")})  # fmt: skip
    trust, value = _number(summary["trust"], "%"), _number(summary["value"], "%")
    print(_("trust: %(trust)s of the maximum; value: %(value)s of the maximum")
          % {"trust": trust, "value": value})  # fmt: skip
    print(_("reciprocity: %(reciprocity)s; confirmed ties: %(confirmed)s of %(ties)d")
          % {"reciprocity": _number(None if share is None else 100 * share, "%"),
             "confirmed": _number(None if confirmed is None else 100 * confirmed, "%"),
             "ties": len(data["ties"])})  # fmt: skip
    for actor in data["actors"]:
        trust, value = _number(actor["trust"]), _number(actor["value"])
        print(f"{actor['key']}\t{trust}\t{value}\t{actor['reported_by']}\t{actor['name']}")
    return EXIT_OK


def _survey(args: argparse.Namespace) -> int:
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "create": _create,
        "open": _open_or_close,
        "close": _open_or_close,
        "list": _list,
        "results": _results,
        # area 4 adds "import" here
        "import": survey_import.run,
    }
    return handlers[args.action](args)


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"survey": _survey}
