"""The workshop demo's expansion plan: the source's six rows as written, then the first
suggestions on the map; loading again changes nothing."""

from phakhi.expansion.demo import load_expansion_plan
from phakhi.expansion.examples import ORGANIC_FARMING_ROWS
from phakhi.expansion.models import ExpansionPlan
from tests.expansion.conftest import AUTHOR, World
from tests.expansion.test_suggestions import known_bridges


def test_the_demo_plan_holds_the_source_rows_then_suggestions(world: World) -> None:
    known_bridges(world)
    world.plan.delete()  # and its row of S, who becomes a suggestion again
    plan = load_expansion_plan(AUTHOR, world.project)
    rows = list(plan.rows.order_by("position"))
    assert [r.target_name for r in rows[:6]] == [r["target_name"] for r in ORGANIC_FARMING_ROWS]
    assert [r.target_name for r in rows[6:]] == ["X กองทุนตำบล", "S"]
    assert (rows[6].owner, rows[6].current_level, rows[6].current_via_name) == ("A1", 2, "p")
    assert load_expansion_plan(AUTHOR, world.project) == plan
    assert ExpansionPlan.objects.count() == 1 and plan.rows.count() == 8
