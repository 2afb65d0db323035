"""The admin of expansion plans and their rows, in Thai (default) and English, with an edit
made there audited."""

import pytest
from django.db import models
from django.test import Client

from phakhi.core.models import AuditEvent
from phakhi.expansion.models import ExpansionPlan, PlanRow
from tests.admin_support import _add_title, _changelist_title, _has_thai, _in, _page, _url
from tests.expansion.conftest import World

MODELS = [ExpansionPlan, PlanRow]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label_lower)
@pytest.mark.parametrize("language", ["th", "en"])
def test_pages_in_both_languages(
    admin_client: Client, source_plan: World, model: type[models.Model], language: str
) -> None:
    html = _page(admin_client, _url(model, "changelist"), language)
    assert _changelist_title(model, language) in html
    if language == "th":
        assert _has_thai(_in("th", model._meta.verbose_name_plural))
    assert _add_title(model, language) in _page(admin_client, _url(model, "add"), language)
    first = model._default_manager.order_by("pk").first()
    assert first is not None
    _page(admin_client, _url(model, "change", first.pk), language)


def test_an_admin_edit_is_audited(admin_client: Client, source_plan: World) -> None:
    plan = source_plan.plan
    response = admin_client.post(
        _url(ExpansionPlan, "change", plan.pk),
        {
            "workspace": plan.workspace_id,
            "project": plan.project_id,
            "network": "",
            "title": plan.title,
            "vision": "ใหม่",
            "common_benefit": "",
        },
    )
    assert response.status_code == 302, response.content[:500]
    plan.refresh_from_db()
    assert plan.vision == "ใหม่"
    event = AuditEvent.objects.filter(object_type="expansion.expansionplan").latest("id")
    assert event.changes["vision"][1] == "ใหม่"
