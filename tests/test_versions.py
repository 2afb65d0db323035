"""Edits checked against the version they started from: the services lock, write only what
changed and refuse a field someone else changed since; the API speaks ETag and If-Match; the
web forms keep a colleague's change and show a clash side by side."""

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from phakhi.actors.models import Actor
from phakhi.actors.services import actor_update
from phakhi.core.audit import Author
from phakhi.core.models import AuditEvent
from phakhi.core.versions import EditConflict, UnknownVersion
from phakhi.networks.services import membership_set, network_update
from phakhi.ties.services import tie_end, tie_set_strength
from tests.accounts_support import client_for, user_with_role
from tests.api_support import API, role_client
from tests.forms_support import form_values

SOMSRI = Author("somsri")
MANA = Author("mana")


def _events(obj: Any) -> list[AuditEvent]:
    rows = AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
    return list(rows.order_by("id"))


# --- services ------------------------------------------------------------------------------


def test_an_edit_from_an_old_version_merges_fields_nobody_else_changed(data: dict) -> None:
    person = data["person"]
    opened = person.version
    actor_update(SOMSRI, Actor.objects.get(pk=person.pk), line_id="somsri-line")
    actor_update(MANA, person, version=opened, subsector="ชุมชน")
    person.refresh_from_db()
    assert (person.line_id, person.subsector) == ("somsri-line", "ชุมชน")
    assert person.version == opened + 2


def test_an_edit_from_an_old_version_of_a_field_changed_since_is_refused_with_both_values(
    data: dict,
) -> None:
    person = data["person"]
    opened = person.version
    actor_update(SOMSRI, Actor.objects.get(pk=person.pk), phone="089-999-0000", subsector="ก")
    with pytest.raises(EditConflict) as refused:
        actor_update(MANA, person, version=opened, phone="081-111-2222", line_id="mana")
    (conflict,) = refused.value.conflicts
    assert (conflict.field, conflict.by) == ("phone", "somsri")
    assert (conflict.theirs, conflict.yours) == ("+66899990000", "+66811112222")
    person.refresh_from_db()
    assert (person.phone, person.line_id) == ("+66899990000", "")  # nothing of it was written


def test_asking_for_the_value_a_colleague_already_set_is_no_conflict(data: dict) -> None:
    person = data["person"]
    opened = person.version
    actor_update(SOMSRI, Actor.objects.get(pk=person.pk), subsector="ชุมชน")
    actor_update(MANA, person, version=opened, subsector="ชุมชน", line_id="mana")
    person.refresh_from_db()
    assert (person.subsector, person.line_id) == ("ชุมชน", "mana")


def test_attributes_merge_key_by_key(data: dict) -> None:
    person = data["person"]
    opened = person.version
    actor_update(SOMSRI, Actor.objects.get(pk=person.pk), attributes={"อาชีพ": "ครู"})
    actor_update(MANA, person, version=opened, attributes={"ตำแหน่ง": "ประธาน"})
    with pytest.raises(EditConflict) as refused:
        actor_update(MANA, person, version=opened, attributes={"อาชีพ": "ชาวนา"})
    assert [c.field for c in refused.value.conflicts] == ["attributes.อาชีพ"]
    person.refresh_from_db()
    assert person.attributes == {"อาชีพ": "ครู", "ตำแหน่ง": "ประธาน"}


def test_a_version_the_actor_never_had_is_refused(data: dict) -> None:
    with pytest.raises(UnknownVersion):
        actor_update(MANA, data["person"], version=data["person"].version + 5, subsector="x")


def test_each_change_records_exactly_what_it_wrote_with_the_version_it_made(data: dict) -> None:
    person = data["person"]
    actor_update(SOMSRI, person, subsector="ชุมชน", phone="081-234-5678")  # the phone is as is
    actor_update(SOMSRI, person, subsector="ชุมชน")  # nothing changes: no event, no version
    events = _events(person)
    assert [e.object_version for e in events] == [1, 2]
    assert events[-1].changes == {"subsector": ["", "ชุมชน"]}
    person.refresh_from_db()
    assert person.version == 2


