"""A network's design page: the systems map as a viewer reads it, and an editor building it
(goal, strategy, working group with its lead) through the page's forms."""

import re

import pytest
from django.urls import reverse

from phakhi.networks.design_services import goal_create, goal_update, strategy_create
from phakhi.networks.models import Goal, Membership, Network, Role, Strategy
from phakhi.networks.services import membership_set
from tests.accounts_support import AUTHOR, client_for, user_with_role


@pytest.fixture
def page(data):
    return reverse("web:network-design", kwargs={"workspace": "khon-kaen", "slug": "health"})


def _url(name, **kwargs):
    return reverse(f"web:{name}", kwargs={"workspace": "khon-kaen", "slug": "health", **kwargs})


def test_an_editor_builds_goal_strategy_and_working_group(data, page):
    client = client_for(user_with_role(data["workspace"], "coordinator"))
    response = client.post(
        _url("design-goal-add"),
        {"title": "ลดผู้ป่วยเบาหวานรายใหม่", "target_value": "20", "current_value": "5",
         "measure": "ร้อยละ", "due_on": "30/09/2570"},
    )  # fmt: skip
    assert response.status_code == 302
    goal = Goal.objects.get()
    assert str(goal.due_on) == "2027-09-30"  # the Buddhist-era date read as such
    client.post(_url("design-strategy-add"), {"title": "อสม. เคาะประตูบ้าน", "goal": goal.pk})
    strategy = Strategy.objects.get()
    assert strategy.goal == goal
    response = client.post(
        _url("design-group-add"),
        {"name": "คณะทำงานเคาะประตู", "slug": "door-to-door", "strategy": strategy.pk,
         "lead": data["person"].key},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    group = Network.objects.get(slug="door-to-door")
    assert (group.parent, group.strategy) == (data["network"], strategy)
    assert Membership.objects.get(network=group).role == Role.CORE_LEADER

    text = client.get(page).content.decode()
    tree = re.sub(r"\s+", " ", text.split('id="sysmap-title"')[1])
    # goal → strategy → working group → lead, in that order on the page
    positions = [tree.index(s) for s in ("ลดผู้ป่วยเบาหวานรายใหม่", "อสม. เคาะประตูบ้าน",
                                          "คณะทำงานเคาะประตู", data["person"].name)]  # fmt: skip
    assert positions == sorted(positions)
    assert "25%" in tree  # 5 of 20 reached


def test_a_viewer_reads_the_map_without_the_forms(data, page):
    goal = goal_create(_author(), data["network"], title="เป้า")
    strategy_create(_author(), data["network"], title="ยุทธศาสตร์", goal=goal)
    response = client_for(user_with_role(data["workspace"], "viewer")).get(page)
    text = response.content.decode()
    assert response.status_code == 200
    assert "ยุทธศาสตร์" in text and "เป้า" in text
    assert _url("design-goal-add") not in text
    assert "No working group carries it yet." in text


def test_a_goal_edited_by_two_people_shows_the_conflict(data):
    goal = goal_create(_author(), data["network"], title="เป้าเดิม")
    client = client_for(user_with_role(data["workspace"], "coordinator"))
    edit = _url("design-goal-edit", goal_id=goal.pk)
    goal_update(_author(), goal, title="เป้าของอีกคน")
    response = client.post(edit, {"title": "เป้าของฉัน", "initial-title": "เป้าเดิม", "version": "1"})
    assert response.status_code == 409
    assert "เป้าของอีกคน" in response.content.decode()


def test_a_goal_with_strategies_is_not_deleted(data, page):
    goal = goal_create(_author(), data["network"], title="เป้า")
    strategy_create(_author(), data["network"], title="ยุทธศาสตร์", goal=goal)
    client = client_for(user_with_role(data["workspace"], "coordinator"))
    response = client.post(_url("design-goal-delete", goal_id=goal.pk), follow=True)
    assert Goal.objects.filter(pk=goal.pk).exists()
    assert "1 strategies" in response.content.decode()


def test_members_of_a_working_group_are_listed_under_it(data, page):
    strategy = strategy_create(_author(), data["network"], title="ยุทธศาสตร์")
    client = client_for(user_with_role(data["workspace"], "coordinator"))
    client.post(
        _url("design-group-add"),
        {"name": "Youth team", "strategy": strategy.pk, "lead": data["third"].key},
    )
    group = Network.objects.get(slug="youth-team")
    membership_set(_author(), group, data["person"])
    text = client.get(page).content.decode()
    assert "1 more member" in text and data["person"].name in text


def _author():
    return AUTHOR


def test_the_plan_rows_serving_a_strategy_are_listed_under_it_with_a_link(data, page):
    from phakhi.expansion.services import plan_create, plan_row_add

    strategy = strategy_create(_author(), data["network"], title="อสม. เคาะประตูบ้าน")
    plan = plan_create(_author(), project=data["project"], title="แผนขยายเครือข่าย")
    row = plan_row_add(
        _author(), plan, target_name="ชมรมผู้สูงอายุ", new_level=3, strategy=strategy,
        read_map=False,
    )  # fmt: skip
    text = client_for(user_with_role(data["workspace"], "viewer")).get(page).content.decode()
    node = text.split('id="strategy-')[1]
    plan_url = reverse("web:project-plan", kwargs={"workspace": "khon-kaen", "project": "clinic"})
    assert f'href="{plan_url}#row-{row.pk}"' in node and "ชมรมผู้สูงอายุ" in node
    assert "cooperate" in node  # the relationship the row aims for, in words
