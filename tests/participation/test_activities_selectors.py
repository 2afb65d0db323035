"""Reading activities: the list's filters (networks, project, kinds, levels, dates, fiscal year,
words, o25), the activities of an actor and of a network, in a bounded number of queries."""

import datetime as dt
from typing import Any

import pytest

from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.networks.services import network_create
from phakhi.participation.models import Attendance
from phakhi.participation.selectors import (
    NO_LEVEL,
    ActivityFilter,
    activities_for,
    activities_of_actor,
    activities_of_network,
    activity_by_key,
    activity_get,
    fiscal_years_of,
    with_attendance_counts,
)
from phakhi.participation.services import activity_create
from phakhi.projects.services import project_create
from tests.participation.attendance_support import make_people


@pytest.fixture
def world(author: Author, workspace: Workspace) -> dict[str, Any]:
    health = network_create(author, workspace, slug="health", name="เครือข่ายสุขภาพ")
    farm = network_create(author, workspace, slug="farm", name="เครือข่ายเกษตรอินทรีย์")
    clinic = project_create(author, workspace, slug="clinic", name="คลินิกชุมชน", network=health)

    def new(key: str, starts_on: str, **fields: Any) -> Any:
        return activity_create(
            author, workspace, key=key, title=fields.pop("title", f"กิจกรรม {key}"),
            starts_on=starts_on, **fields,
        )  # fmt: skip

    return {
        "health": health,
        "farm": farm,
        "clinic": clinic,
        # Fiscal year 2568 runs from 1 October 2024 to 30 September 2025.
        "a": new("A1", "2024-09-30", kind="ประชุม", networks=[health], iap2_planned=1,
                 iap2_achieved=1),
        "b": new("A2", "2024-10-01", kind="เวทีประชาคม", networks=[health, farm], project=clinic,
                 iap2_planned=2, iap2_achieved=1, title="เวทีประชาคมแผนสุขภาพ"),
        "c": new("A3", "2025-09-29", ends_on="2025-10-02", kind="อบรม", networks=[farm],
                 iap2_planned=3, iap2_achieved=3, place="วัดโนนทัน", o25_issue="ร่างแผน",
                 o25_participants="ผู้นำชุมชน 30 คน", o25_results="เห็นชอบ",
                 o25_results_used="ปรับแผน"),
        "d": new("B-๐๐๑", "2025-12-01", title="ลงพื้นที่เยี่ยมบ้าน", kind="visit"),
    }  # fmt: skip


def keys(workspace: Workspace, **filters: Any) -> list[str]:
    return [a.key for a in activities_for(workspace, ActivityFilter(**filters))]


def test_latest_first(workspace: Workspace, world: dict[str, Any]) -> None:
    assert keys(workspace) == ["B-๐๐๑", "A3", "A2", "A1"]


def test_filters(workspace: Workspace, world: dict[str, Any]) -> None:
    health, farm = world["health"].pk, world["farm"].pk
    assert keys(workspace, networks=[health]) == ["A2", "A1"]
    assert keys(workspace, networks=[health, farm]) == ["A3", "A2", "A1"]
    assert keys(workspace, project=world["clinic"].pk) == ["A2"]
    assert keys(workspace, kinds=["forum", "training"]) == ["A3", "A2"]
    assert keys(workspace, planned=[2, 3]) == ["A3", "A2"]
    assert keys(workspace, achieved=[1]) == ["A2", "A1"]
    assert keys(workspace, achieved=[NO_LEVEL]) == ["B-๐๐๑"]
    assert keys(workspace, planned=[NO_LEVEL, 3]) == ["B-๐๐๑", "A3"]


def test_filters_by_name(workspace: Workspace, world: dict[str, Any]) -> None:
    found = activities_for(workspace, networks=[world["farm"].pk], fiscal_year=2568)
    assert [a.key for a in found] == ["A3", "A2"]
    narrowed = activities_for(workspace, ActivityFilter(fiscal_year=2568), kinds=["training"])
    assert [a.key for a in narrowed] == ["A3"]


