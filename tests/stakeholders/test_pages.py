"""Worksheet 1's pages: the assessments, the three steps and the cards, adding, editing, moving
and removing a stakeholder, adding it to the directory — and what a viewer sees."""

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from phakhi.actors.models import Actor
from phakhi.core.audit import Author
from phakhi.stakeholders.models import Assessment, Stakeholder
from phakhi.stakeholders.services import (
    assessment_create,
    stakeholder_add,
    stakeholder_place,
)
from tests.accounts_support import client_for, user_with_role
from tests.fixtures_stakeholders import add_example_card
from tests.forms_support import form_values

SOMSRI = Author("somsri")


def _text(response: Any) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _url(assessment: Assessment, name: str, **kwargs: Any) -> str:
    project = assessment.project
    return reverse(
        f"web:{name}",
        kwargs={
            "workspace": project.workspace.slug,
            "project": project.slug,
            "assessment": assessment.pk,
            **kwargs,
        },
    )


@pytest.fixture
def admin(data: dict) -> Client:
    return client_for(user_with_role(data["workspace"], "admin"))


@pytest.fixture
def viewer(data: dict) -> Client:
    return client_for(user_with_role(data["workspace"], "viewer"))


@pytest.fixture
def assessment(data: dict) -> Assessment:
    return assessment_create(SOMSRI, data["project"], held_on=dt.date(2026, 11, 20))


@pytest.fixture
def mayor(data: dict, assessment: Assessment) -> Stakeholder:
    return add_example_card(SOMSRI, data["project"], assessment)


def test_a_new_assessment_is_made_from_the_projects_tab(data: dict, admin: Client) -> None:
    project = data["project"]
    url = reverse(
        "web:project-stakeholders", kwargs={"workspace": "khon-kaen", "project": project.slug}
    )
    page = admin.get(url)
    assert page.status_code == 200
    assert "No assessment yet" in _text(page)
    values = form_values(page, "held_on")
    values.update(held_on="2026-11-20", title="เวทีขอนแก่น")
    made = admin.post(
        reverse(
            "web:stakeholders-assessment-add",
            kwargs={"workspace": "khon-kaen", "project": project.slug},
        ),
        values,
    )
    assessment = Assessment.objects.get(project=project)
    assert made.status_code == 302 and made["Location"] == _url(assessment, "stakeholders-sectors")
    assert (assessment.held_on, assessment.title) == (dt.date(2026, 11, 20), "เวทีขอนแก่น")
    listed = _text(admin.get(url))
    assert "เวทีขอนแก่น" in listed and "Number of stakeholders" in listed


def test_a_bad_date_is_refused_on_the_form(data: dict, admin: Client) -> None:
    url = reverse(
        "web:stakeholders-assessment-add",
        kwargs={"workspace": "khon-kaen", "project": data["project"].slug},
    )
    response = admin.post(url, {"held_on": "31/02/2569"})
    assert response.status_code == 400
    assert Assessment.objects.count() == 0


def test_step_one_lists_names_in_the_worksheets_sector_rows(
    admin: Client, assessment: Assessment, mayor: Stakeholder
) -> None:
    stakeholder_add(SOMSRI, assessment, name="ผู้บริโภค", kind="group", sector="civil")
    stakeholder_add(SOMSRI, assessment, name="มหาวิทยาลัยขอนแก่น", sector="academic")
    rows = admin.get(_url(assessment, "stakeholders-sectors")).content.decode()
    body = rows.split("<tbody>")[1].split("</tbody>")[0]
    lines = [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in body.split("<tr>")[1:]
    ]
    assert lines[0].startswith("People, civil society and private") and "ผู้บริโภค" in lines[0]
    assert lines[1].startswith("Academic") and "มหาวิทยาลัยขอนแก่น" in lines[1]
    assert lines[2].startswith("Government") and "นายก ทม." in lines[2]


