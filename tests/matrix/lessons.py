"""The lessons pages and API (worksheet 2) in the permission matrix. Sessions are made lazily,
one a test, for the fixture's project "clinic", led by the "health" network, which the limited
coordinator is not in: changing them is "edit_project". The limited coordinator starts sessions
of their own network ("youth")."""

from typing import Any

from phakhi.lessons.services import lesson_answer_add, lesson_session_create
from tests.accounts_support import AUTHOR
from tests.matrix_support import Operation, Route

ALLOWED: dict[str, set[str]] = {}


def _session(c: dict[str, Any]) -> dict[str, Any]:
    if "lesson_session" not in c:
        c["lesson_session"] = lesson_session_create(
            AUTHOR, c["workspace"], title="ถอดบทเรียนคลินิก", project=c["project"], case="ยะลา"
        )
    return {"session": c["lesson_session"].pk}


def _prompt(c: dict[str, Any]) -> dict[str, Any]:
    session = _session(c)
    return {**session, "prompt": c["lesson_session"].prompts.order_by("position").first().pk}


def _answer(c: dict[str, Any]) -> dict[str, Any]:
    if "lesson_answer" not in c:
        _session(c)
        prompt = c["lesson_session"].prompts.order_by("position").first()
        c["lesson_answer"] = lesson_answer_add(
            AUTHOR, c["lesson_session"], prompt=prompt, text="เปิดเวทีประชาคม", participant="สมหญิง"
        )
    return {"session": c["lesson_session"].pk, "answer": c["lesson_answer"].pk}


def _clinic(c: dict[str, Any]) -> dict[str, Any]:
    return {"project": c["project"].slug}


def _answers(c: dict[str, Any]) -> dict[str, Any]:
    prompt = c["lesson_session"].prompts.order_by("position").first()
    return {"participant": "ผู้เข้าร่วม", f"prompt-{prompt.pk}": "ฟังเสียงชุมชน"}


WEB: list[Route] = [
    Route("lessons", "get", "view", extra={"q": "บทเรียน"}),
    Route("lesson-add", "get", "edit"),
    Route("lesson-add", "post", "edit_project",
          data=lambda c: {"title": "บทเรียนใหม่", "project": c["project"].pk,
                          "prompts": "อะไรได้ผล"}),
    Route("lesson-add", "post", "edit",
          data=lambda c: {"title": "บทเรียนเยาวชน", "network": c["youth"].pk,
                          "prompts": "อะไรได้ผล"}),
    Route("project-lessons", "get", "view", _clinic),
    Route("lesson-session", "get", "view", _session),
    Route("lesson-session", "post", "edit_project", _session, _answers),
    Route("lesson-session-edit", "get", "edit_project", _session),
    Route("lesson-session-edit", "post", "edit_project", _session,
          lambda c: {"title": "ถอดบทเรียนคลินิกชุมชน", "project": c["project"].pk,
                     "version": "1"}),
    Route("lesson-session-delete", "post", "edit_project", _session,
          lambda c: {"confirm": "yes"}),
    Route("lesson-prompt-add", "post", "edit_project", _session, lambda c: {"text": "ทำต่ออย่างไร"}),
    Route("lesson-prompt", "post", "edit_project", _prompt, lambda c: {"text": "ดึงคนเข้ามาอย่างไร"}),
    Route("lesson-prompt-move", "post", "edit_project", _prompt, lambda c: {"direction": "down"}),
    Route("lesson-prompt-delete", "post", "edit_project", _prompt),
    Route("lesson-answer", "get", "edit_project", _answer),
    Route("lesson-answer", "post", "edit_project", _answer,
          lambda c: {"text": "เปิดเวทีประชาคมทุกเดือน", "version": "1"}),
    Route("lesson-answer-delete", "post", "edit_project", _answer),
]  # fmt: skip


def _session_param(c: dict[str, Any]) -> dict[str, Any]:
    return {"session_id": _session(c)["session"]}


def _answer_param(c: dict[str, Any]) -> dict[str, Any]:
    found = _answer(c)
    return {"session_id": found["session"], "answer_id": found["answer"]}


def _api_answer(c: dict[str, Any]) -> dict[str, Any]:
    return {
        "prompt": c["lesson_session"].prompts.order_by("position").first().pk,
        "text": "ฟังเสียงชุมชน",
        "participant": "ผู้เข้าร่วม",
    }


OPERATIONS: list[Operation] = [
    Operation("get", "/workspaces/{slug}/lessons", "view"),
    Operation(
        "post",
        "/workspaces/{slug}/lessons",
        "edit_project",
        lambda c: {"title": "บทเรียนใหม่", "project": c["project"].slug},
    ),
    Operation(
        "post",
        "/workspaces/{slug}/lessons",
        "edit",
        lambda c: {"title": "บทเรียนเยาวชน", "network": "youth"},
    ),
    Operation("get", "/workspaces/{slug}/lessons/{session_id}", "view", params=_session_param),
    Operation(
        "patch",
        "/workspaces/{slug}/lessons/{session_id}",
        "edit_project",
        lambda c: {"case": "เทศบาลเมืองยะลา"},
        params=_session_param,
    ),
    Operation(
        "get", "/workspaces/{slug}/lessons/{session_id}/answers", "view", params=_session_param
    ),
    Operation(
        "post",
        "/workspaces/{slug}/lessons/{session_id}/answers",
        "edit_project",
        _api_answer,
        params=_session_param,
    ),
    Operation(
        "get",
        "/workspaces/{slug}/lessons/{session_id}/answers/{answer_id}",
        "view",
        params=_answer_param,
    ),
    Operation(
        "patch",
        "/workspaces/{slug}/lessons/{session_id}/answers/{answer_id}",
        "edit_project",
        lambda c: {"text": "ฟังเสียงชุมชนทุกเดือน"},
        params=_answer_param,
    ),
]
OUTSIDE_WORKSPACES: set[str] = set()
