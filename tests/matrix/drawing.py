"""Worksheet 3, drawing the map, in the permission matrix: the project "clinic" is led by the
"health" network (the limited coordinator is not in it), so its map is drawn by admins and
coordinators ("edit_project") and read by everyone. A tie is drawn between two members of
"health": the fixture's person and the third actor, who joins it here."""

from typing import Any

from phakhi.core.audit import Author
from phakhi.networks.services import membership_set
from tests.matrix_support import Operation, Route

ALLOWED: dict[str, set[str]] = {}


def _clinic(c: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"project": c["project"].slug, **more}


def _pair(c: dict[str, Any]) -> dict[str, Any]:
    return _clinic(c, first=c["person"].pk, second=c["org"].pk)


def _tie(c: dict[str, Any]) -> dict[str, Any]:
    return _clinic(c, tie_id=c["tie"].pk)


def _draw(c: dict[str, Any]) -> dict[str, Any]:
    if "third_in_health" not in c:
        c["third_in_health"] = membership_set(Author("test:matrix"), c["network"], c["third"])
    return {"source_key": c["person"].key, "source": c["person"].name,
            "target_key": c["third"].key, "target": c["third"].name, "strength": "2"}  # fmt: skip


WEB: list[Route] = [
    Route("project-map", "get", "view", _clinic),
    Route("project-map-data", "get", "view", _clinic),
    Route("project-map-ties", "get", "view", _pair),
    Route("project-map-actor-add", "post", "edit_project", _clinic,
          lambda c: {"kind": "group", "name": f"กลุ่มผู้บริโภค {c['role']}", "sector": "civil",
                     "x": "10", "y": "20", "confirm": "True"}),
    Route("project-map-place", "post", "edit_project", lambda c: _clinic(c, pk=c["person"].pk),
          lambda c: {"x": "3.5", "y": "-4"}),
    Route("project-map-join", "post", "edit_project", lambda c: _clinic(c, pk=c["third"].pk),
          lambda c: {"x": "1", "y": "2"}),
    Route("project-map-tie-add", "post", "edit_project", _clinic, _draw),
    Route("project-map-tie-change", "post", "edit_project", _tie,
          lambda c: {f"tie-{c['tie'].pk}-strength": "4", f"tie-{c['tie'].pk}-version": "1"}),
    Route("project-map-tie-end", "post", "edit_project", _tie,
          lambda c: {f"tie-{c['tie'].pk}-end-until": "2026-01-31"}),
]  # fmt: skip
OPERATIONS: list[Operation] = []
OUTSIDE_WORKSPACES: set[str] = set()
