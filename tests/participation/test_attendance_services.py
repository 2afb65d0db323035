"""Attendance services: registering actors (one or many, never twice), roles, arrivals, head
counts, check-in at the door only while it is open, and the audit trail of each."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from phakhi.actors.services import actor_create
from phakhi.core.codes import normalize_code
from phakhi.core.models import AuditEvent
from phakhi.core.versions import EditConflict
from phakhi.networks.services import membership_set, network_create
from phakhi.participation.attendance import (
    activity_counts_set,
    attendance_add,
    attendance_add_many,
    attendance_check_in,
    attendance_check_in_undo,
    attendance_remove,
    attendance_set_role,
    check_in_close,
    check_in_open,
    door_check_in,
)
from phakhi.participation.attendance_selectors import (
    attendance_counts,
    attendance_of,
    door_search,
)
from phakhi.participation.models import Attendance, Role
from tests.participation.attendance_support import make_activity, make_people


@pytest.fixture
def people(author, workspace):
    return make_people(author, workspace, ["นายสมชาย ใจดี", "นางสาวกานดา ศรีสุข", "ดร.วิชัย พูลผล"])


def test_add_is_idempotent_and_sets_the_role(author, workspace, people):
    activity = make_activity(workspace)
    first = attendance_add(author, activity, people[0])
    again = attendance_add(author, activity, people[0], role=Role.SPEAKER)
    assert again.pk == first.pk
    assert Attendance.objects.filter(activity=activity).count() == 1
    assert Attendance.objects.get().role == Role.SPEAKER
    actions = list(
        AuditEvent.objects.filter(object_type="participation.attendance")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [AuditEvent.Action.CREATE, AuditEvent.Action.UPDATE]


def test_add_refuses_another_workspace_and_unknown_roles(
    author, workspace, other_workspace, people
):
    activity = make_activity(workspace)
    stranger = actor_create(author, other_workspace, key="x", name="คนนอก")
    with pytest.raises(ValidationError) as error:
        attendance_add(author, activity, stranger)
    assert "another workspace" in str(error.value.message_dict["actor"])
    with pytest.raises(ValidationError) as error:
        attendance_add(author, activity, people[0], role="chair")
    assert "“chair” is not a role" in error.value.message_dict["role"][0]
    assert not Attendance.objects.exists()


def test_add_many_reports_those_already_there(author, workspace, people):
    activity = make_activity(workspace)
    attendance_add(author, activity, people[0])
    result = attendance_add_many(author, activity, [people[0], people[1], people[2], people[1]])
    assert [row.actor for row in result.already] == [people[0]]
    assert {row.actor for row in result.added} == {people[1], people[2]}
    assert Attendance.objects.filter(activity=activity).count() == 3


def test_add_many_is_all_or_nothing(author, workspace, other_workspace, people):
    activity = make_activity(workspace)
    stranger = actor_create(author, other_workspace, key="x", name="คนนอก")
    with pytest.raises(ValidationError):
        attendance_add_many(author, activity, [people[0], stranger])
    assert not Attendance.objects.exists()


def test_remove_role_and_arrival(author, workspace, people):
    activity = make_activity(workspace)
    row = attendance_add(author, activity, people[0])
    attendance_set_role(author, row, Role.ORGANIZER)
    attendance_check_in(author, row)
    first_time = Attendance.objects.get().checked_in_at
    assert first_time is not None
    attendance_check_in(author, row)  # twice: the first time stays
    assert Attendance.objects.get().checked_in_at == first_time
    assert attendance_counts([activity.pk, 999]) == {activity.pk: (1, 1), 999: (0, 0)}
    attendance_check_in_undo(author, row)
    assert attendance_counts([activity.pk]) == {activity.pk: (1, 0)}
    attendance_remove(author, row)
    attendance_remove(author, row)  # twice is harmless
    assert not Attendance.objects.exists()
    with pytest.raises(ValidationError, match="no longer on the activity"):
        attendance_set_role(author, row, Role.SPEAKER)


def test_attendance_in_thai_order_with_organisers_first(author, workspace, people):
    activity = make_activity(workspace)
    attendance_add_many(author, activity, people)
    attendance_add(author, activity, people[2], role=Role.ORGANIZER)
    names = [row.actor.name for row in attendance_of(activity)]
    # ดร.วิชัย organises; then กานดา before สมชาย (titles do not count, ก before ส).
    assert names == ["ดร.วิชัย พูลผล", "นางสาวกานดา ศรีสุข", "นายสมชาย ใจดี"]


def test_head_counts_and_satisfaction(author, workspace):
    activity = make_activity(workspace)
    activity_counts_set(
        author, activity, public_civil=120, public_government="15", satisfaction="4.356"
    )
    activity.refresh_from_db()
    assert (activity.public_civil, activity.public_government) == (120, 15)
    assert activity.satisfaction == Decimal("4.36")
    with pytest.raises(ValidationError) as error:
        activity_counts_set(author, activity, public_academic=-1)
    assert "public_academic" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        activity_counts_set(author, activity, satisfaction=6)
    assert error.value.message_dict["satisfaction"] == ["The satisfaction score is from 1 to 5."]
    # An edit from an older version of a count someone changed since is a conflict.
    with pytest.raises(EditConflict):
        activity_counts_set(author, activity, version=1, public_civil=99)
    activity_counts_set(author, activity, satisfaction=None)
    activity.refresh_from_db()
    assert activity.satisfaction is None and activity.public_civil == 120


def test_check_in_only_while_open(author, workspace, people):
    network = network_create(author, workspace, slug="health", name="เครือข่ายสุขภาพ")
    membership_set(author, network, people[1])
    activity = make_activity(workspace, networks=(network,))
    attendance_add(author, activity, people[0])
    with pytest.raises(ValidationError, match="closed"):
        door_check_in("ACF47K", people[0].pk)
    code = check_in_open(author, activity)
    assert normalize_code(code.lower()) == code and len(code) == 6
    assert check_in_open(author, activity) == code  # open already: the same code
    registered = door_check_in(code, people[0].pk)
    assert registered.checked_in_at is not None and registered.source == "registered"
    # A member of the activity's network is added as having checked in at the door.
    member = door_check_in(f"{code[:3]}-{code[3:]}".lower(), people[1].pk)
    assert member.source == Attendance.Source.CHECK_IN and member.checked_in_at is not None
    assert door_check_in(code, people[1].pk).pk == member.pk  # tapping twice is harmless
    with pytest.raises(ValidationError, match="not on the activity's list"):
        door_check_in(code, people[2].pk)
    check_in_close(author, activity)
    with pytest.raises(ValidationError, match="closed"):
        door_check_in(code, people[0].pk)
    assert attendance_counts([activity.pk])[activity.pk] == (2, 2)
    assert AuditEvent.objects.filter(by="system:door").count() == 2


def test_door_search_shows_only_the_list_and_needs_two_letters(author, workspace, people):
    network = network_create(author, workspace, slug="health", name="เครือข่ายสุขภาพ")
    membership_set(author, network, people[1])
    activity = make_activity(workspace, networks=(network,))
    attendance_add(author, activity, people[0])
    assert door_search(activity, "ส") == []
    assert [row.name for row in door_search(activity, "สมชาย")] == ["นายสมชาย ใจดี"]
    assert [row.name for row in door_search(activity, "กานดา")] == ["นางสาวกานดา ศรีสุข"]
    assert door_search(activity, "วิชัย") == []  # neither registered nor a member
    found = door_search(activity, "นางสาว กานดา")[0]
    assert found.arrived is False and not hasattr(found, "phone")


def test_taking_part_makes_and_unmakes_co_participation_ties(author, workspace, people):
    """The real co-participation refresh (not the spy): each write that changes who took part
    brings the ties up to date within its transaction."""
    from phakhi.participation.registrations import registration_accept, registration_create
    from phakhi.ties.models import Tie

    def pairs() -> set[frozenset[str]]:
        ties = Tie.objects.filter(workspace=workspace, kind="co-participation")
        return {frozenset((t.source.name, t.target.name)) for t in ties}

    network = network_create(author, workspace, slug="health", name="เครือข่ายสุขภาพ")
    membership_set(author, network, people[1])
    activity = make_activity(workspace, networks=(network,))
    attendance_add(author, activity, people[0])
    assert pairs() == set()
    code = check_in_open(author, activity)
    door_check_in(code, people[1].pk)  # a member checks in at the door
    assert pairs() == {frozenset(("นายสมชาย ใจดี", "นางสาวกานดา ศรีสุข"))}
    newcomer = registration_accept(author, registration_create(activity, name="นางอรุณี แสงทอง"))
    assert len(pairs()) == 3 and all(newcomer.name in p or len(p) == 2 for p in pairs())
    row = Attendance.objects.get(activity=activity, actor=people[0])
    attendance_remove(author, row)
    assert pairs() == {frozenset(("นางสาวกานดา ศรีสุข", "นางอรุณี แสงทอง"))}
    tie = Tie.objects.get(workspace=workspace, kind="co-participation")
    assert tie.attributes["shared_activities"] == 1
