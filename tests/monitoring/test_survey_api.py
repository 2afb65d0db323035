"""The surveys API: create, change with If-Match, open, close; the roster and the responses for
those who may edit the network only; results with scores from few respondents hidden from the
others — the same errors and versions as the rest of API v1."""

from phakhi.monitoring.models import Survey
from phakhi.monitoring.survey_services import survey_open
from phakhi.ties.models import Tie
from tests.api_support import API, fields, role_client, send
from tests.monitoring.survey_support import AUTHOR, answer, respondent_of

W = "/workspaces/khon-kaen"


def test_create_change_open_close(surveyed):
    client = role_client(surveyed["workspace"], "coordinator")
    made = send(client, "post", f"{W}/surveys", {
        "slug": "round-2", "name": "รอบสอง", "network": "health", "closes_on": "2027-01-31",
        "assessment_items": ["opdc-success-factors:1"], "purpose": "เพื่อรู้จักกัน",
    })  # fmt: skip
    assert made.status_code == 201, made.content
    body = made.json()
    assert (body["status"], body["roster"], body["respondents"]) == ("draft", 5, 0)
    assert made["ETag"] == f'"{body["version"]}"'
    changed = client.patch(
        f"{API}{W}/surveys/round-2", data={"name": "รอบที่สอง"},
        content_type="application/json", HTTP_IF_MATCH=made["ETag"],
    )  # fmt: skip
    assert changed.status_code == 200 and changed.json()["name"] == "รอบที่สอง"
    stale = client.patch(
        f"{API}{W}/surveys/round-2", data={"name": "ชื่ออื่น"},
        content_type="application/json", HTTP_IF_MATCH=made["ETag"],
    )  # fmt: skip
    assert stale.status_code == 409
    opened = send(client, "post", f"{W}/surveys/round-2/open")
    assert opened.json()["status"] == "open"
    frozen = send(client, "patch", f"{W}/surveys/round-2", {"slug": "other"})
    assert frozen.status_code == 422 and "slug" in fields(frozen)
    notice = send(client, "patch", f"{W}/surveys/round-2", {"audience": "ทุกคน"})
    assert notice.json()["notice_version"] == 2
    closed = send(client, "post", f"{W}/surveys/round-2/close")
    assert closed.json()["status"] == "closed"
    assert closed.json()["self_assessment"] is not None
    listed = client.get(f"{API}{W}/surveys", {"status": "closed"}).json()
    assert [s["slug"] for s in listed["items"]] == ["round-2"]


def test_bad_fields_are_named(surveyed):
    client = role_client(surveyed["workspace"], "coordinator")
    for body, field in (
        ({"slug": "round-1", "name": "x", "network": "health"}, "slug"),  # taken
        ({"slug": "r", "name": "x", "network": "nowhere"}, "network"),
        ({"slug": "r", "name": "x", "network": "health", "assessment_items": ["x"]},
         "assessment_items"),
    ):  # fmt: skip
        response = send(client, "post", f"{W}/surveys", body)
        assert response.status_code == 422, response.content
        assert field in fields(response)
    assert client.get(f"{API}{W}/surveys/nope").status_code == 404


def test_roster_and_responses_are_for_those_who_edit_the_network(surveyed):
    survey = survey_open(AUTHOR, surveyed["survey"])
    answer(respondent_of(survey, surveyed["A"]), {surveyed["B"]: 3}, trust=4, comment="ดีมาก")
    coordinator = role_client(surveyed["workspace"], "coordinator")
    rows = coordinator.get(f"{API}{W}/surveys/round-1/roster").json()
    assert [(r["actor"]["key"], r["status"]) for r in rows][:2] == [
        ("m-a", "responded"), ("m-b", "not-yet"),
    ]  # fmt: skip
    assert rows[0]["link_token"] == respondent_of(survey, surveyed["A"]).token
    (response,) = coordinator.get(f"{API}{W}/surveys/round-1/responses").json()
    assert response["comment"] == "ดีมาก"
    assert response["reports"][0]["partner"]["key"] == "m-b"
    assert response["reports"][0]["trust_openness"] == 4
    viewer = role_client(surveyed["workspace"], "viewer")
    for what in ("roster", "responses"):
        assert viewer.get(f"{API}{W}/surveys/round-1/{what}").status_code == 403


def test_results_hide_scores_from_few_respondents_from_non_managers(surveyed):
    survey = survey_open(AUTHOR, surveyed["survey"])
    A, B, C, D = (surveyed[x] for x in "ABCD")
    for rater in (B, C, D):
        answer(respondent_of(survey, rater), {A: 3}, trust=4, value=2)
    answer(respondent_of(survey, A), {B: 2}, trust=1, value=1)
    viewer = role_client(surveyed["workspace"], "viewer").get(f"{API}{W}/surveys/round-1/results")
    data = viewer.json()
    assert "PARTNER" in data["method"]
    assert data["network"]["respondents"] == 4 and data["network"]["response_rate"] == 0.8
    scores = {a["actor"]["key"]: a for a in data["actors"]}
    assert (scores["m-a"]["trust"], scores["m-a"]["reported_by"]) == (4.0, 3)  # three raters
    assert scores["m-b"]["hidden"] and scores["m-b"]["trust"] is None  # one rater: hidden
    manager = role_client(surveyed["workspace"], "coordinator")
    managed = manager.get(f"{API}{W}/surveys/round-1/results").json()
    assert {a["actor"]["key"]: a["trust"] for a in managed["actors"]}["m-b"] == 1.0
    keys = {a["actor"]["id"]: a["actor"]["key"] for a in data["actors"]}
    assert {(keys[t["source"]], keys[t["target"]], t["confirmed"]) for t in data["ties"]} == {
        ("m-b", "m-a", True), ("m-c", "m-a", False), ("m-d", "m-a", False),
        ("m-a", "m-b", True),
    }  # fmt: skip


def test_delete_takes_the_answers_and_ties(surveyed):
    survey = survey_open(AUTHOR, surveyed["survey"])
    answer(respondent_of(survey, surveyed["A"]), {surveyed["B"]: 3})
    client = role_client(surveyed["workspace"], "coordinator")
    assert send(client, "delete", f"{W}/surveys/round-1").status_code == 204
    assert not Survey.objects.exists()
    assert not Tie.objects.filter(origin="survey").exists()


def test_a_coordinator_withdraws_a_response_at_the_members_request(surveyed):
    from phakhi.core.models import AuditEvent
    from phakhi.monitoring.survey_services import survey_close

    survey = survey_open(AUTHOR, surveyed["survey"])
    a = answer(respondent_of(survey, surveyed["A"]), {surveyed["B"]: 3})
    survey_close(AUTHOR, survey)  # the link no longer works
    client = role_client(surveyed["workspace"], "coordinator")
    path = f"{W}/surveys/round-1/responses/{surveyed['A'].pk}/withdraw"
    assert send(client, "post", path).status_code == 204
    a.refresh_from_db()
    assert a.withdrawn_at is not None and a.submitted_at is None
    assert not Tie.objects.filter(origin="survey").exists()
    event = AuditEvent.objects.filter(object_type="monitoring.respondent").latest("id")
    assert event.changes["response"] == [None, "withdraw"] and event.by.startswith("api:")
    assert send(client, "post", path).status_code == 422  # nothing left to withdraw
    elsewhere = f"{W}/surveys/round-1/responses/{surveyed['F'].pk}/withdraw"
    assert send(client, "post", elsewhere).status_code == 404
