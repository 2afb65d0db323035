"""The live workshop's pages: a participant on a phone, without an account (outside any
workspace), and the facilitator's pages around them."""

from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from phakhi.stakeholders.models import Stakeholder
from phakhi.workshops.models import Contribution, JoinFailure, Participant, WorkshopSession
from phakhi.workshops.services import session_close, session_open
from tests.accounts_support import client_for, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(data: dict[str, Any], author: Any) -> WorkshopSession:
    return session_open(author, data["project"])


def _joined(session: WorkshopSession, name: str = "ป้อม", **extra: Any) -> Client:
    phone = Client(**extra)
    url = reverse("web:join-session", kwargs={"code": session.code})
    response = phone.post(url, {"display_name": name, "sector": "civil"})
    assert response.status_code == 302, response.content[:300]
    return phone


def _session_url(name: str, session: WorkshopSession, **kwargs: Any) -> str:
    return reverse(
        f"web:{name}",
        kwargs={
            "workspace": "khon-kaen",
            "project": session.project.slug,
            "session": session.pk,
            **kwargs,
        },
    )


def test_a_participant_joins_by_code_and_adds_a_stakeholder(
    data: dict[str, Any], session: WorkshopSession
) -> None:
    phone = Client()
    assert phone.get(reverse("web:join")).status_code == 200
    typed = f" {session.code[:3].lower()}-{session.code[3:].lower()} "
    response = phone.post(reverse("web:join"), {"code": typed})
    join_url = reverse("web:join-session", kwargs={"code": session.code})
    assert response.status_code == 302 and response["Location"] == join_url
    page = phone.get(join_url)
    assert "What is kept, and why" in page.content.decode()
    assert data["project"].name in page.content.decode()
    response = phone.post(join_url, {"display_name": "  ป้อม ", "sector": "civil"})
    cookie = response.cookies[f"phakhi_live_{session.code}"]
    assert cookie["httponly"] and cookie["path"] == join_url
    assert Participant.objects.get(session=session).display_name == "ป้อม"
    page = phone.get(join_url).content.decode()
    assert "Step 1 of 3" in page and "Your stakeholders" in page and "None yet." in page
    response = phone.post(
        reverse("web:join-add", kwargs={"code": session.code}),
        {"name": "นายก ทม.", "kind": "organization", "sector": "government"},
    )
    assert response.status_code == 302
    assert "นายก ทม." in phone.get(join_url).content.decode()
    card = Contribution.objects.get(session=session)
    assert (card.name, card.kind, card.sector) == ("นายก ทม.", "organization", "government")


def test_an_empty_name_is_refused_with_the_field_named(session: WorkshopSession) -> None:
    phone = _joined(session)
    response = phone.post(reverse("web:join-add", kwargs={"code": session.code}), {"name": " "})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Contribution.objects.exists()


