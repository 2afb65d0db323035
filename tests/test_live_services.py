"""The live workshop's services: sessions and their codes, joining, contributing, the guessing
limit, and the facilitator's merge, accept and reject."""

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from phakhi.core.codes import ALPHABET, LENGTH, normalize_code
from phakhi.core.models import AuditEvent
from phakhi.projects.services import project_create
from phakhi.stakeholders.models import Stakeholder
from phakhi.stakeholders.services import assessment_create, stakeholder_add
from phakhi.workshops import guessing
from phakhi.workshops.models import Contribution, JoinFailure, WorkshopSession
from phakhi.workshops.participation import (
    contribution_add,
    contribution_update,
    participant_join,
)
from phakhi.workshops.review import (
    contribution_accept,
    contribution_merge,
    contribution_reject,
    contributions_accept_all,
)
from phakhi.workshops.selectors import board, duplicate_groups, fingerprint, open_session
from phakhi.workshops.services import session_close, session_open, session_set_step

pytestmark = pytest.mark.django_db
Status = Contribution.Status


@pytest.fixture
def session(data: dict[str, Any], author: Any) -> WorkshopSession:
    return session_open(author, data["project"])


def test_opening_a_session_creates_an_assessment_when_the_project_has_none(
    data: dict[str, Any], author: Any
) -> None:
    project = data["project"]
    assert not project.assessments.exists()
    session = session_open(author, project)
    assert session.assessment.project == project
    assert len(session.code) == LENGTH and set(session.code) <= set(ALPHABET)
    assert open_session(session.code) == session
    # A second session goes into the same (latest) assessment, under another code.
    second = session_open(author, project)
    assert second.assessment == session.assessment and second.code != session.code
    assert project.assessments.count() == 1


def test_a_session_goes_into_the_latest_assessment(data: dict[str, Any], author: Any) -> None:
    project = data["project"]
    assessment_create(author, project, held_on=dt.date(2025, 1, 1))
    latest = assessment_create(author, project, held_on=dt.date(2026, 6, 1))
    assert session_open(author, project).assessment == latest


