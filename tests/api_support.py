"""What the REST API tests share: clients that call the API with a token, and its answers."""

import json
from typing import Any

from django.test import Client

from phakhi.accounts.services import token_create
from phakhi.core.models import Workspace
from tests.accounts_support import AUTHOR, user_with_role

API = "/api/v1"


def token_client(user: Any, language: str = "en") -> Client:
    _, token = token_create(AUTHOR, user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_ACCEPT_LANGUAGE=language)


def role_client(workspace: Workspace, role: str) -> Client:
    """A token client of a new user with this role in the workspace."""
    return token_client(user_with_role(workspace, role))


def send(client: Client, method: str, path: str, body: Any = None) -> Any:
    call = getattr(client, method)
    return call(f"{API}{path}", data=json.dumps(body), content_type="application/json")


def fields(response: Any) -> dict[str | None, str]:
    return {error["field"]: error["message"] for error in response.json()["errors"]}
