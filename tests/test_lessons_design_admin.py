"""The admin of the network design and of lessons sessions: a save keeps the trail (decimals as
text) and the library's search text, as the services do."""

from django.urls import reverse

from phakhi.core.models import AuditEvent
from phakhi.lessons.search import lessons_search
from phakhi.lessons.services import lesson_session_create
from phakhi.networks.design_services import goal_create
from tests.accounts_support import AUTHOR


def test_a_goal_changed_in_the_admin_is_audited(admin_client, data):
    goal = goal_create(AUTHOR, data["network"], title="เป้า", target_value="10")
    url = reverse("admin:networks_goal_change", args=[goal.pk])
    response = admin_client.post(url, {
        "network": data["network"].pk, "title": "เป้า", "target": "", "measure": "ไร่",
        "target_value": "12.5", "current_value": "", "due_on": "", "position": "0",
    })  # fmt: skip
    assert response.status_code == 302
    event = AuditEvent.objects.filter(object_type="networks.goal", action="update").get()
    assert event.changes["target_value"] == ["10", "12.5"]  # decimals as their plain value


def test_a_session_renamed_in_the_admin_is_found_by_its_new_title(admin_client, data):
    session = lesson_session_create(AUTHOR, data["workspace"], title="เดิม", project=data["project"])
    url = reverse("admin:lessons_lessonsession_change", args=[session.pk])
    form = {"title": "ถอดบทเรียนป่าชุมชน", "held_on": "", "case": "", "project": data["project"].pk}
    response = admin_client.post(url, form)
    assert response.status_code == 302
    assert [h.session.title for h in lessons_search(data["workspace"], "ป่าชุมชน").hits] == [
        "ถอดบทเรียนป่าชุมชน"
    ]
