"""The participant's side of a live workshop, on a phone and without an account (outside any
workspace): type the code (or scan the QR code), give a name and a sector after a line on what
is kept and why, then do what the current step asks.

A participant is known by a random token in a signed cookie scoped to their session's address;
they see that session only, and only their own cards. Codes that match no open session are
counted by address (``phakhi.workshops.guessing``); too many and the address waits. CSRF stays
on like everywhere else."""

from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phakhi.core.versions import EditConflict
from phakhi.stakeholders.vocabulary import GROUPS, QUADRANTS, quadrant_of
from phakhi.web.client_ip import client_ip
from phakhi.web.forms import add_service_errors
from phakhi.web.views.live_forms import CardForm, CodeForm, JoinForm, placement_of
from phakhi.workshops import guessing
from phakhi.workshops.codes import display_code, normalize_code
from phakhi.workshops.models import Contribution, Participant, Step, WorkshopSession
from phakhi.workshops.participation import (
    contribution_add,
    contribution_update,
    participant_join,
)
from phakhi.workshops.selectors import contributions_of, open_session, participant_of

COOKIE_SALT = "phakhi.live.participant"
COOKIE_AGE = 24 * 60 * 60  # a workshop day
STATE_POLL_SECONDS = 4


def _cookie_name(code: str) -> str:
    return f"phakhi_live_{code}"


def _token(request: HttpRequest, code: str) -> str:
    try:
        return request.get_signed_cookie(_cookie_name(code), default="", salt=COOKIE_SALT) or ""
    except signing.BadSignature:
        return ""


