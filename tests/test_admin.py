"""The Django admin — the UI until the web UI lands: every model in Thai (default) and English,
writes audited with old and new values, the audit trail read-only, sized for the national demo."""

import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import polib
import pytest
from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.signals import setting_changed
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst

from phakhi.actors.models import Actor, ActorTag, Tag
from phakhi.actors.services import actor_create
from phakhi.core.audit import Author
from phakhi.core.models import AuditEvent, Workspace
from phakhi.networks.models import Membership, Network
from phakhi.networks.services import membership_set, network_create
from phakhi.projects.models import Project
from phakhi.projects.services import project_create
from phakhi.ties.models import Tie
from phakhi.ties.services import tie_create

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


def _compile_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "compile_messages", ROOT / "scripts" / "compile_messages.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module", autouse=True)
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


def _url(model: type[models.Model], view: str, *args: Any) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def _in(language: str, text: Any) -> str:
    """A lazy text (a verbose name) or a msgid, in the language."""
    with translation.override(language):
        return translation.gettext(text) if isinstance(text, str) else str(text)


def _headers(language: str) -> dict[str, str]:
    return {} if language == "th" else {"Accept-Language": language}


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


# --- writes are audited --------------------------------------------------------------------


def _form_payload(response: Any) -> dict[str, Any]:
    """What a browser would post back from an admin change page, unchanged."""
    payload: dict[str, Any] = {}
    all_forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        payload.update({bf.html_name: bf.value() for bf in inline.formset.management_form})
        all_forms.extend(inline.formset.forms)
    for form in all_forms:
        for bound in form:
            value = bound.value()
            if isinstance(bound.field, forms.BooleanField):
                if value:
                    payload[bound.html_name] = "on"
                continue
            payload[bound.html_name] = "" if value is None else value
    return payload


def _events(obj: models.Model, action: str) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(
            object_type=obj._meta.label_lower, object_id=str(obj.pk), action=action
        ).order_by("id")
    )


def test_admin_change_of_an_actor_records_old_and_new_values(
    admin_client: Client, admin_user: Any, data: dict
) -> None:
    person = data["person"]
    url = _url(Actor, "change", person.pk)
    payload = _form_payload(admin_client.get(url))
    assert payload["district_code"] == "เมืองเชียงใหม่"  # shown by name, stored as a code
    payload.update(name="ดร.สมชาย ใจดี", phone="๐๘๙ ๑๒๓ ๔๕๖๗", sector="academic")
    response = admin_client.post(url, payload)
    assert response.status_code == 302, response.context["adminform"].form.errors

    person.refresh_from_db()
    assert person.name == "ดร.สมชาย ใจดี"
    assert person.name_key == "สมชายใจดี"
    assert person.phone == "+66891234567"
    assert person.district_code == "5001"
    [event] = [e for e in _events(person, "update") if e.by.startswith("admin:")]
    assert event.by == f"admin:{admin_user.username}"
    assert event.user_id == admin_user.pk
    assert event.workspace_id == data["workspace"].pk
    assert event.changes == {
        "name": ["นายสมชาย ใจดี", "ดร.สมชาย ใจดี"],
        "sector": ["government", "academic"],
        "phone": ["+66812345678", "+66891234567"],
    }
    # Saving again without a change records nothing.
    before = AuditEvent.objects.count()
    assert admin_client.post(url, _form_payload(admin_client.get(url))).status_code == 302
    assert AuditEvent.objects.count() == before


def test_admin_change_is_shown_in_the_audit_trail(admin_client: Client, data: dict) -> None:
    person = data["person"]
    url = _url(Actor, "change", person.pk)
    payload = _form_payload(admin_client.get(url))
    payload["name"] = "นายสมชาย ใจงาม"
    assert admin_client.post(url, payload).status_code == 302
    [event] = [e for e in _events(person, "update") if e.by.startswith("admin:")]
    html = _page(admin_client, _url(AuditEvent, "change", event.pk))
    assert "นายสมชาย ใจดี" in html and "นายสมชาย ใจงาม" in html
    assert "ค่าเดิม" in html and "ค่าใหม่" in html


