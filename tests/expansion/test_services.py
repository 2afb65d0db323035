import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from phakhi.core.models import AuditEvent
from phakhi.core.versions import EditConflict
from phakhi.expansion.examples import ORGANIC_FARMING_ROWS
from phakhi.expansion.models import PlanRow, Status
from phakhi.expansion.services import (
    plan_create,
    plan_row_add,
    plan_row_move,
    plan_row_remove,
    plan_row_update,
    plan_update,
)
from phakhi.networks.services import network_create
from tests.expansion.conftest import AUTHOR, World


def test_the_sources_six_rows_land_as_written(source_plan: World) -> None:
    rows = list(source_plan.plan.rows.order_by("position"))
    assert [row.target_name for row in rows] == [r["target_name"] for r in ORGANIC_FARMING_ROWS]
    assert [row.position for row in rows] == [1, 2, 3, 4, 5, 6]
    assert [row.new_level for row in rows] == [3, 3, 4, 4, 4, 4]
    assert rows[5].current_override == "หลวม ผ่านชาคริต"
    assert rows[0].methods == ORGANIC_FARMING_ROWS[0]["methods"]
    assert rows[3].our_benefit == "ร่วมส่งผลผลิตเข้า รพ."
    # Written by name, not on the map: the map has nothing to say yet.
    assert all(row.current_level is None for row in rows)
    assert all(row.status == Status.PLANNED for row in rows)
    created = AuditEvent.objects.filter(object_type="expansion.planrow", action="create")
    assert created.count() == 6


def test_a_plan_belongs_to_one_project_or_one_network(world: World) -> None:
    with pytest.raises(ValidationError, match="one of them"):
        plan_create(AUTHOR, title="x")
    with pytest.raises(ValidationError, match="one of them"):
        plan_create(AUTHOR, project=world.project, network=world.network, title="x")
    with pytest.raises(ValidationError, match="already has an expansion plan"):
        plan_create(AUTHOR, project=world.project, title="again")
    network_plan = plan_create(AUTHOR, network=world.network, title="  แผน  ")
    assert network_plan.title == "แผน"
    with pytest.raises(ValidationError) as error:
        other = network_create(AUTHOR, world.workspace, slug="n", name="n")
        plan_create(AUTHOR, network=other, title=" ")
    assert "title" in error.value.message_dict


def test_bad_row_values_are_named_by_field(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        plan_row_add(
            AUTHOR,
            world.plan,
            target_name="",
            new_level="ดีมาก",
            current_override="แน่นมาก",
            due_on="31/02/2569",
            status="maybe",
        )
    assert set(error.value.message_dict) == {"new_level", "current_override", "due_on", "status"}
    with pytest.raises(ValidationError) as error:
        plan_row_add(AUTHOR, world.plan, target_name="", new_level=3)
    assert "target_name" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        plan_row_add(AUTHOR, world.plan, target_name="x")
    assert "new_level" in error.value.message_dict
    assert not PlanRow.objects.exists()


def test_a_target_from_another_workspace_is_refused(world: World, other_workspace) -> None:
    from phakhi.actors.services import actor_create

    stranger = actor_create(AUTHOR, other_workspace, key="s", name="คนนอก")
    with pytest.raises(ValidationError) as error:
        plan_row_add(AUTHOR, world.plan, target_actor=stranger, new_level=2)
    assert "target_actor" in error.value.message_dict


def test_updates_carry_the_version_read(source_plan: World) -> None:
    row = source_plan.plan.rows.get(position=1)
    plan_row_update(AUTHOR, row, version=1, our_benefit="งบประมาณ")
    assert row.version == 2
    # Someone who read version 1 edits the same field: a conflict, nothing written.
    with pytest.raises(EditConflict):
        plan_row_update(AUTHOR, row, version=1, our_benefit="อื่น")
    # ... another field merges.
    plan_row_update(AUTHOR, row, version=1, methods="ก; ข")
    row.refresh_from_db()
    assert (row.our_benefit, row.methods, row.version) == ("งบประมาณ", ["ก", "ข"], 3)


def test_status_achieved_records_the_date_and_leaving_it_clears_it(source_plan: World) -> None:
    row = source_plan.plan.rows.get(position=2)
    plan_row_update(AUTHOR, row, status="สำเร็จ", achieved_on="15/01/2570")
    assert (row.status, row.achieved_on) == (Status.ACHIEVED, dt.date(2027, 1, 15))
    plan_row_update(AUTHOR, row, status="in_progress")
    assert row.achieved_on is None


def test_rows_move_and_are_numbered_again(source_plan: World) -> None:
    last = source_plan.plan.rows.get(position=6)
    plan_row_move(AUTHOR, last, position=1)
    names = list(source_plan.plan.rows.order_by("position").values_list("target_name", "position"))
    assert names[0] == ("สวนผักคนเมือง", 1)
    assert [p for _n, p in names] == [1, 2, 3, 4, 5, 6]
    plan_row_remove(AUTHOR, last)
    assert source_plan.plan.rows.count() == 5
    assert AuditEvent.objects.filter(object_type="expansion.planrow", action="delete").count() == 1


def test_plan_update_vision_and_benefit(world: World) -> None:
    plan_update(AUTHOR, world.plan, version=1, common_benefit="ตลาดร่วม")
    assert (world.plan.common_benefit, world.plan.version) == ("ตลาดร่วม", 2)
    with pytest.raises(ValidationError):
        plan_update(AUTHOR, world.plan, colour="red")
