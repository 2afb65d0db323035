"""The Django admin audits every write with old and new values, refuses what would cross
workspaces or break a tie, and shows the audit trail read-only."""

from typing import Any

from django import forms
from django.db import models
from django.test import Client

from phakhi.actors.models import Actor, ActorTag
from phakhi.actors.services import actor_create
from phakhi.core.audit import Author
from phakhi.core.models import AuditEvent, Workspace
from phakhi.networks.models import Membership
from phakhi.ties.models import Tie
from tests.admin_support import _page, _url

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
    payload = _form_payload(admin_client.get(url, headers={"Accept-Language": ""}))  # Thai
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


def test_admin_checks_an_actor_by_the_rules_of_the_pages_the_api_and_imports(
    admin_client: Client, data: dict
) -> None:
    """The admin's actor form is checked by ``clean_actor``: an extra attribute longer than an
    import, the API or a page takes is refused with their message, and nothing changes."""
    person = data["person"]
    url = _url(Actor, "change", person.pk)
    payload = _form_payload(admin_client.get(url))
    payload["attributes"] = '{"บันทึก": "%s"}' % ("ก" * 301)
    response = admin_client.post(url, payload, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["attributes"] == ["Longer than 300 characters."]
    person.refresh_from_db()
    assert person.attributes == {}


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
    # The message a page, the API and an import give for the same mistake.
    assert "A tie needs two different actors." in str(response.context["adminform"].form.errors)
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
