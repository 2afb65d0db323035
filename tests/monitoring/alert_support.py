"""Small networks built to trip a risk alert, or not: members written as
``"KEY:sector:role:ORG"`` (role and organisation optional), ties as ``"A-B"``, activities as
``(days before TODAY, "ABC")`` (who took part). Everything is dated from TODAY."""

from __future__ import annotations

import datetime as dt
from typing import Any

from phakhi.actors.services import actor_create
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.monitoring.alert_facts import Facts, alert_facts
from phakhi.monitoring.alert_rules import Tripped, run_rules
from phakhi.monitoring.thresholds import thresholds_for
from phakhi.networks.models import Network
from phakhi.networks.services import membership_set, network_create
from phakhi.participation.attendance import attendance_add
from phakhi.participation.services import activity_create
from phakhi.ties.services import tie_create

TODAY = dt.date(2026, 6, 30)
AUTHOR = Author("test:coordinator")


def build(
    workspace: Workspace,
    members: list[str],
    ties: list[str] = (),  # type: ignore[assignment]
    activities: list[tuple[int, str]] = (),  # type: ignore[assignment]
    *,
    slug: str = "net",
    organisations: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The network ``slug`` with its members, ties and activities. ``organisations``: keys of
    organisation actors to create first ({"ORG": "civil"}), not members unless listed."""
    network = network_create(AUTHOR, workspace, slug=slug, name=f"เครือข่าย {slug}")
    actors: dict[str, Any] = {}
    for key, sector in (organisations or {}).items():
        actors[key] = actor_create(
            AUTHOR, workspace, key=key, name=f"องค์กร {key}", kind="organization", sector=sector
        )
    for spec in members:
        key, sector, role, org = [*spec.split(":"), "", "", ""][:4]
        if key not in actors:
            fields = {"organization": org} if org else {}
            actors[key] = actor_create(
                AUTHOR, workspace, key=key, name=f"ภาคี {key}", kind="person", sector=sector,
                **fields,
            )  # fmt: skip
        membership_set(AUTHOR, network, actors[key], role=role or "member")
    for pair in ties:
        one, other = pair.split("-")
        tie_create(AUTHOR, workspace, actors[one], actors[other], strength=2)
    for number, (days, people) in enumerate(activities):
        activity = activity_create(
            AUTHOR, workspace, key=f"{slug}-{number}", title=f"เวที {number}",
            starts_on=TODAY - dt.timedelta(days=days), networks=[network],
        )  # fmt: skip
        for key in people:
            attendance_add(AUTHOR, activity, actors[key])
    return {"network": network, "actors": actors}


def tripped(workspace: Workspace, network: Network | None) -> list[Tripped]:
    return run_rules(facts_of(workspace, network), thresholds_for(workspace))


def facts_of(workspace: Workspace, network: Network | None) -> Facts:
    return alert_facts(workspace, network, on=TODAY)


def subjects(found: list[Tripped], rule: str | None = None) -> set[str]:
    return {t.subject for t in found if rule is None or t.rule == rule}
