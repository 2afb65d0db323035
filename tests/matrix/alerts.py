"""The alerts pages and API in the permission matrix."""

from tests.matrix_support import Operation, Route

ALLOWED: dict[str, set[str]] = {}
WEB: list[Route] = []
OPERATIONS: list[Operation] = []
OUTSIDE_WORKSPACES: set[str] = set()
