"""Check-in at the door on a phone, without an account (outside any workspace): scan the QR
code (or type the code), find one's name among the activity's participants and the members of
its networks — names and organisations only, never a phone number or an e-mail address — and
tap it; or, not on the list, leave a short registration a coordinator reviews.

A phone remembers what it did in a signed cookie scoped to the activity's address, so tapping
twice is harmless and the phone can show it afterwards. Codes that match no open check-in are
counted by address with the live workshop's join codes (``phakhi.workshops.guessing``); too
many and the address waits. Registrations are limited by address too. CSRF stays on."""

from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phakhi.core.codes import display_code, normalize_code
from phakhi.participation.attendance import door_check_in, open_activity
from phakhi.participation.attendance_selectors import DOOR_QUERY_MIN, door_search
from phakhi.participation.models import Activity, Attendance, Registration
from phakhi.participation.registrations import RegistrationLimited, registration_create
from phakhi.web.client_ip import client_ip
from phakhi.web.forms import add_service_errors
from phakhi.web.views.attendance_forms import DoorCodeForm, RegisterForm, SearchForm
from phakhi.workshops import guessing

COOKIE_SALT = "phakhi.door"
COOKIE_AGE = 24 * 60 * 60  # an activity's day


def _cookie_name(code: str) -> str:
    return f"phakhi_door_{code}"


def _remembered(request: HttpRequest, code: str) -> tuple[str, int] | None:
    """What this phone did at the door ``code``: ("a", attendance id) or ("r", registration id)."""
    try:
        value = request.get_signed_cookie(_cookie_name(code), default="", salt=COOKIE_SALT)
    except signing.BadSignature:
        return None
    kind, _sep, pk = (value or "").partition(":")
    return (kind, int(pk)) if kind in ("a", "r") and pk.isdigit() else None


