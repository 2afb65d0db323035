"""The scorecard pages and API in the permission matrix: every role reads the monitoring hub,
a network's scorecard, the figures over time and the snapshots; taking a snapshot needs
"analyze" (admins and coordinators, limited ones too: a snapshot changes no data)."""

from typing import Any

from phakhi.monitoring.snapshots import snapshot_take
from tests.accounts_support import AUTHOR
from tests.matrix_support import Operation, Route


def _snapshot(c: dict[str, Any]) -> dict[str, Any]:
    if "snapshot" not in c:
        c["snapshot"] = snapshot_take(AUTHOR, c["workspace"], c["network"], check_alerts=False)
    return {"snapshot_id": c["snapshot"].pk}


ALLOWED: dict[str, set[str]] = {}
WEB: list[Route] = [
    Route("monitoring", "get", "view"),
    Route("network-scorecard", "get", "view", lambda c: {"slug": "health"}),
    Route("scorecard-trend", "get", "view", extra={"figure": "density"}),
    Route("scorecard-trend", "get", "view", extra={"network": "health", "figure": "trust"}),
    Route("snapshot-take", "post", "analyze"),
    Route("snapshot-take", "post", "analyze", data=lambda c: {"network": "health"}),
]
OPERATIONS: list[Operation] = [
    Operation("get", "/workspaces/{slug}/scorecard", "view"),
    Operation("get", "/workspaces/{slug}/snapshots", "view"),
    Operation("get", "/workspaces/{slug}/snapshots/{snapshot_id}", "view", params=_snapshot),
    Operation("post", "/workspaces/{slug}/snapshots", "analyze", lambda c: {"network": "health"}),
]
OUTSIDE_WORKSPACES: set[str] = set()