def test_the_projector_board_answers_empty_until_something_changes(
    data: dict[str, Any], session: WorkshopSession
) -> None:
    facilitator = client_for(user_with_role(data["workspace"], "coordinator"))
    page = facilitator.get(_session_url("project-live-session", session)).content.decode()
    assert session.code[:3] in page and "<svg" in page and "/join/" + session.code in page
    board_url = _session_url("project-live-board", session)
    first = facilitator.get(board_url)
    fingerprint = first["ETag"].strip('"')
    assert facilitator.get(board_url, {"since": fingerprint}).status_code == 204
    assert facilitator.get(board_url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    phone = _joined(session)
    phone.post(reverse("web:join-add", kwargs={"code": session.code}), {"name": "วัดป่า"})
    changed = facilitator.get(board_url, {"since": fingerprint})
    assert changed.status_code == 200 and "วัดป่า" in changed.content.decode()


def test_steps_two_and_three_mark_groups_and_quadrants(
    data: dict[str, Any], session: WorkshopSession, author: Any
) -> None:
    phone = _joined(session)
    phone.post(reverse("web:join-add", kwargs={"code": session.code}), {"name": "อสม."})
    card = Contribution.objects.get()
    facilitator = client_for(user_with_role(data["workspace"], "coordinator"))
    facilitator.post(_session_url("project-live-step", session), {"step": "2"})
    join_url = reverse("web:join-session", kwargs={"code": session.code})
    assert "Step 2 of 3" in phone.get(join_url).content.decode()
    card_url = reverse("web:join-card", kwargs={"code": session.code, "card": card.pk})
    fragment = phone.post(
        card_url,
        {"groups": "1", "influences_us": "on", "interested_in_outcome": "on", "version": "1"},
        HTTP_HX_REQUEST="true",
    )
    assert fragment.status_code == 200 and f'id="card-{card.pk}"' in fragment.content.decode()
    card.refresh_from_db()
    assert card.groups == ["influences_us", "interested_in_outcome"]
    phone.post(card_url, {"groups": "1", "affected_by_us": "on"})  # unticked ones are read too
    card.refresh_from_db()
    assert card.groups == ["affected_by_us"]
    facilitator.post(_session_url("project-live-step", session), {"step": "3"})
    phone.post(card_url, {"quadrant": "low-high"}, HTTP_HX_REQUEST="true")
    card.refresh_from_db()
    assert (card.influence, card.interest) == ("low", "high")


def test_a_participant_sees_only_their_session_and_their_cards(
    data: dict[str, Any], session: WorkshopSession, author: Any
) -> None:
    from phakhi.projects.services import project_create

    other = session_open(author, project_create(author, data["workspace"], slug="x", name="X"))
    phone = _joined(session)
    neighbour = _joined(session, "แดง")
    neighbour.post(reverse("web:join-add", kwargs={"code": session.code}), {"name": "ลับ"})
    secret = Contribution.objects.get(name="ลับ")
    # Another session: the phone is not in it, and is asked to join.
    page = phone.get(reverse("web:join-session", kwargs={"code": other.code})).content.decode()
    assert "Join the workshop" in page
    # Someone else's card: neither shown nor changed.
    assert (
        "ลับ"
        not in phone.get(
            reverse("web:join-session", kwargs={"code": session.code})
        ).content.decode()
    )
    url = reverse("web:join-card", kwargs={"code": session.code, "card": secret.pk})
    assert phone.post(url, {"quadrant": "high-high"}).status_code == 404
    secret.refresh_from_db()
    assert secret.influence == ""
    # A phone that never joined cannot add.
    response = Client().post(reverse("web:join-add", kwargs={"code": session.code}), {"name": "x"})
    assert response.status_code == 302 and Contribution.objects.count() == 1


def test_codes_stop_working_when_the_session_closes(session: WorkshopSession, author: Any) -> None:
    phone = _joined(session)
    phone.post(reverse("web:join-add", kwargs={"code": session.code}), {"name": "วัด"})
    state = reverse("web:join-state", kwargs={"code": session.code})
    assert phone.get(state, {"step": "1"}).status_code == 204
    session_close(author, session)
    reload = phone.get(state, {"step": "1"})
    assert reload.status_code == 200 and reload["HX-Refresh"] == "true"
    join_url = reverse("web:join-session", kwargs={"code": session.code})
    closed = phone.get(join_url)
    assert closed.status_code == 410 and "วัด" in closed.content.decode()
    add = phone.post(reverse("web:join-add", kwargs={"code": session.code}), {"name": "อีก"})
    assert add.status_code == 410 and Contribution.objects.count() == 1
    assert not JoinFailure.objects.exists()  # the participant's own phone is not a guesser
    assert Client().get(join_url).status_code == 404
    assert JoinFailure.objects.count() == 1


def test_the_state_poll_tells_a_phone_without_the_cookie_nothing(
    session: WorkshopSession,
) -> None:
    state = reverse("web:join-state", kwargs={"code": session.code})
    for code in (session.code, "XXXXXX"):
        url = reverse("web:join-state", kwargs={"code": code})
        response = Client().get(url, {"step": "1"})
        assert response.status_code == 200 and response["HX-Refresh"] == "true"
    assert _joined(session).get(state, {"step": "1"}).status_code == 204


def test_guessing_codes_is_limited_with_a_thai_message(settings: Any) -> None:
    settings.PHAKHI_JOIN_FAILURE_LIMIT = 3
    guesser = Client(HTTP_ACCEPT_LANGUAGE="th", REMOTE_ADDR="192.0.2.9")
    for _ in range(3):
        assert guesser.post(reverse("web:join"), {"code": "AAAAAA"}).status_code == 404
    refused = guesser.post(reverse("web:join"), {"code": "AAAAAA"})
    assert refused.status_code == 429
    assert "รหัสผิดหลายครั้ง" in refused.content.decode()
    assert guesser.get(reverse("web:join-session", kwargs={"code": "CCCCCC"})).status_code == 429
    # Another address is not held back.
    assert (
        Client(REMOTE_ADDR="192.0.2.10").post(reverse("web:join"), {"code": "AAAAAA"}).status_code
        == 404
    )


def test_csrf_stays_on_for_participants(session: WorkshopSession) -> None:
    phone = Client(enforce_csrf_checks=True)
    url = reverse("web:join-session", kwargs={"code": session.code})
    assert phone.post(url, {"display_name": "ป้อม"}).status_code == 403
    assert not Participant.objects.exists()


def test_the_facilitator_merges_accepts_and_rejects_from_the_page(
    data: dict[str, Any], session: WorkshopSession
) -> None:
    one, two = _joined(session, "ป้อม"), _joined(session, "แดง")
    add = reverse("web:join-add", kwargs={"code": session.code})
    one.post(add, {"name": "ผู้บริโภค", "kind": "group"})
    two.post(add, {"name": "ผู้บริโภค ", "kind": "group"})
    two.post(add, {"name": "ทดสอบ"})
    first, second, junk = Contribution.objects.order_by("id")
    facilitator = client_for(user_with_role(data["workspace"], "coordinator"))
    page = facilitator.get(_session_url("project-live-session", session)).content.decode()
    assert "Possible duplicates" in page and "Merge into" in page
    merge = _session_url("project-live-merge", session)
    facilitator.post(merge, {"duplicate": second.pk, "into": first.pk})
    facilitator.post(_session_url("project-live-reject", session, contribution=junk.pk))
    for _ in range(2):  # a double click makes one stakeholder
        facilitator.post(_session_url("project-live-accept", session, contribution=first.pk))
    assert list(Stakeholder.objects.values_list("name", flat=True)) == ["ผู้บริโภค"]
    statuses = list(Contribution.objects.order_by("id").values_list("status", flat=True))
    assert statuses == ["accepted", "merged", "rejected"]
    facilitator.post(_session_url("project-live-close", session))
    session.refresh_from_db()
    assert session.closed_at is not None


def test_the_tab_lists_sessions_and_opens_one(data: dict[str, Any]) -> None:
    facilitator = client_for(user_with_role(data["workspace"], "coordinator"))
    tab = reverse("web:project-live", kwargs={"workspace": "khon-kaen", "project": "clinic"})
    assert "Open a new session" in facilitator.get(tab).content.decode()
    opened = facilitator.post(
        reverse("web:project-live-open", kwargs={"workspace": "khon-kaen", "project": "clinic"})
    )
    session = WorkshopSession.objects.get()
    assert opened.status_code == 302 and opened["Location"].endswith(f"/live/{session.pk}/")
    assert session.code in facilitator.get(tab).content.decode()
    viewer = client_for(user_with_role(data["workspace"], "viewer"))
    assert "Open a new session" not in viewer.get(tab).content.decode()


def test_two_names_the_comparison_cannot_match_are_merged_by_hand(
    data: dict[str, Any], session: WorkshopSession
) -> None:
    phone = _joined(session)
    add = reverse("web:join-add", kwargs={"code": session.code})
    phone.post(add, {"name": "อบต.โนนรัง"})
    phone.post(add, {"name": "องค์การบริหารส่วนตำบลโนนรัง"})
    short, full = Contribution.objects.order_by("id")
    facilitator = client_for(user_with_role(data["workspace"], "coordinator"))
    page = facilitator.get(_session_url("project-live-session", session)).content.decode()
    assert "Possible duplicates" not in page and "Merge two cards" in page
    merge = _session_url("project-live-merge", session)
    refused = facilitator.post(merge, {"duplicate": short.pk, "into": short.pk}, follow=True)
    assert "cannot be merged into itself" in refused.content.decode()
    facilitator.post(merge, {"duplicate": short.pk, "into": full.pk})
    short.refresh_from_db()
    assert short.status == "merged" and short.merged_into == full


def test_the_facilitator_chooses_a_new_assessment_for_the_session(
    data: dict[str, Any], author: Any
) -> None:
    from phakhi.stakeholders.services import assessment_create

    latest = assessment_create(author, data["project"], held_on=date(2026, 1, 5))
    facilitator = client_for(user_with_role(data["workspace"], "coordinator"))
    kwargs = {"workspace": "khon-kaen", "project": "clinic"}
    assert (
        "Into a new assessment dated today"
        in facilitator.get(reverse("web:project-live", kwargs=kwargs)).content.decode()
    )
    facilitator.post(reverse("web:project-live-open", kwargs=kwargs), {"new_assessment": "0"})
    facilitator.post(reverse("web:project-live-open", kwargs=kwargs), {"new_assessment": "1"})
    first, second = WorkshopSession.objects.order_by("id")
    assert first.assessment == latest and second.assessment.previous == latest


def test_only_the_facilitators_see_who_named_a_card(
    data: dict[str, Any], session: WorkshopSession
) -> None:
    """The notice tells participants their name is shown to the facilitator only."""
    phone = _joined(session, "ป้อมปราการ")
    phone.post(reverse("web:join-add", kwargs={"code": session.code}), {"name": "วัดป่า"})
    url = _session_url("project-live-session", session)
    for role, sees in (("coordinator", True), ("member", False), ("viewer", False)):
        page = client_for(user_with_role(data["workspace"], role)).get(url).content.decode()
        assert "วัดป่า" in page
        assert ("ป้อมปราการ" in page) is sees, role
