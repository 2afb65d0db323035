"""The live workshop's pages in the permission matrix: the facilitator's pages under the
fixture's project "clinic" (led by "health", which the limited coordinator is not in). The
participants' pages need no account and live outside any workspace; tests/test_live_join.py
tests them."""

from typing import Any

from tests.accounts_support import AUTHOR
from tests.matrix_support import Operation, Route

ALLOWED: dict[str, set[str]] = {"edit_project": {"admin", "coordinator"}}


def _session(c: dict[str, Any]) -> dict[str, Any]:
    from phakhi.workshops.services import session_open

    if "live_session" not in c:
        c["live_session"] = session_open(AUTHOR, c["project"])
    return {"project": c["project"].slug, "session": c["live_session"].pk}


def _cards(c: dict[str, Any]) -> list[Any]:
    from phakhi.workshops.participation import contribution_add, participant_join

    if "live_cards" not in c:
        _session(c)
        participant = participant_join(c["live_session"], display_name="ป้อม")
        c["live_cards"] = [
            contribution_add(participant, name=name) for name in ("อบต.", "อบต", "วัด")
        ]
    return c["live_cards"]


def _card(c: dict[str, Any]) -> dict[str, Any]:
    return {**_session(c), "contribution": _cards(c)[1].pk}


WEB: list[Route] = [
    Route("project-live", "get", "view", lambda c: {"project": c["project"].slug}),
    Route("project-live-open", "post", "edit_project", lambda c: {"project": c["project"].slug}),
    Route("project-live-session", "get", "view", _session),
    Route("project-live-projector", "get", "view", _session),
    Route("project-live-board", "get", "view", _session),
    Route("project-live-step", "post", "edit_project", _session, lambda c: {"step": "2"}),
    Route("project-live-close", "post", "edit_project", _session),
    Route("project-live-accept-all", "post", "edit_project", _session),
    Route("project-live-accept", "post", "edit_project", _card),
    Route("project-live-reject", "post", "edit_project", _card),
    Route("project-live-merge", "post", "edit_project", _session,
          lambda c: {"duplicate": _cards(c)[1].pk, "into": _cards(c)[0].pk}),
]  # fmt: skip
OPERATIONS: list[Operation] = []
OUTSIDE_WORKSPACES: set[str] = {"join", "join-session", "join-add", "join-card", "join-state"}
