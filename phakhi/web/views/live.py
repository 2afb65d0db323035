"""The facilitator's side of a live workshop (เวทีสด): the project's tab with its sessions,
opening one, the session page (controls, board, review of contributions), the projector
view and the board fragment both poll, and the facilitator's actions."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from phakhi.accounts.permissions import Access
from phakhi.core.models import Workspace
from phakhi.projects.models import Project
from phakhi.web.access import request_author, workspace_view
from phakhi.web.views.live_board import (
    board_context,
    board_response,
    card_summary,
    join_url,
    qr_svg,
    unchanged,
)
from phakhi.web.views.projects import project_editor, project_or_404
from phakhi.workshops.models import Contribution, Step, WorkshopSession
from phakhi.workshops.review import (
    contribution_accept,
    contribution_merge,
    contribution_reject,
    contributions_accept_all,
)
from phakhi.workshops.selectors import (
    duplicate_groups,
    review_rows,
    session_of_project,
    sessions_of,
)
from phakhi.workshops.services import session_close, session_open, session_set_step


def _session_or_404(project: Project, session_id: int) -> WorkshopSession:
    found = session_of_project(project, session_id)
    if found is None:
        raise Http404(_("This project has no such workshop session."))
    return found


def _back(workspace: Workspace, project: Project, session: WorkshopSession, anchor: str = ""):
    url = reverse(
        "web:project-live-session",
        kwargs={"workspace": workspace.slug, "project": project.slug, "session": session.pk},
    )
    return redirect(url + anchor)


@workspace_view()
def live_sessions(
    request: HttpRequest, workspace: Workspace, access: Access, project: str
) -> HttpResponse:
    found = project_or_404(workspace, project)
    context = {
        "workspace": workspace,
        "project": found,
        "sessions": sessions_of(found),
        "can_edit": access.can_edit_project(found.network_id),
        "assessment": found.assessments.first(),
    }
    return render(request, "web/live/sessions.html", context)


@project_editor
def live_open(
    request: HttpRequest, workspace: Workspace, access: Access, project: Project
) -> HttpResponse:
    if request.method != "POST":
        return redirect("web:project-live", workspace=workspace.slug, project=project.slug)
    session = session_open(
        request_author(request),
        project,
        opened_by=request.user,
        new_assessment=request.POST.get("new_assessment") == "1",
    )
    return _back(workspace, project, session)


def _session_page(
    request: HttpRequest, workspace: Workspace, access: Access, project: str, session: int
) -> tuple[Project, WorkshopSession, dict[str, Any]]:
    found = project_or_404(workspace, project)
    live = _session_or_404(found, session)
    url = join_url(request, live)
    context = board_context(
        request,
        live,
        workspace=workspace,
        project=found,
        join_url=url,
        qr=qr_svg(url),
        can_edit=access.can_edit_project(found.network_id),
        board_url=reverse(
            "web:project-live-board",
            kwargs={"workspace": workspace.slug, "project": found.slug, "session": live.pk},
        ),
    )
    return found, live, context


@workspace_view()
def live_session(
    request: HttpRequest, workspace: Workspace, access: Access, project: str, session: int
) -> HttpResponse:
    _found, live, context = _session_page(request, workspace, access, project, session)
    rows = list(review_rows(live))
    context |= {
        "steps": Step.choices,
        "rows": [(row, card_summary(row)) for row in rows],
        "mergeable": [row for row in rows if row.status == Contribution.Status.NEW],
        "kept": [
            row
            for row in rows
            if row.status in (Contribution.Status.NEW, Contribution.Status.ACCEPTED)
        ],
        "duplicates": duplicate_groups(live),
        "Status": Contribution.Status,
    }
    return render(request, "web/live/session.html", context)


@workspace_view()
def live_projector(
    request: HttpRequest, workspace: Workspace, access: Access, project: str, session: int
) -> HttpResponse:
    _found, _live, context = _session_page(request, workspace, access, project, session)
    return render(request, "web/live/projector.html", context)


@workspace_view()
def live_board(
    request: HttpRequest, workspace: Workspace, access: Access, project: str, session: int
) -> HttpResponse:
    """The board alone, for polling: empty while nothing changed since ``?since=``."""
    found = project_or_404(workspace, project)
    live = _session_or_404(found, session)
    if (answer := unchanged(request, live)) is not None:
        return answer
    board_url = reverse(
        "web:project-live-board",
        kwargs={"workspace": workspace.slug, "project": found.slug, "session": live.pk},
    )
    return board_response(request, live, board_url=board_url)


def _act(request: HttpRequest, action: Any, *args: Any) -> Any:
    """Run a facilitator's action; a refusal becomes a message on the page."""
    try:
        return action(request_author(request), *args)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return None


