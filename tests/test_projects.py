"""The projects pages: the list, a project's page and its tabs, creating and editing a project
(with the conflict of two people editing at once), and who may do what."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse

from phakhi.core.models import AuditEvent
from phakhi.expansion.services import plan_create, plan_row_add
from phakhi.lessons.services import lesson_session_create
from phakhi.projects.models import Project
from phakhi.projects.services import project_create, project_update
from phakhi.stakeholders.services import assessment_create, stakeholder_add
from phakhi.web.views import project_tabs
from phakhi.web.views.project_tabs import ProjectTab
from tests.accounts_support import AUTHOR, client_for, user_with_role


def _url(workspace, name="web:projects", **kwargs) -> str:
    return reverse(name, kwargs={"workspace": workspace.slug, **kwargs})


def _text(response) -> str:
    return _text_of(response.content.decode())


def _text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


@pytest.fixture
def admin(data) -> Client:
    return client_for(user_with_role(data["workspace"], "admin"))


def test_the_list_shows_each_project_with_its_lead_and_dates(data, admin):
    workspace = data["workspace"]
    project_create(
        AUTHOR,
        workspace,
        slug="organic",
        name="โครงการเกษตรอินทรีย์",
        lead_actor=data["org"],
        starts_on=dt.date(2025, 1, 15),
        ends_on=dt.date(2025, 12, 31),
    )
    response = admin.get(_url(workspace))
    assert response.status_code == 200
    rows = response.content.decode().split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    texts = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in rows]
    # Thai dictionary order: เกษตร (ก, its leading vowel set aside) before คลินิก (ค).
    assert texts == [
        "โครงการเกษตรอินทรีย์ มูลนิธิเพื่อนชุมชน 15 Jan 2025 31 Dec 2025 No worksheets yet",
        "โครงการคลินิกชุมชน เครือข่ายสุขภาพ – – No worksheets yet",
    ]
    thai = admin.get(_url(workspace), HTTP_ACCEPT_LANGUAGE="th")
    assert "15 ม.ค. 2568" in thai.content.decode()  # Buddhist era in Thai


def test_the_project_page_shows_the_project_and_its_tabs(data, admin, monkeypatch):
    workspace, project = data["workspace"], data["project"]
    # An area's tab is listed once its page exists; a route not there yet is left out.
    tabs = [*project_tabs.PROJECT_TABS, ProjectTab("no-such-page-yet", "Later")]
    monkeypatch.setattr(project_tabs, "PROJECT_TABS", tabs)
    response = admin.get(_url(workspace, "web:project", project=project.slug))
    assert response.status_code == 200
    html = response.content.decode()
    nav = html.split('class="project-tabs"')[1].split("</nav>")[0]
    assert 'aria-current="page">Project</a>' in nav
    assert "Later" not in nav
    text = _text(response)
    assert "Lead network เครือข่ายสุขภาพ" in text
    assert "Edit the project" in text
    site_nav = html.split('class="site-nav"')[1].split("</nav>")[0]
    assert re.search(r'aria-current="page">Projects<', site_nav)


def _worksheets(data):
    """The clinic project's worksheets: two stakeholder analyses (the later one copied from
    the first, plus one), a lessons session, an expansion plan of two rows (one achieved)."""
    project = data["project"]
    first = assessment_create(AUTHOR, project, held_on=dt.date(2025, 1, 10))
    stakeholder_add(AUTHOR, first, name="ผู้บริโภค")
    stakeholder_add(AUTHOR, first, actor=data["org"])
    latest = assessment_create(AUTHOR, project, held_on=dt.date(2025, 6, 1))
    stakeholder_add(AUTHOR, latest, name="โรงพยาบาลชุมชน")
    lesson_session_create(AUTHOR, data["workspace"], title="ถอดบทเรียนยะลา", project=project)
    plan = plan_create(AUTHOR, project=project, title="แผนขยายเครือข่าย")
    plan_row_add(AUTHOR, plan, target_name="กลุ่มผู้สูงอายุ", read_map=False, new_level=3)
    plan_row_add(
        AUTHOR, plan, target_name="โรงเรียน", read_map=False, new_level=2, status="achieved"
    )


def test_each_project_shows_its_worksheets_at_a_glance(data, admin, django_assert_max_num_queries):
    workspace = data["workspace"]
    _worksheets(data)
    project_create(AUTHOR, workspace, slug="empty", name="โครงการว่าง")
    with django_assert_max_num_queries(20):  # as many for 2 projects as for 100
        listing = admin.get(_url(workspace))
    rows = listing.content.decode().split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    clinic = _text_of(next(row for row in rows if "คลินิก" in row))
    assert clinic.endswith("2 stakeholder analyses 1 lessons session 2 expansion plan rows"), clinic
    assert _text_of(next(row for row in rows if "ว่าง" in row)).endswith("No worksheets yet")
    page = _text(admin.get(_url(workspace, "web:project", project="clinic")))
    assert "2 analyses; the latest, on 1 Jun 2025, has 3 stakeholders." in page
    assert "1 lessons session." in page and "2 rows, 1 achieved." in page
    worksheet_1 = _url(workspace, "web:project-stakeholders", project="clinic")
    html = admin.get(_url(workspace, "web:project", project="clinic")).content.decode()
    panel = html.split('id="worksheets-title"')[1]
    assert f'href="{worksheet_1}"' in panel  # each worksheet's figures lead to its tab
    thai = admin.get(_url(workspace, "web:project", project="clinic"), HTTP_ACCEPT_LANGUAGE="th")
    assert "1 มิ.ย. 2568" in thai.content.decode()


def test_the_list_finds_a_project_by_part_of_its_name_or_slug(data, admin):
    workspace = data["workspace"]
    for number in range(12):
        project_create(AUTHOR, workspace, slug=f"p-{number:02d}", name=f"โครงการที่ {number}")
    project_create(AUTHOR, workspace, slug="organic", name="โครงการเกษตร อินทรีย์")
    page = admin.get(_url(workspace)).content.decode()
    assert 'role="search"' in page  # more than ten projects: a search box
    found = _text(admin.get(_url(workspace), {"q": "เกษตรอินทรีย์"}))  # spaces do not matter
    assert "โครงการเกษตร อินทรีย์" in found and "โครงการที่" not in found
    by_slug = _text(admin.get(_url(workspace), {"q": "P-03"}))
    assert "โครงการที่ 3" in by_slug and "โครงการที่ 4" not in by_slug
    nothing = _text(admin.get(_url(workspace), {"q": "ไม่มี"}))
    assert "No project's name or slug holds “ไม่มี”." in nothing


def test_the_list_is_paged(data, admin):
    workspace = data["workspace"]
    for number in range(105):
        Project.objects.create(workspace=workspace, slug=f"p-{number:03d}", name=f"P {number:03d}")
    first = admin.get(_url(workspace)).content.decode()
    assert first.count('scope="row"') == 100 and "Page 1 of 2" in _text_of(first)
    second = admin.get(_url(workspace), {"page": 2}).content.decode()
    assert second.count('scope="row"') == 6  # 105 and the clinic


def test_a_project_of_another_workspace_is_not_found(data, admin, other_workspace):
    project_create(AUTHOR, other_workspace, slug="theirs", name="Theirs")
    url = _url(data["workspace"], "web:project", project="theirs")
    assert admin.get(url).status_code == 404


def test_create_a_project_led_by_a_network_and_an_actor(data, admin):
    workspace = data["workspace"]
    response = admin.post(
        _url(workspace, "web:project-add"),
        {
            "name": "โครงการเกษตรอินทรีย์",
            "slug": "organic-farming",
            "description": "ตลาดสีเขียว",
            "network": data["network"].pk,
            "lead_actor": "",
            "lead_actor_key": data["org"].key,
            "starts_on": "01/02/2568",
            "ends_on": "",
        },
    )
    assert response.status_code == 302, _text(response)
    project = Project.objects.get(workspace=workspace, slug="organic-farming")
    assert response["Location"] == _url(workspace, "web:project", project="organic-farming")
    assert (project.network, project.lead_actor) == (data["network"], data["org"])
    assert project.starts_on == dt.date(2025, 2, 1)
    event = AuditEvent.objects.get(object_type="projects.project", object_id=str(project.pk))
    assert event.action == "create" and event.changes["lead_actor"] == [None, data["org"].pk]


def test_a_thai_name_needs_a_slug_and_bad_input_names_its_field(data, admin):
    url = _url(data["workspace"], "web:project-add")
    response = admin.post(
        url, {"name": "โครงการใหม่", "ends_on": "2025-01-01", "starts_on": "2025-02-01"}
    )
    assert response.status_code == 400
    text = _text(response)
    assert "A name in Thai needs a slug" in text
    assert "The end date must not be before the start date." in text
    taken = admin.post(url, {"name": "Clinic", "slug": "clinic"})
    assert taken.status_code == 400 and "A project “clinic” exists already." in _text(taken)
    nobody = admin.post(url, {"name": "X", "slug": "x", "lead_actor": "ไม่มีใครชื่อนี้"})
    assert nobody.status_code == 400
    assert "No actor in this workspace has this key or name." in _text(nobody)
    assert not Project.objects.filter(slug="x").exists()


def test_a_limited_coordinator_creates_only_projects_their_network_leads(data):
    workspace = data["workspace"]
    youth = data["network"].__class__.objects.create(
        workspace=workspace, slug="youth", name="เยาวชน"
    )
    limited = client_for(user_with_role(workspace, "coordinator", "limited", networks=(youth,)))
    url = _url(workspace, "web:project-add")
    form = limited.get(url).content.decode()
    options = re.findall(
        r'<option value="([^"]*)"', form.split('name="network"')[1].split("</select>")[0]
    )
    assert options == [str(youth.pk)]  # no "none", not health
    assert limited.post(url, {"name": "Everyone's", "slug": "all"}).status_code == 403
    assert (
        limited.post(url, {"name": "H", "slug": "h", "network": data["network"].pk}).status_code
        == 403
    )
    ok = limited.post(url, {"name": "Youth camp", "slug": "camp", "network": youth.pk})
    assert ok.status_code == 302
    assert limited.get(_url(workspace, "web:project-edit", project="clinic")).status_code == 403


def _edit_form(project, **changes):
    """The edit form as the page sends it: each field's value and the value it was shown."""
    shown = {
        "name": project.name,
        "description": project.description,
        "network": project.network_id or "",
        "lead_actor": project.lead_actor.name if project.lead_actor else "",
        "starts_on": "",
        "ends_on": "",
    }
    sent = {"version": project.version}
    for name, value in shown.items():
        sent[name] = changes.get(name, value)
        sent[f"initial-{name}"] = value
    return sent


