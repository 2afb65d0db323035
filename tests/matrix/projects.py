"""The projects pages and API in the permission matrix. The fixture's project "clinic" is led
by the "health" network, which the limited coordinator is not in.

Creating a project: with no lead network it is everyone's, so only editors not limited to some
networks may ("create_project"); a limited coordinator may start one that their own network
("youth") leads ("edit")."""

from typing import Any

from tests.matrix_support import Operation, Route

ALLOWED: dict[str, set[str]] = {
    "edit_project": {"admin", "coordinator"},
    "create_project": {"admin", "coordinator"},
}


def _clinic(c: dict[str, Any]) -> dict[str, Any]:
    return {"project": c["project"].slug}


def _new(c: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {"name": f"Project {c['role']}", "slug": f"p-{c['role']}", **fields}


WEB: list[Route] = [
    Route("projects", "get", "view"),
    Route("project-add", "get", "edit"),
    Route("project-add", "post", "create_project", data=lambda c: _new(c)),
    Route("project-add", "post", "edit", data=lambda c: _new(c, network=c["youth"].pk)),
    Route("project-add", "post", "edit_project", data=lambda c: _new(c, network=c["network"].pk)),
    Route("project", "get", "view", _clinic),
    Route("project-edit", "get", "edit_project", _clinic),
    Route("project-edit", "post", "edit_project", _clinic,
          lambda c: {"name": "โครงการคลินิกชุมชน ๒", "network": c["network"].pk}),
]  # fmt: skip


def _project_param(c: dict[str, Any]) -> dict[str, Any]:
    return {"project": c["project"].slug}


def _body(c: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {"slug": f"api-{c['role']}", "name": "โครงการใหม่", **fields}


OPERATIONS: list[Operation] = [
    Operation("get", "/workspaces/{slug}/projects", "view"),
    Operation("post", "/workspaces/{slug}/projects", "create_project", lambda c: _body(c)),
    Operation("get", "/workspaces/{slug}/projects/{project}", "view", params=_project_param),
    Operation("patch", "/workspaces/{slug}/projects/{project}", "edit_project",
              lambda c: {"description": "คลินิกในชุมชน"}, params=_project_param),
]  # fmt: skip
OUTSIDE_WORKSPACES: set[str] = set()
