"""Creating and changing lessons sessions: the session's own fields, its prompts (add, reword,
order, remove one nobody answered), an answer (change, remove), the session itself (delete)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phakhi.accounts.permissions import Access
from phakhi.core.models import Workspace
from phakhi.core.versions import EditConflict
from phakhi.lessons import services
from phakhi.lessons.access import can_link
from phakhi.lessons.models import LessonAnswer, LessonSession
from phakhi.lessons.selectors import answer_in, prompt_in, prompts_of
from phakhi.web.access import forbidden, request_author, workspace_view
from phakhi.web.conflicts import ConflictRow, conflict_message, reopen, resolved
from phakhi.web.forms import add_service_errors
from phakhi.web.views.lessons import session_url
from phakhi.web.views.lessons_access import (
    editable_networks,
    editable_projects,
    session_editor,
)
from phakhi.web.views.lessons_forms import (
    AnswerChangeForm,
    PromptForm,
    SessionChangeForm,
    SessionCreateForm,
)

SESSION_FORM_FIELDS = ("title", "held_on", "case", "project", "network", "tags")


def _library_url(workspace: Workspace) -> str:
    return reverse("web:lessons", kwargs={"workspace": workspace.slug})


def _choices(workspace: Workspace, access: Access, session: LessonSession | None = None) -> Any:
    """The projects and networks the user may link a session to (and the session's own)."""
    projects = editable_projects(workspace, access)
    networks = editable_networks(workspace, access)
    if session is not None:
        if session.project and session.project not in projects:
            projects.append(session.project)
        if session.network and session.network not in networks:
            networks.append(session.network)
    return {"projects": projects, "networks": networks, "workspace": workspace}


@workspace_view("edit")
def lesson_add(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    choices = _choices(workspace, access)
    if not choices["projects"] and not choices["networks"]:
        return forbidden(request, access, "edit_project")
    initial = {"project": request.GET.get("project", ""), "network": request.GET.get("network", "")}
    form = SessionCreateForm(request.POST or None, initial=initial, **choices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not can_link(access, data["project"], data["network"]):
            return forbidden(request, access, "edit_project")
        try:
            session = services.lesson_session_create(
                request_author(request),
                workspace,
                **{name: data[name] for name in (*SESSION_FORM_FIELDS, "prompts")},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The session has been created."))
            return redirect(session_url(workspace, session.pk))
    context = {
        "workspace": workspace,
        "access": access,
        "form": form,
        "title": _("New lessons session"),
        "cancel_url": _library_url(workspace),
    }
    return render(request, "web/network_form.html", context, status=400 if form.is_bound else 200)


def _session_values(session: LessonSession) -> dict[str, Any]:
    session.refresh_from_db()
    return {
        "title": session.title,
        "held_on": session.held_on,
        "case": session.case,
        "project": str(session.project_id or ""),
        "network": str(session.network_id or ""),
        "tags": ", ".join(session.tags.order_by("sort_key").values_list("name", flat=True)),
    }


@session_editor
def session_edit(
    request: HttpRequest, workspace: Workspace, access: Access, session: LessonSession
) -> HttpResponse:
    choices = _choices(workspace, access, session)
    initial = {**_session_values(session), "version": session.version}
    form = SessionChangeForm(initial=initial, **choices)
    conflicts: list[ConflictRow] = []
    status = 200
    if request.method == "POST":
        form = SessionChangeForm(resolved(request.POST), initial=initial, **choices)
        status = 400
        if form.is_valid():
            edited = {name: form.cleaned_data[name] for name in form.edited}
            project = edited.get("project", session.project)
            network = edited.get("network", session.network)
            if not can_link(access, project, network):
                return forbidden(request, access, "edit_project")
            try:
                services.lesson_session_update(
                    request_author(request),
                    session,
                    version=form.cleaned_data["version"],
                    **edited,
                )
            except EditConflict as conflict:
                form, conflicts = reopen(form, conflict, _session_values(session), **choices)  # type: ignore[assignment]
                status = 409
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The session has been saved."))
                return redirect(session_url(workspace, session.pk))
    context = {
        "workspace": workspace,
        "access": access,
        "session": session,
        "form": form,
        "conflicts": conflicts,
        "prompts": [
            (prompt, PromptForm(initial={"text": prompt.text, "version": prompt.version}))
            for prompt in session.prompts.annotate(answered=Count("answers")).order_by(
                "position", "id"
            )
        ],
        "new_prompt": PromptForm(auto_id="new-prompt-%s"),
    }
    return render(request, "web/lessons/session_edit.html", context, status=status)


def _edit_url(workspace: Workspace, session: LessonSession, anchor: str = "prompts") -> str:
    url = reverse(
        "web:lesson-session-edit", kwargs={"workspace": workspace.slug, "session": session.pk}
    )
    return f"{url}#{anchor}"


@require_POST
@session_editor
def session_delete(
    request: HttpRequest, workspace: Workspace, access: Access, session: LessonSession
) -> HttpResponse:
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm that the session is to be deleted."))
        return redirect(_edit_url(workspace, session, "delete-title"))
    services.lesson_session_delete(request_author(request), session)
    messages.success(request, _("The session “%(title)s” has been deleted.") % {"title": session})
    return redirect(_library_url(workspace))


@require_POST
@session_editor
def prompt_add(
    request: HttpRequest, workspace: Workspace, access: Access, session: LessonSession
) -> HttpResponse:
    form = PromptForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Write the prompt."))
        services.lesson_prompt_add(request_author(request), session, text=form.cleaned_data["text"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The prompt has been added."))
    return redirect(_edit_url(workspace, session))


@require_POST
@session_editor
def prompt_change(
    request: HttpRequest, workspace: Workspace, access: Access, session: LessonSession, prompt: int
) -> HttpResponse:
    found = prompt_in(session, prompt)
    form = PromptForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Write the prompt."))
        services.lesson_prompt_update(
            request_author(request),
            found,
            text=form.cleaned_data["text"],
            version=form.cleaned_data["version"],
        )
    except EditConflict as conflict:
        messages.error(request, conflict_message(conflict))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The prompt has been saved."))
    return redirect(_edit_url(workspace, session, f"prompt-{found.pk}"))


@require_POST
@session_editor
def prompt_move(
    request: HttpRequest, workspace: Workspace, access: Access, session: LessonSession, prompt: int
) -> HttpResponse:
    found = prompt_in(session, prompt)
    offset = -1 if request.POST.get("direction") == "up" else 1
    services.lesson_prompt_move(request_author(request), found, offset)
    return redirect(_edit_url(workspace, session, f"prompt-{found.pk}"))


@require_POST
@session_editor
def prompt_delete(
    request: HttpRequest, workspace: Workspace, access: Access, session: LessonSession, prompt: int
) -> HttpResponse:
    found = prompt_in(session, prompt)
    try:
        services.lesson_prompt_remove(request_author(request), found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The prompt has been removed."))
    return redirect(_edit_url(workspace, session))


def _answer_values(answer: LessonAnswer) -> dict[str, Any]:
    answer.refresh_from_db()
    return {
        "prompt": str(answer.prompt_id),
        "text": answer.text,
        "participant": answer.participant,
        "tags": ", ".join(answer.tags.order_by("sort_key").values_list("name", flat=True)),
    }


@session_editor
def answer_edit(
    request: HttpRequest, workspace: Workspace, access: Access, session: LessonSession, answer: int
) -> HttpResponse:
    found = answer_in(session, answer)
    prompts = prompts_of(session)
    initial = {**_answer_values(found), "version": found.version}
    form = AnswerChangeForm(initial=initial, prompts=prompts)
    conflicts: list[ConflictRow] = []
    if request.method == "POST":
        form = AnswerChangeForm(resolved(request.POST), initial=initial, prompts=prompts)
        if form.is_valid():
            edited = {name: form.cleaned_data[name] for name in form.edited}
            try:
                services.lesson_answer_update(
                    request_author(request), found, version=form.cleaned_data["version"], **edited
                )
            except EditConflict as conflict:
                form, conflicts = reopen(form, conflict, _answer_values(found), prompts=prompts)  # type: ignore[assignment]
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The answer has been saved."))
                return redirect(session_url(workspace, session.pk) + f"#answer-{found.pk}")
    context = {
        "workspace": workspace,
        "access": access,
        "form": form,
        "conflicts": conflicts,
        "title": _("Change the answer"),
        "cancel_url": session_url(workspace, session.pk),
    }
    status = 409 if conflicts else 400 if form.is_bound else 200
    return render(request, "web/network_form.html", context, status=status)


@require_POST
@session_editor
def answer_delete(
    request: HttpRequest, workspace: Workspace, access: Access, session: LessonSession, answer: int
) -> HttpResponse:
    services.lesson_answer_remove(request_author(request), answer_in(session, answer))
    messages.success(request, _("The answer has been removed."))
    return redirect(session_url(workspace, session.pk) + "#sheet")