def test_edit_a_project(data, admin):
    workspace, project = data["workspace"], data["project"]
    project_update(AUTHOR, project, lead_actor=data["org"])
    url = _url(workspace, "web:project-edit", project=project.slug)
    page = admin.get(url)
    assert page.status_code == 200
    assert 'value="มูลนิธิเพื่อนชุมชน"' in page.content.decode()  # the lead actor by name
    sent = _edit_form(project, name="โครงการคลินิกชุมชนเข้มแข็ง", ends_on="30/09/2569")
    response = admin.post(url, sent)
    assert response.status_code == 302, _text(response)
    project.refresh_from_db()
    assert project.name == "โครงการคลินิกชุมชนเข้มแข็ง"
    assert project.ends_on == dt.date(2026, 9, 30)
    assert project.lead_actor == data["org"]  # shown by name, not changed, kept
    assert project.version == 3
    event = AuditEvent.objects.filter(object_type="projects.project").latest("id")
    assert set(event.changes) == {"name", "ends_on"}
    # Another lead actor, typed by its key; the lead network taken away.
    response = admin.post(url, _edit_form(project, lead_actor="p-1", network=""))
    assert response.status_code == 302, _text(response)
    project.refresh_from_db()
    assert (project.lead_actor, project.network) == (data["person"], None)


