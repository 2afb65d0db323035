"""The current relationship read from hand-built maps: direct, via a broker, two steps
through an intermediary, none, ended ties ignored, a network as the target."""

import datetime as dt

from phakhi.expansion.relationships import How, read_plan
from phakhi.expansion.services import plan_row_add
from phakhi.networks.services import membership_set, network_create
from tests.expansion.conftest import AUTHOR, World


def _reading(world: World, target: str):
    row = plan_row_add(AUTHOR, world.plan, target_actor=world.actors[target], new_level=4)
    return row, read_plan(world.plan)[row.pk]


def test_direct_the_strongest_tie_with_any_member(world: World) -> None:
    world.actor("สมชาย", member=True, kind="person")
    world.actor("สมศรี", member=True, kind="person")
    world.actor("กองทุนตำบล")
    world.tie("สมชาย", "กองทุนตำบล", 2)
    world.tie("สมศรี", "กองทุนตำบล", 3)
    row, reading = _reading(world, "กองทุนตำบล")
    assert (reading.how, reading.level, reading.ours_name) == (How.DIRECT, 3, "สมศรี")
    assert reading.words == "cooperate"
    # Kept on the row as where it started.
    assert (row.current_level, row.current_via_name) == (3, "")


def test_a_tie_held_through_a_broker_is_loose_through_them(world: World) -> None:
    world.actor("สมชาย", member=True, kind="person")
    world.actor("ชาคริต", kind="person")
    world.actor("สวนผักคนเมือง")
    world.tie("สมชาย", "สวนผักคนเมือง", 4, via=world.actors["ชาคริต"])
    row, reading = _reading(world, "สวนผักคนเมือง")
    assert (reading.how, reading.level, reading.via_name) == (How.VIA, 2, "ชาคริต")
    assert reading.words == "coordinate through ชาคริต"
    assert (row.current_level, row.current_via_name) == (2, "ชาคริต")
    assert not reading.reaches(2)


def test_two_steps_through_the_best_intermediary(world: World) -> None:
    world.actor("สมชาย", member=True, kind="person")
    world.actor("ชาคริต", kind="person")
    world.actor("มานี", kind="person")
    world.actor("สวนผักคนเมือง")
    world.tie("สมชาย", "ชาคริต", 4)
    world.tie("ชาคริต", "สวนผักคนเมือง", 3)
    world.tie("สมชาย", "มานี", 1)
    world.tie("มานี", "สวนผักคนเมือง", 4)
    _row, reading = _reading(world, "สวนผักคนเมือง")
    assert (reading.how, reading.level, reading.via_name, reading.ours_name) == (
        How.TWO_STEP,
        2,
        "ชาคริต",
        "สมชาย",
    )
    assert "ชาคริต" in reading.explanation


def test_a_direct_tie_wins_over_a_broker(world: World) -> None:
    world.actor("สมชาย", member=True, kind="person")
    world.actor("ชาคริต", kind="person")
    world.actor("สวนผักคนเมือง")
    world.tie("สมชาย", "ชาคริต", 4)
    world.tie("ชาคริต", "สวนผักคนเมือง", 4)
    world.tie("สมชาย", "สวนผักคนเมือง", 1)
    _row, reading = _reading(world, "สวนผักคนเมือง")
    assert (reading.how, reading.level) == (How.DIRECT, 1)


def test_none_and_ended_ties_ignored(world: World) -> None:
    world.actor("สมชาย", member=True, kind="person")
    world.actor("ชาคริต", kind="person")
    world.actor("กลุ่มสมุนไพร")
    world.tie("สมชาย", "กลุ่มสมุนไพร", 4, since=dt.date(2020, 1, 1), until=dt.date(2021, 1, 1))
    world.tie("ชาคริต", "กลุ่มสมุนไพร", 4)  # ชาคริต is not tied to us
    _row, reading = _reading(world, "กลุ่มสมุนไพร")
    assert (reading.how, reading.level, reading.words) == (How.NONE, 0, "no tie yet")
    # On a day the ended tie held, it is read.
    assert read_plan(world.plan, dt.date(2020, 6, 1))[_row.pk].level == 4


