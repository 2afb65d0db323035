"""The admin of self-assessments and their evidence, in Thai (default) and English, with an edit
made there audited."""

import pytest
from django.db import models
from django.test import Client

from phakhi.assessments.evidence import evidence_add_link
from phakhi.assessments.models import Answer, Evidence, SelfAssessment
from phakhi.core.models import AuditEvent
from tests.admin_support import _add_title, _changelist_title, _has_thai, _in, _page, _url

MODELS = [SelfAssessment, Answer, Evidence]


@pytest.fixture
def made(make, author):
    assessment = make()
    evidence_add_link(author, assessment.answers.first(), url="https://example.org/a", label="ก")
    return assessment


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label_lower)
@pytest.mark.parametrize("language", ["th", "en"])
def test_pages_in_both_languages(
    admin_client: Client, made: SelfAssessment, model: type[models.Model], language: str
) -> None:
    html = _page(admin_client, _url(model, "changelist"), language)
    assert _changelist_title(model, language) in html
    if language == "th":
        assert _has_thai(_in("th", model._meta.verbose_name_plural))
    assert _add_title(model, language) in _page(admin_client, _url(model, "add"), language)
    first = model._default_manager.order_by("pk").first()
    assert first is not None
    _page(admin_client, _url(model, "change", first.pk), language)


def test_an_admin_edit_is_audited(admin_client: Client, made: SelfAssessment) -> None:
    form = {
        "workspace": made.workspace_id, "title": "ประเมินตนเอง ปี 2568",
        "held_on": made.held_on.isoformat(), "network": "", "answered_by": "members",
        "respondents": "", "status": "draft",
    }  # fmt: skip
    response = admin_client.post(_url(SelfAssessment, "change", made.pk), form)
    assert response.status_code == 302
    answer = made.answers.order_by("position").first()
    response = admin_client.post(
        _url(Answer, "change", answer.pk),
        {"workspace": made.workspace_id, "assessment": made.pk, "score": "3", "notes": "ดี"},
    )
    assert response.status_code == 302
    made.refresh_from_db()
    answer.refresh_from_db()
    assert (made.title, answer.score, answer.notes) == ("ประเมินตนเอง ปี 2568", 3, "ดี")
    for obj in (made, answer):
        assert AuditEvent.objects.filter(
            object_type=obj._meta.label_lower, object_id=str(obj.pk), action="update"
        ).exists()