def test_admin_rejects_bad_actor_values_and_changes_nothing(
    admin_client: Client, data: dict
) -> None:
    person = data["person"]
    url = _url(Actor, "change", person.pk)
    payload = _form_payload(admin_client.get(url))
    payload.update(email="not-an-email", district_code="อำเภอที่ไม่มีจริง")
    response = admin_client.post(url, payload, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "is not a valid e-mail address" in str(errors["email"])
    assert "is not a district of" in str(errors["district_code"])
    person.refresh_from_db()
    assert person.email == ""
    assert not [e for e in _events(person, "update") if e.by.startswith("admin:")]


def test_admin_add_tie_keeps_one_row_per_pair_and_is_audited(
    admin_client: Client, data: dict
) -> None:
    low, high = sorted([data["person"], data["third"]], key=lambda a: a.pk)
    payload = {
        "workspace": data["workspace"].pk,
        "source": high.pk,
        "target": low.pk,
        "strength": 2,
        "kind": "",
        "via": data["org"].pk,
        "since": "2024-01-01",
        "until": "",
        "origin": "manual",
        "attributes": "{}",
    }
    response = admin_client.post(_url(Tie, "add"), payload)
    assert response.status_code == 302, response.context["adminform"].form.errors
    tie = Tie.objects.get(via=data["org"])
    assert (tie.source_id, tie.target_id) == (low.pk, high.pk)  # undirected: A–B is B–A
    [event] = _events(tie, "create")
    assert event.changes["strength"] == [None, 2]
    assert event.changes["since"] == [None, "2024-01-01"]
    assert event.workspace_id == data["workspace"].pk


def test_admin_refuses_a_self_tie(admin_client: Client, data: dict) -> None:
    person = data["person"]
    payload = {
        "workspace": data["workspace"].pk,
        "source": person.pk,
        "target": person.pk,
        "strength": 1,
        "origin": "manual",
        "attributes": "{}",
    }
    response = admin_client.post(_url(Tie, "add"), payload, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "cannot have a tie with itself" in str(response.context["adminform"].form.errors)
    assert not Tie.objects.filter(source=person, target=person).exists()


def test_admin_refuses_links_across_workspaces(
    admin_client: Client, data: dict, other_workspace: Workspace, author: Author
) -> None:
    stranger = actor_create(author, other_workspace, key="x-1", name="คนนอก")
    payload = {
        "workspace": data["workspace"].pk,
        "network": data["network"].pk,
        "actor": stranger.pk,
        "role": "member",
    }
    response = admin_client.post(_url(Membership, "add"), payload, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "belongs to another workspace" in str(response.context["adminform"].form.errors)
    assert not Membership.objects.filter(actor=stranger).exists()


def test_admin_delete_records_the_row_and_what_it_takes_along(
    admin_client: Client, data: dict
) -> None:
    org, person, tie = data["org"], data["person"], data["tie"]
    response = admin_client.post(_url(Actor, "delete", org.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Actor.objects.filter(pk=org.pk).exists()
    [deleted] = _events(org, "delete")
    assert deleted.changes["name"] == ["มูลนิธิเพื่อนชุมชน", None]
    assert deleted.changes["key"] == ["org-1", None]
    [tie_deleted] = _events(tie, "delete")  # cascaded
    assert tie_deleted.changes["strength"] == [3, None]
    assert tie_deleted.batch == deleted.batch
    cleared = [e for e in _events(person, "update") if e.by.startswith("admin:")]
    assert [e.changes for e in cleared] == [{"organization": [org.pk, None]}]


def test_admin_inline_issue_changes_are_audited(admin_client: Client, data: dict) -> None:
    person, tag = data["person"], data["tag"]
    url = _url(Actor, "change", person.pk)
    payload = _form_payload(admin_client.get(url))
    payload["actortag_set-0-DELETE"] = "on"
    assert admin_client.post(url, payload).status_code == 302
    assert not ActorTag.objects.filter(actor=person, tag=tag).exists()
    [event] = _events(data["actortag"], "delete")
    assert event.workspace_id == data["workspace"].pk
    assert event.changes["tag"] == [tag.pk, None]


# --- the audit trail is read-only -----------------------------------------------------------


def test_audit_trail_is_read_only(admin_client: Client, data: dict) -> None:
    event = AuditEvent.objects.order_by("pk").first()
    assert event is not None
    assert admin_client.get(_url(AuditEvent, "add")).status_code == 403
    assert admin_client.post(_url(AuditEvent, "add"), {"by": "x"}).status_code == 403
    html = _page(admin_client, _url(AuditEvent, "change", event.pk))
    assert 'name="_save"' not in html
    assert _url(AuditEvent, "delete", event.pk) not in html
    response = admin_client.post(_url(AuditEvent, "change", event.pk), {"by": "forged"})
    assert response.status_code == 403
    delete = admin_client.post(_url(AuditEvent, "delete", event.pk), {"post": "yes"})
    assert delete.status_code == 403
    changelist = admin_client.get(_url(AuditEvent, "changelist"))
    assert changelist.context["action_form"] is None  # not even "delete selected"
    event.refresh_from_db()
    assert event.by != "forged"
    assert AuditEvent.objects.filter(pk=event.pk).exists()


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
