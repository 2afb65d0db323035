"""The lessons pages (ใบงาน 2: เรียนรู้ประสบการณ์ และถอดบทเรียน): the workspace's library with its
Thai substring search, a project's tab of sessions, and a session's page, where answers are
added one participant at a time, a box for each prompt (made for a phone). Creating and
changing sessions, prompts and answers: lessons_edit.py."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import ngettext

from phakhi.accounts.permissions import Access
from phakhi.core.models import Workspace
from phakhi.core.thai import word_key
from phakhi.lessons.access import can_edit_session, can_link, shown_participant
from phakhi.lessons.search import lessons_search
from phakhi.lessons.selectors import (
    prompts_of,
    session_sheet,
    sessions_of_project,
    tag_named,
    tags_in_use,
)
from phakhi.lessons.services import lesson_answers_add
from phakhi.lessons.vocabulary import HEADING, WORKSHEET_TITLE, WORKSHEET_TITLE_THAI
from phakhi.networks.selectors import networks_by_name
from phakhi.projects.selectors import projects_of
from phakhi.web.access import forbidden, request_author, workspace_view
from phakhi.web.actor_picker import actor_named, with_actor_suggestions
from phakhi.web.forms import add_service_errors
from phakhi.web.views.lessons_access import (
    editable_networks,
    editable_projects,
    session_or_404,
)
from phakhi.web.views.lessons_forms import AnswersForm
from phakhi.web.views.projects import project_or_404

PAGE_SIZE = 20


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@workspace_view()
def library(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    project, network = _int(request.GET.get("project")), _int(request.GET.get("network"))
    tag_text = request.GET.get("tag", "")
    tag = tag_named(workspace, word_key(tag_text)) if tag_text else None
    page = lessons_search(
        workspace,
        query,
        project=project,
        network=network,
        tag=tag,
        page=_int(request.GET.get("page")) or 1,
        page_size=PAGE_SIZE,
    )
    for hit in page.hits:
        for answer in hit.answers:
            answer.shown_participant = shown_participant(access, answer)  # type: ignore[attr-defined]
    filters = {"q": query, "project": project or "", "network": network or "", "tag": tag_text}
    kept = {name: value for name, value in filters.items() if value}
    context = {
        "workspace": workspace,
        "access": access,
        "page": page,
        "query": query,
        "filters": filters,
        "unknown_tag": bool(tag_text) and tag is None,
        "projects": projects_of(workspace),
        "networks": networks_by_name(workspace),
        "tags": tags_in_use(workspace),
        "previous_url": "?" + urlencode({**kept, "page": page.page - 1}),
        "next_url": "?" + urlencode({**kept, "page": page.page + 1}),
        "can_add": access.can_edit
        and bool(editable_projects(workspace, access) or editable_networks(workspace, access)),
    }
    return render(request, "web/lessons/library.html", context)


@workspace_view()
def project_lessons(
    request: HttpRequest, workspace: Workspace, access: Access, project: str
) -> HttpResponse:
    found = project_or_404(workspace, project)
    context = {
        "workspace": workspace,
        "access": access,
        "project": found,
        "sessions": sessions_of_project(found),
        "can_add": can_link(access, found, None),
        "add_url": reverse("web:lesson-add", kwargs={"workspace": workspace.slug})
        + "?"
        + urlencode({"project": found.pk}),
        "worksheet_title": WORKSHEET_TITLE,
        "worksheet_title_thai": WORKSHEET_TITLE_THAI,
    }
    return render(request, "web/lessons/project.html", context)


def session_url(workspace: Workspace, session_id: int) -> str:
    return reverse(
        "web:lesson-session", kwargs={"workspace": workspace.slug, "session": session_id}
    )


@workspace_view()
def session_page(
    request: HttpRequest, workspace: Workspace, access: Access, session: int
) -> HttpResponse:
    found = session_or_404(workspace, session)
    can_edit = can_edit_session(access, found)
    form = None
    status = 200
    if can_edit:
        form = AnswersForm(request.POST or None, prompts=prompts_of(found))
        if request.method == "POST":
            saved = _add_answers(request, workspace, found, form)
            if saved:
                return saved
            status = 400
        with_actor_suggestions(form, workspace)
    elif request.method == "POST":
        return forbidden(request, access, "edit_project")
    sheet = session_sheet(found)
    for row in sheet:
        for answer in row.answers:
            answer.shown_participant = shown_participant(access, answer)  # type: ignore[attr-defined]
    context = {
        "workspace": workspace,
        "access": access,
        "session": found,
        "sheet": sheet,
        "answer_count": sum(len(row.answers) for row in sheet),
        "form": form,
        "can_edit": can_edit,
        "heading": HEADING,
    }
    return render(request, "web/lessons/session.html", context, status=status)


def _add_answers(
    request: HttpRequest, workspace: Workspace, session: Any, form: AnswersForm
) -> HttpResponse | None:
    if not form.is_valid():
        return None
    actor = actor_named(workspace, form, "actor") if form.cleaned_data["actor"] else None
    if form.errors:
        return None
    try:
        added = lesson_answers_add(
            request_author(request),
            session,
            answers=form.answers(),
            participant=form.cleaned_data["participant"],
            actor=actor,
            tags=form.cleaned_data["tags"],
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    messages.success(
        request,
        ngettext(
            "%(count)d answer has been saved. The boxes are empty for the next participant.",
            "%(count)d answers have been saved. The boxes are empty for the next participant.",
            len(added),
        )
        % {"count": len(added)},
    )
    return redirect(session_url(workspace, session.pk) + "#answers-form")
