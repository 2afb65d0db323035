"""Worksheet 2 (ใบงาน 2: เรียนรู้ประสบการณ์ และถอดบทเรียน): sessions, prompts and answers written
through their services and found again in the library by a Thai substring."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from phakhi.actors.services import actor_create
from phakhi.core.models import AuditEvent
from phakhi.core.versions import EditConflict
from phakhi.lessons.models import LessonAnswer, LessonTag
from phakhi.lessons.search import lessons_search
from phakhi.lessons.selectors import session_sheet, sessions_of_project, tags_in_use
from phakhi.lessons.services import (
    lesson_answer_add,
    lesson_answer_remove,
    lesson_answer_update,
    lesson_answers_add,
    lesson_prompt_add,
    lesson_prompt_move,
    lesson_prompt_remove,
    lesson_prompt_update,
    lesson_session_create,
    lesson_session_delete,
    lesson_session_update,
)
from phakhi.lessons.vocabulary import DEFAULT_PROMPTS
from phakhi.networks.services import network_create
from phakhi.projects.services import project_create

SOURCE = "/work/shared/sources/workshop-building-and-managing-networks.txt"


@pytest.fixture
def project(workspace, author):
    return project_create(author, workspace, slug="organic", name="เกษตรอินทรีย์ยโสธร")


@pytest.fixture
def session(workspace, author, project):
    return lesson_session_create(
        author,
        workspace,
        title="ถอดบทเรียนเทศบาลเมืองยะลา",
        project=project,
        case="เทศบาลเมืองยะลา",
        held_on=dt.date(2026, 11, 20),
        tags="ภาวะผู้นำ, การมีส่วนร่วม",
    )


def test_a_new_session_asks_the_sources_three_prompts_in_its_thai(session):
    prompts = [row.prompt.text for row in session_sheet(session)]
    assert prompts == [prompt.thai for prompt in DEFAULT_PROMPTS]
    with open(SOURCE, encoding="utf-8") as source:
        text = source.read()
    assert all(prompt in text for prompt in prompts)


def test_the_first_prompt_names_the_sessions_own_case(workspace, author, project):
    session = lesson_session_create(
        author, workspace, title="อบต. ดอนแก้ว", project=project, case="อบต.ดอนแก้ว"
    )
    first = session_sheet(session)[0].prompt.text
    assert "อบต.ดอนแก้ว" in first and "ยะลา" not in first


def test_a_session_is_linked_to_a_project_or_a_network(workspace, author):
    with pytest.raises(ValidationError) as error:
        lesson_session_create(author, workspace, title="ไม่มีเจ้าของ")
    assert "project" in error.value.message_dict
    network = network_create(author, workspace, slug="health", name="สุขภาพ")
    assert lesson_session_create(author, workspace, title="ได้", network=network).network == network


def test_links_never_cross_workspaces(workspace, other_workspace, author, project):
    with pytest.raises(ValidationError) as error:
        lesson_session_create(author, other_workspace, title="x", project=project)
    assert "project" in error.value.message_dict


def test_answers_by_participant_with_tags(workspace, author, session):
    actor = actor_create(author, workspace, key="a1", name="นายสมชาย ใจดี", kind="person")
    first, second, third = (row.prompt for row in session_sheet(session))
    added = lesson_answers_add(
        author,
        session,
        answers={first: "เปิดเวทีประชาคมทุกชุมชน", second: "  ", third: "ผู้นำฟังเสียงชุมชน"},
        actor=actor,
        tags="ประชาคม; ภาวะผู้นำ",
    )
    assert [a.prompt for a in added] == [first, third]
    assert all(a.participant == "นายสมชาย ใจดี" for a in added)
    sheet = session_sheet(session)
    assert [len(row.answers) for row in sheet] == [1, 0, 1]
    assert {t.name for t in added[0].tags.all()} == {"ประชาคม", "ภาวะผู้นำ"}
    # "ภาวะผู้นำ" is one tag of the workspace, shared with the session's.
    assert LessonTag.objects.filter(workspace=workspace, name="ภาวะผู้นำ").count() == 1
    assert [t.name for t in tags_in_use(workspace)] == ["การมีส่วนร่วม", "ประชาคม", "ภาวะผู้นำ"]


def test_answers_of_a_phone_are_all_or_nothing(author, session):
    prompts = [row.prompt for row in session_sheet(session)]
    with pytest.raises(ValidationError):
        lesson_answers_add(author, session, answers={p: "" for p in prompts}, participant="ก")
    with pytest.raises(ValidationError):
        lesson_answers_add(
            author, session, answers={prompts[0]: "ได้", prompts[1]: "x"}, participant="ก" * 201
        )
    assert LessonAnswer.objects.count() == 0


def test_an_answer_is_for_a_prompt_of_its_session(workspace, author, project, session):
    other = lesson_session_create(author, workspace, title="อื่น", project=project)
    with pytest.raises(ValidationError) as error:
        lesson_answer_add(author, session, prompt=other.prompts.first(), text="x")
    assert "prompt" in error.value.message_dict


def test_the_library_finds_a_thai_substring_in_answers_titles_cases_and_tags(
    workspace, author, project, session
):
    prompt = session.prompts.first()
    lesson_answer_add(
        author, session, prompt=prompt, text="ตั้งคณะกรรมการร่วมสามภาคส่วน", participant="ก"
    )
    other = lesson_session_create(
        author, workspace, title="ป่าชุมชน", project=project, tags="ป่าไม้",
        prompts=["อะไรทำให้ป่าอยู่ได้"],
    )  # fmt: skip

    def found(query, **filters):
        return [hit.session for hit in lessons_search(workspace, query, **filters).hits]

    assert found("กรรมการร่วม") == [session]
    assert found("คณะ กรรมการ") == [session]  # spaces do not matter, as in the directory
    assert found("ยะลา") == [session]
    assert found("ป่าไม้") == [other]
    assert found("ทำให้ป่า") == [other]  # a prompt of its own
    assert found("") == [session, other]  # Thai order: ถ before ป
    assert found("ไม่มีคำนี้") == []
    hit = lessons_search(workspace, "กรรมการร่วม").hits[0]
    assert [a.text for a in hit.answers] == ["ตั้งคณะกรรมการร่วมสามภาคส่วน"]
    tag = LessonTag.objects.get(name="ป่าไม้")
    assert found("", tag=tag) == [other]
    assert found("", project=project.pk) == [session, other]


def test_the_library_does_not_search_participants_names(workspace, author, session):
    lesson_answer_add(
        author, session, prompt=session.prompts.first(), text="ฟัง", participant="สมหญิง"
    )
    assert lessons_search(workspace, "สมหญิง").hits == []


def test_editing_prompts_and_answers(author, session):
    prompt = lesson_prompt_add(author, session, text="อะไรที่จะทำต่อ")
    assert session_sheet(session)[-1].prompt == prompt
    lesson_prompt_move(author, prompt, -10)
    assert session_sheet(session)[0].prompt == prompt
    lesson_prompt_update(author, prompt, text="อะไรที่จะทำต่อไป", version=prompt.version)
    answer = lesson_answer_add(author, session, prompt=prompt, text="ขยายผล", participant="ข")
    with pytest.raises(ValidationError, match="1 answers"):
        lesson_prompt_remove(author, prompt)
    answer = lesson_answer_update(author, answer, text="ขยายผลไปอำเภออื่น", version=answer.version)
    with pytest.raises(EditConflict):
        lesson_answer_update(author, answer, text="อื่น", version=answer.version - 1)
    lesson_answer_remove(author, answer)
    lesson_prompt_remove(author, prompt)
    assert len(session_sheet(session)) == 3


def test_session_edits_are_versioned_and_audited(workspace, author, project, session):
    read = session.version
    lesson_session_update(author, session, title="ถอดบทเรียนยะลา", version=read, tags="ภาวะผู้นำ")
    with pytest.raises(EditConflict):
        lesson_session_update(author, session, title="อีกชื่อ", version=read)
    session.refresh_from_db()
    assert [t.name for t in session.tags.all()] == ["ภาวะผู้นำ"]
    event = AuditEvent.objects.filter(object_type="lessons.lessonsession", action="update").get()
    assert event.changes["tags"] == [["การมีส่วนร่วม", "ภาวะผู้นำ"], ["ภาวะผู้นำ"]]
    assert sessions_of_project(project) == [session]
    lesson_session_delete(author, session)
    assert sessions_of_project(project) == []


def test_the_library_lists_sessions_in_thai_dictionary_order(workspace, author, project):
    for title in ("ขยายผล", "เกษตรกรรมยั่งยืน", "กองทุนหมู่บ้าน"):
        lesson_session_create(author, workspace, title=title, project=project)
    titles = [hit.session.title for hit in lessons_search(workspace).hits]
    # A leading vowel is read after its consonant: เกษตร files under ก, before ข.
    assert titles == ["กองทุนหมู่บ้าน", "เกษตรกรรมยั่งยืน", "ขยายผล"]


def test_the_search_index_follows_edits_and_short_queries_read_every_row(
    workspace, author, project, session
):
    def found(query):
        return [hit.session for hit in lessons_search(workspace, query).hits]

    answer = lesson_answer_add(author, session, prompt=session.prompts.first(), text="ตลาดนัดชุมชน")
    assert found("ตลาดนัด") == [session]
    lesson_answer_update(author, answer, text="ธนาคารขยะ")
    assert found("ตลาดนัด") == [] and found("ธนาคารขยะ") == [session]
    lesson_session_update(author, session, title="กองทุนสวัสดิการ", case="")
    assert found("กองทุนสวัสดิการ") == [session] and found("เทศบาลเมือง") == [session]
    assert found("ขย") == [session]  # two characters: below a trigram, every row is read
    lesson_answer_remove(author, answer)
    assert found("ธนาคารขยะ") == []