def _remember(response: HttpResponse, request: HttpRequest, code: str, value: str) -> None:
    response.set_signed_cookie(
        _cookie_name(code),
        value,
        salt=COOKIE_SALT,
        max_age=COOKIE_AGE,
        path=reverse("web:door", kwargs={"code": code}),
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def _done_record(request: HttpRequest, code: str) -> Attendance | Registration | None:
    remembered = _remembered(request, code)
    if remembered is None:
        return None
    kind, pk = remembered
    if kind == "a":
        return Attendance.objects.filter(pk=pk).select_related("actor", "activity").first()
    return Registration.objects.filter(pk=pk).select_related("activity").first()


def _limited(request: HttpRequest) -> HttpResponse:
    minutes = int(guessing.window().total_seconds() // 60)
    return render(request, "web/attendance/phone_limited.html", {"minutes": minutes}, status=429)


def _wrong_code(request: HttpRequest, typed: str) -> HttpResponse:
    guessing.join_failed(client_ip(request))
    form = DoorCodeForm({"code": typed})
    form.is_valid()
    form.add_error("code", _("No check-in is open under this code. Check it at the door."))
    return render(request, "web/attendance/phone_code.html", {"form": form}, status=404)


def door_code(request: HttpRequest) -> HttpResponse:
    """The page behind the short address shown at the door: type the code."""
    form = DoorCodeForm(request.POST or None)
    if request.method == "POST":
        if guessing.join_refused(client_ip(request)):
            return _limited(request)
        if form.is_valid():
            code = normalize_code(form.cleaned_data["code"])
            if code and open_activity(code) is not None:
                return redirect("web:door", code=code)
            return _wrong_code(request, form.cleaned_data["code"])
    return render(request, "web/attendance/phone_code.html", {"form": form})


def _resolve(request: HttpRequest, code: str) -> tuple[Activity | None, HttpResponse | None]:
    """The activity whose check-in is open under ``code``, or the answer to give instead: the
    closed page for a phone that checked in here, the limit page for an address that typed too
    many wrong codes (even for a right one), or the wrong-code page (one more failure)."""
    normalized = normalize_code(code)
    if normalized and normalized != code:
        return None, redirect("web:door", code=normalized)
    found = open_activity(normalized) if normalized else None
    if found is None and normalized:
        record = _done_record(request, normalized)
        if record is not None:
            context = {"record": record, "activity": record.activity}
            return None, render(request, "web/attendance/phone_closed.html", context, status=410)
    if guessing.join_refused(client_ip(request)):
        return None, _limited(request)
    if found is not None:
        return found, None
    return None, _wrong_code(request, code)


def _context(activity: Activity, **extra: Any) -> dict[str, Any]:
    return {
        "activity": activity,
        "code": activity.check_in_code,
        "code_shown": display_code(activity.check_in_code),
        **extra,
    }


def door(request: HttpRequest, code: str) -> HttpResponse:
    """Find one's name (``?q=``) and tap it."""
    activity, answer = _resolve(request, code)
    if answer is not None:
        return answer
    assert activity is not None
    form = SearchForm(request.GET or None)
    # Typing lists the names as one goes (htmx, a pause of 400 ms); the button works without.
    form.fields["q"].widget.attrs.update(
        {
            "hx-get": reverse("web:door", kwargs={"code": activity.check_in_code}),
            "hx-trigger": "input changed delay:400ms",
            "hx-target": "#door-results",
        }
    )
    query = form.cleaned_data["q"] if form.is_valid() else ""
    found = door_search(activity, query) if query else []
    context = _context(
        activity,
        form=form,
        query=query,
        found=found,
        too_short=bool(query) and not found and len(query.strip()) < DOOR_QUERY_MIN,
        record=_done_record(request, activity.check_in_code),
    )
    if request.headers.get("HX-Request") == "true":
        return render(request, "web/attendance/_phone_results.html", context)
    return render(request, "web/attendance/phone_find.html", context)


@require_POST
def door_check_in_view(request: HttpRequest, code: str) -> HttpResponse:
    """ "That's me": checked in, then the confirmation page."""
    activity, answer = _resolve(request, code)
    if answer is not None:
        return answer
    assert activity is not None
    actor = request.POST.get("actor", "")
    try:
        attendance = door_check_in(activity.check_in_code, int(actor) if actor.isdigit() else 0)
    except ValidationError as error:
        context = _context(activity, error=" ".join(error.messages), form=SearchForm(), found=[])
        return render(request, "web/attendance/phone_find.html", context, status=400)
    response = redirect("web:door-done", code=activity.check_in_code)
    _remember(response, request, activity.check_in_code, f"a:{attendance.pk}")
    return response


def door_register(request: HttpRequest, code: str) -> HttpResponse:
    """ "I'm not on the list": a short form after a line on what is kept and why."""
    activity, answer = _resolve(request, code)
    if answer is not None:
        return answer
    assert activity is not None
    form = RegisterForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            registration = registration_create(
                activity, **form.cleaned_data, address=client_ip(request)
            )
        except RegistrationLimited as error:
            context = _context(activity, message=" ".join(error.messages))
            return render(request, "web/attendance/phone_limited.html", context, status=429)
        except ValidationError as error:
            add_service_errors(form, error)
            status = 400
        else:
            response = redirect("web:door-done", code=activity.check_in_code)
            _remember(response, request, activity.check_in_code, f"r:{registration.pk}")
            return response
    elif request.method == "POST":
        status = 400
    return render(
        request, "web/attendance/phone_register.html", _context(activity, form=form), status=status
    )


def door_done(request: HttpRequest, code: str) -> HttpResponse:
    """The confirmation: checked in as whom, or registered and waiting for review."""
    activity, answer = _resolve(request, code)
    if answer is not None:
        return answer
    assert activity is not None
    record = _done_record(request, activity.check_in_code)
    if record is None or record.activity_id != activity.pk:
        return redirect("web:door", code=activity.check_in_code)
    return render(request, "web/attendance/phone_done.html", _context(activity, record=record))
