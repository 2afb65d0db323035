"""Worksheet 4's plan read back into a project's expansion plan."""

import datetime as dt

import pytest

from phakhi.actors.services import actor_create
from phakhi.expansion.examples import ORGANIC_FARMING_ROWS
from phakhi.expansion.models import ExpansionPlan, PlanRow
from phakhi.expansion.services import plan_create, plan_row_add
from phakhi.networks.services import network_create
from phakhi.ties.services import tie_create
from phakhi.worksheets.imports import worksheet_import
from tests.worksheet_import_support import (
    PLAN_HEADERS,
    PLAN_HEADERS_EN,
    plan_rows,
    write_csv,
    write_xlsx,
)

pytestmark = pytest.mark.django_db

LEVELS = {"หลวม": 2, "ประสานการทำงาน": 3, "มีส่วนร่วม": 4}


def test_the_six_organic_farming_rows_land_in_a_new_plan(data, author, tmp_path):
    path = write_xlsx(tmp_path / "plan.xlsx", PLAN_HEADERS, plan_rows())
    report = worksheet_import(author, data["project"], path)
    assert (report.worksheet, report.rows, report.created, report.rejected) == (4, 6, 6, 0)
    plan = ExpansionPlan.objects.get(project=data["project"])
    rows = list(plan.rows.order_by("position"))
    assert [row.target_name for row in rows] == [r["target_name"] for r in ORGANIC_FARMING_ROWS]
    for row, source in zip(rows, ORGANIC_FARMING_ROWS, strict=True):
        assert row.current_override == source["current_override"]
        assert row.new_level == LEVELS[source["new_level"]]
        assert (row.our_benefit, row.their_benefit) == (
            source["our_benefit"],
            source["their_benefit"],
        )
        assert row.methods == source["methods"]
        assert row.status == "planned"
    # "หลวม ผ่านชาคริต": loose, through a person not in the directory, kept as written.
    assert rows[-1].current_override == "หลวม ผ่านชาคริต"
    assert rows[-1].target_actor is None and rows[-1].target_network is None


def test_a_second_run_changes_nothing_and_an_edited_cell_updates_its_row(data, author, tmp_path):
    path = write_xlsx(tmp_path / "plan.xlsx", PLAN_HEADERS, plan_rows())
    worksheet_import(author, data["project"], path)
    again = worksheet_import(author, data["project"], path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 6)
    rows = plan_rows()
    rows[2][2] = "แน่นแฟ้น"  # the room now wants กลุ่มเกษตรกรรมยั่งยืน closer: 4 already
    rows[0][2] = "มีส่วนร่วม"
    rows[0][5] += "; ทำกิจกรรมร่วมทุกสัปดาห์"
    edited = worksheet_import(
        author, data["project"], write_csv(tmp_path / "p.csv", PLAN_HEADERS, rows)
    )
    assert (edited.updated, edited.unchanged) == (1, 5)
    fund = PlanRow.objects.get(target_name="กรรมการกองทุนตำบล")
    assert fund.new_level == 4 and fund.methods[-1] == "ทำกิจกรรมร่วมทุกสัปดาห์"


def test_rows_are_matched_by_their_group_into_the_projects_plan(data, author, tmp_path):
    plan = plan_create(author, project=data["project"], title="แผนขยายเครือข่าย")
    plan_row_add(author, plan, target_name="สวนผัก คนเมือง", new_level=2, owner="สมศรี")
    report = worksheet_import(
        author, data["project"], write_csv(tmp_path / "p.csv", PLAN_HEADERS, plan_rows())
    )
    assert (report.created, report.updated) == (5, 1)
    garden = plan.rows.get(target_name="สวนผัก คนเมือง")
    assert (garden.new_level, garden.owner) == (4, "สมศรี")  # no owner column: kept
    assert ExpansionPlan.objects.count() == 1


