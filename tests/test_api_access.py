"""The REST API v1: who may call it — a token or a browser session with its CSRF token — and the
same permissions as the pages: roles, workspaces that are not the caller's, limited coordinators."""

import json
from typing import Any

import pytest
from django.test import Client

from phakhi.actors.models import Actor
from phakhi.actors.services import actor_create
from phakhi.analysis.services import analysis_request
from phakhi.core.models import AuditEvent
from phakhi.networks.models import Membership
from phakhi.networks.services import network_create
from phakhi.ties.models import Tie
from phakhi.ties.services import tie_create
from tests.accounts_support import client_for, user_with_role
from tests.api_support import API, fields, role_client, send, token_client


@pytest.fixture
def admin(data: dict[str, Any]) -> Client:
    return role_client(data["workspace"], "admin")


@pytest.fixture
def viewer(data: dict[str, Any]) -> Client:
    return role_client(data["workspace"], "viewer")


# --- authentication --------------------------------------------------------------------------


def test_no_token_or_a_wrong_one_is_401_with_the_common_error_shape(data: dict[str, Any]) -> None:
    for client in (Client(), Client(HTTP_AUTHORIZATION="Bearer not-a-token")):
        response = client.get(f"{API}/workspaces/khon-kaen/actors", HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 401
        assert response.json() == {
            "detail": "Send an API token (Authorization: Bearer <token>) or log in.",
            "errors": [],
        }
        assert response["WWW-Authenticate"] == "Bearer"


def test_workspaces_lists_the_callers_workspaces_with_their_role(
    data: dict[str, Any], other_workspace: Any
) -> None:
    user = user_with_role(data["workspace"], "coordinator")
    response = token_client(user).get(f"{API}/workspaces")
    assert response.status_code == 200
    assert response.json() == [
        {"slug": "khon-kaen", "name": "เครือข่ายสุขภาพขอนแก่น", "role": "coordinator",
         "role_label": "coordinator"}
    ]  # fmt: skip


def test_a_browser_session_reads_and_writes_with_the_csrf_token(data: dict[str, Any]) -> None:
    user = user_with_role(data["workspace"], "admin")
    browser = client_for(user)
    browser.handler.enforce_csrf_checks = True
    assert browser.get(f"{API}/workspaces/khon-kaen/actors").status_code == 200
    body = {"key": "s-1", "name": "สมหญิง"}
    refused = send(browser, "post", "/workspaces/khon-kaen/actors", body)
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    browser.get(f"{API}/docs")  # the interactive docs hand the browser its CSRF token
    token = browser.cookies["csrftoken"].value
    created = browser.post(
        f"{API}/workspaces/khon-kaen/actors",
        data=json.dumps(body),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert created.status_code == 201


# --- permissions -----------------------------------------------------------------------------


def test_a_viewer_cannot_write_anything(viewer: Client, data: dict[str, Any]) -> None:
    actor, tie = data["person"], data["tie"]
    attempts = [
        ("post", "/workspaces/khon-kaen/actors", {"key": "v", "name": "v"}),
        ("patch", f"/workspaces/khon-kaen/actors/{actor.pk}", {"name": "v"}),
        ("post", "/workspaces/khon-kaen/ties", {"source": actor.pk, "target": data["third"].pk}),
        ("patch", f"/workspaces/khon-kaen/ties/{tie.pk}", {"strength": 1}),
        ("post", f"/workspaces/khon-kaen/ties/{tie.pk}/end", {"until": "2025-01-01"}),
        ("post", "/workspaces/khon-kaen/networks", {"slug": "n", "name": "n"}),
        ("patch", "/workspaces/khon-kaen/networks/health", {"vision": "v"}),
        ("post", "/workspaces/khon-kaen/networks/health/memberships", {"actor": actor.pk}),
        ("post", f"/workspaces/khon-kaen/networks/health/memberships/{actor.pk}/end",
         {"until": "2025-01-01"}),
    ]  # fmt: skip
    for method, path, body in attempts:
        response = send(viewer, method, path, body)
        assert response.status_code == 403, (path, response.content)
        assert response.json()["detail"] == (
            "Your role (viewer) cannot change data in this workspace."
        )
    assert not AuditEvent.objects.filter(by__startswith="api:").exists()


def test_another_workspace_is_not_found_by_slug_or_by_guessing_ids(
    admin: Client, data: dict[str, Any], other_workspace: Any, author: Any
) -> None:
    theirs = actor_create(author, other_workspace, key="b-1", name="ภาคีของคนอื่น")
    theirs_too = actor_create(author, other_workspace, key="b-2", name="อีกคน")
    their_tie = tie_create(author, other_workspace, theirs, theirs_too)
    network_create(author, other_workspace, slug="secret", name="ลับ")
    their_run = analysis_request(author, other_workspace, background=False)
    not_found = [
        "/workspaces/other/actors",
        "/workspaces/no-such-place/actors",
        f"/workspaces/khon-kaen/actors/{theirs.pk}",
        f"/workspaces/khon-kaen/ties/{their_tie.pk}",
        "/workspaces/khon-kaen/networks/secret",
        "/workspaces/khon-kaen/networks/secret/memberships",
        f"/workspaces/khon-kaen/analysis/runs/{their_run.pk}",
        f"/workspaces/khon-kaen/analysis/runs/{their_run.pk}/actors",
    ]
    for path in not_found:
        response = admin.get(f"{API}{path}")
        assert response.status_code == 404, path
        assert "ภาคีของคนอื่น" not in response.content.decode()
    unknown = admin.get(f"{API}/workspaces/other/actors").json()
    assert unknown == admin.get(f"{API}/workspaces/no-such-place/actors").json()
    # Using their ids in a write under our slug: refused, nothing changed.
    patch = send(admin, "patch", f"/workspaces/khon-kaen/actors/{theirs.pk}", {"name": "x"})
    assert patch.status_code == 404
    tie = send(admin, "post", "/workspaces/khon-kaen/ties",
               {"source": data["person"].pk, "target": theirs.pk})  # fmt: skip
    assert tie.status_code == 422 and "target" in fields(tie)
    end = send(admin, "post", f"/workspaces/khon-kaen/ties/{their_tie.pk}/end",
               {"until": "2030-01-01"})  # fmt: skip
    assert end.status_code == 404
    assert Actor.objects.get(pk=theirs.pk).name == "ภาคีของคนอื่น"
    assert Tie.objects.get(pk=their_tie.pk).until is None


def test_a_coordinator_limited_to_a_network_changes_only_that_network(
    data: dict[str, Any], author: Any
) -> None:
    other = network_create(author, data["workspace"], slug="youth", name="เยาวชน")
    client = token_client(
        user_with_role(data["workspace"], "coordinator", networks=(data["network"],))
    )
    assert send(client, "patch", "/workspaces/khon-kaen/networks/health",
                {"goals": "ลดโรค"}).status_code == 200  # fmt: skip
    refused = send(client, "patch", "/workspaces/khon-kaen/networks/youth", {"goals": "x"})
    assert refused.status_code == 403
    assert refused.json()["detail"] == "You may change only the networks you coordinate."
    member = send(client, "patch", f"/workspaces/khon-kaen/actors/{data['person'].pk}",
                  {"subsector": "อสม."})  # fmt: skip
    assert member.status_code == 200
    outsider = send(client, "patch", f"/workspaces/khon-kaen/actors/{data['third'].pk}",
                    {"subsector": "x"})  # fmt: skip
    assert outsider.status_code == 403
    assert send(client, "post", "/workspaces/khon-kaen/actors",
                {"key": "c-1", "name": "ใหม่"}).status_code == 403  # fmt: skip
    joined = send(client, "post", "/workspaces/khon-kaen/actors",
                  {"key": "c-1", "name": "ใหม่", "network": "health"})  # fmt: skip
    assert joined.status_code == 201
    assert Membership.objects.filter(network=data["network"], actor__key="c-1").exists()
    elsewhere = {"key": "c-2", "name": "ใหม่", "network": other.slug}
    assert send(client, "post", "/workspaces/khon-kaen/actors", elsewhere).status_code == 403
    assert send(client, "post", "/workspaces/khon-kaen/networks",
                {"slug": "new", "name": "ใหม่"}).status_code == 403  # fmt: skip
