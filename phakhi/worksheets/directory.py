"""The directory's actors and networks that a worksheet's names may be, read once for a batch
of rows: a name is linked when exactly one actor or network has it in normalized form."""

import itertools
from collections.abc import Iterable, Iterator
from typing import TypeVar

from phakhi.actors.models import Actor
from phakhi.actors.validation import actor_name_key
from phakhi.core.thai import name_key
from phakhi.networks.models import Network

BATCH = 1000  # rows read, and names looked up, at a time
T = TypeVar("T")


def batches(items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _keys(name: str) -> set[str]:
    """The stored keys a name may have: an actor's name loses its title when it is a person."""
    return {name_key(name, person=True)[:300], name_key(name, person=False)[:300]}


class Directory:
    """The workspace's actors whose names the given names may be (one query for them all),
    and its networks (a workspace has tens)."""

    def __init__(self, workspace_id: int, names: Iterable[str]) -> None:
        self.workspace_id = workspace_id
        self.actors: dict[str, list[Actor]] = {}
        keys = sorted({key for name in names for key in _keys(name)})
        for chunk in batches(keys):
            found = Actor.objects.filter(workspace_id=workspace_id, name_key__in=chunk)
            for actor in found:
                self.actors.setdefault(actor.name_key, []).append(actor)
        self._networks: dict[str, list[Network]] | None = None

    def actors_named(self, name: str) -> list[Actor]:
        """The actors named exactly ``name`` in normalized form (a person's title aside)."""
        found = {
            actor.pk: actor
            for key in _keys(name)
            for actor in self.actors.get(key, [])
            if actor.name_key == actor_name_key(name, actor.kind)
        }
        return list(found.values())

    def networks_named(self, name: str) -> list[Network]:
        if self._networks is None:
            self._networks = {}
            for network in Network.objects.filter(workspace_id=self.workspace_id):
                key = name_key(network.name, person=False)
                self._networks.setdefault(key, []).append(network)
        return self._networks.get(name_key(name, person=False), [])
