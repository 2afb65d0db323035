from tests.matrix_support import Operation, Route

# A project led by the matrix's "health" network, which the limited coordinator is not in.
ALLOWED: dict[str, set[str]] = {"edit_project": {"admin", "coordinator"}}
WEB: list[Route] = []
OPERATIONS: list[Operation] = []
OUTSIDE_WORKSPACES: set[str] = set()