def test_two_open_sessions_never_share_a_code(session: WorkshopSession, data: dict) -> None:
    clash = WorkshopSession(
        workspace=data["workspace"],
        project=data["project"],
        assessment=session.assessment,
        code=session.code,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        clash.save()


def test_a_closed_sessions_code_stops_working(session: WorkshopSession, author: Any) -> None:
    participant = participant_join(session, display_name="ป้อม")
    session_close(author, session)
    assert open_session(session.code) is None
    with pytest.raises(ValidationError, match="closed"):
        participant_join(session, display_name="แดง")
    with pytest.raises(ValidationError, match="closed"):
        contribution_add(participant, name="อบต.")
    # Its code may be given to a later session.
    later = WorkshopSession.objects.create(
        workspace_id=session.workspace_id,
        project=session.project,
        assessment=session.assessment,
        code=session.code,
    )
    assert open_session(session.code) == later


def test_typed_codes_are_read_leniently() -> None:
    assert normalize_code(" acf-47k ") == "ACF47K"
    assert normalize_code("ACF 47") == ""  # too short
    assert normalize_code("ACF470") == ""  # 0 is not in the alphabet


def test_the_step_moves_and_every_change_moves_the_fingerprint(
    session: WorkshopSession, author: Any
) -> None:
    before = fingerprint(session)
    session_set_step(author, session, 3)
    assert session.step == 3 and fingerprint(session) != before
    participant = participant_join(session, display_name="ป้อม")
    after_join = fingerprint(WorkshopSession.objects.get(pk=session.pk))
    contribution_add(participant, name="เทศบาล")
    assert fingerprint(WorkshopSession.objects.get(pk=session.pk)) != after_join
    with pytest.raises(ValidationError):
        session_set_step(author, session, 4)


def test_joining_needs_a_name_and_records_the_notice_shown(session: WorkshopSession) -> None:
    with pytest.raises(ValidationError) as error:
        participant_join(session, display_name="  ")
    assert "display_name" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        participant_join(session, display_name="ป้อม", sector="media")
    assert "sector" in error.value.message_dict
    participant = participant_join(session, display_name=" ป้อม  ", sector="civil")
    assert participant.display_name == "ป้อม" and participant.consent_shown
    assert len(participant.token) >= 32


def test_a_contribution_is_checked_field_by_field(session: WorkshopSession) -> None:
    participant = participant_join(session, display_name="ป้อม")
    with pytest.raises(ValidationError) as error:
        contribution_add(participant, name="", kind="robot", influence="very")
    assert set(error.value.message_dict) == {"name", "kind", "influence"}
    card = contribution_add(participant, name="นายก ทม.", kind="person", sector="government")
    assert card.status == Status.NEW and card.session == session
    assert AuditEvent.objects.filter(object_type="workshops.contribution").count() == 1


def test_participants_change_only_their_own_cards_in_their_own_session(
    data: dict[str, Any], author: Any, session: WorkshopSession
) -> None:
    other_project = project_create(author, data["workspace"], slug="other", name="อื่น")
    elsewhere = session_open(author, other_project)
    mine = participant_join(session, display_name="ป้อม")
    neighbour = participant_join(session, display_name="แดง")
    stranger = participant_join(elsewhere, display_name="ขาว")
    card = contribution_add(mine, name="อสม.")
    for someone in (neighbour, stranger):
        with pytest.raises(ValidationError, match="only the stakeholders you named"):
            contribution_update(someone, card, influence="high")
    contribution_update(mine, card, influence="high", interest="low", influences_us=True)
    card.refresh_from_db()
    assert (card.influence, card.interest, card.influences_us) == ("high", "low", True)
    assert board(elsewhere).total == 0 and board(session).total == 1


def test_guessing_codes_is_limited_by_address(settings: Any) -> None:
    settings.PHAKHI_JOIN_FAILURE_LIMIT = 3
    for _ in range(3):
        assert not guessing.join_refused("10.0.0.7")
        guessing.join_failed("10.0.0.7")
    assert guessing.join_refused("10.0.0.7")
    assert not guessing.join_refused("10.0.0.8")
    # Addresses are not kept as such.
    assert not JoinFailure.objects.filter(address__contains="10.0.0.7").exists()
    # Failures older than the window no longer count.
    JoinFailure.objects.update(at=timezone.now() - guessing.window() - dt.timedelta(seconds=1))
    assert not guessing.join_refused("10.0.0.7")


def test_duplicates_are_suggested_and_merged(session: WorkshopSession, author: Any) -> None:
    one = participant_join(session, display_name="ป้อม")
    two = participant_join(session, display_name="แดง")
    first = contribution_add(one, name="นายสมชาย ใจดี", kind="person", influences_us=True)
    second = contribution_add(
        two, name="สมชาย  ใจดี", kind="person", affected_by_us=True, influence="high"
    )
    contribution_add(two, name="นายก ทม.", kind="organization")
    contribution_add(one, name="ก ทม.", kind="organization")  # not the same once compared
    groups = duplicate_groups(session)
    assert [[card.pk for card in group] for group in groups] == [[first.pk, second.pk]]
    merged = contribution_merge(author, second, first)
    second.refresh_from_db()
    assert second.status == Status.MERGED and second.merged_into == first
    assert merged.influences_us and merged.affected_by_us and merged.influence == "high"
    assert duplicate_groups(session) == []
    with pytest.raises(ValidationError):
        contribution_merge(author, first, second)  # into a merged one


def test_accepting_creates_the_stakeholder_once(session: WorkshopSession, author: Any) -> None:
    participant = participant_join(session, display_name="ป้อม")
    card = contribution_add(
        participant,
        name="นายก ทม.",
        kind="organization",
        sector="government",
        influences_us=True,
        interested_in_outcome=True,
        influence="high",
        interest="high",
    )
    accepted = contribution_accept(author, card)
    again = contribution_accept(author, card)
    assert accepted.created and not again.created
    assert again.stakeholder == accepted.stakeholder
    stakeholder = Stakeholder.objects.get(assessment=session.assessment)
    assert (stakeholder.name, stakeholder.kind, stakeholder.sector) == (
        "นายก ทม.",
        "organization",
        "government",
    )
    assert stakeholder.influences_us and stakeholder.interested_in_outcome
    assert not stakeholder.affected_by_us
    assert (stakeholder.influence, stakeholder.interest) == ("high", "high")
    card.refresh_from_db()
    assert card.status == Status.ACCEPTED and card.stakeholder == stakeholder
    with pytest.raises(ValidationError, match="already in the assessment"):
        contribution_reject(author, card)
    with pytest.raises(ValidationError, match="taken up"):
        contribution_update(participant, card, interest="low")


def test_a_name_already_in_the_assessment_is_linked_not_repeated(
    session: WorkshopSession, author: Any
) -> None:
    existing = stakeholder_add(author, session.assessment, name="ผู้บริโภค", kind="group")
    participant = participant_join(session, display_name="ป้อม")
    card = contribution_add(participant, name=" ผู้บริโภค ", kind="group")
    accepted = contribution_accept(author, card)
    assert not accepted.created and accepted.stakeholder == existing
    assert Stakeholder.objects.filter(assessment=session.assessment).count() == 1


def test_accept_all_takes_the_new_ones_and_leaves_the_others(
    session: WorkshopSession, author: Any
) -> None:
    participant = participant_join(session, display_name="ป้อม")
    cards = [
        contribution_add(participant, name=name) for name in ("วัด", "โรงเรียน", "อบต.", "รพ.สต.")
    ]
    contribution_reject(author, cards[0])
    contribution_merge(author, cards[2], cards[1])
    result = contributions_accept_all(author, session)
    assert (result.created, result.linked) == (2, 0)
    names = set(
        Stakeholder.objects.filter(assessment=session.assessment).values_list("name", flat=True)
    )
    assert names == {"โรงเรียน", "รพ.สต."}
    statuses = dict(Contribution.objects.values_list("name", "status"))
    assert statuses == {
        "วัด": Status.REJECTED,
        "โรงเรียน": Status.ACCEPTED,
        "อบต.": Status.MERGED,
        "รพ.สต.": Status.ACCEPTED,
    }
    # The merged one points at the stakeholder of the card it was merged into.
    assert Contribution.objects.get(name="อบต.").stakeholder.name == "โรงเรียน"


def test_the_board_groups_cards_for_each_step(session: WorkshopSession) -> None:
    participant = participant_join(session, display_name="ป้อม")
    contribution_add(
        participant, name="วัด", sector="civil", influences_us=True, affected_by_us=True
    )
    contribution_add(
        participant, name="อบจ.", sector="government", influence="high", interest="low"
    )
    contribution_add(participant, name="ครู")
    shown = board(session)
    assert [c.name for c in shown.by_sector["civil"]] == ["วัด"]
    assert [c.name for c in shown.by_sector[""]] == ["ครู"]
    assert [c.name for c in shown.by_group["influences_us"]["civil"]] == ["วัด"]
    assert [c.name for c in shown.by_group["affected_by_us"]["civil"]] == ["วัด"]
    assert [c.name for c in shown.by_group["none"]["government"]] == ["อบจ."]
    assert [c.name for c in shown.by_quadrant["high-low"]] == ["อบจ."]
    assert sorted(c.name for c in shown.by_quadrant["unplaced"]) == ["ครู", "วัด"]
    assert (shown.total, shown.participants) == (3, 1)


def test_the_demo_session_is_a_closed_workshop_taken_into_the_assessment(
    data: dict[str, Any], author: Any
) -> None:
    from phakhi.workshops.demo import load_live_session

    session = load_live_session(author, data["project"])
    assert load_live_session(author, data["project"]) == session  # loaded once
    assert session.closed_at is not None and session.participants.count() == 3
    statuses = sorted(session.contributions.values_list("status", flat=True))
    assert statuses == ["accepted"] * 5 + ["merged", "rejected"]
    names = set(
        Stakeholder.objects.filter(assessment=session.assessment).values_list("name", flat=True)
    )
    assert {"ผู้บริโภค", "โรงพยาบาลจังหวัด", "ร้านค้าในตลาดสด"} <= names and "ทดสอบ" not in names


def test_a_session_may_start_a_new_assessment_copied_from_the_latest(
    data: dict[str, Any], author: Any
) -> None:
    project = data["project"]
    earlier = assessment_create(author, project, held_on=dt.date(2026, 1, 5))
    stakeholder_add(author, earlier, name="ผู้บริโภค", kind="group")
    session = session_open(author, project, new_assessment=True)
    assert session.assessment != earlier and session.assessment.previous == earlier
    copied = Stakeholder.objects.get(assessment=session.assessment)
    assert copied.name == "ผู้บริโภค" and copied.previous is not None
