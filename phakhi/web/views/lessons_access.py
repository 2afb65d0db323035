"""A lessons session and its rows looked up for a view, and the views that change a session (for
those who may: ``phakhi.lessons.access``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from phakhi.accounts.permissions import Access
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.lessons.access import can_edit_session
from phakhi.lessons.models import LessonSession
from phakhi.lessons.selectors import session_in
from phakhi.networks.models import Network
from phakhi.networks.selectors import networks_by_name
from phakhi.projects.models import Project
from phakhi.projects.selectors import projects_of
from phakhi.web.access import WorkspaceView, forbidden, workspace_view


def editable_projects(workspace: Workspace, access: Access) -> list[Project]:
    return [p for p in projects_of(workspace) if access.can_edit_project(p.network_id)]


def editable_networks(workspace: Workspace, access: Access) -> list[Network]:
    return [n for n in networks_by_name(workspace) if access.can_edit_network(n.pk)]


def session_or_404(workspace: Workspace, session_id: int) -> LessonSession:
    try:
        return session_in(workspace, session_id)
    except NotFound as error:
        raise Http404(str(error)) from None


def session_editor(view: Callable[..., HttpResponse]) -> WorkspaceView:
    """A view that changes the session ``session``: for those who may edit what it is linked
    to (403 for the others); the view gets the session in place of its id, and a 404 for a
    prompt or answer not its own."""

    @workspace_view("edit")
    @wraps(view)
    def wrapper(
        request: HttpRequest, workspace: Workspace, access: Access, session: int, **kwargs: Any
    ) -> HttpResponse:
        found = session_or_404(workspace, session)
        if not can_edit_session(access, found):
            return forbidden(request, access, "edit_project")
        try:
            return view(request, workspace, access, found, **kwargs)
        except NotFound as error:
            raise Http404(str(error)) from None

    return wrapper
