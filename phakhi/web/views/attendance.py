"""The activity's attendance page (การเข้าร่วม): registered participants with their role and
arrival, adding them from the directory (one, several, or a network's members), the head counts
of the unregistered public, and check-in at the door (the projector's page is in
``attendance_door``; the phones' pages in ``attendance_phone``)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor
from phakhi.actors.search import actors_by_key_or_name
from phakhi.core.codes import display_code
from phakhi.core.models import Workspace
from phakhi.core.periods import active_on
from phakhi.core.versions import EditConflict
from phakhi.networks.models import Network
from phakhi.participation.attendance import (
    activity_counts_set,
    attendance_add_many,
    attendance_check_in,
    attendance_check_in_undo,
    attendance_remove,
    attendance_set_role,
    check_in_close,
    check_in_open,
)
from phakhi.participation.attendance_selectors import (
    attendance_of,
    public_count,
    registrations_pending,
)
from phakhi.participation.models import Activity, Attendance, Role
from phakhi.web.access import request_author, workspace_view
from phakhi.web.actor_picker import with_actor_suggestions
from phakhi.web.forms import add_service_errors
from phakhi.web.views.attendance_access import (
    activity_or_404,
    attendance_editor,
    can_manage_attendance,
)
from phakhi.web.views.attendance_forms import AddForm, CountsForm

LINES_LIMIT = 500  # lines of "several at once" read in one go
PAGE_SIZE = 100  # participants a page lists (a forum of thousands stays quick to open)


def _url(name: str, workspace: Workspace, activity: Activity, **kwargs: Any) -> str:
    return reverse(
        f"web:{name}", kwargs={"workspace": workspace.slug, "activity": activity.pk, **kwargs}
    )


def _back(workspace: Workspace, activity: Activity, anchor: str = "") -> HttpResponse:
    return redirect(_url("activity-attendance", workspace, activity) + anchor)


def _counts_form(activity: Activity, data: Any = None) -> CountsForm:
    initial = {
        "public_civil": activity.public_civil,
        "public_academic": activity.public_academic,
        "public_government": activity.public_government,
        "public_unknown": activity.public_unknown,
        "satisfaction": activity.satisfaction,
        "version": activity.version,
    }
    return CountsForm(data, initial=initial)


def _add_form(workspace: Workspace, activity: Activity, data: Any = None) -> AddForm:
    networks = Network.objects.filter(workspace=workspace).order_by("name")
    return with_actor_suggestions(AddForm(data, networks=networks), workspace)  # type: ignore[return-value]


def _row(attendance: Attendance, access: Access, can_edit: bool) -> dict[str, Any]:
    return {
        "attendance": attendance,
        "actor": attendance.actor,
        "can_edit": can_edit,
        "roles": Role.choices,
    }


def _page(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    activity: Activity,
    *,
    add_form: AddForm | None = None,
    counts_form: CountsForm | None = None,
    status: int = 200,
) -> HttpResponse:
    can_edit = can_manage_attendance(access, activity)
    rows = attendance_of(activity)
    arrived = sum(1 for row in rows if row.checked_in_at is not None)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "workspace": workspace,
        "activity": activity,
        "rows": [_row(row, access, can_edit) for row in page.object_list],
        "page": page,
        "registered": len(rows),
        "arrived": arrived,
        "public": public_count(activity),
        "can_edit": can_edit,
        "add_form": add_form or (_add_form(workspace, activity) if can_edit else None),
        "counts_form": counts_form or (_counts_form(activity) if can_edit else None),
        "code_shown": display_code(activity.check_in_code) if activity.check_in_code else "",
        "pending": registrations_pending(workspace, activity).count(),
    }
    return render(request, "web/attendance/page.html", context, status=status)


@workspace_view()
def activity_attendance(
    request: HttpRequest, workspace: Workspace, access: Access, activity: int
) -> HttpResponse:
    return _page(request, workspace, access, activity_or_404(workspace, activity))


def _listed(workspace: Workspace, form: AddForm) -> tuple[list[Actor], list[str]]:
    """The actors the form names, and what it could not resolve (with why)."""
    actors: list[Actor] = []
    problems: list[str] = []
    lines = [form.cleaned_data.get("actor") or ""]
    lines += (form.cleaned_data.get("several") or "").splitlines()[:LINES_LIMIT]
    for line in (text.strip() for text in lines):
        if not line:
            continue
        found = actors_by_key_or_name(workspace, line, 2)
        if len(found) == 1:
            actors.append(found[0])
        elif not found:
            problems.append(_("“%(line)s”: no actor has this key or name.") % {"line": line})
        else:
            problems.append(_("“%(line)s”: several actors match; give the key.") % {"line": line})
    network = form.cleaned_data.get("network")
    if network is not None:
        actors += list(
            Actor.objects.filter(
                memberships__in=network.memberships.filter(active_on(timezone.localdate()))
            )
        )
    return actors, problems


@attendance_editor
def attendance_add(
    request: HttpRequest, workspace: Workspace, access: Access, activity: Activity
) -> HttpResponse:
    if request.method != "POST":
        return _back(workspace, activity)
    form = _add_form(workspace, activity, request.POST)
    if not form.is_valid():
        return _page(request, workspace, access, activity, add_form=form, status=400)
    actors, problems = _listed(workspace, form)
    if problems:
        for problem in problems:
            form.add_error(None, problem)
        return _page(request, workspace, access, activity, add_form=form, status=400)
    try:
        result = attendance_add_many(
            request_author(request), activity, actors, role=form.cleaned_data["role"]
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return _page(request, workspace, access, activity, add_form=form, status=400)
    if result.added:
        count = len(result.added)
        messages.success(
            request,
            ngettext("%(count)d participant added.", "%(count)d participants added.", count)
            % {"count": count},
        )
    if result.already:
        names = ", ".join(row.actor.name for row in result.already[:10])
        messages.info(
            request,
            _("Already on the list (their role is now the one chosen): %(names)s")
            % {"names": names + (" …" if len(result.already) > 10 else "")},
        )
    return _back(workspace, activity, "#participants")


def _attendance_or_404(activity: Activity, attendance_id: int) -> Attendance:
    found = (
        Attendance.objects.filter(activity=activity, pk=attendance_id)
        .select_related("actor", "actor__organization", "activity")
        .first()
    )
    if found is None:
        raise Http404(_("This activity has no such participant."))
    return found


def _row_answer(
    request: HttpRequest, workspace: Workspace, access: Access, attendance: Attendance
) -> HttpResponse:
    """The row again for htmx, else back to the page."""
    if request.headers.get("HX-Request") != "true":
        return _back(workspace, attendance.activity, f"#attendance-{attendance.pk}")
    context: dict[str, Any] = {"workspace": workspace, "activity": attendance.activity}
    context |= {"row": _row(attendance, access, True)}
    return render(request, "web/attendance/_row.html", context)


def _act(request: HttpRequest, action: Any, *args: Any) -> Any:
    try:
        return action(request_author(request), *args)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return None


@attendance_editor
def attendance_role(
    request: HttpRequest, workspace: Workspace, access: Access, activity: Activity, attendance: int
) -> HttpResponse:
    found = _attendance_or_404(activity, attendance)
    if request.method == "POST":
        changed = _act(request, attendance_set_role, found, request.POST.get("role", ""))
        found = changed or found
    return _row_answer(request, workspace, access, found)


@attendance_editor
def attendance_arrived(
    request: HttpRequest, workspace: Workspace, access: Access, activity: Activity, attendance: int
) -> HttpResponse:
    """Mark arrived (``arrived=1``) or take it back (``arrived=0``)."""
    found = _attendance_or_404(activity, attendance)
    if request.method == "POST":
        action = attendance_check_in if request.POST.get("arrived") == "1" else None
        found = _act(request, action or attendance_check_in_undo, found) or found
    return _row_answer(request, workspace, access, found)


@attendance_editor
def attendance_remove_view(
    request: HttpRequest, workspace: Workspace, access: Access, activity: Activity, attendance: int
) -> HttpResponse:
    found = _attendance_or_404(activity, attendance)
    if request.method == "POST":
        attendance_remove(request_author(request), found)
        messages.success(
            request, _("%(name)s is no longer on the list.") % {"name": found.actor.name}
        )
    return _back(workspace, activity, "#participants")


@attendance_editor
def activity_counts(
    request: HttpRequest, workspace: Workspace, access: Access, activity: Activity
) -> HttpResponse:
    if request.method != "POST":
        return _back(workspace, activity, "#counts")
    form = _counts_form(activity, request.POST)
    if form.is_valid():
        values = dict(form.cleaned_data)
        version = values.pop("version")
        try:
            activity_counts_set(request_author(request), activity, version=version, **values)
        except EditConflict:
            activity.refresh_from_db()
            messages.error(
                request,
                _("Someone changed these counts since you opened the page; here they are now."),
            )
            return _page(request, workspace, access, activity, status=409)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The head counts are saved."))
            return _back(workspace, activity, "#counts")
    return _page(request, workspace, access, activity, counts_form=form, status=400)


@attendance_editor
def activity_check_in_open(
    request: HttpRequest, workspace: Workspace, access: Access, activity: Activity
) -> HttpResponse:
    if request.method != "POST":
        return _back(workspace, activity)
    check_in_open(request_author(request), activity)
    return redirect(_url("activity-door", workspace, activity))


@attendance_editor
def activity_check_in_close(
    request: HttpRequest, workspace: Workspace, access: Access, activity: Activity
) -> HttpResponse:
    if request.method == "POST":
        check_in_close(request_author(request), activity)
        messages.success(request, _("Check-in is closed: its code no longer works."))
    return _back(workspace, activity)
