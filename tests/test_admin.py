"""The Django admin — the UI until the web UI lands: every model in Thai (default) and English,
sized for the national demo, and the Thai catalogue complete."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib import admin
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst

from phakhi.actors.models import Actor
from phakhi.core.models import AuditEvent
from phakhi.networks.models import Membership
from phakhi.ties.models import Tie
from tests.admin_support import (
    BIG_MODELS,
    MODELS,
    THAI_PO,
    _add_title,
    _changelist_title,
    _compile_script,
    _has_thai,
    _in,
    _page,
    _url,
)

# --- every model, in Thai and in English -----------------------------------------------------


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label_lower)
def test_changelist_in_thai_by_default(
    admin_client: Client, data: dict, model: type[models.Model]
) -> None:
    html = _page(admin_client, _url(model, "changelist"))
    thai_name = _in("th", model._meta.verbose_name_plural)
    assert _has_thai(thai_name), f"{model._meta.label} has no Thai name"
    assert thai_name in html
    assert _changelist_title(model, "th") in html
    assert "ภาคี" in html


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label_lower)
def test_changelist_in_english(admin_client: Client, data: dict, model: type[models.Model]) -> None:
    html = _page(admin_client, _url(model, "changelist"), "en")
    assert capfirst(_in("en", model._meta.verbose_name_plural)) in html
    assert _changelist_title(model, "en") in html
    assert _changelist_title(model, "th") not in html


@pytest.mark.parametrize("model", [m for m in MODELS if m is not AuditEvent])
@pytest.mark.parametrize("language", ["th", "en"])
def test_add_page(
    admin_client: Client, data: dict, model: type[models.Model], language: str
) -> None:
    html = _page(admin_client, _url(model, "add"), language)
    assert _add_title(model, language) in html
    if language == "th":
        assert _has_thai(_add_title(model, "th"))


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label_lower)
@pytest.mark.parametrize("language", ["th", "en"])
def test_change_page(
    admin_client: Client, data: dict, model: type[models.Model], language: str
) -> None:
    obj = model._default_manager.order_by("pk").first()
    assert obj is not None
    _page(admin_client, _url(model, "change", obj.pk), language)


def test_index_lists_every_app_in_thai_and_english(admin_client: Client) -> None:
    thai = _page(admin_client, reverse("admin:index"))
    english = _page(admin_client, reverse("admin:index"), "en")
    for title in ("Partners", "Networks", "Ties", "Projects", "Workspaces and audit trail"):
        assert _in("th", title) in thai
        assert _has_thai(_in("th", title))
        assert title in english
    assert "Phakhi (ภาคี)" in thai and "Phakhi (ภาคี)" in english


def test_language_switcher_changes_the_language(admin_client: Client) -> None:
    html = _page(admin_client, reverse("admin:index"))
    assert 'id="language-switcher"' in html
    assert f'action="{reverse("set_language")}"' in html
    assert "English" in html and "ภาษาไทย" in html
    response = admin_client.post(
        reverse("set_language"), {"language": "en", "next": reverse("admin:index")}
    )
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en"' in admin_client.get(reverse("admin:index")).content.decode()


def test_login_page_has_the_switcher(client: Client) -> None:
    html = _page(client, reverse("admin:login"))
    assert 'id="language-switcher"' in html


# --- Thai presentation: area names, Buddhist-era dates ---------------------------------------


def test_actor_list_shows_area_names_and_buddhist_era(admin_client: Client, data: dict) -> None:
    year = timezone.localdate().year
    thai = _page(admin_client, _url(Actor, "changelist"))
    assert "เชียงใหม่" in thai and "เมืองเชียงใหม่" in thai
    assert str(year + 543) in thai
    english = _page(admin_client, _url(Actor, "changelist"), "en")
    assert "Chiang Mai" in english and "Mueang Chiang Mai" in english
    assert str(year) in english and str(year + 543) not in english


def test_membership_dates_in_buddhist_era(admin_client: Client, data: dict) -> None:
    assert "15 มี.ค. 2567" in _page(admin_client, _url(Membership, "changelist"))
    assert "15 Mar 2024" in _page(admin_client, _url(Membership, "changelist"), "en")


def test_actor_search_ignores_titles_and_phone_format(admin_client: Client, data: dict) -> None:
    url = _url(Actor, "changelist")
    assert "นายสมชาย ใจดี" in _page(admin_client, f"{url}?q=สมชาย ใจดี")
    assert "นายสมชาย ใจดี" in _page(admin_client, f"{url}?q=0812345678")
    assert "นายสมชาย ใจดี" not in _page(admin_client, f"{url}?q=สมศรี")


def test_tie_search_finds_ties_by_actor_name(admin_client: Client, data: dict) -> None:
    url = _url(Tie, "changelist")
    assert "มูลนิธิเพื่อนชุมชน" in _page(admin_client, f"{url}?q=สมชาย")
    assert "มูลนิธิเพื่อนชุมชน" not in _page(admin_client, f"{url}?q=สมศรี")
    assert "มูลนิธิเพื่อนชุมชน" in _page(admin_client, f"{url}?q=ข้อมูล")  # the kind of tie


# --- sized for the national demo ------------------------------------------------------------


def test_links_to_actors_never_load_every_actor() -> None:
    """600,000 actors: a select list of them would not render, so every link to an actor uses
    a raw-id or autocomplete widget, in model admins and inlines alike."""
    checked = 0
    for model, model_admin in admin.site._registry.items():
        for candidate in [model_admin, *model_admin.inlines]:
            target = getattr(candidate, "model", model)
            widgets = {*candidate.raw_id_fields, *candidate.autocomplete_fields}
            for field in target._meta.concrete_fields:
                if candidate is not model_admin and field.related_model is model:
                    continue  # an inline's link to the row it is shown in
                if field.many_to_one and field.related_model is Actor:
                    checked += 1
                    assert field.name in widgets, f"{target._meta.label}.{field.name}"
    assert checked >= 6


@pytest.mark.parametrize("model", BIG_MODELS, ids=lambda m: m._meta.label_lower)
def test_big_changelists_skip_the_full_count(model: type[models.Model]) -> None:
    assert admin.site._registry[model].show_full_result_count is False


# --- the Thai catalogue ---------------------------------------------------------------------


def test_thai_catalogue_is_complete_and_compiles(tmp_path: Path) -> None:
    po = polib.pofile(str(THAI_PO))
    missing = [e.msgid for e in po if not e.obsolete and (e.fuzzy or not e.translated())]
    assert missing == [], "untranslated or fuzzy Thai messages"
    assert po.metadata["Language"] == "th"
    script = _compile_script()
    assert script.placeholder_problems(po, THAI_PO) == []
    copy = tmp_path / "django.po"
    copy.write_bytes(THAI_PO.read_bytes())
    mo = polib.mofile(str(script.compile_po(copy)))
    assert len(mo) == len(po.translated_entries())


def test_compile_refuses_a_translation_with_wrong_placeholders(tmp_path: Path) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "th"}
    po.append(
        polib.POEntry(
            msgid="“%(value)s” is not a date.",
            msgstr="“%(valeu)s” ไม่ใช่วันที่",
            flags=["python-format"],
        )
    )
    path = tmp_path / "django.po"
    po.save(str(path))
    script = _compile_script()
    with pytest.raises(ValueError, match="placeholders differ"):
        script.compile_po(path)
    assert not path.with_suffix(".mo").exists()
