"""An activity for the attendance tests, made directly (the activity services are tested on
their own), and the people who take part in it."""

import datetime as dt
from typing import Any

from phakhi.actors.services import actor_create
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.networks.models import Network
from phakhi.participation.models import Activity


def make_activity(
    workspace: Workspace, key: str = "forum-1", networks: tuple[Network, ...] = (), **fields: Any
) -> Activity:
    activity = Activity.objects.create(
        workspace=workspace,
        key=key,
        title=fields.pop("title", "เวทีประชาคมสุขภาพ"),
        starts_on=fields.pop("starts_on", dt.date(2026, 11, 20)),
        **fields,
    )
    activity.networks.set(networks)
    return activity


def make_people(author: Author, workspace: Workspace, names: list[str]) -> list[Any]:
    return [
        actor_create(author, workspace, key=f"person-{n}", name=name, sector="civil")
        for n, name in enumerate(names, start=1)
    ]