def test_the_trail_accounts_for_every_version_or_every_field_is_suspect(data: dict) -> None:
    person = data["person"]
    opened = person.version
    Actor.objects.filter(pk=person.pk).update(version=opened + 1)  # a write that left no trail
    with pytest.raises(EditConflict) as refused:
        actor_update(MANA, person, version=opened, subsector="ชุมชน")
    assert refused.value.conflicts[0].by == ""


def test_ties_memberships_and_networks_are_checked_the_same_way(data: dict) -> None:
    tie, membership, network = data["tie"], data["membership"], data["network"]
    tie_set_strength(SOMSRI, tie, 4)
    with pytest.raises(EditConflict):
        tie_set_strength(MANA, tie, 2, version=1)
    tie_end(MANA, tie, dt.date(2030, 1, 1), version=1)  # the end date nobody else touched
    tie.refresh_from_db()
    assert (tie.strength, tie.until, tie.version) == (4, dt.date(2030, 1, 1), 3)

    membership_set(SOMSRI, network, data["person"], role="mentor", since=membership.since)
    with pytest.raises(EditConflict) as refused:
        membership_set(MANA, network, data["person"], role="ally", version=1)
    assert [c.field for c in refused.value.conflicts] == ["role"]

    network_update(SOMSRI, network, vision="สุขภาพดีถ้วนหน้า")
    network_update(MANA, network, version=1, goals="ลดโรค")
    with pytest.raises(EditConflict):
        network_update(MANA, network, version=1, vision="อื่น")
    network.refresh_from_db()
    assert (network.vision, network.goals, network.version) == ("สุขภาพดีถ้วนหน้า", "ลดโรค", 3)


# --- API -----------------------------------------------------------------------------------


def _patch(client: Client, path: str, body: str, if_match: str | None = None) -> Any:
    headers = {} if if_match is None else {"HTTP_IF_MATCH": if_match}
    return client.patch(f"{API}{path}", data=body, content_type="application/json", **headers)


def test_the_api_sends_etags_and_refuses_a_stale_change_with_409(data: dict) -> None:
    client = role_client(data["workspace"], "coordinator")
    path = f"/workspaces/{data['workspace'].slug}/actors/{data['person'].pk}"
    read = client.get(f"{API}{path}")
    assert read.headers["ETag"] == '"1"' and read.json()["version"] == 1
    first = _patch(client, path, '{"subsector": "ชุมชน"}', '"1"')
    assert first.status_code == 200 and first.headers["ETag"] == '"2"'
    other_field = _patch(client, path, '{"line_id": "abc"}', '"1"')
    assert other_field.status_code == 200 and other_field.headers["ETag"] == '"3"'
    stale = _patch(client, path, '{"subsector": "NGO"}', 'W/"1"')
    assert stale.status_code == 409
    body = stale.json()
    assert body["version"] == 3 and stale.headers["ETag"] == '"3"'
    (conflict,) = body["conflicts"]
    assert conflict["field"] == "subsector"
    assert (conflict["theirs"], conflict["yours"]) == ("ชุมชน", "NGO")
    assert conflict["by"].startswith("api:") and conflict["at"]
    assert body["errors"][0]["field"] == "subsector"
    assert Actor.objects.get(pk=data["person"].pk).subsector == "ชุมชน"


@pytest.mark.parametrize(
    ("header", "status"), [("nonsense", 400), ('"99"', 412), ('"0"', 412), ("*", 200)]
)
def test_an_if_match_that_names_no_version_of_the_actor(
    data: dict, header: str, status: int
) -> None:
    client = role_client(data["workspace"], "coordinator")
    path = f"/workspaces/{data['workspace'].slug}/actors/{data['person'].pk}"
    assert _patch(client, path, '{"subsector": "x"}', header).status_code == status


