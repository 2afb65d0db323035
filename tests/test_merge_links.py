"""A merge keeps every other record that names the merged actor: a project's lead actor, a
stakeholder of worksheet 1, a plan row's target, a lesson's participant, a place on a drawn map —
they name the kept actor afterwards, and nothing a user wrote is lost on a clash."""

import datetime as dt
from typing import Any

from phakhi.actors.models import Actor
from phakhi.actors.services import actor_create
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.expansion.services import plan_create, plan_row_add
from phakhi.imports.merge import actors_merge, merge_counts
from phakhi.projects.models import Project, ProjectPlacement
from phakhi.projects.services import project_create
from phakhi.stakeholders.models import Stakeholder
from phakhi.stakeholders.services import assessment_create, stakeholder_add


def _twin(author: Author, workspace: Workspace) -> Actor:
    return actor_create(author, workspace, key="p-1-dup", name="สมชาย ใจดี", phone="0812345678")


def test_a_projects_lead_actor_and_a_plan_rows_target_follow_the_merge(
    data: dict[str, Any], author: Author, workspace: Workspace
) -> None:
    twin = _twin(author, workspace)
    project = project_create(
        author, workspace, slug="organic", name="เกษตรอินทรีย์", network=data["network"],
        lead_actor=twin,
    )  # fmt: skip
    plan = plan_create(author, project=project, title="แผน")
    row = plan_row_add(author, plan, target_actor=twin, new_level=3, read_map=False)
    version = row.version
    assert merge_counts(twin)["other_links"] == 2  # what the merge page announces

    result = actors_merge(author, data["person"], twin)

    assert Project.objects.get(pk=project.pk).lead_actor_id == data["person"].pk
    row.refresh_from_db()
    assert row.target_actor_id == data["person"].pk and row.version == version + 1
    assert result.links_moved == 2 and result.links_unlinked == 0


def test_two_stakeholders_of_one_assessment_keep_their_cards_when_their_actors_merge(
    data: dict[str, Any], author: Author, workspace: Workspace
) -> None:
    twin = _twin(author, workspace)
    project = project_create(author, workspace, slug="organic", name="เกษตรอินทรีย์")
    assessment = assessment_create(author, project, held_on=dt.date(2026, 11, 1))
    kept_card = stakeholder_add(author, assessment, name="นายสมชาย ใจดี", actor=data["person"])
    merged_card = stakeholder_add(
        author, assessment, name="พี่ชาย ผู้ใหญ่บ้าน", actor=twin, can_help="เปิดบ้านให้ประชุม"
    )
    other_assessment = assessment_create(
        author, project, held_on=dt.date(2026, 12, 1), copy_last=False
    )
    moved_card = stakeholder_add(author, other_assessment, name="ผู้ใหญ่สมชาย", actor=twin)

    result = actors_merge(author, data["person"], twin)

    # Where the kept actor already has a card, the merged actor's card stays, unlinked.
    merged_card.refresh_from_db()
    assert merged_card.actor_id is None and merged_card.can_help == "เปิดบ้านให้ประชุม"
    assert Stakeholder.objects.get(pk=kept_card.pk).actor_id == data["person"].pk
    assert Stakeholder.objects.get(pk=moved_card.pk).actor_id == data["person"].pk
    assert result.links_unlinked == 1 and result.links_moved == 1


def test_a_place_on_a_drawn_map_the_kept_actor_already_has_is_dropped(
    data: dict[str, Any], author: Author, workspace: Workspace
) -> None:
    twin = _twin(author, workspace)
    project = project_create(author, workspace, slug="organic", name="เกษตรอินทรีย์")
    ProjectPlacement.objects.create(
        workspace=workspace, project=project, actor=data["person"], x=1, y=2
    )
    ProjectPlacement.objects.create(workspace=workspace, project=project, actor=twin, x=5, y=6)

    actors_merge(author, data["person"], twin)

    places = ProjectPlacement.objects.filter(project=project)
    assert [(p.actor_id, p.x, p.y) for p in places] == [(data["person"].pk, 1, 2)]
