"""Co-participation ties equal networkx's weighted projection of the attendance, whether made
all at once (rebuild) or kept up to date one change at a time (refresh)."""

import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phakhi.actors.models import Actor
from phakhi.core.audit import Author
from phakhi.core.models import AuditEvent
from phakhi.participation.coparticipation import (
    KIND,
    coparticipation_rebuild,
    coparticipation_refresh,
    coparticipation_status,
    makes_ties,
    tie_limit,
    tie_limit_set,
)
from phakhi.participation.models import Activity, Attendance
from phakhi.ties.models import Origin, Tie
from phakhi.ties.services import tie_create
from tests.participation.coparticipation_support import (
    attend,
    make_activities,
    make_actors,
    reference_edges,
    stored_edges,
)

AUTHOR = Author("test:coparticipation")


def random_attendance(workspace, seed: int, actors: int = 40, activities: int = 25):
    rng = random.Random(seed)
    people = make_actors(workspace, actors)
    events = make_activities(workspace, activities, seed)
    for activity in events:
        size = rng.choice([0, 1, 2, 3, 5, 8, 12, rng.randrange(2, 30)])
        attend(activity, rng.sample(people, size))
    return people, events


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rebuild_equals_networkx_weighted_projection(workspace, seed):
    random_attendance(workspace, seed)
    tie_limit_set(AUTHOR, workspace, 10)  # some activities are over it
    result = coparticipation_rebuild(workspace)
    expected = reference_edges(workspace)
    assert expected  # the draw made some pairs
    assert stored_edges(workspace) == expected
    assert result.created == 0  # the limit's change already made them
    assert result.unchanged == len(expected)


@pytest.mark.django_db
def test_ties_are_undirected_level_one_with_the_kind_and_origin(workspace):
    a, b, c = make_actors(workspace, 3)
    first, second = make_activities(workspace, 2)
    attend(first, [a, b, c])
    attend(second, [a, b])
    coparticipation_rebuild(workspace)
    tie = Tie.objects.get(source=a, target=b)
    assert (tie.kind, tie.origin, tie.strength, tie.directed) == (KIND, Origin.ACTIVITY, 1, False)
    assert tie.attributes == {
        "shared_activities": 2,
        "last_activity": max(first.starts_on, second.starts_on).isoformat(),
    }
    assert Tie.objects.get(source=b, target=c).attributes["shared_activities"] == 1
    assert (tie.since, tie.until) == (None, None)


@pytest.mark.django_db
def test_refresh_after_each_change_equals_rebuild(workspace):
    rng = random.Random(7)
    people = make_actors(workspace, 25)
    events = make_activities(workspace, 12)
    tie_limit_set(AUTHOR, workspace, 8)
    for _step in range(120):
        activity = rng.choice(events)
        actor = rng.choice(people)
        row = Attendance.objects.filter(activity=activity, actor=actor).first()
        if row is None:
            attend(activity, [actor])
            coparticipation_refresh(workspace, {actor.pk})
        else:
            row.delete()
            coparticipation_refresh(workspace, {actor.pk}, resized={activity.pk})
        assert stored_edges(workspace) == reference_edges(workspace)
    before = stored_edges(workspace)
    assert coparticipation_rebuild(workspace).changed == 0
    assert stored_edges(workspace) == before


changes = st.lists(
    st.tuples(st.integers(0, 5), st.integers(0, 11), st.booleans()), min_size=1, max_size=40
)


@pytest.mark.django_db
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=changes, limit=st.integers(2, 6))
def test_incremental_equals_rebuild_property(workspace, steps, limit):
    Tie.objects.filter(workspace=workspace).delete()
    Attendance.objects.filter(workspace=workspace).delete()
    # One workspace for all the examples: its actors and activities are made by the first.
    people = _actors(workspace) or make_actors(workspace, 12)
    events = _activities(workspace) or make_activities(workspace, 6)
    tie_limit_set(AUTHOR, workspace, limit)
    for activity_index, actor_index, add in steps:
        activity, actor = events[activity_index], people[actor_index]
        there = Attendance.objects.filter(activity=activity, actor=actor)
        if add and not there.exists():
            attend(activity, [actor])
        elif not add:
            there.delete()
        coparticipation_refresh(workspace, {actor.pk}, resized={activity.pk})
    incremental = stored_edges(workspace)
    assert incremental == reference_edges(workspace)
    coparticipation_rebuild(workspace)
    assert stored_edges(workspace) == incremental


def _actors(workspace):
    return list(Actor.objects.filter(workspace=workspace).order_by("id"))


def _activities(workspace):
    return list(Activity.objects.filter(workspace=workspace).order_by("id"))


@pytest.mark.django_db
def test_an_activity_crossing_the_limit_makes_and_unmakes_its_ties(workspace):
    people = make_actors(workspace, 4)
    (activity,) = make_activities(workspace, 1)
    tie_limit_set(AUTHOR, workspace, 3)
    attend(activity, people[:3])
    coparticipation_refresh(workspace, {p.pk for p in people[:3]})
    assert len(stored_edges(workspace)) == 3
    assert makes_ties(activity)
    attend(activity, people[3:])
    coparticipation_refresh(workspace, {people[3].pk})  # a fourth: over the limit
    assert stored_edges(workspace) == {}
    assert not makes_ties(activity)
    assert not makes_ties(activity, 4) and makes_ties(activity, 3)
    Attendance.objects.filter(actor=people[0]).delete()
    coparticipation_refresh(workspace, {people[0].pk}, resized={activity.pk})
    assert len(stored_edges(workspace)) == 3  # the three left make ties again
    assert stored_edges(workspace) == reference_edges(workspace)