def test_ties_networks_and_memberships_take_if_match(data: dict) -> None:
    client = role_client(data["workspace"], "coordinator")
    base = f"/workspaces/{data['workspace'].slug}"
    tie = f"{base}/ties/{data['tie'].pk}"
    assert client.get(f"{API}{tie}").headers["ETag"] == '"1"'
    assert _patch(client, tie, '{"strength": 4}', '"1"').status_code == 200
    assert _patch(client, tie, '{"strength": 2}', '"1"').status_code == 409
    network = f"{base}/networks/{data['network'].slug}"
    assert _patch(client, network, '{"vision": "ก"}', '"1"').status_code == 200
    assert _patch(client, network, '{"goals": "ข"}', '"1"').status_code == 200
    assert _patch(client, network, '{"vision": "ค"}', '"1"').status_code == 409
    members = f"{API}{network}/memberships"
    person = data["person"].pk
    changed = client.post(
        members, data={"actor": person, "role": "mentor"}, content_type="application/json"
    )
    assert changed.status_code == 200 and changed.headers["ETag"] == '"2"'
    refused = client.post(
        members,
        data={"actor": person, "role": "ally"},
        content_type="application/json",
        HTTP_IF_MATCH='"1"',
    )
    assert refused.status_code == 409
    assert refused.json()["conflicts"][0]["field"] == "role"


# --- web forms -----------------------------------------------------------------------------


@pytest.fixture
def coordinator(data: dict) -> Client:
    return client_for(user_with_role(data["workspace"], "coordinator"))


def _edit_url(data: dict) -> str:
    return reverse(
        "web:actor-edit", kwargs={"workspace": data["workspace"].slug, "pk": data["person"].pk}
    )


def test_saving_a_form_opened_before_a_colleague_saved_keeps_their_change(
    data: dict, coordinator: Client
) -> None:
    """The reproduction: the form used to write back every field as it was when opened."""
    values = form_values(coordinator.get(_edit_url(data)), "subsector")
    actor_update(SOMSRI, Actor.objects.get(pk=data["person"].pk), phone="089-999-0000")
    values["subsector"] = "ชุมชน"
    response = coordinator.post(_edit_url(data), values)
    assert response.status_code == 302
    person = Actor.objects.get(pk=data["person"].pk)
    assert (person.phone, person.subsector) == ("+66899990000", "ชุมชน")


def test_a_clash_shows_both_values_side_by_side_and_saves_the_one_chosen(
    data: dict, coordinator: Client
) -> None:
    values = form_values(coordinator.get(_edit_url(data)), "subsector")
    actor_update(SOMSRI, Actor.objects.get(pk=data["person"].pk), subsector="ชุมชน", line_id="s")
    values |= {"subsector": "NGO", "email": "mana@example.org"}
    clash = coordinator.post(_edit_url(data), values)
    assert clash.status_code == 409
    page = clash.content.decode()
    assert "ชุมชน" in page and "NGO" in page and "somsri" in page
    assert Actor.objects.get(pk=data["person"].pk).email == ""  # nothing saved yet
    again = form_values(clash, "subsector")
    assert again["subsector"] == "NGO" and again["line_id"] == "s"  # theirs kept, yours shown
    assert again["email"] == "mana@example.org"
    again["resolve-subsector"] = "theirs"
    assert coordinator.post(_edit_url(data), again).status_code == 302
    person = Actor.objects.get(pk=data["person"].pk)
    assert (person.subsector, person.line_id, person.email) == ("ชุมชน", "s", "mana@example.org")


def test_a_network_form_and_a_tie_form_from_an_old_version(data: dict, coordinator: Client) -> None:
    network = data["network"]
    url = reverse(
        "web:network-edit", kwargs={"workspace": data["workspace"].slug, "slug": network.slug}
    )
    values = form_values(coordinator.get(url), "vision")
    network_update(SOMSRI, network, vision="สุขภาพดี")
    assert coordinator.post(url, values | {"goals": "ลดโรค"}).status_code == 302
    network.refresh_from_db()
    assert (network.vision, network.goals) == ("สุขภาพดี", "ลดโรค")
    assert (
        coordinator.post(
            url, form_values(coordinator.get(url), "vision") | {"version": "1", "vision": "อื่น"}
        ).status_code
        == 409
    )

    actor_url = reverse(
        "web:actor", kwargs={"workspace": data["workspace"].slug, "pk": data["person"].pk}
    )
    strength = form_values(coordinator.get(actor_url), "strength")
    tie_set_strength(SOMSRI, data["tie"], 4)
    tie_url = reverse(
        "web:actor-tie-strength",
        kwargs={
            "workspace": data["workspace"].slug,
            "pk": data["person"].pk,
            "tie_id": data["tie"].pk,
        },
    )
    page = coordinator.post(tie_url, strength | {"strength": "2"}, follow=True)
    assert "somsri" in page.content.decode()
    data["tie"].refresh_from_db()
    assert data["tie"].strength == 4