def test_a_group_named_as_in_the_directory_is_linked_and_read_from_the_map(
    data, author, tmp_path, workspace
):
    farmers = actor_create(author, workspace, key="g-1", name="กลุ่มเกษตรกรรมยั่งยืน", kind="group")
    tie_create(author, workspace, data["person"], farmers, strength=4)  # person: a member of health
    network_create(author, workspace, slug="herbs", name="กลุ่มอาหารสมุนไพร")
    report = worksheet_import(
        author, data["project"], write_csv(tmp_path / "p.csv", PLAN_HEADERS, plan_rows())
    )
    assert report.created == 6
    linked = PlanRow.objects.get(target_name="กลุ่มเกษตรกรรมยั่งยืน")
    assert linked.target_actor == farmers and linked.current_level == 4
    assert linked.current_override == "หลวม"  # what the room wrote, beside what the map says
    assert PlanRow.objects.get(target_name="กลุ่มอาหารสมุนไพร").target_network.slug == "herbs"


def test_english_headers_and_a_windows_874_csv(data, author, tmp_path):
    path = write_csv(tmp_path / "plan.csv", PLAN_HEADERS_EN, plan_rows(), encoding="cp874")
    report = worksheet_import(author, data["project"], path)
    assert (report.worksheet, report.created, report.description) == (
        4,
        6,
        "CSV, Windows-874, comma",
    )
    assert PlanRow.objects.get(target_name="สวนผักคนเมือง").current_override == "หลวม ผ่านชาคริต"


def test_bad_relationships_and_missing_groups_are_rejected_with_line_and_column(
    data, author, tmp_path
):
    rows = plan_rows()
    rows[1][2] = "แน่นมาก"  # line 3: not a level
    rows[2][1] = "หลวมๆ ผ่าน ชาคริต"  # line 4: fine, as the source writes "loose"
    rows[3][2] = "ไม่มี"  # line 5: a target of no tie
    rows[4][0] = ""  # line 6: no group
    rows[5][2] = "7"  # line 7: outside 1–4
    path = write_xlsx(tmp_path / "plan.xlsx", PLAN_HEADERS, rows)
    report = worksheet_import(author, data["project"], path)
    assert (report.created, report.rejected) == (2, 4)
    shown = sorted((e.line, e.shown) for e in report.errors)
    assert shown == [
        (3, "ความสัมพันธ์ใหม่"),
        (5, "ความสัมพันธ์ใหม่"),
        (6, "กลุ่ม"),
        (7, "ความสัมพันธ์ใหม่"),
    ]


def test_a_due_date_in_buddhist_era_and_a_status_in_thai(data, author, tmp_path):
    headers = [*PLAN_HEADERS[:3], "กำหนดเสร็จ", "สถานะ", "ผู้รับผิดชอบ"]
    rows = [["สวนผักคนเมือง", "หลวม ผ่านชาคริต", "มีส่วนร่วม", "31/03/2568", "กำลังดำเนินการ", "สมศรี"]]
    worksheet_import(author, data["project"], write_csv(tmp_path / "p.csv", headers, rows))
    row = PlanRow.objects.get()
    assert (row.due_on, row.status, row.owner) == (dt.date(2025, 3, 31), "in_progress", "สมศรี")


def test_an_empty_status_cell_leaves_a_rows_status_as_it_is(data, author, tmp_path):
    headers = [*PLAN_HEADERS[:3], "สถานะ"]
    rows = [["สวนผักคนเมือง", "หลวม", "มีส่วนร่วม", "กำลังดำเนินการ"], ["กลุ่มอาหารสมุนไพร", "", "3", ""]]
    worksheet_import(author, data["project"], write_csv(tmp_path / "p.csv", headers, rows))
    assert PlanRow.objects.get(target_name="กลุ่มอาหารสมุนไพร").status == "planned"
    rows[0][3] = ""
    report = worksheet_import(author, data["project"], write_csv(tmp_path / "p.csv", headers, rows))
    assert (report.updated, report.unchanged) == (0, 2)
    assert PlanRow.objects.get(target_name="สวนผักคนเมือง").status == "in_progress"
