"""Worksheet 4's pages: starting a plan, adding, editing (with a colleague's change meanwhile),
moving and removing rows, suggestions, the network's plan — and what a viewer may do."""

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from phakhi.expansion.examples import ORGANIC_FARMING_ROWS
from phakhi.expansion.models import ExpansionPlan, PlanRow
from phakhi.expansion.services import plan_row_add, plan_row_update
from tests.accounts_support import client_for, user_with_role
from tests.expansion.conftest import AUTHOR, World
from tests.forms_support import form_values


def _text(response: Any) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _url(world: World, name: str = "", **kwargs: Any) -> str:
    route = "web:project-plan" + (f"-{name}" if name else "")
    return reverse(
        route, kwargs={"workspace": "khon-kaen", "project": world.project.slug, **kwargs}
    )


@pytest.fixture
def admin(world: World) -> Client:
    return client_for(user_with_role(world.workspace, "admin"))


@pytest.fixture
def viewer(world: World) -> Client:
    return client_for(user_with_role(world.workspace, "viewer"))


def test_a_project_starts_its_plan(world: World, admin: Client) -> None:
    world.plan.delete()
    page = admin.get(_url(world))
    assert page.status_code == 200
    assert "No expansion plan yet" in _text(page)
    form = admin.get(_url(world, "edit"))
    assert form.status_code == 200
    sent = admin.post(
        _url(world, "edit"),
        {"title": "กลุ่มเกษตรอินทรีย์", "vision": "อาหารปลอดภัย", "common_benefit": "ตลาดร่วม"},
    )
    assert sent.status_code == 302
    plan = ExpansionPlan.objects.get(project=world.project)
    assert (plan.title, plan.common_benefit) == ("กลุ่มเกษตรอินทรีย์", "ตลาดร่วม")
    text = _text(admin.get(_url(world)))
    assert "Our group: กลุ่มเกษตรอินทรีย์" in text and "ตลาดร่วม" in text


def test_the_source_plan_shows_its_columns_and_the_map_beside_what_was_written(
    source_plan: World, admin: Client
) -> None:
    world = source_plan
    world.actor("สมชาย", member=True, kind="person")
    world.actor("ชาคริต", kind="person")
    world.actor("สวนผักคนเมือง")
    world.tie("สมชาย", "ชาคริต", 4)
    world.tie("ชาคริต", "สวนผักคนเมือง", 3)
    garden = world.plan.rows.get(target_name="สวนผักคนเมือง")
    plan_row_update(AUTHOR, garden, target_actor=world.actors["สวนผักคนเมือง"])
    page = admin.get(_url(world))
    text = _text(page)
    for row in ORGANIC_FARMING_ROWS:
        assert row["target_name"] in text
    assert "Current relationship (read from the network map)" in text
    assert "ความสัมพันธ์เดิม (ได้มาจากวิเคราะห์ โดยใช้ผังเครือข่าย)" in text
    assert "Map today: coordinate through ชาคริต" in text
    assert "As written: หลวม ผ่านชาคริต" in text
    assert "เขียนโครงการขอทุน" in text


def test_add_a_row_with_the_sources_methods_and_others(world: World, admin: Client) -> None:
    world.actor("สมชาย", member=True, kind="person")
    fund = world.actor("กองทุนตำบล")
    world.tie("สมชาย", "กองทุนตำบล", 2)
    form = admin.get(_url(world, "row-add"))
    assert form.status_code == 200
    assert "เชิญเป็นวิทยากร" in form.content.decode()
    sent = admin.post(
        _url(world, "row-add"),
        {
            "target_actor": fund.key,
            "new_level": "3",
            "status": "planned",
            "our_benefit": "งบประมาณ",
            "method_examples": ["เชิญเป็นวิทยากร", "เขียนโครงการขอทุน"],
            "other_methods": "ประชุมร่วมทุกเดือน",
            "due_on": "31/3/2570",
        },
    )
    assert sent.status_code == 302, _text(sent)
    row = PlanRow.objects.get()
    assert (row.target_name, row.target_actor, row.current_level) == ("กองทุนตำบล", fund, 2)
    assert row.methods == ["เชิญเป็นวิทยากร", "เขียนโครงการขอทุน", "ประชุมร่วมทุกเดือน"]
    assert str(row.due_on) == "2027-03-31"


