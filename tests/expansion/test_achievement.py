"""A row is marked achieved after an analysis run once the ties reach its new level."""

from phakhi.analysis.services import analysis_request
from phakhi.core.models import AuditEvent
from phakhi.expansion.models import Status
from phakhi.expansion.services import plan_row_add, plan_row_update
from phakhi.ties.models import Tie
from phakhi.ties.services import tie_set_strength
from tests.expansion.conftest import AUTHOR, World


def test_achieved_after_an_analysis_with_the_runs_date_audited(world: World) -> None:
    world.actor("สมชาย", member=True, kind="person")
    world.actor("กองทุนตำบล")
    world.actor("สวนผักคนเมือง")
    world.actor("กลุ่มสมุนไพร")
    world.tie("สมชาย", "กองทุนตำบล", 2)
    world.tie("สมชาย", "สวนผักคนเมือง", 2)
    world.tie("สมชาย", "กลุ่มสมุนไพร", 2)
    fund = plan_row_add(AUTHOR, world.plan, target_actor=world.actors["กองทุนตำบล"], new_level=3)
    garden = plan_row_add(AUTHOR, world.plan, target_actor=world.actors["สวนผักคนเมือง"], new_level=4)
    herbs = plan_row_add(AUTHOR, world.plan, target_actor=world.actors["กลุ่มสมุนไพร"], new_level=3)
    plan_row_update(AUTHOR, herbs, status="dropped")

    # The ties grow stronger; nothing is marked until an analysis runs.
    for tie in Tie.objects.all():
        tie_set_strength(AUTHOR, tie, 3)
    fund.refresh_from_db()
    assert fund.status == Status.PLANNED

    run = analysis_request(AUTHOR, world.workspace, background=False)
    for row in (fund, garden, herbs):
        row.refresh_from_db()
    assert (fund.status, fund.achieved_on) == (Status.ACHIEVED, run.at)
    assert garden.status == Status.PLANNED  # 3 is not yet 4
    assert herbs.status == Status.DROPPED  # left as the people decided
    event = AuditEvent.objects.get(
        object_type="expansion.planrow", object_id=str(fund.pk), action="update"
    )
    assert event.by == f"system:analysis #{run.number}"
    assert event.changes["status"] == ["planned", "achieved"]


def test_a_failing_check_never_fails_the_analysis(world: World, monkeypatch, caplog) -> None:
    from phakhi.expansion import achievement

    def broken(*args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(achievement, "plans_mark_achieved", broken)
    run = analysis_request(AUTHOR, world.workspace, background=False)
    assert run.status == "done"
    assert "boom" in caplog.text