def _limited(request: HttpRequest) -> HttpResponse:
    minutes = int(guessing.window().total_seconds() // 60)
    return render(request, "web/live/limited.html", {"minutes": minutes}, status=429)


def _closed_for(request: HttpRequest, code: str) -> tuple[WorkshopSession, Participant] | None:
    """The closed session this phone took part in under ``code`` (its cookie says so)."""
    token = _token(request, code)
    if not token:
        return None
    participant = (
        Participant.objects.filter(token=token, session__code=code)
        .select_related("session", "session__project")
        .first()
    )
    return (participant.session, participant) if participant else None


def _wrong_code(request: HttpRequest, typed: str) -> HttpResponse:
    guessing.join_failed(client_ip(request))
    form = CodeForm({"code": typed})
    form.is_valid()
    form.add_error("code", _("No open workshop has this code. Check it on the projector."))
    return render(request, "web/live/join_code.html", {"form": form}, status=404)


def join(request: HttpRequest) -> HttpResponse:
    """The page behind the projector's short address: type the code."""
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        if guessing.join_refused(client_ip(request)):
            return _limited(request)
        if form.is_valid():
            code = normalize_code(form.cleaned_data["code"])
            if open_session(code) is not None:
                return redirect("web:join-session", code=code)
            return _wrong_code(request, form.cleaned_data["code"])
    return render(request, "web/live/join_code.html", {"form": form})


def _resolve(request: HttpRequest, code: str) -> tuple[WorkshopSession | None, HttpResponse | None]:
    """The open session ``code`` names, or the answer to give instead: the closed page for a
    phone that took part, the limit page, or the wrong-code page (which counts a failure)."""
    normalized = normalize_code(code)
    if normalized and normalized != code:
        return None, redirect("web:join-session", code=normalized)
    if guessing.join_refused(client_ip(request)):
        return None, _limited(request)
    session = open_session(normalized)
    if session is not None:
        return session, None
    closed = _closed_for(request, normalized) if normalized else None
    if closed is not None:
        session, participant = closed
        context = {
            "session": session,
            "participant": participant,
            "cards": contributions_of(participant),
        }
        return None, render(request, "web/live/closed.html", context, status=410)
    return None, _wrong_code(request, code)


def _phone_context(session: WorkshopSession, participant: Participant, **extra: Any) -> dict:
    cards = contributions_of(participant)
    return {
        "session": session,
        "participant": participant,
        "code_shown": display_code(session.code),
        "step": session.step,
        "step_label": Step(session.step).label,
        "steps": Step.choices,
        "cards": [_card(card) for card in cards],
        "groups": GROUPS,
        "quadrants": QUADRANTS,
        "poll_seconds": STATE_POLL_SECONDS,
        "add_form": extra.pop("add_form", None) or CardForm(),
        **extra,
    }


def _card(card: Contribution) -> dict[str, Any]:
    return {
        "card": card,
        "quadrant": quadrant_of(card.influence, card.interest),
        "editable": card.status == Contribution.Status.NEW,
    }


def join_session(request: HttpRequest, code: str) -> HttpResponse:
    """Join (the notice, a name and a sector), or — once joined — the current step."""
    session, answer = _resolve(request, code)
    if answer is not None:
        return answer
    assert session is not None
    participant = participant_of(session, _token(request, code))
    if participant is not None:
        return render(request, "web/live/phone.html", _phone_context(session, participant))
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            participant = participant_join(session, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            response = redirect("web:join-session", code=session.code)
            response.set_signed_cookie(
                _cookie_name(session.code),
                participant.token,
                salt=COOKIE_SALT,
                max_age=COOKIE_AGE,
                path=reverse("web:join-session", kwargs={"code": session.code}),
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
            return response
    context = {"session": session, "form": form, "code_shown": display_code(session.code)}
    return render(request, "web/live/join_form.html", context)


def _participant(
    request: HttpRequest, code: str
) -> tuple[WorkshopSession | None, Participant | None, HttpResponse | None]:
    session, answer = _resolve(request, code)
    if answer is not None:
        return None, None, answer
    assert session is not None
    participant = participant_of(session, _token(request, code))
    if participant is None:
        return None, None, redirect("web:join-session", code=session.code)
    return session, participant, None


def _htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


@require_POST
def join_add(request: HttpRequest, code: str) -> HttpResponse:
    """Name a stakeholder (any step)."""
    session, participant, answer = _participant(request, code)
    if answer is not None:
        return answer
    assert session is not None and participant is not None
    form = CardForm(request.POST)
    if form.is_valid():
        try:
            contribution_add(participant, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect(reverse("web:join-session", kwargs={"code": session.code}) + "#cards")
    context = _phone_context(session, participant, add_form=form)
    return render(request, "web/live/phone.html", context, status=400)


@require_POST
def join_card(request: HttpRequest, code: str, card: int) -> HttpResponse:
    """Change one's own card: its groups (step 2) or its quadrant (step 3)."""
    session, participant, answer = _participant(request, code)
    if answer is not None:
        return answer
    assert session is not None and participant is not None
    found = participant.contributions.filter(pk=card).first()
    if found is None:
        return render(request, "web/live/closed.html", {"missing": True}, status=404)
    changes = placement_of(request.POST)
    error_text = ""
    try:
        version = request.POST.get("version", "")
        contribution_update(
            participant, found, version=int(version) if version.isdigit() else None, **changes
        )
    except EditConflict:
        error_text = _("This card was changed on another phone; here it is as it is now.")
    except ValidationError as error:
        error_text = " ".join(error.messages)
    found.refresh_from_db()
    if _htmx(request):
        context = _phone_context(session, participant, item=_card(found), error=error_text)
        return render(request, "web/live/_phone_card.html", context)
    return redirect(reverse("web:join-session", kwargs={"code": session.code}) + f"#card-{card}")


def join_state(request: HttpRequest, code: str) -> HttpResponse:
    """Polled by a participant's phone: nothing while the step it shows is still the current
    one; when the facilitator moves on or closes the session, htmx reloads the page. Without
    the participant's cookie the answer is always "reload", so it tells a guesser nothing."""
    token = _token(request, normalize_code(code))
    step = (
        Participant.objects.filter(
            token=token, session__code=normalize_code(code), session__closed_at__isnull=True
        )
        .values_list("session__step", flat=True)
        .first()
        if token
        else None
    )
    if step is not None and request.GET.get("step") == str(step):
        return HttpResponse(status=204)
    response = HttpResponse(status=200)
    response["HX-Refresh"] = "true"
    return response
