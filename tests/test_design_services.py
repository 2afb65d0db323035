"""Network design (ออกแบบเครือข่าย): goals, strategies and working groups written through their
services, read back as the systems map — the RE-AMP case of the workshop's slides."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from phakhi.actors.services import actor_create
from phakhi.core.models import AuditEvent
from phakhi.core.versions import EditConflict
from phakhi.networks.design_selectors import design_map
from phakhi.networks.design_services import (
    design_move,
    design_reorder,
    goal_create,
    goal_delete,
    goal_update,
    strategy_create,
    strategy_delete,
    strategy_update,
    working_group_assign,
    working_group_create,
)
from phakhi.networks.models import Membership, Role
from phakhi.networks.services import membership_end, membership_set, network_create

GOAL = "ลดก๊าซเรือนกระจกได้ร้อยละ 80 ภายในปี 2050"
STRATEGIES = ("ลดการใช้ถ่านหินที่สร้างมลภาวะ", "ใช้พลังงานให้มีประสิทธิภาพ", "ใช้พลังงานสะอาดทดแทน")


@pytest.fixture
def reamp(workspace, author):
    network = network_create(author, workspace, slug="re-amp", name="The RE-AMP Network")
    goal = goal_create(
        author,
        network,
        title=GOAL,
        measure="ร้อยละของก๊าซเรือนกระจกที่ลดได้",
        target_value="80",
        due_on=dt.date(2050, 12, 31),
    )
    strategies = [strategy_create(author, network, title=t, goal=goal) for t in STRATEGIES]
    return network, goal, strategies


def test_goal_strategies_and_working_groups_form_the_systems_map(workspace, author, reamp):
    network, goal, strategies = reamp
    lead = actor_create(author, workspace, key="p1", name="สมชาย ใจดี", kind="person")
    member = actor_create(author, workspace, key="p2", name="กนกพร ศรีสุข", kind="person")
    group = working_group_create(
        author,
        network,
        slug="clean-up-coal",
        name="Clean up coal",
        strategy=strategies[0],
        lead=lead,
    )
    membership_set(author, group, member)
    loose = network_create(author, workspace, slug="media", name="สื่อ", parent=network)

    design = design_map(network)

    assert [node.goal for node in design.goals] == [goal]
    assert [node.strategy.title for node in design.goals[0].strategies] == list(STRATEGIES)
    first = design.goals[0].strategies[0]
    assert [g.network for g in first.groups] == [group]
    assert first.groups[0].leads == [lead] and first.groups[0].members == [member]
    assert design.goals[0].strategies[1].groups == []
    assert [g.network for g in design.loose_groups] == [loose]
    assert group.parent == network and group.strategy == strategies[0]
    assert Membership.objects.get(network=group, actor=lead).role == Role.CORE_LEADER


def test_members_who_left_are_not_on_the_map(workspace, author, reamp):
    network, _, strategies = reamp
    lead = actor_create(author, workspace, key="p1", name="สมชาย ใจดี", kind="person")
    group = working_group_create(
        author, network, slug="g", name="G", strategy=strategies[0], lead=lead
    )
    membership_end(author, Membership.objects.get(network=group, actor=lead), dt.date(2026, 1, 1))
    node = design_map(network, today=dt.date(2026, 6, 1)).goals[0].strategies[0].groups[0]
    assert node.member_count == 0


def test_goal_progress_is_the_share_of_the_target_reached(author, reamp):
    _, goal, _ = reamp
    goal = goal_update(author, goal, current_value="20", version=goal.version)
    assert goal.current_value == Decimal("20.00")
    assert design_map(goal.network).goals[0].progress == 25


def test_goal_fields_are_validated_with_the_field_named(author, reamp):
    network, goal, _ = reamp
    with pytest.raises(ValidationError) as error:
        goal_create(author, network, title="  ")
    assert "title" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        goal_update(author, goal, target_value="eighty")
    assert error.value.message_dict == {"target_value": ["“eighty” is not a number."]}


def test_a_stale_edit_of_a_changed_field_is_a_conflict(author, reamp):
    _, goal, _ = reamp
    read = goal.version
    goal_update(author, goal, title="เป้าหมายใหม่", version=read)
    with pytest.raises(EditConflict):
        goal_update(author, goal, title="อีกชื่อ", version=read)
    # A field nobody else touched merges.
    goal_update(author, goal, measure="ตัน", version=read)
    goal.refresh_from_db()
    assert (goal.title, goal.measure) == ("เป้าหมายใหม่", "ตัน")


def test_every_write_is_audited(workspace, author, reamp):
    _, _, strategies = reamp
    strategy_update(author, strategies[0], description="ปิดโรงไฟฟ้าถ่านหินเก่า")
    types = set(AuditEvent.objects.filter(workspace=workspace).values_list("object_type", "action"))
    assert ("networks.goal", "create") in types
    assert ("networks.strategy", "create") in types
    assert ("networks.strategy", "update") in types


def test_a_strategy_serves_a_goal_of_its_own_network(workspace, author, reamp):
    _, goal, strategies = reamp
    other = network_create(author, workspace, slug="other", name="อื่น")
    with pytest.raises(ValidationError) as error:
        strategy_create(author, other, title="x", goal=goal)
    assert "goal" in error.value.message_dict
    with pytest.raises(ValidationError):
        working_group_create(author, other, slug="w", name="W", strategy=strategies[0])


def test_a_working_group_carries_a_strategy_of_its_parent(workspace, author, reamp):
    network, _, strategies = reamp
    stranger = network_create(author, workspace, slug="stranger", name="Stranger")
    with pytest.raises(ValidationError):
        working_group_assign(author, stranger, strategies[0])
    child = network_create(author, workspace, slug="child", name="Child", parent=network)
    child = working_group_assign(author, child, strategies[2], version=child.version)
    assert child.strategy == strategies[2]


def test_deleting_refuses_while_something_still_refers(author, reamp):
    network, goal, strategies = reamp
    working_group_create(author, network, slug="g", name="G", strategy=strategies[0])
    with pytest.raises(ValidationError, match="3 strategies"):
        goal_delete(author, goal)
    with pytest.raises(ValidationError, match="1 working groups"):
        strategy_delete(author, strategies[0])
    strategy_delete(author, strategies[1])
    strategy_delete(author, strategies[2])
    assert [node.strategy for node in design_map(network).goals[0].strategies] == [strategies[0]]


def test_reorder_and_move(author, reamp):
    network, _, strategies = reamp
    design_move(author, strategies[2], -1)
    titles = [n.strategy.title for n in design_map(network).goals[0].strategies]
    assert titles == [STRATEGIES[0], STRATEGIES[2], STRATEGIES[1]]
    design_move(author, strategies[0], -5)  # already first: stays
    with pytest.raises(ValidationError):
        design_reorder(author, strategies[:2])
    design_reorder(author, list(reversed(strategies)))
    titles = [n.strategy.title for n in design_map(network).goals[0].strategies]
    assert titles == list(reversed(STRATEGIES))


def test_a_big_working_group_shows_a_dozen_members_and_how_many_more(workspace, author, reamp):
    network, _, strategies = reamp
    group = working_group_create(author, network, slug="g", name="G", strategy=strategies[0])
    for n in range(14):
        actor = actor_create(author, workspace, key=f"m{n}", name=f"สมาชิก {n:02d}", kind="person")
        membership_set(author, group, actor)
    node = design_map(network).goals[0].strategies[0].groups[0]
    assert len(node.shown_members) == 12 and node.more_members == 2
    assert node.shown_members[0].name == "สมาชิก 00"


def test_a_strategy_moves_among_those_under_its_own_goal(author, reamp):
    network, _, strategies = reamp
    other = goal_create(author, network, title="เป้าหมายที่สอง")
    # Positions interleave the two goals' strategies: A0 B0 A1 B1 A2 (A: the first goal).
    b0 = strategy_create(author, network, title="B0", goal=other)
    b1 = strategy_create(author, network, title="B1", goal=other)
    design_reorder(author, [strategies[0], b0, strategies[1], b1, strategies[2]])
    design_move(author, strategies[1], 1)  # passes A2, not B1
    under = [[n.strategy.title for n in g.strategies] for g in design_map(network).goals]
    assert under == [[STRATEGIES[0], STRATEGIES[2], STRATEGIES[1]], ["B0", "B1"]]
    design_move(author, b1, -1)
    under = [[n.strategy.title for n in g.strategies] for g in design_map(network).goals]
    assert under[1] == ["B1", "B0"]
    design_move(author, strategies[1], -5)  # several places: to the first under its goal
    first = design_map(network).goals[0].strategies[0].strategy
    assert first == strategies[1]


def test_goals_move_among_the_networks_goals(author, reamp):
    network, goal, _ = reamp
    second = goal_create(author, network, title="เป้าหมายที่สอง")
    third = goal_create(author, network, title="เป้าหมายที่สาม")
    design_move(author, third, -2)
    assert [n.goal for n in design_map(network).goals] == [third, goal, second]
    design_move(author, goal, 1)
    assert [n.goal for n in design_map(network).goals] == [third, second, goal]
