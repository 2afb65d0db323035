"""The small network the map's tests draw, and how they read its map."""

import datetime as dt
from typing import Any

from phakhi.accounts.models import Role
from phakhi.accounts.permissions import Access
from phakhi.actors.services import actor_create
from phakhi.analysis.mapdata import scope_payload
from phakhi.analysis.mapscope import map_scope
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.ties.services import tie_create

PHONE, EMAIL, LINE = "081-234-5678", "hub@example.org", "hub-line"


def small_network(author: Author, workspace: Workspace) -> dict[str, Any]:
    """A hub with four partners (two of them tied), a chain of bridges out to B1, B2 and C."""
    make = lambda key, **f: actor_create(author, workspace, key=key, name=f"ภาคี {key}", **f)  # noqa: E731
    actors = {
        "H": make("H", sector="government", province="เชียงใหม่", tags="สุขภาพ", phone=PHONE,
                  email=EMAIL, line_id=LINE, kind="organization"),
        **{k: make(k, sector="civil", province="เชียงใหม่") for k in ("A1", "A2", "A3", "A4")},
        "B1": make("B1", sector="academic", province="ลำพูน", tags="สุขภาพ"),
        "B2": make("B2", sector="academic", province="ลำพูน"),
        "C": make("C"),
    }  # fmt: skip
    tie = lambda s, t, **f: tie_create(author, workspace, actors[s], actors[t], **f)  # noqa: E731
    tie("H", "A1", strength=4, kind="ข้อมูล")
    tie("H", "A1", strength=2, kind="ทุน")  # the same pair again: one edge, strength 4
    tie("H", "A2", strength=3)
    tie("H", "A3", strength=2)
    tie("H", "A4", strength=1)
    tie("A1", "A2", strength=2)
    tie("A1", "B1", strength=2)
    tie("B1", "B2", strength=1)
    tie("B2", "C", strength=1, directed=True)
    tie("A2", "A3", strength=4, until=dt.date(2020, 1, 1))  # ended: not on today's map
    return actors


def map_payload(workspace: Workspace, *, access: Access, **filters: Any) -> dict[str, Any]:
    """The map's data as the web view makes it: its scope checked, then read."""
    return scope_payload(map_scope(workspace, **filters), access)


def viewer(workspace: Workspace) -> Access:
    return Access(None, workspace, Role.VIEWER)


def node_of(payload: dict[str, Any], key: str) -> int:
    return payload["nodes"]["key"].index(key)


def pairs(payload: dict[str, Any]) -> dict[frozenset[str], int]:
    keys, edges = payload["nodes"]["key"], payload["edges"]
    ends = zip(edges["source"], edges["target"], strict=True)
    return {frozenset((keys[s], keys[t])): i for i, (s, t) in enumerate(ends)}
