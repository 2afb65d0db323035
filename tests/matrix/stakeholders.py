"""Worksheet 1, the stakeholder analysis, in the permission matrix: the project "clinic" is led
by the "health" network (the limited coordinator is not in it), so its assessments are made and
edited by admins and coordinators ("edit_project") and read by everyone. Each test makes its
own assessment with the source's นายก ทม. card on first use."""

import datetime as dt
from typing import Any

from phakhi.core.audit import Author
from phakhi.stakeholders.services import assessment_create
from tests.fixtures_stakeholders import add_example_card
from tests.matrix_support import Operation, Route

ALLOWED: dict[str, set[str]] = {"edit_project": {"admin", "coordinator"}}
MATRIX = Author("test:matrix")


def _clinic(c: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"project": c["project"].slug, **more}


def _card(c: dict[str, Any]) -> Any:
    if "stakeholder" not in c:
        assessment = assessment_create(MATRIX, c["project"], held_on=dt.date(2026, 11, 20))
        c["stakeholder"] = add_example_card(MATRIX, c["project"], assessment)
    return c["stakeholder"]


def _assessment(c: dict[str, Any]) -> dict[str, Any]:
    return _clinic(c, assessment=_card(c).assessment_id)


def _stakeholder(c: dict[str, Any]) -> dict[str, Any]:
    card = _card(c)
    return _clinic(c, assessment=card.assessment_id, pk=card.pk)


def _quick(c: dict[str, Any]) -> dict[str, Any]:
    return {"back": "stakeholders-sectors", "name": f"ผู้บริโภค {c['role']}", "kind": "group"}


def _edit(c: dict[str, Any]) -> dict[str, Any]:
    return {"name": "นายก ทม.", "initial-name": "นายก ทม.", "can_help": "ให้งบประมาณ",
            "initial-can_help": "", "version": str(_card(c).version)}  # fmt: skip


WEB: list[Route] = [
    Route("project-stakeholders", "get", "view", _clinic),
    Route("stakeholders-assessment-add", "get", "edit_project", _clinic),
    Route("stakeholders-assessment-add", "post", "edit_project", _clinic,
          lambda c: {"held_on": "2026-12-01", "copy_last": "on"}),
    Route("stakeholders-sectors", "get", "view", _assessment),
    Route("stakeholders-groups", "get", "view", _assessment),
    Route("stakeholders-groups-save", "post", "edit_project", _assessment,
          lambda c: {"ids": [str(_card(c).pk)], f"g-{_card(c).pk}": "affected_by_us",
                     f"was-{_card(c).pk}": "influences_us"}),
    Route("stakeholders-grid", "get", "view", _assessment),
    Route("stakeholders-cards", "get", "view", _assessment),
    Route("stakeholders-assessment-edit", "get", "edit_project", _assessment),
    Route("stakeholders-assessment-edit", "post", "edit_project", _assessment,
          lambda c: {"held_on": "2026-11-21", "initial-held_on": "2026-11-20"}),
    Route("stakeholders-assessment-delete", "post", "edit_project", _assessment),
    Route("stakeholder-add", "get", "edit_project", _assessment),
    Route("stakeholder-add", "post", "edit_project", _assessment, _quick),
    Route("stakeholder", "get", "view", _stakeholder),
    Route("stakeholder-edit", "get", "edit_project", _stakeholder),
    Route("stakeholder-edit", "post", "edit_project", _stakeholder, _edit),
    Route("stakeholder-place", "post", "edit_project", _stakeholder,
          lambda c: {"quadrant": "low-high"}),
    Route("stakeholder-remove", "post", "edit_project", _stakeholder),
    Route("stakeholder-directory", "get", "edit_project", _stakeholder),
    Route("stakeholder-directory", "post", "edit_project", _stakeholder,
          lambda c: {"link": str(c["person"].pk)}),
]  # fmt: skip


def _api_assessment(c: dict[str, Any]) -> dict[str, Any]:
    return {"project": c["project"].slug, "assessment_id": _card(c).assessment_id}


def _api_stakeholder(c: dict[str, Any]) -> dict[str, Any]:
    return {**_api_assessment(c), "stakeholder_id": _card(c).pk}


ASSESSMENTS = "/workspaces/{slug}/projects/{project}/assessments"
STAKEHOLDERS = ASSESSMENTS + "/{assessment_id}/stakeholders"
OPERATIONS: list[Operation] = [
    Operation("get", ASSESSMENTS, "view", params=_api_assessment),
    Operation("post", ASSESSMENTS, "edit_project", lambda c: {"held_on": "2026-12-01"},
              params=_api_assessment),
    Operation("get", ASSESSMENTS + "/{assessment_id}", "view", params=_api_assessment),
    Operation("patch", ASSESSMENTS + "/{assessment_id}", "edit_project",
              lambda c: {"title": "เวทีขอนแก่น"}, params=_api_assessment),
    Operation("delete", ASSESSMENTS + "/{assessment_id}", "edit_project",
              params=_api_assessment),
    Operation("get", STAKEHOLDERS, "view", params=_api_assessment),
    Operation("post", STAKEHOLDERS, "edit_project",
              lambda c: {"name": f"ผู้บริโภค {c['role']}", "kind": "group"},
              params=_api_assessment),
    Operation("get", STAKEHOLDERS + "/{stakeholder_id}", "view", params=_api_stakeholder),
    Operation("patch", STAKEHOLDERS + "/{stakeholder_id}", "edit_project",
              lambda c: {"influence": "low", "interest": "high"}, params=_api_stakeholder),
    Operation("delete", STAKEHOLDERS + "/{stakeholder_id}", "edit_project",
              params=_api_stakeholder),
]  # fmt: skip
OUTSIDE_WORKSPACES: set[str] = set()
