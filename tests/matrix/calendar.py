"""The activity calendar's pages in the permission matrix: every role reads the calendar and
keeps a private address of its own (make, reset). The feed itself needs no account — its token
is the key — and lives outside the workspaces; tests/participation/test_calendar_feed.py tests
who it answers (a reset token, a user who lost their role: 404)."""

from tests.matrix_support import Operation, Route

ALLOWED: dict[str, set[str]] = {}
WEB: list[Route] = [
    Route("calendar", "get", "view"),
    Route("calendar", "get", "view", extra={"view": "list", "month": "2025-03"}),
    Route("calendar-ics", "get", "view", extra={"month": "2025-03"}),
    Route("calendar-subscribe", "post", "view"),
    Route("calendar-subscribe-reset", "post", "view"),
    Route("network-calendar", "get", "view", lambda c: {"slug": "health"}),
]
OPERATIONS: list[Operation] = []
OUTSIDE_WORKSPACES: set[str] = {"calendar-feed"}
