"""The self-assessment pages and API in the permission matrix. The assessment is made lazily,
one a test, for the fixture's "health" network, which the limited coordinator is not in:
changing it is "edit_network". The limited coordinator starts assessments of their own network
("youth"); the agency's own assessment (no network) is changed by admins and coordinators of
every network ("assess_agency")."""

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from phakhi.assessments.evidence import evidence_add_document, evidence_add_link
from phakhi.assessments.opdc_lists import C7, C8
from phakhi.assessments.selectors import answer_for_item
from phakhi.assessments.services import answer_set, assessment_create
from tests.accounts_support import AUTHOR
from tests.matrix_support import Operation, Route

ALLOWED: dict[str, set[str]] = {"assess_agency": {"admin", "coordinator"}}


def _made(c: dict[str, Any]) -> Any:
    if "self_assessment" not in c:
        made = assessment_create(
            AUTHOR, c["workspace"], templates=[C7.code, C8.code], held_on=dt.date(2025, 6, 1),
            network=c["network"],
        )  # fmt: skip
        answer = answer_for_item(made, C7.code, "1")
        answer_set(AUTHOR, answer, score=3)
        c["self_assessment"], c["self_answer"] = made, answer
        c["self_link"] = evidence_add_link(AUTHOR, answer, url="https://example.org/minutes")
        c["self_document"] = evidence_add_document(
            AUTHOR,
            answer,
            upload=SimpleUploadedFile("minutes.txt", "รายงานการประชุม".encode(), "text/plain"),
        )
    return c["self_assessment"]


def _one(c: dict[str, Any]) -> dict[str, Any]:
    return {"assessment": _made(c).pk}


def _answer(c: dict[str, Any]) -> dict[str, Any]:
    return {**_one(c), "answer": c["self_answer"].pk}


def _link(c: dict[str, Any]) -> dict[str, Any]:
    return {**_answer(c), "evidence": c["self_link"].pk}


def _document(c: dict[str, Any]) -> dict[str, Any]:
    return {**_answer(c), "evidence": c["self_document"].pk}


def _details(c: dict[str, Any]) -> dict[str, Any]:
    return {"held_on": "2025-06-02", "network": c["network"].pk, "answered_by": "members",
            "version": "1"}  # fmt: skip


def _new(network: str | None) -> Any:
    def data(c: dict[str, Any]) -> dict[str, Any]:
        chosen = {"network": c[network].pk} if network else {}
        return {"templates": [C7.code], "held_on": "2025-06-01", "answered_by": "coordinators",
                **chosen}  # fmt: skip

    return data


WEB: list[Route] = [
    Route("assessments", "get", "view"),
    Route("network-assessments", "get", "view", lambda c: {"slug": "health"}),
    Route("assessment-add", "get", "edit"),
    Route("assessment-add", "post", "edit", data=_new("youth")),
    Route("assessment-add", "post", "edit_network", data=_new("network")),
    Route("assessment-add", "post", "assess_agency", data=_new(None)),
    Route("assessment", "get", "view", _one),
    Route("assessment-result", "get", "view", _one),
    Route("assessment-export", "get", "view", lambda c: {**_one(c), "fmt": "xlsx"}),
    Route("assessment-edit", "get", "edit_network", _one),
    Route("assessment-edit", "post", "edit_network", _one, _details),
    Route("assessment-finalise", "post", "edit_network", _one),
    Route("assessment-reopen", "post", "edit_network", _one),
    Route("assessment-delete", "get", "edit_network", _one),
    Route("assessment-delete", "post", "edit_network", _one),
    Route("assessment-answer", "post", "edit_network", _answer,
          lambda c: {"score": "4", "notes": "ทุกเดือน", "version": "2"}),
    Route("assessment-evidence-add", "post", "edit_network", _answer,
          lambda c: {"kind": "link", "url": "https://example.org/plan", "label": "แผน"}),
    Route("assessment-evidence-delete", "post", "edit_network", _link),
    Route("assessment-document", "get", "view", _document),
    Route("assessment-activity-search", "get", "edit_network", _answer, extra={"q": "เวที"}),
]  # fmt: skip


def _one_param(c: dict[str, Any]) -> dict[str, Any]:
    return {"assessment_id": _made(c).pk}


def _answer_param(c: dict[str, Any]) -> dict[str, Any]:
    return {"assessment_id": _made(c).pk, "answer_id": c["self_answer"].pk}


OPERATIONS: list[Operation] = [
    Operation("get", "/workspaces/{slug}/assessment-templates", "view"),
    Operation("get", "/workspaces/{slug}/assessments", "view"),
    Operation("post", "/workspaces/{slug}/assessments", "edit",
              lambda c: {"templates": [C7.code], "held_on": "2025-06-01", "network": "youth"}),
    Operation("post", "/workspaces/{slug}/assessments", "assess_agency",
              lambda c: {"templates": [C7.code], "held_on": "2025-06-01"}),
    Operation("get", "/workspaces/{slug}/assessments/{assessment_id}", "view", params=_one_param),
    Operation("patch", "/workspaces/{slug}/assessments/{assessment_id}/answers/{answer_id}",
              "edit_network", lambda c: {"score": 4}, params=_answer_param),
    Operation("post", "/workspaces/{slug}/assessments/{assessment_id}/finalise", "edit_network",
              params=_one_param),
]  # fmt: skip
OUTSIDE_WORKSPACES: set[str] = set()
