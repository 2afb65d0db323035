"""Loading the demo network through the same checks and bulk writes as a user's import."""

from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core import audit, bulk
from phakhi.core.models import Workspace
from phakhi.core.services import workspace_create
from phakhi.demo.generator import DemoData, Rows, generate, write_csv
from phakhi.demo.workshop_kit import load_workshop_kit
from phakhi.imports.actor_import import import_actors
from phakhi.imports.readers import Table
from phakhi.imports.report import ImportReport
from phakhi.imports.tie_import import import_ties
from phakhi.networks.models import Network
from phakhi.networks.services import membership_set, network_create


class DemoError(RuntimeError):
    pass


def _table(rows: Rows, description: str) -> Table:
    return Table(
        list(rows.fields), ((n, list(r)) for n, r in enumerate(rows.tuples(), 2)), description
    )


def _report(what: str, size: str) -> ImportReport:
    return ImportReport(what=what, file=f"demo:{size}", description="", batch=audit.new_batch_id())


def _check(report: ImportReport) -> None:
    if report.rejected:
        first = report.errors[0]
        raise DemoError(f"demo {report.what} line {first.line} {first.column}: {first.reason}")


def demo_load(author: audit.Author, *, size: str, seed: int, slug: str) -> str:
    """Create workspace ``slug`` with the demo network; a workspace that already holds actors is
    left as it is, so running the set-up again keeps the user's data."""
    workspace = Workspace.objects.filter(slug=slug).first()
    if workspace is not None and Actor.objects.filter(workspace=workspace).exists():
        return _("Workspace “%(slug)s” already holds data; the demo was not loaded again.") % {
            "slug": slug
        }
    data = generate(size, seed)
    with bulk.collector_paused(), transaction.atomic():
        if workspace is None:
            workspace = workspace_create(author, slug=slug, name=data.name)
        actors = _report("actors", size)
        import_actors(workspace, lambda: _table(data.actors, "demo"), actors, author=author)
        _check(actors)
        ties = _report("ties", size)
        import_ties(workspace, lambda: _table(data.ties, "demo"), ties, author=author)
        _check(ties)
        _load_networks(author, workspace, data)
        if size == "workshop":
            load_workshop_kit(author, workspace)
    return _("Loaded the %(size)s demo into “%(slug)s”: %(actors)d actors, %(ties)d ties.") % {
        "size": size,
        "slug": slug,
        "actors": actors.created,
        "ties": ties.created,
    }


def _load_networks(author: audit.Author, workspace: Workspace, data: DemoData) -> None:
    ids = {
        a.key: a
        for a in Actor.objects.filter(
            workspace=workspace, key__in=[m["key"] for n in data.networks for m in n["members"]]
        )
    }
    for plan in data.networks:
        network = Network.objects.filter(workspace=workspace, slug=plan["slug"]).first()
        if network is None:
            network = network_create(
                author, workspace, slug=plan["slug"], name=plan["name"], kind=plan["kind"]
            )
        for member in plan["members"]:
            membership_set(author, network, ids[member["key"]], role=member["role"])


def demo_write_csv(size: str, seed: int, directory: Path) -> tuple[Path, Path]:
    return write_csv(generate(size, seed), directory)