def test_bad_values_are_shown_on_the_form(world: World, admin: Client) -> None:
    sent = admin.post(
        _url(world, "row-add"),
        {"target_actor": "nobody", "new_level": "3", "status": "planned"},
    )
    assert sent.status_code == 400
    assert "No actor in this workspace has this key or name." in _text(sent)
    sent = admin.post(
        _url(world, "row-add"),
        {"target_name": "กลุ่ม", "current_override": "ดีมาก", "new_level": "3", "status": "planned"},
    )
    assert sent.status_code == 400
    assert "“ดีมาก” is not a relationship" in _text(sent)
    assert not PlanRow.objects.exists()


def test_a_colleagues_change_meanwhile_comes_back_side_by_side(
    source_plan: World, admin: Client
) -> None:
    row = source_plan.plan.rows.get(position=1)
    opened = form_values(admin.get(_url(source_plan, "row-edit", row=row.pk)), "our_benefit")
    plan_row_update(AUTHOR, row, our_benefit="ของเพื่อนร่วมงาน")
    opened["our_benefit"] = "ของฉัน"
    sent = admin.post(_url(source_plan, "row-edit", row=row.pk), opened)
    assert sent.status_code == 409
    text = _text(sent)
    assert "ของเพื่อนร่วมงาน" in text and "ของฉัน" in text
    again = form_values(sent, "our_benefit")
    assert admin.post(_url(source_plan, "row-edit", row=row.pk), again).status_code == 302
    row.refresh_from_db()
    assert row.our_benefit == "ของฉัน"


def test_move_and_remove(source_plan: World, admin: Client) -> None:
    row = source_plan.plan.rows.get(position=1)
    moved = admin.post(_url(source_plan, "row-move", row=row.pk), {"position": 2, "version": 1})
    assert moved.status_code == 302
    row.refresh_from_db()
    assert row.position == 2
    assert admin.get(_url(source_plan, "row-remove", row=row.pk)).status_code == 200
    gone = admin.post(_url(source_plan, "row-remove", row=row.pk), {"version": row.version})
    assert gone.status_code == 302
    assert source_plan.plan.rows.count() == 5


def test_a_viewer_reads_but_does_not_change(source_plan: World, viewer: Client) -> None:
    page = viewer.get(_url(source_plan))
    assert page.status_code == 200
    assert "Add a group" not in _text(page)
    assert viewer.get(_url(source_plan, "row-add")).status_code == 403
    row = source_plan.plan.rows.first()
    assert viewer.post(_url(source_plan, "row-remove", row=row.pk)).status_code == 403
    assert source_plan.plan.rows.count() == 6


def test_a_networks_plan(world: World, admin: Client) -> None:
    url = reverse("web:network-plan", kwargs={"workspace": "khon-kaen", "slug": "organic"})
    network_page = admin.get(
        reverse("web:network", kwargs={"workspace": "khon-kaen", "slug": "organic"})
    )
    assert f'href="{url}"' in network_page.content.decode()
    assert "No expansion plan yet" in _text(admin.get(url))
    admin.post(url + "edit/", {"title": "เครือข่าย", "vision": "", "common_benefit": ""})
    assert ExpansionPlan.objects.filter(network=world.network).exists()
    world.actor("กลุ่ม ก")
    added = admin.post(
        url + "rows/new/", {"target_name": "กลุ่ม ก", "new_level": "2", "status": "planned"}
    )
    assert added.status_code == 302
    assert "กลุ่ม ก" in _text(admin.get(url))


def test_the_plan_page_reads_in_a_few_queries(
    source_plan: World, admin: Client, django_assert_max_num_queries
) -> None:
    for number in range(10):
        actor = source_plan.actor(f"กลุ่มที่ {number}")
        plan_row_add(AUTHOR, source_plan.plan, target_actor=actor, new_level=3)
    with django_assert_max_num_queries(20):
        assert admin.get(_url(source_plan)).status_code == 200