def test_a_network_as_target_any_of_its_members(world: World) -> None:
    world.actor("สมชาย", member=True, kind="person")
    world.actor("อ.สมหญิง", kind="person")
    world.actor("อ.วิชัย", kind="person")
    academics = network_create(AUTHOR, world.workspace, slug="academics", name="กลุ่มนักวิชาการ")
    membership_set(AUTHOR, academics, world.actors["อ.สมหญิง"])
    membership_set(AUTHOR, academics, world.actors["อ.วิชัย"])
    world.tie("สมชาย", "อ.วิชัย", 3)
    world.tie("อ.สมหญิง", "อ.วิชัย", 4)  # inside their network: not a tie with us
    row = plan_row_add(AUTHOR, world.plan, target_network=academics, new_level=4)
    assert row.target_name == "กลุ่มนักวิชาการ"
    reading = read_plan(world.plan)[row.pk]
    assert (reading.how, reading.level) == (How.DIRECT, 3)


def test_a_member_reads_as_one_of_us_and_a_name_cannot_be_read(world: World) -> None:
    world.actor("สมชาย", member=True, kind="person")
    _row, reading = _reading(world, "สมชาย")
    assert reading.how == How.MEMBER and reading.reaches(4)
    named = plan_row_add(AUTHOR, world.plan, target_name="กลุ่มที่ยังไม่อยู่ในทำเนียบ", new_level=2)
    assert read_plan(world.plan)[named.pk].how == How.UNKNOWN


def test_reading_a_plan_takes_the_same_queries_for_one_row_or_many(
    world: World, django_assert_max_num_queries
) -> None:
    world.actor("สมชาย", member=True, kind="person")
    world.actor("กลาง", kind="person")
    for number in range(12):
        name = f"กลุ่ม {number}"
        world.actor(name)
        world.tie("กลาง", name, 3)
        if number % 3 == 0:
            world.tie("สมชาย", name, 2)
        plan_row_add(AUTHOR, world.plan, target_actor=world.actors[name], new_level=4)
    world.tie("สมชาย", "กลาง", 3)
    with django_assert_max_num_queries(7):
        readings = read_plan(world.plan)
    assert sorted(r.how for r in readings.values()) == [How.DIRECT] * 4 + [How.TWO_STEP] * 8


def test_the_projects_lead_actor_is_one_of_us(world: World) -> None:
    from phakhi.expansion.services import plan_create
    from phakhi.projects.services import project_create

    world.actor("สสจ.", kind="organization")
    world.actor("อสม.")
    world.tie("สสจ.", "อสม.", 4)
    led = project_create(
        AUTHOR, world.workspace, slug="led", name="โครงการ", lead_actor=world.actors["สสจ."]
    )
    plan = plan_create(AUTHOR, project=led, title="แผน")
    row = plan_row_add(AUTHOR, plan, target_actor=world.actors["อสม."], new_level=4)
    reading = read_plan(plan)[row.pk]
    assert (reading.how, reading.level, reading.ours_name) == (How.DIRECT, 4, "สสจ.")


def test_a_new_target_starts_from_what_the_map_shows_for_it(source_plan: World) -> None:
    from phakhi.expansion.services import plan_row_update

    world = source_plan
    world.actor("สมชาย", member=True, kind="person")
    fund = world.actor("กองทุนตำบล")
    world.tie("สมชาย", "กองทุนตำบล", 2)
    row = world.plan.rows.get(position=1)
    assert row.current_level is None  # a name only
    plan_row_update(AUTHOR, row, target_actor=fund)
    assert (row.current_level, row.current_override) == (2, "หลวม")
    plan_row_update(AUTHOR, row, target_actor=None)
    assert row.current_level is None
