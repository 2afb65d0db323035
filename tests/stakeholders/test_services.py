"""Worksheet 1's writes: assessments copied from the last, stakeholders added, edited, placed
on the grid, removed and added to the directory — each checked, atomic and audited."""

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from phakhi.actors.models import Actor
from phakhi.core.audit import Author
from phakhi.core.models import AuditEvent
from phakhi.core.versions import EditConflict
from phakhi.projects.services import project_create
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.services import (
    assessment_create,
    assessment_update,
    stakeholder_add,
    stakeholder_place,
    stakeholder_remove,
    stakeholder_to_directory,
    stakeholder_update,
)
from tests.fixtures_stakeholders import EXAMPLE_CARD, add_example_card

SOMSRI = Author("somsri")
MANA = Author("mana")


def _events(obj: Any) -> list[AuditEvent]:
    rows = AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
    return list(rows.order_by("id"))


@pytest.fixture
def assessment(data: dict) -> Assessment:
    return assessment_create(SOMSRI, data["project"], held_on=dt.date(2026, 11, 20))


def test_the_sources_example_card_is_stored_as_written(data: dict) -> None:
    card = add_example_card(SOMSRI, data["project"])
    card.refresh_from_db()
    for field, value in EXAMPLE_CARD.items():
        assert getattr(card, field) == value
    assert (card.influence, card.interest, card.influences_us) == ("high", "high", True)
    assert card.groups == ["influences_us"]
    (event,) = _events(card)
    assert event.action == "create" and event.changes["name"] == [None, "นายก ทม."]


def test_words_of_the_worksheet_are_read(assessment: Assessment) -> None:
    added = stakeholder_add(
        SOMSRI,
        assessment,
        name="ผู้บริโภค",
        kind="กลุ่ม",
        sector="ประชาชน",
        influence="น้อย",
        interest="มาก",
        groups=["กลุ่มที่โครงการเราไปมีผลต่อเขา", "สนใจ"],
        priority="๒",
    )
    assert (added.kind, added.sector, added.influence, added.interest) == (
        "group",
        "civil",
        "low",
        "high",
    )
    assert added.groups == ["affected_by_us", "interested_in_outcome"]
    assert added.priority == 2


def test_bad_values_are_refused_naming_each_field(assessment: Assessment) -> None:
    with pytest.raises(ValidationError) as refused:
        stakeholder_add(
            SOMSRI,
            assessment,
            name="  ",
            sector="ทหาร",
            influence="กลาง",
            interest_score=9,
            priority=0,
            colour="red",
        )
    fields = refused.value.message_dict
    assert set(fields) == {"name", "sector", "influence", "interest_score", "priority", "colour"}
    assert "1 to 5" in fields["interest_score"][0]
    assert Stakeholder.objects.count() == 0


def test_a_name_is_once_in_an_assessment_however_it_is_written(assessment: Assessment) -> None:
    stakeholder_add(SOMSRI, assessment, name="นายสมชาย ใจดี", kind="person")
    with pytest.raises(ValidationError) as refused:
        stakeholder_add(SOMSRI, assessment, name="สมชาย  ใจดี", kind="person")
    assert "already in this assessment" in refused.value.message_dict["name"][0]


def test_an_actor_gives_its_name_kind_and_sector_and_is_once_in_an_assessment(
    data: dict, assessment: Assessment
) -> None:
    org = data["org"]
    added = stakeholder_add(SOMSRI, assessment, actor=org)
    assert (added.name, added.kind, added.sector) == (org.name, "organization", "civil")
    with pytest.raises(ValidationError) as refused:
        stakeholder_add(SOMSRI, assessment, name="อีกชื่อหนึ่ง", actor=org)
    assert "already in this assessment" in refused.value.message_dict["actor"][0]


def test_an_actor_of_another_workspace_is_refused(
    assessment: Assessment, other_workspace: Any, author: Author
) -> None:
    from phakhi.actors.services import actor_create

    stranger = actor_create(author, other_workspace, key="x", name="คนนอก")
    with pytest.raises(ValidationError) as refused:
        stakeholder_add(SOMSRI, assessment, actor=stranger)
    assert "another workspace" in refused.value.message_dict["actor"][0]


def test_scores_place_a_card_finer_and_must_agree_with_its_level(assessment: Assessment) -> None:
    card = stakeholder_add(SOMSRI, assessment, name="อบต.", influence_score=5, interest_score=2)
    assert (card.influence, card.interest) == ("high", "low")  # read from the scores
    with pytest.raises(ValidationError) as refused:
        stakeholder_add(SOMSRI, assessment, name="รพ.สต.", influence_score=3)
    assert "middle line" in refused.value.message_dict["influence"][0]
    with pytest.raises(ValidationError) as refused:
        stakeholder_add(SOMSRI, assessment, name="รพ.สต.", influence="low", influence_score=5)
    assert "high side" in refused.value.message_dict["influence_score"][0]
    middle = stakeholder_add(SOMSRI, assessment, name="รพ.", influence="low", influence_score=3)
    assert (middle.influence, middle.influence_score) == ("low", 3)