def test_a_colleagues_change_meanwhile_comes_back_side_by_side(data, admin):
    workspace, project = data["workspace"], data["project"]
    opened = project.version
    project_update(AUTHOR, project, name="ชื่อของเพื่อนร่วมงาน")
    response = admin.post(
        _url(workspace, "web:project-edit", project=project.slug),
        {
            "version": opened,
            "name": "ชื่อของฉัน",
            "initial-name": "โครงการคลินิกชุมชน",
            "description": "คำอธิบายใหม่",
            "initial-description": "",
            "network": data["network"].pk,
            "initial-network": data["network"].pk,
        },
    )
    assert response.status_code == 409
    text = _text(response)
    assert "ชื่อของเพื่อนร่วมงาน" in text and "ชื่อของฉัน" in text
    project.refresh_from_db()
    assert project.name == "ชื่อของเพื่อนร่วมงาน" and project.description == ""


def test_who_may_not_edit_is_not_offered_to(data):
    workspace, project = data["workspace"], data["project"]
    viewer = client_for(user_with_role(workspace, "viewer"))
    listing = _text(viewer.get(_url(workspace)))
    assert "โครงการคลินิกชุมชน" in listing and "New project" not in listing
    page = _text(viewer.get(_url(workspace, "web:project", project=project.slug)))
    assert "Lead network เครือข่ายสุขภาพ" in page and "Edit the project" not in page
    assert viewer.get(_url(workspace, "web:project-edit", project=project.slug)).status_code == 403


def test_a_latin_name_makes_its_own_slug(data, admin):
    url = _url(data["workspace"], "web:project-add")
    response = admin.post(url, {"name": "Green Market Khon Kaen", "slug": ""})
    assert response.status_code == 302, _text(response)
    assert response["Location"].endswith("/projects/green-market-khon-kaen/")
    reserved = admin.post(url, {"name": "New", "slug": ""})  # would be /projects/new/
    assert reserved.status_code == 400
    assert "“new” is the address of a page; choose another slug." in _text(reserved)


def test_the_403_page_tells_a_limited_coordinator_why(data):
    workspace = data["workspace"]
    youth = data["network"].__class__.objects.create(
        workspace=workspace, slug="youth", name="เยาวชน"
    )
    limited = client_for(user_with_role(workspace, "coordinator", "limited", networks=(youth,)))
    refused = limited.get(_url(workspace, "web:project-edit", project="clinic"))
    assert refused.status_code == 403
    text = _text(refused)
    assert "this one is not led by one of yours" in text and "เยาวชน" in text
    thai = limited.get(
        _url(workspace, "web:project-edit", project="clinic"), HTTP_ACCEPT_LANGUAGE="th"
    )
    assert "โครงการนี้ไม่ได้นำโดยเครือข่ายของคุณ" in thai.content.decode()
