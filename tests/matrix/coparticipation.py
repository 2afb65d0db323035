"""The co-participation rule's page in the permission matrix: everyone with a role sees it;
changing the limit and making every tie again change ties across the whole workspace, so they
need "import" (admins and coordinators not limited to some networks)."""

from tests.matrix_support import Operation, Route

ALLOWED: dict[str, set[str]] = {}
WEB: list[Route] = [
    Route("coparticipation", "get", "view"),
    Route("coparticipation-limit", "post", "import", data=lambda c: {"max_participants": "40"}),
    Route("coparticipation-rebuild", "post", "import"),
]
OPERATIONS: list[Operation] = []
OUTSIDE_WORKSPACES: set[str] = set()