@pytest.mark.django_db
def test_changing_the_limit_rebuilds_and_is_recorded(workspace):
    people = make_actors(workspace, 6)
    (activity,) = make_activities(workspace, 1)
    attend(activity, people)
    coparticipation_rebuild(workspace)
    assert len(stored_edges(workspace)) == 15
    assert tie_limit(workspace) == 50
    change = tie_limit_set(AUTHOR, workspace, 5)
    assert change is not None and (change.old, change.new, change.queued) == (50, 5, False)
    assert change.rebuild is not None and change.rebuild.removed == 15
    assert tie_limit(workspace) == 5
    assert tie_limit_set(AUTHOR, workspace, 5) is None  # the same limit: nothing to do
    event = AuditEvent.objects.filter(changes__has_key="max_participants").get()
    assert event.changes["max_participants"] == [50, 5]
    status = coparticipation_status(workspace)
    assert (status.limit, status.ties) == (5, 0)
    assert status.last_rebuild is not None and status.last_rebuild.changes["removed"] == 15


@pytest.mark.django_db
def test_limit_below_two_is_refused(workspace):
    from django.core.exceptions import ValidationError

    for wrong in (1, 0, 1001):
        with pytest.raises(ValidationError):
            tie_limit_set(AUTHOR, workspace, wrong)


@pytest.mark.django_db
def test_deleting_an_activity_removes_what_it_alone_made(workspace):
    a, b, c = make_actors(workspace, 3)
    first, second = make_activities(workspace, 2)
    attend(first, [a, b, c])
    attend(second, [a, b])
    coparticipation_rebuild(workspace)
    participants = set(first.attendances.values_list("actor_id", flat=True))
    first.delete()
    coparticipation_refresh(workspace, participants)
    assert stored_edges(workspace) == {(a.pk, b.pk): (1, second.starts_on.isoformat())}


@pytest.mark.django_db
def test_a_changed_date_moves_last_activity(workspace):
    a, b = make_actors(workspace, 2)
    (activity,) = make_activities(workspace, 1)
    attend(activity, [a, b])
    coparticipation_rebuild(workspace)
    activity.starts_on = dt.date(2026, 3, 12)
    activity.save()
    coparticipation_refresh(workspace, (), activities={activity.pk})
    tie = Tie.objects.get(kind=KIND)
    assert tie.attributes["last_activity"] == "2026-03-12"
    assert tie.version == 2  # each change of a tie is a version


@pytest.mark.django_db
def test_other_ties_are_never_touched(workspace):
    a, b, c = make_actors(workspace, 3)
    (activity,) = make_activities(workspace, 1)
    manual = tie_create(AUTHOR, workspace, a, b, strength=3, kind="ทำงานร่วมกัน")
    imported = tie_create(AUTHOR, workspace, b, c, kind=KIND, origin=Origin.IMPORT)
    attend(activity, [a, b, c])
    result = coparticipation_rebuild(workspace)
    assert result.created == 2  # a–b and a–c; b–c is the imported one's
    imported.refresh_from_db()
    assert (imported.origin, imported.attributes, imported.version) == (Origin.IMPORT, {}, 1)
    Attendance.objects.all().delete()
    coparticipation_rebuild(workspace)
    assert set(Tie.objects.values_list("pk", flat=True)) == {manual.pk, imported.pk}


@pytest.mark.django_db
def test_a_raised_strength_and_other_attributes_stay(workspace):
    a, b = make_actors(workspace, 2)
    first, second = make_activities(workspace, 2)
    attend(first, [a, b])
    coparticipation_rebuild(workspace)
    tie = Tie.objects.get(kind=KIND)
    Tie.objects.filter(pk=tie.pk).update(strength=3, attributes={**tie.attributes, "note": "x"})
    attend(second, [a, b])
    coparticipation_refresh(workspace, {a.pk})
    tie.refresh_from_db()
    assert tie.strength == 3
    assert tie.attributes == {
        "shared_activities": 2,
        "last_activity": max(first.starts_on, second.starts_on).isoformat(),
        "note": "x",
    }


@pytest.mark.django_db
def test_one_audit_event_per_batch(workspace):
    people = make_actors(workspace, 10)
    (activity,) = make_activities(workspace, 1)
    attend(activity, people)
    before = AuditEvent.objects.count()
    result = coparticipation_refresh(workspace, {p.pk for p in people})
    assert result.created == 45
    events = AuditEvent.objects.all()[: AuditEvent.objects.count() - before]
    assert len(events) == 1
    assert events[0].changes["created"] == 45 and events[0].changes["kind"] == KIND
    # Nothing changed: nothing recorded.
    coparticipation_refresh(workspace, {people[0].pk})
    assert AuditEvent.objects.count() == before + 1


@pytest.mark.django_db
def test_many_actors_refresh_as_a_rebuild(workspace, monkeypatch):
    import phakhi.participation.coparticipation as module

    monkeypatch.setattr(module, "REFRESH_LIMIT", 3)
    people = make_actors(workspace, 5)
    (activity,) = make_activities(workspace, 1)
    attend(activity, people)
    result = coparticipation_refresh(workspace, {p.pk for p in people})
    assert result.operation == "rebuild" and result.created == 10
