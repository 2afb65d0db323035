"""The admin of activities in Thai and English (an edit audited, new dates refreshing the
co-participation ties), and the read-only lists of attendance and registrations."""

from typing import Any

import pytest
from django.db import models
from django.test import Client

from phakhi.core.audit import Author
from phakhi.core.models import AuditEvent, Workspace
from phakhi.participation import admin as participation_admin
from phakhi.participation.models import Activity, Attendance, Registration
from phakhi.participation.services import activity_create
from tests.admin_support import _changelist_title, _in, _page, _url
from tests.participation.attendance_support import make_people

MODELS = [Activity, Attendance, Registration]


@pytest.fixture
def activity(author: Author, workspace: Workspace) -> Activity:
    made = activity_create(
        author, workspace, key="ACT-1", title="เวทีประชาคม", starts_on="2026-11-20",
        iap2_planned=2,
    )  # fmt: skip
    person = make_people(author, workspace, ["สมชาย ใจดี"])[0]
    Attendance.objects.create(workspace=workspace, activity=made, actor=person)
    Registration.objects.create(workspace=workspace, activity=made, name="นายมา ใหม่")
    return made


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label_lower)
@pytest.mark.parametrize("language", ["th", "en"])
def test_pages_in_both_languages(
    admin_client: Client, activity: Activity, model: type[models.Model], language: str
) -> None:
    html = _page(admin_client, _url(model, "changelist"), language)
    if model is Activity:
        assert _changelist_title(model, language) in html
    else:  # read-only: "Select attendance to view"
        view = "Select %s to view"  # Django's msgid, as tests/admin_support.py reads it
        assert _in(language, view) % _in(language, model._meta.verbose_name) in html
    first = model._default_manager.order_by("pk").first()
    assert first is not None
    _page(admin_client, _url(model, "change", first.pk), language)


def test_attendance_and_registrations_are_read_only(
    admin_client: Client, activity: Activity
) -> None:
    assert admin_client.get(_url(Attendance, "add")).status_code == 403
    assert admin_client.get(_url(Registration, "add")).status_code == 403


def test_an_admin_edit_of_dates_is_audited_and_refreshes_ties(
    admin_client: Client, activity: Activity, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Any] = []
    monkeypatch.setattr(
        participation_admin, "coparticipation_refresh", lambda w, ids: calls.append(set(ids))
    )
    response = admin_client.post(
        _url(Activity, "change", activity.pk),
        {
            "key": "ACT-1",
            "title": "เวทีประชาคม",
            "kind": "forum",
            "starts_on": "2026-11-21",
            "iap2_planned": "2",
            "forms": "[]",
            **{name: "0" for name in ("public_civil", "public_academic", "public_government",
                                      "public_unknown")},
        },
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    activity.refresh_from_db()
    assert activity.kind == "forum" and activity.version == 2
    event = AuditEvent.objects.filter(object_type="participation.activity").latest("id")
    assert event.changes["starts_on"] == ["2026-11-20", "2026-11-21"]
    assert calls == [set(Attendance.objects.values_list("actor_id", flat=True))]
