"""What the admin tests share: the models, and helpers to read pages in a language."""

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

from django.conf import settings
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import translation

from phakhi.actors.models import Actor, ActorTag, Tag
from phakhi.core.models import AuditEvent, Workspace
from phakhi.networks.models import Membership, Network
from phakhi.projects.models import Project
from phakhi.ties.models import Tie

MODELS: list[type[models.Model]] = [
    Workspace,
    AuditEvent,
    Actor,
    Tag,
    ActorTag,
    Network,
    Membership,
    Tie,
    Project,
]
BIG_MODELS: list[type[models.Model]] = [Actor, Tag, ActorTag, Membership, Tie, AuditEvent]
ROOT = Path(settings.BASE_DIR)
THAI_PO = ROOT / "locale" / "th" / "LC_MESSAGES" / "django.po"


def _url(model: type[models.Model], view: str, *args: Any) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _in(language: str, text: Any) -> str:
    """A lazy text (a verbose name) or a msgid, in the language."""
    with translation.override(language):
        return translation.gettext(text) if isinstance(text, str) else str(text)


def _headers(language: str) -> dict[str, str]:
    # An empty header is no preference: the product's default, Thai.
    return {"Accept-Language": "" if language == "th" else language}


def _page(client: Client, url: str, language: str = "th") -> str:
    response = client.get(url, headers=_headers(language))
    assert response.status_code == 200, url
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    return html


def _has_thai(text: str) -> bool:
    return any("\u0e00" <= char <= "\u0e7f" for char in text)


def _changelist_title(model: type[models.Model], language: str) -> str:
    # Django's own msgids, passed as variables so that makemessages leaves them to Django.
    msgid = "Select %s to view" if model is AuditEvent else "Select %s to change"
    return _in(language, msgid) % _in(language, model._meta.verbose_name)


def _add_title(model: type[models.Model], language: str) -> str:
    msgid = "Add %s"
    return _in(language, msgid) % _in(language, model._meta.verbose_name)


def _compile_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "compile_messages", ROOT / "scripts" / "compile_messages.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
