import datetime as dt
from typing import Any

import pytest
from django.conf import settings
from django.core.signals import setting_changed

from phakhi.actors.models import ActorTag, Tag
from phakhi.actors.services import actor_create
from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.core.services import workspace_create
from phakhi.networks.services import membership_set, network_create
from phakhi.projects.services import project_create
from phakhi.ties.services import tie_create
from tests.admin_support import _compile_script

# The export tests' ``world`` fixture (one workspace shared by two test files).
pytest_plugins = ["tests.exports_support"]

AUTHOR = Author("test:coordinator")


@pytest.fixture
def author() -> Author:
    return AUTHOR


@pytest.fixture
def workspace(db: None) -> Workspace:
    return workspace_create(AUTHOR, slug="khon-kaen", name="เครือข่ายสุขภาพขอนแก่น")


@pytest.fixture
def other_workspace(db: None) -> Workspace:
    return workspace_create(AUTHOR, slug="other", name="Other agency")


@pytest.fixture(autouse=True)
def english_messages():
    """Tests read messages in English unless they ask for Thai (the product's default)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    """argon2 (production's hasher) is slow on purpose; tests hash with MD5 instead, except
    test_accounts' check that production uses argon2."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def english_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Test clients ask for English pages unless they name a language (``HTTP_ACCEPT_LANGUAGE``;
    an empty one gets the product's default, Thai)."""
    from django.test import Client

    plain_init = Client.__init__

    def init(self: Client, *args: Any, **defaults: Any) -> None:
        defaults.setdefault("HTTP_ACCEPT_LANGUAGE", "en")
        plain_init(self, *args, **defaults)

    monkeypatch.setattr(Client, "__init__", init)


@pytest.fixture(scope="session", autouse=True)
def compiled_messages() -> None:
    """`make test` compiles the catalogues; a bare `pytest` run gets them compiled here."""
    if _compile_script().compile_all(if_stale=True):
        # Forget catalogues loaded before the .mo files existed (as override_settings does).
        setting_changed.send(
            sender=None, setting="LOCALE_PATHS", value=settings.LOCALE_PATHS, enter=False
        )


@pytest.fixture
def data(workspace: Workspace, author: Author) -> dict[str, Any]:
    org = actor_create(
        author,
        workspace,
        key="org-1",
        name="มูลนิธิเพื่อนชุมชน",
        kind="organization",
        sector="civil",
        province="เชียงใหม่",
    )
    person = actor_create(
        author,
        workspace,
        key="p-1",
        name="นายสมชาย ใจดี",
        organization="org-1",
        sector="government",
        province="เชียงใหม่",
        district="เมืองเชียงใหม่",
        phone="081-234-5678",
        tags="สุขภาพ",
    )
    third = actor_create(author, workspace, key="p-2", name="นางสาวสมศรี มีสุข")
    network = network_create(author, workspace, slug="health", name="เครือข่ายสุขภาพ")
    membership = membership_set(
        author, network, person, role="coordinator", since=dt.date(2024, 3, 15)
    )
    tie = tie_create(author, workspace, org, person, strength=3, kind="ข้อมูล")
    project = project_create(
        author, workspace, slug="clinic", name="โครงการคลินิกชุมชน", network=network
    )
    return {
        "workspace": workspace,
        "org": org,
        "person": person,
        "third": third,
        "network": network,
        "membership": membership,
        "tie": tie,
        "project": project,
        "tag": Tag.objects.get(workspace=workspace),
        "actortag": ActorTag.objects.get(actor=person),
    }
