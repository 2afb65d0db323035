"""The lessons pages: starting a session from the project's tab, adding one participant's
answers a box per prompt, finding them in the library, and who sees whose name."""

import pytest
from django.urls import reverse

from phakhi.lessons.models import LessonAnswer, LessonSession
from phakhi.lessons.services import lesson_answer_add, lesson_session_create
from tests.accounts_support import AUTHOR, client_for, user_with_role


def _url(name, **kwargs):
    return reverse(f"web:{name}", kwargs={"workspace": "khon-kaen", **kwargs})


@pytest.fixture
def session(data):
    return lesson_session_create(
        AUTHOR, data["workspace"], title="ถอดบทเรียนคลินิก", project=data["project"], case="ยะลา"
    )


def test_a_session_started_from_the_form_names_its_case_in_the_first_prompt(data):
    client = client_for(user_with_role(data["workspace"], "coordinator"))
    form = client.get(_url("lesson-add") + f"?project={data['project'].pk}").content.decode()
    assert "ภาวะผู้นำอะไรบ้างที่จำเป็น" in form  # the worksheet's prompts, ready to keep
    prompts = form.split('name="prompts"')[1].split(">", 1)[1].split("</textarea>")[0]
    response = client.post(
        _url("lesson-add"),
        {"title": "ถอดบทเรียนดอนแก้ว", "case": "อบต.ดอนแก้ว", "project": data["project"].pk,
         "held_on": "20/11/2569", "tags": "ภาวะผู้นำ", "prompts": prompts.strip()},
    )  # fmt: skip
    session = LessonSession.objects.get()
    assert response.status_code == 302
    assert str(session.held_on) == "2026-11-20"
    first = session.prompts.order_by("position").first().text
    assert "อบต.ดอนแก้ว" in first and "ยะลา" not in first


def test_answers_added_on_a_phone_land_under_their_prompts(data, session):
    client = client_for(user_with_role(data["workspace"], "coordinator"))
    prompts = list(session.prompts.order_by("position"))
    page = client.get(_url("lesson-session", session=session.pk)).content.decode()
    assert all(f'name="prompt-{p.pk}"' in page for p in prompts)
    response = client.post(
        _url("lesson-session", session=session.pk),
        {"participant": "นางสาวกนกพร", f"prompt-{prompts[0].pk}": "เปิดเวทีทุกหมู่บ้าน",
         f"prompt-{prompts[2].pk}": "ผู้นำที่ฟัง", "tags": "ประชาคม"},
    )  # fmt: skip
    assert response.status_code == 302
    assert sorted(LessonAnswer.objects.values_list("prompt__position", flat=True)) == [0, 2]
    again = client.post(_url("lesson-session", session=session.pk), {"participant": "x"})
    assert again.status_code == 400
    assert "Write an answer to at least one prompt." in again.content.decode()


def test_a_participants_name_is_masked_for_viewers(data, session):
    prompt = session.prompts.first()
    lesson_answer_add(AUTHOR, session, prompt=prompt, text="คำตอบ", participant="สมหญิง รักดี")
    lesson_answer_add(AUTHOR, session, prompt=prompt, text="อีกคำตอบ", actor=data["third"])
    url = _url("lesson-session", session=session.pk)
    viewer = client_for(user_with_role(data["workspace"], "viewer")).get(url).content.decode()
    member = client_for(user_with_role(data["workspace"], "member")).get(url).content.decode()
    assert "สมหญิง รักดี" in member and "สมหญิง รักดี" not in viewer and "ส•" in viewer
    assert data["third"].name in viewer  # an actor of the directory is named as there


def test_the_library_finds_a_thai_substring_and_filters_by_tag(data, session):
    lesson_answer_add(
        AUTHOR, session, prompt=session.prompts.first(), text="ตั้งคณะกรรมการร่วมสามภาคส่วน",
        tags="โครงสร้าง",
    )  # fmt: skip
    lesson_session_create(AUTHOR, data["workspace"], title="ป่าชุมชน", network=data["network"])
    client = client_for(user_with_role(data["workspace"], "viewer"))
    found = client.get(_url("lessons"), {"q": "กรรมการ ร่วม"}).content.decode()
    assert "ถอดบทเรียนคลินิก" in found and "ป่าชุมชน" not in found
    assert "ตั้งคณะกรรมการร่วมสามภาคส่วน" in found  # the matching answer is shown
    tagged = client.get(_url("lessons"), {"tag": "โครงสร้าง"}).content.decode()
    assert "ถอดบทเรียนคลินิก" in tagged and "ป่าชุมชน" not in tagged
    everything = client.get(_url("lessons")).content.decode()
    assert everything.index("ถอดบทเรียนคลินิก") < everything.index("ป่าชุมชน")


def test_the_projects_tab_lists_its_sessions(data, session):
    client = client_for(user_with_role(data["workspace"], "viewer"))
    page = client.get(_url("project-lessons", project="clinic")).content.decode()
    assert "ถอดบทเรียนคลินิก" in page
    assert 'aria-current="page"' in page.split("ใบงาน 2")[0]  # the tab bar marks it


def test_deleting_a_session_asks_for_confirmation(data, session):
    client = client_for(user_with_role(data["workspace"], "coordinator"))
    client.post(_url("lesson-session-delete", session=session.pk))
    assert LessonSession.objects.filter(pk=session.pk).exists()
    client.post(_url("lesson-session-delete", session=session.pk), {"confirm": "yes"})
    assert not LessonSession.objects.filter(pk=session.pk).exists()
