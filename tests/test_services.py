import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from phakhi.actors.services import actor_create, actor_update
from phakhi.core.models import AuditEvent
from phakhi.core.services import workspace_create
from phakhi.networks.services import membership_set, network_create
from phakhi.projects.services import project_create
from phakhi.ties.models import Tie
from phakhi.ties.services import tie_create, tie_end, tie_set_strength
from tests.conftest import AUTHOR


@pytest.fixture
def pair(workspace):
    return (
        actor_create(AUTHOR, workspace, key="A", name="นายเอ", sector="ภาครัฐ"),
        actor_create(AUTHOR, workspace, key="B", name="นางบี", province="ขอนแก่น"),
    )


def test_every_write_records_who_changed_what(workspace, pair):
    a, b = pair
    actor_update(AUTHOR, a, phone="081-234-5678", tags="สุขภาพ")
    tie = tie_create(AUTHOR, workspace, b, a, strength=2)
    tie_set_strength(AUTHOR, tie, 4)
    tie_end(AUTHOR, tie, dt.date(2025, 1, 1))
    network = network_create(AUTHOR, workspace, slug="health", name="สุขภาพ")
    membership_set(AUTHOR, network, a, role="core_leader")
    project_create(AUTHOR, workspace, slug="p1", name="โครงการ", network=network)
    events = list(AuditEvent.objects.order_by("id").values_list("action", "object_type"))
    assert events == [
        ("create", "core.workspace"),
        ("create", "actors.actor"),
        ("create", "actors.actor"),
        ("update", "actors.actor"),
        ("create", "ties.tie"),
        ("update", "ties.tie"),
        ("update", "ties.tie"),
        ("create", "networks.network"),
        ("create", "networks.membership"),
        ("create", "projects.project"),
    ]
    update = AuditEvent.objects.filter(object_type="actors.actor", action="update").get()
    assert update.changes["phone"] == ["", "+66812345678"]
    assert update.changes["tags"] == [[], ["สุขภาพ"]]
    assert AuditEvent.objects.filter(object_type="ties.tie").order_by("id").last().changes == {
        "until": [None, "2025-01-01"]
    }


def test_undirected_ties_are_stored_once_whatever_the_order(workspace, pair):
    a, b = pair
    tie = tie_create(AUTHOR, workspace, b, a)
    assert (tie.source, tie.target) == (a, b)
    with pytest.raises(ValidationError):
        tie_create(AUTHOR, workspace, a, b)
    tie_create(AUTHOR, workspace, a, b, kind="ทุน")
    tie_create(AUTHOR, workspace, b, a, directed=True)
    assert Tie.objects.count() == 3


def test_service_validation_names_the_field(workspace, pair):
    a, b = pair
    with pytest.raises(ValidationError) as error:
        actor_create(AUTHOR, workspace, key="C", name="ค", sector="อื่น")
    assert "sector" in error.value.message_dict
    with pytest.raises(ValidationError, match="taken"):
        actor_create(AUTHOR, workspace, key="A", name="ซ้ำ")
    with pytest.raises(ValidationError):
        tie_create(AUTHOR, workspace, a, a)
    with pytest.raises(ValidationError):
        tie_create(AUTHOR, workspace, a, b, strength=5)
    with pytest.raises(ValidationError):
        membership_set(
            AUTHOR, network_create(AUTHOR, workspace, slug="n", name="n"), a, role="boss"
        )


def test_nothing_crosses_workspaces(workspace, other_workspace, pair):
    stranger = actor_create(AUTHOR, other_workspace, key="A", name="same key, other agency")
    with pytest.raises(ValidationError, match="another workspace"):
        tie_create(AUTHOR, workspace, pair[0], stranger)
    network = network_create(AUTHOR, other_workspace, slug="n", name="n")
    with pytest.raises(ValidationError, match="another workspace"):
        membership_set(AUTHOR, network, pair[0])
    with pytest.raises(ValidationError):
        workspace_create(AUTHOR, slug="other", name="again")


@pytest.mark.parametrize(
    "changes",
    [
        {"strength": 0},
        {"strength": 5},
        {"target_id": "source"},
        {"source_id": "target", "target_id": "source"},  # undirected stored high→low
    ],
)
def test_the_database_itself_refuses_bad_ties(workspace, pair, changes):
    a, b = pair
    ids = {"source": a.pk, "target": b.pk}
    fields = {"workspace": workspace, "source_id": a.pk, "target_id": b.pk, "strength": 1}
    fields.update({k: ids.get(v, v) for k, v in changes.items()})
    with pytest.raises(IntegrityError), transaction.atomic():
        Tie.objects.create(**fields)


def test_the_database_refuses_a_second_tie_of_the_same_pair_and_kind(workspace, pair):
    a, b = pair
    Tie.objects.create(workspace=workspace, source=a, target=b, kind="ทุน")
    with pytest.raises(IntegrityError), transaction.atomic():
        Tie.objects.create(workspace=workspace, source=a, target=b, kind="ทุน")
