"""Users with roles for the accounts, shell and permission tests."""

from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client

from phakhi.accounts.models import Role
from phakhi.accounts.services import member_set
from phakhi.core.audit import Author
from phakhi.core.models import Workspace

AUTHOR = Author("test:admin")
ROLES = tuple(Role.values)
PASSWORD = "a-long-test-passphrase-9"


def user_with_role(
    workspace: Workspace,
    role: str,
    username: str | None = None,
    *,
    networks: tuple[Any, ...] = (),
    email: str = "",
) -> Any:
    user = get_user_model().objects.create_user(
        username or f"{role}-{workspace.slug}", email, PASSWORD
    )
    member_set(AUTHOR, workspace, user, role, networks)
    return user


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client