def test_placing_moves_a_card_and_clears_scores_it_was_not_given(assessment: Assessment) -> None:
    card = stakeholder_add(SOMSRI, assessment, name="อสม.", influence="high", interest="high")
    stakeholder_place(
        SOMSRI, card, influence="low", interest="high", influence_score=1, interest_score=5
    )
    assert (card.influence, card.interest, card.influence_score, card.interest_score) == (
        "low",
        "high",
        1,
        5,
    )
    stakeholder_place(SOMSRI, card, influence="high", interest="low")
    assert (card.influence, card.interest, card.influence_score, card.interest_score) == (
        "high",
        "low",
        None,
        None,
    )
    assert _events(card)[-1].changes["influence"] == ["low", "high"]


def test_an_update_of_one_side_keeps_the_card_consistent(assessment: Assessment) -> None:
    card = stakeholder_add(SOMSRI, assessment, name="สื่อ", influence="high", influence_score=5)
    stakeholder_update(SOMSRI, card, influence="low")  # the score of the high side goes
    assert (card.influence, card.influence_score) == ("low", None)
    stakeholder_update(SOMSRI, card, influence_score=4)  # a score alone moves the level
    assert (card.influence, card.influence_score) == ("high", 4)
    stakeholder_update(SOMSRI, card, influence="")  # unplaced: no score either
    assert (card.influence, card.influence_score) == ("", None)


def test_an_edit_from_an_old_version_merges_or_is_refused(assessment: Assessment) -> None:
    card = stakeholder_add(SOMSRI, assessment, name="ชมรม", kind="group")
    opened = card.version
    stakeholder_update(SOMSRI, Stakeholder.objects.get(pk=card.pk), can_help="ให้สถานที่")
    stakeholder_update(MANA, card, version=opened, what_matters="สุขภาพ")  # merges
    assert (card.can_help, card.what_matters, card.version) == ("ให้สถานที่", "สุขภาพ", opened + 2)
    with pytest.raises(EditConflict) as refused:
        stakeholder_update(MANA, card, version=opened, can_help="ให้ทุน")
    assert [c.field for c in refused.value.conflicts] == ["can_help"]
    card.refresh_from_db()
    assert card.can_help == "ให้สถานที่"


def test_a_new_assessment_starts_as_a_copy_of_the_last(data: dict) -> None:
    project = data["project"]
    first = assessment_create(SOMSRI, project, held_on=dt.date(2026, 1, 10))
    mayor = add_example_card(SOMSRI, project, first)
    stakeholder_update(SOMSRI, mayor, lives_with_problem=True, host_who="เทศบาล")
    second = assessment_create(SOMSRI, project, held_on=dt.date(2026, 6, 10), title="รอบสอง")
    (copy,) = second.stakeholders.all()
    assert copy.previous == mayor and second.previous == first
    assert (copy.name, copy.contact_person, copy.lives_with_problem, copy.host_who) == (
        mayor.name,
        mayor.contact_person,
        True,
        "เทศบาล",
    )
    stakeholder_place(SOMSRI, copy, influence="low", interest="low")
    mayor.refresh_from_db()
    assert mayor.influence == "high"  # the earlier assessment keeps its own
    empty = assessment_create(SOMSRI, project, held_on=dt.date(2026, 7, 1), copy_last=False)
    assert empty.previous is None and empty.stakeholders.count() == 0
    assert _events(second)[0].changes["stakeholders"] == [None, 1]


def test_an_assessment_needs_a_date_and_keeps_its_title_short(data: dict) -> None:
    with pytest.raises(ValidationError) as refused:
        assessment_create(SOMSRI, data["project"], held_on=None)  # type: ignore[arg-type]
    assert "held_on" in refused.value.message_dict
    assessment = assessment_create(SOMSRI, data["project"], held_on=dt.date(2026, 1, 1))
    with pytest.raises(ValidationError):
        assessment_update(SOMSRI, assessment, title="ก" * 201)
    assessment_update(SOMSRI, assessment, title="เวทีที่ขอนแก่น", held_on=dt.date(2026, 2, 1))
    assert (assessment.title, assessment.held_on) == ("เวทีที่ขอนแก่น", dt.date(2026, 2, 1))


def test_removing_a_stakeholder_is_audited_with_what_it_held(assessment: Assessment) -> None:
    card = stakeholder_add(SOMSRI, assessment, name="ร้านค้า", can_help="ขายผัก")
    pk = card.pk
    stakeholder_remove(SOMSRI, card)
    assert not Stakeholder.objects.filter(pk=pk).exists()
    event = AuditEvent.objects.filter(object_type="stakeholders.stakeholder", object_id=str(pk))
    deleted = event.get(action="delete")
    assert deleted.changes["can_help"] == ["ขายผัก", None]