def test_step_one_quick_add_through_htmx_swaps_in_the_name(
    admin: Client, assessment: Assessment
) -> None:
    url = _url(assessment, "stakeholder-add")
    data = {
        "back": "stakeholders-sectors",
        "name": "กลุ่มผักอินทรีย์",
        "kind": "group",
        "sector": "civil",
        "groups": ["interested_in_outcome"],
    }
    response = admin.post(url, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'id="step-content"' in response.content.decode()
    assert "กลุ่มผักอินทรีย์ has been added." in _text(response)
    added = Stakeholder.objects.get(assessment=assessment)
    assert added.interested_in_outcome and added.sector == "civil"
    again = admin.post(url, data, HTTP_HX_REQUEST="true")  # the same name twice
    assert "already in this assessment" in _text(again)
    assert Stakeholder.objects.filter(assessment=assessment).count() == 1
    plain = admin.post(url, {**data, "name": ""})  # without htmx: the page with its errors
    assert plain.status_code == 400


def test_step_two_puts_a_stakeholder_in_each_of_its_groups(
    admin: Client, assessment: Assessment
) -> None:
    stakeholder_add(
        SOMSRI,
        assessment,
        name="สปสช.",
        sector="government",
        groups=["influences_us", "interested_in_outcome"],
    )
    stakeholder_add(SOMSRI, assessment, name="ชาวบ้าน")
    html = admin.get(_url(assessment, "stakeholders-groups")).content.decode()
    text = _text(admin.get(_url(assessment, "stakeholders-groups")))
    groups_table = html.split('class="table-stack worksheet-table groups-table"')[1].split(
        "</table>"
    )[0]
    assert groups_table.count("สปสช.") == 2
    assert "In no group yet (1)" in text and "ชาวบ้าน" in text


def test_the_grid_places_cards_in_their_quadrant_and_cell(
    admin: Client, assessment: Assessment, mayor: Stakeholder
) -> None:
    low = stakeholder_add(
        SOMSRI, assessment, name="ร้านค้า", influence="low", interest="low", interest_score=1
    )
    stakeholder_add(SOMSRI, assessment, name="ยังไม่วาง")
    html = admin.get(_url(assessment, "stakeholders-grid")).content.decode()
    high_high = html.split('class="quadrant quadrant--high-high"')[1].split("</section>")[0]
    assert "นายก ทม." in high_high and "Manage closely" in high_high
    low_low = html.split('class="quadrant quadrant--low-low"')[1].split("</section>")[0]
    cell = low_low.split('data-influence-score="2" data-interest-score="1"')[1].split("</div>")[0]
    assert f'id="card-{low.pk}"' in cell
    unplaced = html.split("data-unplaced")[1]
    assert "ยังไม่วาง" in unplaced
    for action in ("Keep satisfied", "Keep informed", "Monitor"):
        assert action in html


def test_the_grid_in_thai_uses_the_worksheets_words(
    admin: Client, assessment: Assessment, mayor: Stakeholder
) -> None:
    text = _text(admin.get(_url(assessment, "stakeholders-grid"), HTTP_ACCEPT_LANGUAGE="th"))
    for words in ("อิทธิพลมาก สนใจมาก", "อิทธิพลมาก สนใจน้อย", "อิทธิพลน้อย สนใจมาก", "อิทธิพลน้อย สนใจน้อย"):
        assert words in text


def test_moving_a_card_with_the_form_and_with_json(admin: Client, mayor: Stakeholder) -> None:
    assessment = mayor.assessment
    url = _url(assessment, "stakeholder-place", pk=mayor.pk)
    moved = admin.post(url, {"quadrant": "low-high", "version": mayor.version})
    assert moved.status_code == 302 and moved["Location"].endswith(f"#card-{mayor.pk}")
    mayor.refresh_from_db()
    assert (mayor.influence, mayor.interest) == ("low", "high")
    answer = admin.post(
        url,
        {
            "quadrant": "high-low",
            "influence_score": "5",
            "interest_score": "2",
            "version": mayor.version,
        },
        HTTP_ACCEPT="application/json",
    )
    assert answer.status_code == 200
    assert answer.json()["quadrant"] == "high-low" and answer.json()["influence_score"] == 5
    stale = admin.post(
        url, {"quadrant": "low-low", "version": mayor.version}, HTTP_ACCEPT="application/json"
    )
    assert stale.status_code == 409 and "Nothing was saved" in stale.json()["error"]
    wrong = admin.post(
        url,
        {"quadrant": "high-low", "influence_score": "1"},
        HTTP_ACCEPT="application/json",
    )
    assert wrong.status_code == 400 and "low side" in wrong.json()["error"]


def test_showing_movement_since_the_previous_assessment(
    data: dict, admin: Client, mayor: Stakeholder
) -> None:
    second = assessment_create(SOMSRI, data["project"], held_on=dt.date(2027, 5, 1))
    copy = second.stakeholders.get()
    stakeholder_place(SOMSRI, copy, influence="low", interest="high")
    media = stakeholder_add(SOMSRI, second, name="สื่อท้องถิ่น", influence="low", interest="low")
    plain = _text(admin.get(_url(second, "stakeholders-grid")))
    assert "was:" not in plain
    shown = admin.get(_url(second, "stakeholders-grid"), {"movement": "1"}).content.decode()
    card = shown.split(f'id="card-{copy.pk}"')[1].split("</article>")[0]
    assert "↓" in card and "was: High influence, high interest" in _text_of(card)
    assert "new" in _text_of(shown.split(f'id="card-{media.pk}"')[1].split("</article>")[0])


def _text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_the_cards_table_masks_the_contact_person_for_viewers(
    admin: Client, viewer: Client, mayor: Stakeholder
) -> None:
    url = _url(mayor.assessment, "stakeholders-cards")
    full = _text(admin.get(url))
    assert "ป้อม เลข 0879998888" in full and "การขับเคลื่อน งานซ้ำ" in full
    masked = viewer.get(url)
    assert masked.status_code == 200
    assert "0879998888" not in masked.content.decode() and "ป•••••" in _text(masked)
    page = viewer.get(_url(mayor.assessment, "stakeholder", pk=mayor.pk)).content.decode()
    assert "0879998888" not in page


def test_viewers_see_no_controls_and_may_not_write(viewer: Client, mayor: Stakeholder) -> None:
    html = viewer.get(_url(mayor.assessment, "stakeholders-grid")).content.decode()
    assert "data-movable" not in html and "Add a stakeholder" not in html
    refused = viewer.post(
        _url(mayor.assessment, "stakeholder-place", pk=mayor.pk), {"quadrant": "low-low"}
    )
    assert refused.status_code == 403


def test_editing_a_stakeholder_saves_what_changed_and_reports_a_clash(
    admin: Client, mayor: Stakeholder
) -> None:
    url = _url(mayor.assessment, "stakeholder-edit", pk=mayor.pk)
    page = admin.get(url)
    values = form_values(page, "can_help")
    values.update(can_help="ให้งบประมาณ", lives_with_problem="yes")
    saved = admin.post(url, values)
    assert saved.status_code == 302
    mayor.refresh_from_db()
    assert mayor.can_help == "ให้งบประมาณ" and mayor.lives_with_problem is True
    assert mayor.what_matters == "ฐานเสียงปชช. ผู้รักสุขภาพ"  # unchanged
    values.update(can_help="ให้สถานที่")  # from the old version, over the change above
    clash = admin.post(url, values)
    assert clash.status_code == 409
    assert "Someone else changed this record" in _text(clash)
    bad = form_values(admin.get(url), "influence_score")
    bad.update(influence="low", influence_score="5")
    refused = admin.post(url, bad)
    assert refused.status_code == 400 and "high side" in _text(refused)


def test_removing_a_stakeholder(admin: Client, mayor: Stakeholder) -> None:
    url = _url(mayor.assessment, "stakeholder-remove", pk=mayor.pk)
    assert admin.get(url).status_code == 405
    assert admin.post(url).status_code == 302
    assert not Stakeholder.objects.filter(pk=mayor.pk).exists()


def test_add_to_directory_offers_duplicates_then_links_or_creates(
    data: dict, admin: Client, assessment: Assessment
) -> None:
    same = stakeholder_add(SOMSRI, assessment, name="มูลนิธิ เพื่อนชุมชน", kind="organization")
    url = _url(assessment, "stakeholder-directory", pk=same.pk)
    page = _text(admin.get(url))
    assert "มูลนิธิเพื่อนชุมชน" in page and "same name" in page
    linked = admin.post(url, {"link": str(data["org"].pk)})
    assert linked.status_code == 302
    same.refresh_from_db()
    assert same.actor == data["org"]

    fresh = stakeholder_add(SOMSRI, assessment, name="กลุ่มผู้บริโภคน้ำพอง", kind="group")
    url = _url(assessment, "stakeholder-directory", pk=fresh.pk)
    assert "No actor of the directory looks like this one" in _text(admin.get(url))
    made = admin.post(url, {"link": "new", "key": "consumers-nampong"})
    assert made.status_code == 302
    actor = Actor.objects.get(key="consumers-nampong")
    assert actor.name == "กลุ่มผู้บริโภคน้ำพอง" and actor.kind == "group"
    nothing = admin.post(url, {})
    assert nothing.status_code == 400


def test_an_assessment_of_another_project_is_not_found(
    data: dict, admin: Client, assessment: Assessment
) -> None:
    from phakhi.projects.services import project_create

    other = project_create(SOMSRI, data["workspace"], slug="other", name="อื่น")
    url = reverse(
        "web:stakeholders-grid",
        kwargs={"workspace": "khon-kaen", "project": other.slug, "assessment": assessment.pk},
    )
    assert admin.get(url).status_code == 404


def test_step_two_sorting_table_saves_the_ticks_that_changed(
    admin: Client, assessment: Assessment, mayor: Stakeholder
) -> None:
    shop = stakeholder_add(SOMSRI, assessment, name="ร้านค้า")
    page = admin.get(_url(assessment, "stakeholders-groups"))
    values = form_values(page, "ids")
    assert values[f"was-{mayor.pk}"] == "influences_us"
    data = {k: v for k, v in values.items() if not k.startswith("g-")}
    data.update({f"g-{mayor.pk}": "influences_us", f"g-{shop.pk}": "affected_by_us"})
    data["ids"] = [str(mayor.pk), str(shop.pk)]
    saved = admin.post(_url(assessment, "stakeholders-groups-save"), data)
    assert saved.status_code == 302
    shop.refresh_from_db()
    mayor.refresh_from_db()
    assert shop.groups == ["affected_by_us"] and mayor.groups == ["influences_us"]
    assert mayor.version == 1  # its ticks did not change: not written
    assert "The groups of 1 stakeholder have been saved." in _text(admin.get(saved["Location"]))


def test_an_assessment_is_deleted_from_its_edit_page(admin: Client, mayor: Stakeholder) -> None:
    assessment = mayor.assessment
    url = _url(assessment, "stakeholders-assessment-delete")
    assert admin.get(url).status_code == 405
    page = admin.get(_url(assessment, "stakeholders-assessment-edit")).content.decode()
    assert url in page
    gone = admin.post(url)
    assert gone.status_code == 302 and gone["Location"].endswith("/stakeholders/")
    assert not Assessment.objects.filter(pk=assessment.pk).exists()
