"""JSON: one object ``{"workspace", "network", "actors", "ties"}``, written one row at a time
so that memory stays flat however large the workspace."""

import json
from pathlib import Path
from typing import Any

from phakhi.exports.selectors import (
    ACTOR_FIELDS,
    ActorRow,
    Export,
    TieRow,
    actor_keys,
    iter_actors,
    iter_ties,
)

_TEXT_FIELDS = ACTOR_FIELDS[: ACTOR_FIELDS.index("organization")]
_CONTACT_FIELDS = ("email", "phone", "line_id")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def actor_object(row: ActorRow) -> dict[str, Any]:
    """An actor as JSON: absent references are null, tags a list, attributes an object."""
    found: dict[str, Any] = {name: getattr(row, name) for name in _TEXT_FIELDS}
    found["organization"] = row.organization or None
    found.update((name, getattr(row, name)) for name in _CONTACT_FIELDS)
    found["tags"] = list(row.tags)
    found["attributes"] = row.attributes
    return found


def tie_object(row: TieRow) -> dict[str, Any]:
    return {
        "source": row.source,
        "target": row.target,
        "strength": row.strength,
        "kind": row.kind,
        "directed": row.directed,
        "via": row.via or None,
        "since": row.since or None,
        "until": row.until or None,
        "origin": row.origin,
        "attributes": row.attributes,
    }


def write_json(scope: Export, paths: list[Path], thai_headers: bool) -> None:
    workspace = {"slug": scope.workspace.slug, "name": scope.workspace.name}
    network = scope.network
    about = None
    if network is not None:
        about = {"slug": network.slug, "name": network.name, "kind": network.kind}
    keys = actor_keys(scope)
    with paths[0].open("w", encoding="utf-8", buffering=1 << 20) as out:
        out.write(f'{{"workspace": {_dumps(workspace)},\n"network": {_dumps(about)},\n"actors": [')
        separator = "\n"
        for actor in iter_actors(scope, keys):
            out.write(separator + _dumps(actor_object(actor)))
            separator = ",\n"
        out.write('\n],\n"ties": [')
        separator = "\n"
        for tie in iter_ties(scope, keys):
            out.write(separator + _dumps(tie_object(tie)))
            separator = ",\n"
        out.write("\n]}\n")
