"""Worksheet 4, the expansion plan, in the permission matrix: the plans of the project "clinic"
(led by the "health" network, which the limited coordinator is not in: "edit_project") and of
the "health" network itself ("edit_network"). Each test makes its plans and a row on first
use."""

from typing import Any

from phakhi.core.audit import Author
from phakhi.expansion.models import ExpansionPlan
from phakhi.expansion.services import plan_create, plan_row_add
from tests.matrix_support import Operation, Route

ALLOWED: dict[str, set[str]] = {"edit_project": {"admin", "coordinator"}}
MATRIX = Author("test:matrix")


def _plan(c: dict[str, Any], kind: str) -> ExpansionPlan:
    key = f"{kind}_plan"
    if key not in c:
        owner = {"project": c["project"]} if kind == "project" else {"network": c["network"]}
        c[key] = plan = plan_create(MATRIX, title="กลุ่มเกษตรอินทรีย์", **owner)
        c[f"{kind}_row"] = plan_row_add(
            MATRIX, plan, target_name="กรรมการกองทุนตำบล", current_override="หลวม", new_level=3
        )
    return c[key]


def _owner(kind: str) -> Any:
    def kwargs(c: dict[str, Any]) -> dict[str, Any]:
        _plan(c, kind)
        return {"project": c["project"].slug} if kind == "project" else {"slug": "health"}

    return kwargs


def _row(kind: str) -> Any:
    def kwargs(c: dict[str, Any]) -> dict[str, Any]:
        return {**_owner(kind)(c), "row": c[f"{kind}_row"].pk}

    return kwargs


def _new_row(c: dict[str, Any]) -> dict[str, Any]:
    return {"target_name": f"กลุ่มนักวิชาการ {c['role']}", "new_level": "3", "status": "planned"}


def _edit(kind: str) -> Any:
    def data(c: dict[str, Any]) -> dict[str, Any]:
        row = c[f"{kind}_row"]
        return {"our_benefit": "งบประมาณ", "initial-our_benefit": "", "version": str(row.version),
                "target_name": row.target_name, "initial-target_name": row.target_name,
                "new_level": "3", "initial-new_level": "3",
                "status": "planned", "initial-status": "planned"}  # fmt: skip

    return data


def _routes(kind: str, edit: str) -> list[Route]:
    owner, row, prefix = _owner(kind), _row(kind), f"{kind}-plan"
    return [
        Route(prefix, "get", "view", owner),
        Route(f"{prefix}-edit", "get", edit, owner),
        Route(f"{prefix}-edit", "post", edit, owner,
              lambda c: {"title": "เรา", "initial-title": "กลุ่มเกษตรอินทรีย์", "version": "1"}),
        Route(f"{prefix}-suggestions", "get", "view", owner),
        Route(f"{prefix}-suggestions", "post", edit, owner,
              lambda c: {"actor": str(c["third"].pk)}),
        Route(f"{prefix}-row-add", "get", edit, owner),
        Route(f"{prefix}-row-add", "post", edit, owner, _new_row),
        Route(f"{prefix}-row-edit", "get", edit, row),
        Route(f"{prefix}-row-edit", "post", edit, row, _edit(kind)),
        Route(f"{prefix}-row-move", "post", edit, row, lambda c: {"position": "1"}),
        Route(f"{prefix}-row-remove", "get", edit, row),
        Route(f"{prefix}-row-remove", "post", edit, row),
    ]  # fmt: skip


WEB: list[Route] = [*_routes("project", "edit_project"), *_routes("network", "edit_network")]

PLANS = "/workspaces/{slug}/expansion-plans"


def _ids(kind: str) -> Any:
    def params(c: dict[str, Any]) -> dict[str, Any]:
        plan = _plan(c, kind)
        return {"plan_id": plan.pk, "row_id": c[f"{kind}_row"].pk}

    return params


def _operations(kind: str, edit: str) -> list[Operation]:
    ids = _ids(kind)
    return [
        Operation("get", PLANS + "/{plan_id}", "view", params=ids),
        Operation("patch", PLANS + "/{plan_id}", edit, lambda c: {"vision": "ร่วมกัน"}, params=ids),
        Operation("get", PLANS + "/{plan_id}/rows", "view", params=ids),
        Operation("post", PLANS + "/{plan_id}/rows", edit,
                  lambda c: {"target_name": "กลุ่มนักวิชาการ", "new_level": 3}, params=ids),
        Operation("get", PLANS + "/{plan_id}/rows/{row_id}", "view", params=ids),
        Operation("patch", PLANS + "/{plan_id}/rows/{row_id}", edit,
                  lambda c: {"status": "in_progress"}, params=ids),
        Operation("get", PLANS + "/{plan_id}/suggestions", "view", params=ids),
    ]  # fmt: skip


OPERATIONS: list[Operation] = [
    Operation("get", PLANS, "view"),
    Operation("post", PLANS, "edit_project", lambda c: {"project": "clinic", "title": "เรา"}),
    *_operations("project", "edit_project"),
    *_operations("network", "edit_network"),
]
OUTSIDE_WORKSPACES: set[str] = set()
