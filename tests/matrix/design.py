"""A network's design pages (goals, strategies, working groups) in the permission matrix: the
"health" network, which the limited coordinator is not in. Rows are made lazily, one set a
test."""

from typing import Any

from phakhi.networks.design_services import goal_create, strategy_create
from phakhi.networks.services import network_create
from tests.accounts_support import AUTHOR
from tests.matrix_support import Operation, Route

ALLOWED: dict[str, set[str]] = {}


def _health(c: dict[str, Any]) -> dict[str, Any]:
    return {"slug": "health"}


def _goal(c: dict[str, Any]) -> dict[str, Any]:
    if "goal" not in c:
        c["goal"] = goal_create(AUTHOR, c["network"], title="ลดผู้ป่วยเบาหวานรายใหม่ร้อยละ 20")
    return {"slug": "health", "goal_id": c["goal"].pk}


def _strategy(c: dict[str, Any]) -> dict[str, Any]:
    if "strategy" not in c:
        c["strategy"] = strategy_create(AUTHOR, c["network"], title="คัดกรองในชุมชน")
    return {"slug": "health", "strategy_id": c["strategy"].pk}


def _group(c: dict[str, Any]) -> dict[str, Any]:
    if "group" not in c:
        c["group"] = network_create(
            AUTHOR, c["workspace"], slug="screening", name="คณะทำงานคัดกรอง", parent=c["network"]
        )
    _strategy(c)
    return {"slug": "health", "group": c["group"].slug}


WEB: list[Route] = [
    Route("network-design", "get", "view", _health),
    Route("design-goal-add", "get", "edit_network", _health),
    Route("design-goal-add", "post", "edit_network", _health,
          lambda c: {"title": "ลดผู้ป่วยเบาหวาน", "target_value": "20", "due_on": "2027-09-30"}),
    Route("design-goal-edit", "get", "edit_network", _goal),
    Route("design-goal-edit", "post", "edit_network", _goal,
          lambda c: {"title": "ลดผู้ป่วยเบาหวานรายใหม่", "version": "1"}),
    Route("design-goal-move", "post", "edit_network", _goal, lambda c: {"direction": "up"}),
    Route("design-goal-delete", "post", "edit_network", _goal),
    Route("design-strategy-add", "get", "edit_network", _health),
    Route("design-strategy-add", "post", "edit_network", _health,
          lambda c: {"title": "อสม. เคาะประตูบ้าน"}),
    Route("design-strategy-edit", "get", "edit_network", _strategy),
    Route("design-strategy-edit", "post", "edit_network", _strategy,
          lambda c: {"title": "คัดกรองทุกหมู่บ้าน", "version": "1"}),
    Route("design-strategy-move", "post", "edit_network", _strategy,
          lambda c: {"direction": "down"}),
    Route("design-strategy-delete", "post", "edit_network", _strategy),
    Route("design-group-add", "get", "edit_network", _health),
    Route("design-group-add", "post", "edit_network", _health,
          lambda c: {"name": "Screening team", "lead": c["third"].key}),
    Route("design-group-strategy", "post", "edit_network", _group,
          lambda c: {"strategy": str(c["strategy"].pk)}),
]  # fmt: skip
OPERATIONS: list[Operation] = []
OUTSIDE_WORKSPACES: set[str] = set()
