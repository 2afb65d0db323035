"""The lessons API (ใบงาน 2): sessions and answers listed, read, created and changed, with the
library's search, the same errors and versions as the rest of API v1."""

from phakhi.lessons.vocabulary import DEFAULT_PROMPTS
from tests.api_support import API, fields, role_client, send

W = "/workspaces/khon-kaen"


def _session(client, **body):
    response = send(client, "post", f"{W}/lessons", {"title": "ถอดบทเรียนคลินิก", **body})
    assert response.status_code == 201, response.content
    return response.json()


def test_a_session_with_the_worksheets_prompts_and_answers(data):
    client = role_client(data["workspace"], "coordinator")
    session = _session(client, project="clinic", held_on="2026-11-20", tags=["ภาวะผู้นำ"])
    assert [p["text"] for p in session["prompts"]] == [p.thai for p in DEFAULT_PROMPTS]
    assert (session["project"], session["held_on"], session["tags"]) == (
        "clinic", "2026-11-20", ["ภาวะผู้นำ"],
    )  # fmt: skip
    prompt = session["prompts"][1]["id"]
    answer = send(
        client, "post", f"{W}/lessons/{session['id']}/answers",
        {"prompt": prompt, "text": "ประชุมร่วมทุกเดือน", "actor": data["person"].pk},
    )  # fmt: skip
    assert answer.status_code == 201, answer.content
    assert answer.json()["participant"] == data["person"].name
    listed = client.get(f"{API}{W}/lessons/{session['id']}/answers").json()
    assert [a["text"] for a in listed["items"]] == ["ประชุมร่วมทุกเดือน"]
    read = client.get(f"{API}{W}/lessons/{session['id']}")
    assert read.json()["answer_count"] == 1 and read["ETag"] == '"1"'


def test_the_list_searches_like_the_library(data):
    client = role_client(data["workspace"], "coordinator")
    first = _session(client, project="clinic", case="เทศบาลเมืองยะลา", prompts=["อะไรได้ผล"])
    _session(client, title="ป่าชุมชน", network="health", prompts=["อะไรไม่ได้ผล"], tags=["ป่า"])
    send(client, "post", f"{W}/lessons/{first['id']}/answers",
         {"prompt": first["prompts"][0]["id"], "text": "ตั้งคณะกรรมการร่วม"})  # fmt: skip

    def titles(**query):
        response = client.get(f"{API}{W}/lessons", query)
        assert response.status_code == 200, response.content
        return [item["title"] for item in response.json()["items"]]

    assert titles(q="กรรมการ ร่วม") == ["ถอดบทเรียนคลินิก"]
    assert titles(q="ยะลา") == ["ถอดบทเรียนคลินิก"]
    assert titles(tag="ป่า") == ["ป่าชุมชน"]
    assert titles(tag="ไม่มี") == []
    assert titles(network="health") == ["ป่าชุมชน"]
    assert titles() == ["ถอดบทเรียนคลินิก", "ป่าชุมชน"]


def test_errors_name_the_field(data):
    client = role_client(data["workspace"], "coordinator")
    response = send(client, "post", f"{W}/lessons", {"title": "ไม่มีเจ้าของ"})
    assert response.status_code == 422 and "project" in fields(response)
    response = send(client, "post", f"{W}/lessons", {"title": "x", "project": "nowhere"})
    assert response.status_code == 422 and "project" in fields(response)
    session = _session(client, project="clinic")
    other = _session(client, project="clinic", title="อื่น")
    response = send(
        client, "post", f"{W}/lessons/{session['id']}/answers",
        {"prompt": other["prompts"][0]["id"], "text": "x"},
    )  # fmt: skip
    assert response.status_code == 422 and "prompt" in fields(response)
    response = send(client, "post", f"{W}/lessons/{session['id']}/answers",
                    {"prompt": session["prompts"][0]["id"], "text": "x", "mood": "ดี"})  # fmt: skip
    assert response.status_code == 422  # an unknown field is never dropped silently


def test_a_stale_change_is_a_conflict(data):
    client = role_client(data["workspace"], "coordinator")
    session = _session(client, project="clinic")
    path = f"{API}{W}/lessons/{session['id']}"
    body = '{"title": "ชื่อใหม่"}'
    assert client.patch(path, body, "application/json", HTTP_IF_MATCH='"1"').status_code == 200
    again = client.patch(path, '{"title": "อีกชื่อ"}', "application/json", HTTP_IF_MATCH='"1"')
    assert again.status_code == 409


def test_viewers_read_participants_masked_and_change_nothing(data):
    coordinator = role_client(data["workspace"], "coordinator")
    session = _session(coordinator, project="clinic")
    prompt = session["prompts"][0]["id"]
    body = {"prompt": prompt, "text": "ฟัง", "participant": "สมหญิง รักดี"}
    send(coordinator, "post", f"{W}/lessons/{session['id']}/answers", body)
    viewer = role_client(data["workspace"], "viewer")
    answers = viewer.get(f"{API}{W}/lessons/{session['id']}/answers").json()["items"]
    assert answers[0]["participant"].startswith("ส") and "รักดี" not in answers[0]["participant"]
    response = send(viewer, "patch", f"{W}/lessons/{session['id']}", {"title": "x"})
    assert response.status_code == 403


def test_a_session_of_another_workspace_is_not_found(data, other_workspace):
    session = _session(role_client(data["workspace"], "coordinator"), project="clinic")
    stranger = role_client(other_workspace, "admin")
    response = stranger.get(f"{API}/workspaces/other/lessons/{session['id']}")
    assert response.status_code == 404
