"""Who may change a lessons session, and the session and its rows looked up for a view.

A session is a worksheet of its project and/or its network: changing it takes the right to edit
each of them (``can_edit_project`` for the project, ``can_edit_network`` for the network), so
that nobody links their own network to someone else's project or the other way round."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from phakhi.accounts.permissions import Access
from phakhi.core.contacts import mask_text
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.lessons.models import LessonAnswer, LessonSession
from phakhi.lessons.selectors import session_in
from phakhi.networks.models import Network
from phakhi.networks.selectors import networks_by_name
from phakhi.projects.models import Project
from phakhi.projects.selectors import projects_of
from phakhi.web.access import WorkspaceView, forbidden, workspace_view


def can_link(access: Access, project: Project | None, network: Network | None) -> bool:
    if project is None and network is None:
        return access.can_edit and not access.is_restricted
    if project is not None and not access.can_edit_project(project.network_id):
        return False
    return network is None or access.can_edit_network(network.pk)


def can_edit_session(access: Access, session: LessonSession) -> bool:
    return can_link(access, session.project, session.network)


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


def shown_participant(access: Access, answer: LessonAnswer) -> str:
    """Who answered, as this user may see it: a participant's name is personal data, masked for
    viewers like every contact, unless it is an actor's name from the directory."""
    if access.can_see_contacts:
        return answer.participant
    if answer.actor is not None:
        return answer.actor.name
    return mask_text(answer.participant)
