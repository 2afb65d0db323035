"""Which activity a page is about, and who manages its attendance: the coordinators who may
edit the activity — one of its networks, or its project (the network that leads it)."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from phakhi.accounts.permissions import Access
from phakhi.core.models import Workspace
from phakhi.participation.access import can_edit_activity
from phakhi.participation.models import Activity
from phakhi.web.access import WorkspaceView, forbidden, workspace_view


def activity_or_404(workspace: Workspace, activity_id: int) -> Activity:
    found = (
        Activity.objects.filter(workspace=workspace, pk=activity_id)
        .select_related("project")
        .first()
    )
    if found is None:
        raise Http404(_("This workspace has no such activity."))
    return found


def can_manage_attendance(access: Access, activity: Activity) -> bool:
    """Those who may change the activity manage its attendance (``can_edit_activity``: admins
    and coordinators of every network; a coordinator limited to some networks when one of the
    activity's networks is theirs, or its project is)."""
    return can_edit_activity(access, activity)


def attendance_editor(view: Callable[..., HttpResponse]) -> WorkspaceView:
    """A view that changes an activity's attendance: for those who may (403 for the others);
    the view gets the activity in place of its id."""

    @workspace_view("edit")
    @wraps(view)
    def wrapper(
        request: HttpRequest, workspace: Workspace, access: Access, activity: int, **kwargs: Any
    ) -> HttpResponse:
        found = activity_or_404(workspace, activity)
        if not can_manage_attendance(access, found):
            return forbidden(request, access, "edit_activity")
        return view(request, workspace, access, found, **kwargs)

    return wrapper
