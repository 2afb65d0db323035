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

from phakhi.core.codes import display_code, normalize_code
from phakhi.core.versions import EditConflict
from phakhi.stakeholders.vocabulary import GROUPS, QUADRANTS, quadrant_of
from phakhi.web.client_ip import client_ip
from phakhi.web.forms import add_service_errors
from phakhi.web.views.live_forms import CardForm, CodeForm, JoinForm, placement_of
from phakhi.workshops import guessing
from phakhi.workshops.models import Contribution, Participant, Step, WorkshopSession
from phakhi.workshops.participation import (
    contribution_add,
    contribution_update,
    participant_join,
)
from phakhi.workshops.selectors import contributions_of, joined_participant, open_session

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
        .order_by("-session__opened_at")
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


def _joined(request: HttpRequest, code: str) -> Participant | None:
    """The participant this phone is in the open session ``code`` (its signed cookie)."""
    return joined_participant(code, _token(request, code) if code else "")


def _resolve(request: HttpRequest, code: str) -> tuple[WorkshopSession | None, HttpResponse | None]:
    """For a phone that has not joined: the open session ``code`` names, or the answer to give
    instead — the closed page for a phone that took part, the limit page while its address has
    typed too many wrong codes (even for a right one: the limit must not answer a guesser), or
    the wrong-code page, which counts one more failure."""
    normalized = normalize_code(code)
    if normalized and normalized != code:
        return None, redirect("web:join-session", code=normalized)
    closed = _closed_for(request, normalized) if normalized else None
    if closed is not None and open_session(normalized) is None:
        ended, participant = closed
        context = {
            "session": ended,
            "participant": participant,
            "cards": contributions_of(participant),
        }
        return None, render(request, "web/live/closed.html", context, status=410)
    if guessing.join_refused(client_ip(request)):
        return None, _limited(request)
    found = open_session(normalized)
    if found is not None:
        return found, None
    return None, _wrong_code(request, code)


def _phone_context(participant: Participant, **extra: Any) -> dict[str, Any]:
    session = participant.session
    return {
        "session": session,
        "participant": participant,
        "code_shown": display_code(session.code),
        "step": session.step,
        "step_label": Step(session.step).label,
        "groups": GROUPS,
        "quadrants": QUADRANTS,
        "poll_seconds": STATE_POLL_SECONDS,
        "add_form": CardForm(),
        **extra,
    }


def _card(card: Contribution) -> dict[str, Any]:
    return {
        "card": card,
        "url": reverse("web:join-card", kwargs={"code": card.session.code, "card": card.pk}),
        "quadrant": quadrant_of(card.influence, card.interest),
        "editable": card.status == Contribution.Status.NEW,
    }


def _cards(participant: Participant) -> list[dict[str, Any]]:
    cards = contributions_of(participant)
    for card in cards:
        card.session = participant.session
    return [_card(card) for card in cards]


def _phone_page(request: HttpRequest, participant: Participant, **extra: Any) -> HttpResponse:
    status = extra.pop("status", 200)
    context = _phone_context(participant, cards=_cards(participant), **extra)
    return render(request, "web/live/phone.html", context, status=status)


def join_session(request: HttpRequest, code: str) -> HttpResponse:
    """Join (the notice, a name and a sector), or — once joined — the current step."""
    participant = _joined(request, code)
    if participant is not None:
        return _phone_page(request, participant)
    session, answer = _resolve(request, code)
    if answer is not None:
        return answer
    assert session is not None
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


def _participant(request: HttpRequest, code: str) -> tuple[Participant | None, HttpResponse | None]:
    participant = _joined(request, code)
    if participant is not None:
        return participant, None
    session, answer = _resolve(request, code)
    if answer is not None:
        return None, answer
    assert session is not None
    return None, redirect("web:join-session", code=session.code)


def _htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


@require_POST
def join_add(request: HttpRequest, code: str) -> HttpResponse:
    """Name a stakeholder (any step). With htmx the answer is the new card, put on top of the
    list, and an empty form in place of the one sent; without, the page again."""
    participant, answer = _participant(request, code)
    if answer is not None:
        return answer
    assert participant is not None
    form = CardForm(request.POST)
    if form.is_valid():
        try:
            added = contribution_add(participant, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not _htmx(request):
                url = reverse("web:join-session", kwargs={"code": participant.session.code})
                return redirect(url + "#cards")
            added.session = participant.session
            context = _phone_context(participant, item=_card(added), oob=True)
            return render(request, "web/live/_phone_added.html", context)
    if _htmx(request):
        # htmx swaps only successful answers: the form with its errors replaces itself.
        context = _phone_context(participant, add_form=form)
        response = render(request, "web/live/_phone_add.html", context)
        response["HX-Retarget"] = "#add-form"
        response["HX-Reswap"] = "outerHTML"
        return response
    return _phone_page(request, participant, add_form=form, status=400)


@require_POST
def join_card(request: HttpRequest, code: str, card: int) -> HttpResponse:
    """Change one's own card: its groups (step 2) or its quadrant (step 3)."""
    participant, answer = _participant(request, code)
    if answer is not None:
        return answer
    assert participant is not None
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
    if not _htmx(request):
        url = reverse("web:join-session", kwargs={"code": participant.session.code})
        return redirect(url + f"#card-{card}")
    found.session = participant.session  # contribution_update read it back
    context = _phone_context(participant, item=_card(found), error=error_text)
    return render(request, "web/live/_phone_card.html", context)


def join_state(request: HttpRequest, code: str) -> HttpResponse:
    """Polled by a participant's phone: nothing while the step it shows is still the current
    one; when the facilitator moves on or closes the session, htmx reloads the page. Without
    the participant's cookie the answer is always "reload", so it tells a guesser nothing."""
    participant = _joined(request, normalize_code(code))
    step = participant.session.step if participant is not None else None
    if step is not None and request.GET.get("step") == str(step):
        return HttpResponse(status=204)
    response = HttpResponse(status=200)
    response["HX-Refresh"] = "true"
    return response