# --- imports and merges --------------------------------------------------------------------


def test_an_import_makes_a_version_that_stale_edits_are_checked_against(
    data: dict, tmp_path: Any
) -> None:
    from phakhi.imports.services import actors_import
    from tests.helpers import write_csv

    person = data["person"]
    opened = person.version
    path = write_csv(tmp_path / "a.csv", [["key", "name", "subsector"], ["p-1", person.name, "สื่อ"]])
    assert actors_import(data["workspace"], path, author=SOMSRI).updated == 1
    person.refresh_from_db()
    assert person.version == opened + 1
    assert _events(person)[-1].object_version == opened + 1
    with pytest.raises(EditConflict) as refused:
        actor_update(MANA, person, version=opened, subsector="ชุมชน")
    assert refused.value.conflicts[0].by == "somsri"
    actor_update(MANA, person, version=opened, line_id="mana")  # untouched by the import


def test_an_import_keeps_a_change_made_after_it_read_the_actors(
    data: dict, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from phakhi.imports import actor_import
    from phakhi.imports.services import actors_import
    from tests.helpers import write_csv

    person = data["person"]
    planned_then = actor_import.count

    def colleague_edits_meanwhile(planned: Any, report: Any) -> None:
        planned_then(planned, report)
        actor_update(MANA, Actor.objects.get(pk=person.pk), line_id="mana", subsector="ชุมชน")

    monkeypatch.setattr(actor_import, "count", colleague_edits_meanwhile)
    path = write_csv(tmp_path / "a.csv", [["key", "name", "sector"], ["p-1", person.name, "civil"]])
    report = actors_import(data["workspace"], path, author=SOMSRI)
    assert report.updated == 1
    person.refresh_from_db()
    assert (person.sector, person.line_id, person.subsector) == ("civil", "mana", "ชุมชน")
    assert [e.object_version for e in _events(person)] == [1, 2, 3]


def test_a_tie_import_keeps_a_change_made_after_it_read_the_ties(
    data: dict, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from phakhi.imports import tie_import
    from phakhi.imports.services import ties_import
    from tests.helpers import write_csv

    tie = data["tie"]
    read_then = tie_import.load_stored

    def colleague_edits_meanwhile(*args: Any) -> Any:
        stored = read_then(*args)
        tie_end(MANA, tie, dt.date(2031, 1, 1))
        return stored

    monkeypatch.setattr(tie_import, "load_stored", colleague_edits_meanwhile)
    rows = [["source", "target", "strength", "kind"], ["org-1", "p-1", "4", "ข้อมูล"]]
    report = ties_import(data["workspace"], write_csv(tmp_path / "t.csv", rows), author=SOMSRI)
    assert report.updated == 1
    tie.refresh_from_db()
    assert (tie.strength, tie.until, tie.version) == (4, dt.date(2031, 1, 1), 3)
    assert _events(tie)[-1].changes == {"strength": [3, 4]}


def test_a_merge_raises_the_kept_actors_version(data: dict) -> None:
    from phakhi.actors.services import actor_create
    from phakhi.imports.merge import actors_merge

    twin = actor_create(SOMSRI, data["workspace"], key="p-1b", name="นายสมชาย ใจดี")
    person = data["person"]
    opened = person.version
    actors_merge(SOMSRI, person, twin)
    person.refresh_from_db()
    assert person.version == opened + 1
    assert _events(person)[-1].object_version == opened + 1