def test_fiscal_year_and_dates(workspace: Workspace, world: dict[str, Any]) -> None:
    assert keys(workspace, fiscal_year=2568) == ["A3", "A2"]
    assert keys(workspace, fiscal_year=2567) == ["A1"]
    # A3 runs 29 September to 2 October 2025: it is in both fiscal years.
    assert keys(workspace, fiscal_year=2569) == ["B-๐๐๑", "A3"]
    assert keys(workspace, start=dt.date(2025, 10, 1), end=dt.date(2025, 10, 31)) == ["A3"]
    assert keys(workspace, fiscal_year=2568, start=dt.date(2025, 1, 1)) == ["A3"]
    assert keys(workspace, end=dt.date(2024, 9, 30)) == ["A1"]
    assert fiscal_years_of(workspace) == [2569, 2568, 2567]


def test_search_words(workspace: Workspace, world: dict[str, Any]) -> None:
    assert keys(workspace, search="เวทีประชาคม") == ["A2"]
    assert keys(workspace, search="แผน สุขภาพ") == ["A2"]
    assert keys(workspace, search="โนนทัน") == ["A3"]  # the place
    assert keys(workspace, search="a2") == ["A2"]  # the key, any case
    assert keys(workspace, search="B-001") == []
    assert keys(workspace, search="๐๐๑") == ["B-๐๐๑"]
    assert keys(workspace, search="ไม่มีคำนี้") == []


def test_o25_missing(workspace: Workspace, world: dict[str, Any]) -> None:
    # A2 planned a consultation and published nothing; A3 published all four items.
    assert keys(workspace, o25_missing=True) == ["A2"]


def test_get_and_by_key(
    workspace: Workspace, other_workspace: Workspace, world: dict[str, Any]
) -> None:
    assert activity_get(workspace, world["b"].pk) == world["b"]
    assert activity_by_key(workspace, "A2") == world["b"]
    with pytest.raises(NotFound):
        activity_get(other_workspace, world["b"].pk)
    with pytest.raises(NotFound):
        activity_get(workspace, "x")
    with pytest.raises(NotFound):
        activity_by_key(other_workspace, "A2")


def test_of_actor_and_network(author: Author, workspace: Workspace, world: dict[str, Any]) -> None:
    person = make_people(author, workspace, ["สมชาย ใจดี"])[0]
    Attendance.objects.create(workspace=workspace, activity=world["a"], actor=person)
    Attendance.objects.create(
        workspace=workspace, activity=world["c"], actor=person, role="speaker"
    )
    rows = activities_of_actor(person)
    assert [(row.activity.key, row.role) for row in rows] == [
        ("A3", "speaker"),
        ("A1", "participant"),
    ]
    assert [a.key for a in activities_of_network(world["farm"])] == ["A3", "A2"]


def test_a_page_of_activities_takes_a_fixed_number_of_queries(
    author: Author,
    workspace: Workspace,
    world: dict[str, Any],
    django_assert_max_num_queries: Any,
) -> None:
    people = make_people(author, workspace, [f"คน {n}" for n in range(5)])
    for n in range(30):
        activity = activity_create(
            author, workspace, key=f"M{n}", title=f"ประชุม {n}", starts_on="2025-01-01",
            networks=[world["health"], world["farm"]], project=world["clinic"],
        )  # fmt: skip
        for person in people:
            Attendance.objects.create(workspace=workspace, activity=activity, actor=person)
    with django_assert_max_num_queries(3):
        page = list(activities_for(workspace, ActivityFilter(networks=[world["health"].pk])))
        with_attendance_counts(page)
        shown = [
            (a.project and a.project.name, [n.name for n in a.networks.all()], a.registered)
            for a in page
        ]
    assert len(shown) == 32
    assert shown[0][2] == 5
