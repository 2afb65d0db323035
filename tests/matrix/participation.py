"""The participation dashboard's pages and API in the permission matrix: everyone with a role
in the workspace reads them (a viewer too — they show counts and names, never contacts); the
network is the fixture's "health", the project its "clinic"."""

from tests.matrix_support import Operation, Route

ALLOWED: dict[str, set[str]] = {}
WEB: list[Route] = [
    Route("participation", "get", "view", extra={"fy": "2568", "months": "3"}),
    Route("network-participation", "get", "view", lambda c: {"slug": "health"}),
    Route("project-participation", "get", "view", lambda c: {"project": c["project"].slug}),
]
OPERATIONS: list[Operation] = [
    Operation("get", "/workspaces/{slug}/participation", "view"),
]
OUTSIDE_WORKSPACES: set[str] = set()
