"""The API-token page: a signed-in user creates a token (its secret shown once), lists and
revokes their own tokens, and never sees or touches another user's."""

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from phakhi.accounts.models import ApiToken
from phakhi.accounts.services import token_create
from phakhi.core.audit import Author
from phakhi.core.models import AuditEvent, Workspace
from tests.accounts_support import client_for, user_with_role

TOKENS = reverse("web:tokens")
WORKSPACES_API = "/api/v1/workspaces"


def _api(secret: str) -> Any:
    return Client().get(WORKSPACES_API, HTTP_AUTHORIZATION=f"Bearer {secret}")


def _revoke_url(token: ApiToken) -> str:
    return reverse("web:token-revoke", kwargs={"token_id": token.pk})


@pytest.fixture
def coordinator(workspace: Workspace) -> Any:
    return user_with_role(workspace, "coordinator", "somchai")


def test_a_new_token_is_shown_once_and_works_on_the_api(
    coordinator: Any, workspace: Workspace
) -> None:
    client = client_for(coordinator)
    response = client.post(TOKENS, {"name": "provincial dashboard"})
    assert response.status_code == 200
    secret = response.context["secret"]
    html = response.content.decode()
    assert re.search(rf'id="token-secret"[^>]*value="{re.escape(secret)}"', html)
    assert "will not be shown again" in html
    assert 'id="token-copy"' in html

    answer = _api(secret)
    assert answer.status_code == 200
    assert [w["slug"] for w in answer.json()] == [workspace.slug]

    token = ApiToken.objects.get(user=coordinator)
    assert token.name == "provincial dashboard" and token.key_hash != secret
    assert AuditEvent.objects.filter(object_id=str(token.pk), action="create").exists()
    listed = client.get(TOKENS).content.decode()
    assert "provincial dashboard" in listed and secret not in listed


def test_the_list_shows_name_prefix_and_dates_but_never_a_secret(
    coordinator: Any, django_assert_max_num_queries: Any
) -> None:
    secrets = [token_create(Author("test"), coordinator, f"token {i}")[1] for i in range(12)]
    used = ApiToken.objects.filter(user=coordinator).first()
    assert used is not None
    ApiToken.objects.filter(pk=used.pk).update(last_used_at=timezone.now() - dt.timedelta(days=1))
    client = client_for(coordinator)
    with django_assert_max_num_queries(6):  # session, user, tokens: not one per token
        response = client.get(TOKENS)
    html = response.content.decode()
    assert response.status_code == 200
    for i, secret in enumerate(secrets):
        assert f"token {i}" in html
        assert secret[:8] in html  # the prefix, to tell tokens apart
        assert secret not in html
    assert "never" in html  # tokens not used yet


def test_a_blank_name_is_refused_next_to_the_field(coordinator: Any) -> None:
    response = client_for(coordinator).post(TOKENS, {"name": ""})
    assert response.status_code == 400
    assert "field--error" in response.content.decode()
    assert not ApiToken.objects.filter(user=coordinator).exists()


def test_a_revoked_token_stops_working(coordinator: Any) -> None:
    token, secret = token_create(Author("test"), coordinator, "old script")
    assert _api(secret).status_code == 200
    client = client_for(coordinator)
    response = client.post(_revoke_url(token), follow=True)
    assert response.status_code == 200
    assert "has been revoked" in response.content.decode()
    assert _api(secret).status_code == 401
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert "Revoked on" in client.get(TOKENS).content.decode()


def test_revoking_needs_a_post(coordinator: Any) -> None:
    token, secret = token_create(Author("test"), coordinator, "script")
    assert client_for(coordinator).get(_revoke_url(token)).status_code == 405
    assert _api(secret).status_code == 200


def test_another_users_token_is_not_found(coordinator: Any, workspace: Workspace) -> None:
    stranger = user_with_role(workspace, "admin", "stranger")
    token, secret = token_create(Author("test"), stranger, "stranger token")
    client = client_for(coordinator)
    assert client.post(_revoke_url(token)).status_code == 404
    assert "stranger token" not in client.get(TOKENS).content.decode()
    assert _api(secret).status_code == 200


def test_anonymous_users_are_sent_to_log_in(db: None) -> None:
    for response in (Client().get(TOKENS), Client().post(TOKENS, {"name": "x"})):
        assert response.status_code == 302
        assert response.url.startswith(reverse("web:login") + "?next=")
    assert not ApiToken.objects.exists()


def test_token_pages_are_never_cached(coordinator: Any) -> None:
    client = client_for(coordinator)
    for response in (client.get(TOKENS), client.post(TOKENS, {"name": "cache test"})):
        assert "no-store" in response["Cache-Control"]


def test_the_user_menu_links_the_token_page(coordinator: Any, workspace: Workspace) -> None:
    home = reverse("web:home", kwargs={"workspace": workspace.slug})
    assert f'href="{TOKENS}"' in client_for(coordinator).get(home).content.decode()
