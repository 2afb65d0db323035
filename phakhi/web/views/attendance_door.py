"""The door's page, for a projector: a big QR code of the check-in address, the short address
and the code to type, and a count of arrivals that updates itself (htmx polling)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from phakhi.accounts.permissions import Access
from phakhi.core.codes import display_code
from phakhi.core.models import Workspace
from phakhi.participation.attendance_selectors import attendance_counts, registrations_pending
from phakhi.participation.models import Activity
from phakhi.web.views.attendance_access import attendance_editor
from phakhi.web.views.live_board import qr_svg

POLL_SECONDS = 3


def _arrivals(workspace: Workspace, activity: Activity) -> dict[str, int]:
    registered, arrived = attendance_counts([activity.pk])[activity.pk]
    pending = registrations_pending(workspace, activity).count()
    # Everyone who checked in at the door, those waiting for review too.
    return {"registered": registered, "arrived": arrived + pending, "pending": pending}


@attendance_editor
def activity_door(
    request: HttpRequest, workspace: Workspace, access: Access, activity: Activity
) -> HttpResponse:
    context = {
        "workspace": workspace,
        "activity": activity,
        "poll_seconds": POLL_SECONDS,
        **_arrivals(workspace, activity),
    }
    if activity.check_in_code:
        url = request.build_absolute_uri(
            reverse("web:door", kwargs={"code": activity.check_in_code})
        )
        context |= {
            "door_url": url,
            "short_url": request.build_absolute_uri(reverse("web:door-code")),
            "qr": qr_svg(url),
            "code_shown": display_code(activity.check_in_code),
        }
    return render(request, "web/attendance/door.html", context)


@attendance_editor
def activity_door_count(
    request: HttpRequest, workspace: Workspace, access: Access, activity: Activity
) -> HttpResponse:
    """The arrivals' count alone, polled by the door's page."""
    context = {"activity": activity, **_arrivals(workspace, activity)}
    return render(request, "web/attendance/_door_count.html", context)
