"""Attendance in the permission matrix: an activity of the "health" network (which the limited
coordinator is not in) attended by the fixture's person (whose contacts no attendance output shows:
they are on the actor's page), with check-in open and one registration at the door waiting. The
phones' pages need no account and live outside any workspace; tests/participation/
test_attendance_phone.py tests them."""

import datetime as dt
from typing import Any

from tests.accounts_support import AUTHOR
from tests.matrix_support import Operation, Route

ALLOWED: dict[str, set[str]] = {"edit_activity": {"admin", "coordinator"}}


def _activity_of(c: dict[str, Any]) -> Any:
    from phakhi.participation.attendance import attendance_add, check_in_open
    from phakhi.participation.models import Activity

    if "attendance_activity" not in c:
        activity = Activity.objects.create(
            workspace=c["workspace"],
            key="forum-health",
            title="เวทีประชาคมสุขภาพ",
            starts_on=dt.date(2026, 11, 20),
        )
        activity.networks.set([c["network"]])
        c["attendance"] = attendance_add(AUTHOR, activity, c["person"])
        check_in_open(AUTHOR, activity)
        c["attendance_activity"] = activity
    return c["attendance_activity"]


def _activity(c: dict[str, Any]) -> dict[str, Any]:
    return {"activity": _activity_of(c).pk}


def _row(c: dict[str, Any]) -> dict[str, Any]:
    return {**_activity(c), "attendance": c["attendance"].pk}


def _registration_of(c: dict[str, Any]) -> Any:
    from phakhi.participation.registrations import registration_create

    if "registration" not in c:
        c["registration"] = registration_create(
            _activity_of(c), name="นางสาวใหม่ หน้างาน", phone="089-111-2222"
        )
    return c["registration"]


def _registration(c: dict[str, Any]) -> dict[str, Any]:
    return {"registration": _registration_of(c).pk}


def _waiting(c: dict[str, Any]) -> dict[str, Any]:
    """The activity, with a registration waiting for review."""
    _registration_of(c)
    return _activity(c)


def _key(c: dict[str, Any]) -> dict[str, Any]:
    return {"key": _activity_of(c).key}


def _registration_param(c: dict[str, Any]) -> dict[str, Any]:
    return {"key": _activity_of(c).key, "registration_id": _registration_of(c).pk}


def _attendance_param(c: dict[str, Any]) -> dict[str, Any]:
    return {"key": _activity_of(c).key, "actor_key": c["person"].key}


WEB: list[Route] = [
    Route("activity-attendance", "get", "view", _activity),
    Route("activity-attendance-add", "post", "edit_activity", _activity,
          lambda c: {"actor": c["third"].key, "role": "speaker"}),
    Route("activity-counts", "post", "edit_activity", _activity,
          lambda c: {"public_civil": "40", "public_academic": "2", "public_government": "5",
                     "public_unknown": "0", "satisfaction": "4.5"}),
    Route("attendance-role", "post", "edit_activity", _row, lambda c: {"role": "organizer"}),
    Route("attendance-arrived", "post", "edit_activity", _row, lambda c: {"arrived": "1"}),
    Route("attendance-remove", "post", "edit_activity", _row),
    Route("activity-check-in-open", "post", "edit_activity", _activity),
    Route("activity-check-in-close", "post", "edit_activity", _activity),
    Route("activity-door", "get", "edit_activity", _activity),
    Route("activity-door-count", "get", "edit_activity", _activity),
    Route("activity-registrations", "get", "view", _waiting),
    Route("registrations", "get", "view", lambda c: _waiting(c) and {}),
    Route("registration-accept", "post", "edit_activity", _registration),
    Route("registration-link", "post", "edit_activity", _registration,
          lambda c: {"actor_id": str(c["third"].pk)}),
    Route("registration-reject", "post", "edit_activity", _registration),
]  # fmt: skip

OPERATIONS: list[Operation] = [
    Operation("get", "/workspaces/{slug}/activities/{key}/attendance", "view", params=_key),
    Operation("post", "/workspaces/{slug}/activities/{key}/attendance", "edit_activity",
              params=_key, body=lambda c: {"actors": [c["third"].key], "role": "speaker"}),
    Operation("patch", "/workspaces/{slug}/activities/{key}/attendance/{actor_key}",
              "edit_activity", params=_attendance_param,
              body=lambda c: {"role": "organizer", "arrived": True}),
    Operation("delete", "/workspaces/{slug}/activities/{key}/attendance/{actor_key}",
              "edit_activity", params=_attendance_param),
    Operation("get", "/workspaces/{slug}/registrations", "view",
              params=lambda c: {"_": _registration_of(c).pk}),
    Operation("post", "/workspaces/{slug}/registrations/{registration_id}/accept",
              "edit_activity", params=_registration_param),
    Operation("post", "/workspaces/{slug}/registrations/{registration_id}/link",
              "edit_activity", params=_registration_param,
              body=lambda c: {"actor": c["third"].key}),
    Operation("post", "/workspaces/{slug}/registrations/{registration_id}/reject",
              "edit_activity", params=_registration_param),
]  # fmt: skip
OUTSIDE_WORKSPACES: set[str] = {
    "door-code",
    "door",
    "door-check-in",
    "door-register",
    "door-done",
}
