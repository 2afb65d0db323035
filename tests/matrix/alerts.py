"""The alerts pages and API in the permission matrix. The alerts are made lazily, one each a
test: an open and a dismissed one of the fixture's "health" network, which the limited
coordinator is not in (handling them is "edit_network"), and an open one of the whole
workspace (handled by admins and coordinators of every network: "handle_workspace")."""

from typing import Any

from django.utils import timezone

from phakhi.monitoring.models import Alert
from tests.matrix_support import Operation, Route

ALLOWED: dict[str, set[str]] = {"handle_workspace": {"admin", "coordinator"}}


def _alert(c: dict[str, Any], name: str, network: Any, status: str) -> Alert:
    if name not in c:
        now = timezone.now()
        c[name] = Alert.objects.create(
            workspace=c["workspace"], network=network, rule="one-kind", subject=f"academic-{name}",
            figures={"facet": "allies", "sector": "academic", "count": 0, "members": 6,
                     "threshold": 1},
            status=status, first_seen=now, last_seen=now,
        )  # fmt: skip
    return c[name]


def _network_alert(c: dict[str, Any]) -> dict[str, Any]:
    return {"alert": _alert(c, "alert_network", c["network"], Alert.Status.OPEN).pk}


def _dismissed(c: dict[str, Any]) -> dict[str, Any]:
    return {"alert": _alert(c, "alert_dismissed", c["network"], Alert.Status.DISMISSED).pk}


def _workspace_alert(c: dict[str, Any]) -> dict[str, Any]:
    return {"alert": _alert(c, "alert_workspace", None, Alert.Status.OPEN).pk}


def _reason(c: dict[str, Any]) -> dict[str, Any]:
    return {"reason": "เครือข่ายของหน่วยงานรัฐโดยตั้งใจ"}


def _settings(c: dict[str, Any]) -> dict[str, Any]:
    from phakhi.monitoring.thresholds import SHARE, THRESHOLDS

    values = {t.code: str(t.default * 100 if t.unit == SHARE else int(t.default))
              for t in THRESHOLDS}  # fmt: skip
    return {**values, "snapshot_every_months": "1", "quiet_days": "60"}


WEB: list[Route] = [
    Route("alerts", "get", "view"),
    Route("alerts", "get", "view", extra={"status": "all", "network": "health"}),
    Route("alert", "get", "view", _network_alert),
    Route("alert", "get", "view", _workspace_alert),
    Route("alert-dismiss", "get", "edit_network", _network_alert),
    Route("alert-dismiss", "post", "edit_network", _network_alert, _reason),
    Route("alert-dismiss", "post", "handle_workspace", _workspace_alert, _reason),
    Route("alert-reopen", "post", "edit_network", _dismissed),
    Route("alerts-check", "post", "handle_workspace"),
    Route("alerts-check", "post", "edit_network", data=lambda c: {"network": "health"}),
    Route("alerts-check", "post", "edit", data=lambda c: {"network": "youth"}),
    Route("alert-settings", "get", "handle_workspace"),
    Route("alert-settings", "post", "handle_workspace", data=_settings),
]


def _param(make: Any) -> Any:
    return lambda c: {"alert_id": make(c)["alert"]}


OPERATIONS: list[Operation] = [
    Operation("get", "/workspaces/{slug}/alert-rules", "view"),
    Operation("get", "/workspaces/{slug}/alerts", "view"),
    Operation("get", "/workspaces/{slug}/alerts/{alert_id}", "view",
              params=_param(_network_alert)),
    Operation("post", "/workspaces/{slug}/alerts/{alert_id}/dismiss", "edit_network", _reason,
              params=_param(_network_alert)),
    Operation("post", "/workspaces/{slug}/alerts/{alert_id}/dismiss", "handle_workspace",
              _reason, params=_param(_workspace_alert)),
    Operation("post", "/workspaces/{slug}/alerts/{alert_id}/reopen", "edit_network",
              params=_param(_dismissed)),
    Operation("post", "/workspaces/{slug}/alert-check", "handle_workspace"),
    Operation("post", "/workspaces/{slug}/alert-check", "edit_network",
              lambda c: {"network": "health"}),
    Operation("post", "/workspaces/{slug}/alert-check", "edit", lambda c: {"network": "youth"}),
    Operation("get", "/workspaces/{slug}/alert-settings", "view"),
    Operation("patch", "/workspaces/{slug}/alert-settings", "handle_workspace",
              lambda c: {"thresholds": {"quiet_days": 60}}),
]  # fmt: skip
OUTSIDE_WORKSPACES: set[str] = set()