def test_to_directory_creates_an_actor_or_links_an_existing_one(
    data: dict, assessment: Assessment
) -> None:
    group = stakeholder_add(SOMSRI, assessment, name="กลุ่มผักอินทรีย์", kind="group", sector="civil")
    actor = stakeholder_to_directory(SOMSRI, group)
    assert (actor.name, actor.kind, actor.sector) == ("กลุ่มผักอินทรีย์", "group", "civil")
    assert actor.key == f"stakeholder-{group.pk}"
    group.refresh_from_db()
    assert group.actor == actor
    with pytest.raises(ValidationError):  # already linked, and no actor to link to instead
        stakeholder_to_directory(SOMSRI, group)

    mayor = add_example_card(SOMSRI, data["project"], assessment)
    linked = stakeholder_to_directory(SOMSRI, mayor, actor=data["person"])
    assert linked == data["person"]
    mayor.refresh_from_db()
    assert mayor.actor == data["person"] and mayor.name == "นายก ทม."  # the name as written


def test_to_directory_asks_for_a_kind_before_creating_an_actor(assessment: Assessment) -> None:
    unknown = stakeholder_add(SOMSRI, assessment, name="ผู้บริโภค")
    before = Actor.objects.count()
    with pytest.raises(ValidationError) as refused:
        stakeholder_to_directory(SOMSRI, unknown)
    assert "kind" in refused.value.message_dict
    assert Actor.objects.count() == before


def test_a_project_of_another_workspace_keeps_its_assessments_apart(
    other_workspace: Any, author: Author, assessment: Assessment
) -> None:
    theirs = project_create(author, other_workspace, slug="clinic", name="อื่น")
    other = assessment_create(author, theirs, held_on=dt.date(2026, 1, 1))
    assert other.workspace_id == other_workspace.pk
    assert other.previous is None  # the other workspace's project has its own history


def test_an_actors_merge_relinks_its_stakeholders(data: dict, assessment: Assessment) -> None:
    from phakhi.imports.merge import actors_merge

    later = assessment_create(SOMSRI, data["project"], held_on=dt.date(2027, 1, 1), copy_last=False)
    first = stakeholder_add(SOMSRI, assessment, actor=data["third"])
    both = stakeholder_add(SOMSRI, later, actor=data["third"])
    stakeholder_add(SOMSRI, later, actor=data["person"])
    result = actors_merge(SOMSRI, data["person"], data["third"])
    assert (result.links_moved, result.links_unlinked) == (1, 1)
    first.refresh_from_db()
    both.refresh_from_db()
    assert first.actor == data["person"]  # linked to the kept actor
    assert both.actor is None and both.name == "นางสาวสมศรี มีสุข"  # the kept one is there already


def test_step_two_sorts_many_at_once_all_or_nothing(assessment: Assessment) -> None:
    from phakhi.stakeholders.batch import stakeholders_set_groups

    shop = stakeholder_add(SOMSRI, assessment, name="ร้านค้า")
    media = stakeholder_add(SOMSRI, assessment, name="สื่อ", groups=["influences_us"])
    opened = {shop.pk: shop.version, media.pk: media.version}
    changed = stakeholders_set_groups(
        SOMSRI,
        assessment,
        {shop.pk: ["affected_by_us", "interested_in_outcome"], media.pk: ["influences_us"]},
        read_versions=opened,
    )
    shop.refresh_from_db()
    assert changed == 1 and shop.groups == ["affected_by_us", "interested_in_outcome"]
    stakeholder_update(MANA, media, groups=["affected_by_us"])  # a colleague, meanwhile
    with pytest.raises(EditConflict):
        stakeholders_set_groups(
            SOMSRI,
            assessment,
            {shop.pk: [], media.pk: ["interested_in_outcome"]},
            read_versions={shop.pk: shop.version, media.pk: opened[media.pk]},
        )
    shop.refresh_from_db()
    assert shop.groups == ["affected_by_us", "interested_in_outcome"]  # nothing was saved
    with pytest.raises(ValidationError):
        stakeholders_set_groups(SOMSRI, assessment, {999999: []})


def test_an_assessment_made_by_mistake_is_deleted_with_its_stakeholders(data: dict) -> None:
    from phakhi.stakeholders.services import assessment_remove

    first = assessment_create(SOMSRI, data["project"], held_on=dt.date(2026, 1, 1))
    mayor = add_example_card(SOMSRI, data["project"], first)
    mistake = assessment_create(SOMSRI, data["project"], held_on=dt.date(2026, 2, 1))
    copy = mistake.stakeholders.get()
    pk = mistake.pk
    assessment_remove(SOMSRI, mistake)
    assert not Assessment.objects.filter(pk=pk).exists()
    assert not Stakeholder.objects.filter(pk=copy.pk).exists()
    assert Stakeholder.objects.filter(pk=mayor.pk).exists()  # the earlier one keeps its own
    event = AuditEvent.objects.get(
        object_type="stakeholders.assessment", object_id=str(pk), action="delete"
    )
    assert event.changes["stakeholders"] == [1, None]


def test_an_assessment_a_live_workshop_uses_is_not_deleted(
    data: dict, assessment: Assessment
) -> None:
    from phakhi.stakeholders.services import assessment_remove
    from phakhi.workshops.services import session_open

    session_open(SOMSRI, data["project"], assessment=assessment)
    with pytest.raises(ValidationError) as refused:
        assessment_remove(SOMSRI, assessment)
    assert "cannot be deleted" in refused.value.messages[0]
    assert Assessment.objects.filter(pk=assessment.pk).exists()
