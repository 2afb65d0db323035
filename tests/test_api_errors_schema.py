"""The REST API v1: clear 4xx errors for bad input in the caller's language, the stored analysis
results, and a valid OpenAPI schema with interactive docs that need nothing from the internet."""

import datetime as dt
import re
from typing import Any

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from openapi_spec_validator import validate

from phakhi.actors.models import Actor
from phakhi.analysis.services import analysis_request
from phakhi.networks.services import membership_set
from tests.accounts_support import user_with_role
from tests.api_support import API, fields, role_client, send, token_client


@pytest.fixture
def admin(data: dict[str, Any]) -> Client:
    return role_client(data["workspace"], "admin")


# --- bad input ------------------------------------------------------------------------------


def test_bad_actor_input_is_422_with_a_message_per_field(admin: Client) -> None:
    response = send(admin, "post", "/workspaces/khon-kaen/actors",
                    {"key": "z", "name": "z", "sector": "aliens", "email": "not-an-address",
                     "province": "Atlantis"})  # fmt: skip
    assert response.status_code == 422
    problems = fields(response)
    assert set(problems) == {"sector", "email", "province"}
    assert "is not a valid e-mail address" in problems["email"]
    assert not Actor.objects.filter(key="z").exists()


def test_schema_errors_name_their_field(admin: Client, data: dict[str, Any]) -> None:
    missing = send(admin, "post", "/workspaces/khon-kaen/actors", {"key": "k"})
    assert missing.status_code == 422
    assert fields(missing) == {"name": "This field is required."}
    unknown = send(admin, "post", "/workspaces/khon-kaen/actors",
                   {"key": "k", "name": "n", "colour": "red"})  # fmt: skip
    assert fields(unknown) == {"colour": "This field is not known."}
    strength = send(admin, "patch", f"/workspaces/khon-kaen/ties/{data['tie'].pk}",
                    {"strength": 7})  # fmt: skip
    assert fields(strength) == {"strength": "Enter a number of at most 4."}
    page = admin.get(f"{API}/workspaces/khon-kaen/actors?page=0")
    assert page.status_code == 422 and fields(page) == {"page": "Enter a number of at least 1."}
    taken = send(admin, "post", "/workspaces/khon-kaen/actors", {"key": "p-1", "name": "ซ้ำ"})
    assert taken.status_code == 422 and "is taken" in fields(taken)["key"]


def test_a_body_that_is_not_json_is_400(admin: Client) -> None:
    response = admin.post(f"{API}/workspaces/khon-kaen/actors", data="{not json",
                          content_type="application/json")  # fmt: skip
    assert response.status_code == 400
    assert response.json() == {"detail": "The request body is not valid JSON.", "errors": []}


def test_text_with_a_nul_character_is_refused_not_a_server_error(admin: Client) -> None:
    response = send(admin, "post", "/workspaces/khon-kaen/actors", {"key": "a\x00", "name": "n"})
    assert response.status_code == 422 and "key" in fields(response)
    assert admin.get(f"{API}/workspaces/khon-kaen/actors?q=%00").status_code == 422


def test_messages_are_thai_by_default_and_english_on_request(data: dict[str, Any]) -> None:
    user = user_with_role(data["workspace"], "admin")
    path = f"/workspaces/khon-kaen/ties/{data['tie'].pk}/end"
    data["tie"].since = dt.date(2020, 1, 1)
    data["tie"].save()
    thai = send(token_client(user, language=""), "post", path, {"until": "2000-01-01"})
    english = send(token_client(user, language="en"), "post", path, {"until": "2000-01-01"})
    want = "The end date 1 Jan 2000 is not after the start date 1 Jan 2020."
    assert fields(english) == {"until": want}
    assert re.search("[ก-๙]", fields(thai)["until"])


# --- analysis -------------------------------------------------------------------------------


def test_analysis_runs_latest_detail_and_actor_measures(
    admin: Client, data: dict[str, Any], author: Any
) -> None:
    assert admin.get(f"{API}/workspaces/khon-kaen/analysis/runs/latest").status_code == 404
    membership_set(author, data["network"], data["org"])
    run = analysis_request(author, data["workspace"], background=False)
    runs = admin.get(f"{API}/workspaces/khon-kaen/analysis/runs").json()
    assert [r["id"] for r in runs["items"]] == [run.pk] and runs["items"][0]["status"] == "done"
    latest = admin.get(f"{API}/workspaces/khon-kaen/analysis/runs/latest").json()
    assert latest["id"] == run.pk and latest["results"] == run.results
    assert admin.get(f"{API}/workspaces/khon-kaen/analysis/runs/{run.pk}").json() == latest
    actors = admin.get(f"{API}/workspaces/khon-kaen/analysis/runs/{run.pk}/actors?page_size=2")
    page = actors.json()
    assert page["total"] == 3 and page["pages"] == 2
    assert [row["actor"]["key"] for row in page["items"]] == ["org-1", "p-1"]
    assert page["items"][0]["degree"] == 1
    none_for_network = admin.get(f"{API}/workspaces/khon-kaen/analysis/runs/latest?network=health")
    assert none_for_network.status_code == 404


def test_the_measures_schema_lists_every_measure_the_engine_stores() -> None:
    from phakhi.api.analysis import ActorMeasures
    from phakhi.engine import ACTOR_KEYS

    assert [name for name in ActorMeasures.model_fields if name != "actor"] == list(ACTOR_KEYS)


# --- schema and docs ------------------------------------------------------------------------


def test_the_openapi_schema_is_served_and_valid(db: None) -> None:
    response = Client().get(f"{API}/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert schema["info"]["version"] == "1"
    assert "/api/v1/workspaces/{slug}/actors/{actor_id}" in schema["paths"]
    assert {"BearerToken", "BrowserSession"} <= set(schema["components"]["securitySchemes"])


def test_the_docs_page_uses_only_local_assets(db: None) -> None:
    response = Client().get(f"{API}/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets and all(url.startswith("/static/") for url in assets), assets
    for url in assets:
        assert finders.find(url.removeprefix("/static/")), url
    assert '"validatorUrl": null' in html