@project_editor
def live_step(
    request: HttpRequest, workspace: Workspace, access: Access, project: Project, session: int
) -> HttpResponse:
    live = _session_or_404(project, session)
    if request.method == "POST":
        step = request.POST.get("step", "")
        _act(request, session_set_step, live, int(step) if step.isdigit() else 0)
    return _back(workspace, project, live)


@project_editor
def live_close(
    request: HttpRequest, workspace: Workspace, access: Access, project: Project, session: int
) -> HttpResponse:
    live = _session_or_404(project, session)
    if request.method == "POST" and _act(request, session_close, live) is not None:
        messages.success(request, _("The session is closed: its code no longer works."))
    return _back(workspace, project, live)


def _contribution_or_404(session: WorkshopSession, contribution_id: int) -> Contribution:
    found = session.contributions.filter(pk=contribution_id).first()
    if found is None:
        raise Http404(_("This session has no such contribution."))
    return found


@project_editor
def live_accept(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    session: int,
    contribution: int,
) -> HttpResponse:
    live = _session_or_404(project, session)
    card = _contribution_or_404(live, contribution)
    if request.method == "POST":
        accepted = _act(request, contribution_accept, card)
        if accepted is not None and accepted.created:
            messages.success(
                request, _("“%(name)s” is now in the assessment.") % {"name": card.name}
            )
        elif accepted is not None:
            messages.info(
                request,
                _("“%(name)s” was already in the assessment; the contribution is linked to it.")
                % {"name": accepted.stakeholder.name},
            )
    return _back(workspace, project, live, "#review")


@project_editor
def live_reject(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    project: Project,
    session: int,
    contribution: int,
) -> HttpResponse:
    live = _session_or_404(project, session)
    card = _contribution_or_404(live, contribution)
    if request.method == "POST":
        _act(request, contribution_reject, card)
    return _back(workspace, project, live, "#review")


def _posted_card(session: WorkshopSession, request: HttpRequest, field: str) -> Any:
    text = request.POST.get(field, "")
    return session.contributions.filter(pk=int(text)).first() if text.isdigit() else None


@project_editor
def live_merge(
    request: HttpRequest, workspace: Workspace, access: Access, project: Project, session: int
) -> HttpResponse:
    """Merge the posted ``duplicate`` into the posted ``into`` (a suggestion's button, or the
    two lists of the review for names the comparison cannot tell are the same)."""
    live = _session_or_404(project, session)
    if request.method == "POST":
        card = _posted_card(live, request, "duplicate")
        into = _posted_card(live, request, "into")
        if card is None or into is None:
            messages.error(request, _("Choose the card to merge and the card to merge it into."))
        elif _act(request, contribution_merge, card, into) is not None:
            messages.success(
                request,
                _("“%(name)s” is merged into “%(into)s”.") % {"name": card.name, "into": into.name},
            )
    return _back(workspace, project, live, "#review")


@project_editor
def live_accept_all(
    request: HttpRequest, workspace: Workspace, access: Access, project: Project, session: int
) -> HttpResponse:
    live = _session_or_404(project, session)
    if request.method == "POST":
        result = _act(request, contributions_accept_all, live)
        if result is not None:
            messages.success(
                request,
                _(
                    "%(created)d new stakeholders are in the assessment; %(linked)d were "
                    "there already and are linked."
                )
                % {"created": result.created, "linked": result.linked},
            )
    return _back(workspace, project, live, "#review")
