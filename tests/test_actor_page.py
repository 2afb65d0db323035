"""The actor page: what each role sees, the measures of the latest analysis, and the tie forms."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse

from phakhi.actors.services import actor_create
from phakhi.analysis.services import analysis_request
from phakhi.core.models import AuditEvent
from phakhi.ties.models import Tie
from phakhi.ties.services import tie_create
from tests.accounts_support import AUTHOR, client_for, user_with_role


def _url(workspace, actor, name="web:actor", **kwargs) -> str:
    return reverse(name, kwargs={"workspace": workspace.slug, "pk": actor.pk, **kwargs})


def _text(client: Client, url: str, language: str = "en") -> str:
    response = client.get(url, headers={"Accept-Language": language})
    assert response.status_code == 200, response.status_code
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_a_coordinator_sees_details_contacts_memberships_ties_and_history(data):
    workspace, person = data["workspace"], data["person"]
    client = client_for(user_with_role(workspace, "coordinator"))
    page = _text(client, _url(workspace, person))
    assert "นายสมชาย ใจดี" in page and "p-1" in page
    assert "Chiang Mai" in page and "Mueang Chiang Mai" in page  # area names
    assert "สุขภาพ" in page  # issue
    assert "+66812345678" in page  # contacts in full
    assert "มูลนิธิเพื่อนชุมชน" in page  # organization
    assert "เครือข่ายสุขภาพ: coordinator" in page  # membership and role
    assert "Level 3 · cooperate" in page and "ข้อมูล" in page  # the tie to the organization
    assert "created" in page  # history
    assert "Add the tie" in page and "End the tie" in page
    thai = _text(client, _url(workspace, person), "th")
    assert "3 · ประสานการทำงาน" in thai and "15 มี.ค. 2567" in thai  # พ.ศ. dates


def test_a_viewer_sees_contacts_masked_and_no_tie_forms(data):
    workspace, person = data["workspace"], data["person"]
    page = _text(client_for(user_with_role(workspace, "viewer")), _url(workspace, person))
    assert "081-xxx-x678" in page and "+66812345678" not in page
    assert "Add the tie" not in page and "End the tie" not in page


def test_an_organization_lists_its_people(data):
    workspace, org = data["workspace"], data["org"]
    page = _text(client_for(user_with_role(workspace, "member")), _url(workspace, org))
    assert "People of this organization" in page and "นายสมชาย ใจดี" in page


def test_measures_of_the_latest_analysis_are_explained(data):
    workspace, person = data["workspace"], data["person"]
    client = client_for(user_with_role(workspace, "member"))
    assert "has not been analysed yet" in _text(client, _url(workspace, person))
    analysis_request(AUTHOR, workspace, background=False)
    page = _text(client, _url(workspace, person))
    assert "Degree: 1" in page and "Betweenness" in page and "PageRank" in page
    assert "How many partners are tied to this actor directly" in page
    assert "Single point of failure" in page and "Liaison" in page


def test_another_workspaces_actor_is_not_found(data, other_workspace):
    stranger = actor_create(AUTHOR, other_workspace, key="x-1", name="คนนอก")
    client = client_for(user_with_role(data["workspace"], "admin"))
    url = reverse("web:actor", kwargs={"workspace": data["workspace"].slug, "pk": stranger.pk})
    assert client.get(url).status_code == 404
    tie_url = _url(data["workspace"], stranger, "web:actor-tie-add")
    assert client.post(tie_url, {"other": "p-1", "strength": 2}).status_code == 404


def test_ties_are_added_changed_and_ended_through_the_page(data):
    workspace, person = data["workspace"], data["person"]
    client = client_for(user_with_role(workspace, "coordinator"))
    response = client.post(
        _url(workspace, person, "web:actor-tie-add"),
        {"other": "p-2", "strength": 2, "kind": "ทรัพยากร"},
    )
    assert response.status_code == 302 and response.url == _url(workspace, person)
    tie = Tie.objects.get(workspace=workspace, kind="ทรัพยากร")
    assert {tie.source, tie.target} == {person, data["third"]} and tie.strength == 2
    assert AuditEvent.objects.filter(
        object_type="ties.tie",
        object_id=str(tie.pk),
        action="create",
        by="web:coordinator-khon-kaen",
    ).exists()
    assert "has been added" in _text(client, _url(workspace, person))

    url = _url(workspace, person, "web:actor-tie-strength", tie_id=tie.pk)
    assert client.post(url, {"strength": 4}).status_code == 302
    tie.refresh_from_db()
    assert tie.strength == 4
    assert AuditEvent.objects.get(object_id=str(tie.pk), action="update").changes == {
        "strength": [2, 4]
    }

    url = _url(workspace, person, "web:actor-tie-end", tie_id=tie.pk)
    assert client.post(url, {"until": "21/11/2569"}).status_code == 302
    tie.refresh_from_db()
    assert tie.until == dt.date(2026, 11, 21)
    assert AuditEvent.objects.filter(object_id=str(tie.pk), changes__has_key="until").exists()


def test_the_services_messages_are_shown_in_thai(data):
    workspace, person = data["workspace"], data["person"]
    client = client_for(user_with_role(workspace, "admin"))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "th"
    url = _url(workspace, person, "web:actor-tie-add")
    headers = {"Accept-Language": "th"}
    response = client.post(url, {"other": "org-1", "strength": 1, "kind": "ข้อมูล"}, headers=headers)
    assert response.status_code == 400
    assert "ภาคีทั้งสองมีความสัมพันธ์ประเภทนี้อยู่แล้ว" in response.content.decode()
    assert Tie.objects.filter(workspace=workspace).count() == 1
    response = client.post(url, {"other": "p-1", "strength": 1}, headers=headers)
    assert response.status_code == 400 and Tie.objects.count() == 1  # a tie to itself
    response = client.post(
        url, {"other": "nobody", "strength": 1}, headers={"Accept-Language": "en"}
    )
    assert "No actor in this workspace has this key or name." in response.content.decode()

    tie = data["tie"]
    tie.since = dt.date(2025, 1, 1)
    tie.save()
    end = _url(workspace, person, "web:actor-tie-end", tie_id=tie.pk)
    client.post(end, {"until": "1/1/2567"})  # 2024, before the tie began
    page = _text(client, _url(workspace, person))
    assert "วันที่สิ้นสุด 1 ม.ค. 2567 ไม่ได้อยู่หลังวันที่เริ่มต้น 1 ม.ค. 2568" in page
    tie.refresh_from_db()
    assert tie.until is None


@pytest.mark.parametrize("role", ["viewer", "member"])
def test_readers_cannot_change_ties(data, role):
    workspace, person, tie = data["workspace"], data["person"], data["tie"]
    client = client_for(user_with_role(workspace, role))
    posts = [
        (_url(workspace, person, "web:actor-tie-add"), {"other": "p-2", "strength": 2}),
        (_url(workspace, person, "web:actor-tie-strength", tie_id=tie.pk), {"strength": 4}),
        (_url(workspace, person, "web:actor-tie-end", tie_id=tie.pk), {"until": "2026-01-01"}),
    ]
    for url, form in posts:
        assert client.post(url, form).status_code == 403
    tie.refresh_from_db()
    assert tie.strength == 3 and tie.until is None and Tie.objects.count() == 1


def test_a_coordinator_limited_to_other_networks_cannot_change_the_actors_ties(data, author):
    from phakhi.networks.services import network_create

    elsewhere = network_create(author, data["workspace"], slug="edu", name="การศึกษา")
    user = user_with_role(data["workspace"], "coordinator", networks=(elsewhere,))
    url = _url(data["workspace"], data["person"], "web:actor-tie-add")
    assert client_for(user).post(url, {"other": "p-2", "strength": 2}).status_code == 403


def test_the_page_reads_a_bounded_number_of_queries(data, author, django_assert_max_num_queries):
    workspace, org = data["workspace"], data["org"]
    for i in range(30):
        other = actor_create(
            author, workspace, key=f"m-{i}", name=f"สมาชิก {i}", organization="org-1"
        )
        tie_create(author, workspace, org, other, strength=1 + i % 4)
    analysis_request(author, workspace, background=False)
    client = client_for(user_with_role(workspace, "coordinator"))
    client.get(_url(workspace, org))  # session and caches warm
    with django_assert_max_num_queries(20):
        page = _text(client, _url(workspace, org))
    assert "สมาชิก 29" in page
