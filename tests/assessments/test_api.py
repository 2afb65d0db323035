"""The self-assessments API: the lists, create, score an item with If-Match, finalise, read the
comparison; the same errors and versions as the rest of API v1."""

from phakhi.assessments.opdc_lists import C7, C8, C9
from tests.api_support import API, role_client, send

W = "/workspaces/khon-kaen"


def _create(client, **body):
    response = send(
        client, "post", f"{W}/assessments",
        {"templates": [C7.code, C8.code], "held_on": "2025-06-01", **body},
    )  # fmt: skip
    assert response.status_code == 201, response.content
    return response.json()


def _score(client, assessment, item, score, version=None, template=C7.code):
    answer = next(
        a for a in assessment["answers"] if (a["template"], a["item"]) == (template, item)
    )
    call = client.patch
    headers = {"HTTP_IF_MATCH": f'"{version or answer["version"]}"'}
    return call(
        f"{API}{W}/assessments/{assessment['id']}/answers/{answer['id']}",
        data={"score": score},
        content_type="application/json",
        **headers,
    )


def test_the_lists_come_with_the_sources_words(data):
    client = role_client(data["workspace"], "viewer")
    response = client.get(f"{API}{W}/assessment-templates")
    assert response.status_code == 200
    lists = {t["code"]: t for t in response.json()}
    assert [len(lists[t.code]["items"]) for t in (C7, C8, C9)] == [12, 5, 4]
    assert lists[C7.code]["items"][0]["thai"] == C7.items[0].thai
    assert lists[C7.code]["source"] == "S 37–49"


def test_create_score_finalise_and_compare(data):
    client = role_client(data["workspace"], "coordinator")
    first = _create(client, network="health", held_on="2024-06-01")
    assert first["network"] == "health" and first["items"] == 17 and first["scored"] == 0
    assert _score(client, first, "1", 4).status_code == 200
    finalised = send(client, "post", f"{W}/assessments/{first['id']}/finalise")
    assert finalised.status_code == 200, finalised.content
    assert finalised.json()["status"] == "final"
    again = _score(client, first, "2", 3)
    assert again.status_code in (400, 422)  # final: read-only

    now = _create(client, network="health")
    scored = _score(client, now, "1", 2)
    assert scored.status_code == 200 and scored["ETag"] == '"2"'
    read = client.get(f"{API}{W}/assessments/{now['id']}")
    assert read.status_code == 200
    c7 = read.json()["comparison"][0]
    assert c7["previous_assessment"] == first["id"]
    item = c7["items"][0]
    assert (item["score"], item["previous"], item["change"], item["fell"]) == (2, 4, -2, True)
    listed = client.get(f"{API}{W}/assessments", {"network": "health", "status": "final"})
    assert [a["id"] for a in listed.json()["items"]] == [first["id"]]


def test_a_stale_if_match_on_the_score_is_a_conflict(data):
    client = role_client(data["workspace"], "coordinator")
    assessment = _create(client)
    assert _score(client, assessment, "1", 4).status_code == 200
    stale = _score(client, assessment, "1", 2, version=1)
    assert stale.status_code == 409
    assert stale.json()["version"] == 2


def test_bad_input_is_refused_with_the_field(data):
    client = role_client(data["workspace"], "coordinator")
    response = send(client, "post", f"{W}/assessments",
                    {"templates": ["nothing"], "held_on": "2025-06-01"})  # fmt: skip
    assert response.status_code in (400, 422)
    assert any(e["field"] == "templates" for e in response.json()["errors"])
    assessment = _create(client)
    assert _score(client, assessment, "1", 6).status_code == 422
    body = {"templates": [C7.code], "held_on": "2025-06-01", "network": "nowhere"}
    unknown = send(client, "post", f"{W}/assessments", body)
    assert unknown.status_code in (400, 422)


def test_viewers_read_but_do_not_write(data):
    coordinator = role_client(data["workspace"], "coordinator")
    assessment = _create(coordinator)
    viewer = role_client(data["workspace"], "viewer")
    assert viewer.get(f"{API}{W}/assessments/{assessment['id']}").status_code == 200
    assert _score(viewer, assessment, "1", 3).status_code == 403
