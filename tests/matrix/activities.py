"""Activities in the permission matrix. The activity is of the "health" network (which the
limited coordinator is not in): changing it is "edit_activity". The limited coordinator records
activities of their own network ("youth"); one of no network and no project is the workspace's
own, for admins and coordinators of every network."""

from typing import Any

from tests.accounts_support import AUTHOR
from tests.matrix_support import Operation, Route

ALLOWED: dict[str, set[str]] = {
    "edit_activity": {"admin", "coordinator"},
    "edit_unlinked_activity": {"admin", "coordinator"},
}


def _activity_of(c: dict[str, Any]) -> Any:
    from phakhi.participation.services import activity_create

    if "activity" not in c:
        c["activity"] = activity_create(
            AUTHOR,
            c["workspace"],
            key="ACT-HEALTH",
            title="เวทีประชาคมแผนสุขภาพ",
            starts_on="2026-11-20",
            networks=[c["network"]],
            iap2_planned=2,
        )
    return c["activity"]


def _activity(c: dict[str, Any]) -> dict[str, Any]:
    return {"activity": _activity_of(c).pk}


def _key(c: dict[str, Any]) -> dict[str, Any]:
    return {"key": _activity_of(c).key}


def _new(c: dict[str, Any], network: Any = None) -> dict[str, Any]:
    networks = {"networks": [network.pk]} if network else {}
    return {"key": f"NEW-{c['role']}", "title": "ประชุมใหม่", "kind": "meeting",
            "starts_on": "20/11/2569", **networks}  # fmt: skip


def _edit(c: dict[str, Any]) -> dict[str, Any]:
    activity = _activity_of(c)
    return {"version": str(activity.version), "key": activity.key, "title": "เวทีประชาคมใหม่",
            "kind": "forum", "starts_on": "2026-11-20", "networks": [c["network"].pk],
            "initial-title": activity.title}  # fmt: skip


WEB: list[Route] = [
    Route("activities", "get", "view", extra={"q": "เวที", "fy": "2570"}),
    Route("activity-add", "get", "edit"),
    Route("activity-add", "post", "edit", data=lambda c: _new(c, c["youth"])),
    Route("activity-add", "post", "edit_activity", data=lambda c: _new(c, c["network"])),
    Route("activity-add", "post", "edit_unlinked_activity", data=lambda c: _new(c)),
    Route("activity", "get", "view", _activity),
    Route("activity-edit", "get", "edit_activity", _activity),
    Route("activity-edit", "post", "edit_activity", _activity, _edit),
    Route("activity-delete", "get", "edit_activity", _activity),
    Route("activity-delete", "post", "edit_activity", _activity, lambda c: {"confirm": "on"}),
    Route("project-activities", "get", "view", lambda c: {"project": c["project"].slug}),
]  # fmt: skip

OPERATIONS: list[Operation] = [
    Operation("get", "/workspaces/{slug}/activities", "view",
              params=lambda c: {"_": _activity_of(c).pk}),
    Operation("post", "/workspaces/{slug}/activities", "edit",
              body=lambda c: {"key": f"API-{c['role']}", "title": "ประชุม",
                              "starts_on": "2026-11-20", "networks": ["youth"]}),
    Operation("post", "/workspaces/{slug}/activities", "edit_activity",
              body=lambda c: {"key": f"API-{c['role']}", "title": "ประชุม",
                              "starts_on": "2026-11-20", "networks": ["health"]}),
    Operation("get", "/workspaces/{slug}/activities/{key}", "view", params=_key),
    Operation("patch", "/workspaces/{slug}/activities/{key}", "edit_activity", params=_key,
              body=lambda c: {"iap2_achieved": 3}),
    Operation("delete", "/workspaces/{slug}/activities/{key}", "edit_activity", params=_key),
]  # fmt: skip
OUTSIDE_WORKSPACES: set[str] = set()
