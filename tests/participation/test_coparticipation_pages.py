"""The co-participation rule's page: everyone sees the limit and the ties; a coordinator for
all networks changes the limit (the ties are made again) and asks for a rebuild — on the task
queue when the attendance is large. The note an activity over the limit shows."""

from typing import Any

import pytest
from django.template import Context, Template
from django.urls import reverse

from phakhi.participation.coparticipation import KIND, tie_limit
from phakhi.ties.models import Tie
from tests.accounts_support import client_for, user_with_role
from tests.participation.coparticipation_support import attend, make_activities, make_actors

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum(data: dict[str, Any]) -> Any:
    people = make_actors(data["workspace"], 5)
    (activity,) = make_activities(data["workspace"], 1)
    attend(activity, people)
    return activity


def _url(name: str = "coparticipation") -> str:
    return reverse(f"web:{name}", kwargs={"workspace": "khon-kaen"})


def test_viewer_sees_the_rule_without_controls(data, forum) -> None:
    page = client_for(user_with_role(data["workspace"], "viewer")).get(_url()).content.decode()
    assert "more than <strong>50</strong> registered participants makes no ties" in page
    assert "Change the limit" not in page and "Make every tie again now" not in page
    assert "never: the ties were only kept up to date" in page


def test_coordinator_changes_the_limit_and_rebuilds(data, forum) -> None:
    coordinator = client_for(user_with_role(data["workspace"], "coordinator"))
    response = coordinator.post(_url("coparticipation-rebuild"))
    assert response.status_code == 302
    page = coordinator.get(response["Location"]).content.decode()
    made = Tie.objects.filter(kind=KIND).count()  # the forum's 10 and the fixture's own
    assert made >= 10
    assert f"Co-participation ties made again: {made} created, 0 updated, 0 removed" in page
    assert f'data-ties="{made}"' in page
    forum_pairs = Tie.objects.filter(kind=KIND, source__attendances__activity=forum)
    response = coordinator.post(_url("coparticipation-limit"), {"max_participants": "4"})
    page = coordinator.get(response["Location"]).content.decode()
    assert tie_limit(data["workspace"]) == 4
    assert not forum_pairs.filter(target__attendances__activity=forum).exists()
    assert f'data-ties="{Tie.objects.filter(kind=KIND).count()}"' in page
    assert "removed (" in page
    refused = coordinator.post(_url("coparticipation-limit"), {"max_participants": "1"})
    assert refused.status_code == 200
    assert "greater than or equal to 2" in refused.content.decode()
    assert tie_limit(data["workspace"]) == 4


def test_a_large_workspace_rebuilds_on_the_task_queue(
    data, forum, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    from django_tasks_db.models import DBTaskResult

    import phakhi.participation.coparticipation as coparticipation

    monkeypatch.setattr(coparticipation, "INLINE_ATTENDANCE", 3)
    coordinator = client_for(user_with_role(data["workspace"], "coordinator"))
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(_url("coparticipation-limit"), {"max_participants": "30"})
    page = coordinator.get(response["Location"]).content.decode()
    assert "being made again in the background" in page
    assert tie_limit(data["workspace"]) == 30  # at once; the ties follow when the task runs
    queued = DBTaskResult.objects.get(task_path__endswith="coparticipation_rebuild_task")
    assert queued.args_kwargs["args"][0] == data["workspace"].pk
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(_url("coparticipation-rebuild"))
    assert DBTaskResult.objects.count() == 2


def test_limit_note_for_an_activity_over_the_limit(data, forum) -> None:
    template = Template("{% load coparticipation_tags %}{% coparticipation_note activity n %}")
    assert template.render(Context({"activity": forum, "n": 50})).strip() == ""
    note = template.render(Context({"activity": forum, "n": 51}))
    assert "This activity has 51 registered participants, more than the limit of 50" in note
    assert _url() in note


def test_the_task_rebuilds_and_records_who_asked(data, forum) -> None:
    from phakhi.core.models import AuditEvent
    from phakhi.participation.coparticipation_tasks import coparticipation_rebuild_task

    coparticipation_rebuild_task.call(data["workspace"].pk, "web:someone", None)
    event = AuditEvent.objects.get(object_type="participation.coparticipationrule")
    assert event.by == "web:someone" and event.changes["operation"] == "rebuild"
    assert Tie.objects.filter(kind=KIND).count() == event.changes["pairs"]
    coparticipation_rebuild_task.call(10**9, "web:someone", None)  # a workspace gone: nothing


def test_the_actor_page_names_the_kind_in_words(data, forum) -> None:
    from phakhi.participation.coparticipation import coparticipation_rebuild

    coparticipation_rebuild(data["workspace"])
    actor = forum.attendances.order_by("actor_id").first().actor
    url = reverse("web:actor", kwargs={"workspace": "khon-kaen", "pk": actor.pk})
    viewer = client_for(user_with_role(data["workspace"], "viewer"))
    page = viewer.get(url).content.decode()
    assert "took part together" in page and ">co-participation<" not in page
    thai = viewer.get(url, HTTP_ACCEPT_LANGUAGE="th").content.decode()
    assert "ร่วมกิจกรรม" in thai


def test_the_attendance_page_says_a_large_activity_makes_no_ties(data, forum) -> None:
    from phakhi.core.audit import Author
    from phakhi.participation.coparticipation import tie_limit_set

    url = reverse(
        "web:activity-attendance", kwargs={"workspace": "khon-kaen", "activity": forum.pk}
    )
    coordinator = client_for(user_with_role(data["workspace"], "coordinator"))
    assert "does not create co-participation ties" not in coordinator.get(url).content.decode()
    tie_limit_set(Author("test:limit"), data["workspace"], 4)
    page = coordinator.get(url).content.decode()
    registered = forum.attendances.count()  # the forum's five and the fixture's own
    assert (
        f"This activity has {registered} registered participants, more than the limit of 4" in page
    )
