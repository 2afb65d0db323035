"""The co-participation rule's page: the limit above which an activity makes no ties, how
many ties taking part together has made and when they were last made again, and, for those
who may change every tie of the workspace (admins and coordinators for all networks), the
limit's change and a rebuild — in the request, or on the task queue when the attendance is
large."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from phakhi.accounts.permissions import Access
from phakhi.core.models import Workspace
from phakhi.participation.coparticipation import (
    MAX_LIMIT,
    CoParticipationResult,
    coparticipation_rebuild_request,
    coparticipation_status,
    runs_in_background,
    tie_limit_set,
)
from phakhi.web.access import request_author, workspace_view
from phakhi.web.forms import add_service_errors


class LimitForm(forms.Form):
    max_participants = forms.IntegerField(
        label=gettext_lazy("Largest activity that makes ties"),
        min_value=2,
        max_value=MAX_LIMIT,
        help_text=gettext_lazy("registered participants; default 50"),
    )


def _page_url(workspace: Workspace) -> str:
    return reverse("web:coparticipation", kwargs={"workspace": workspace.slug})


def _done(request: HttpRequest, result: CoParticipationResult) -> None:
    messages.success(
        request,
        _(
            "Co-participation ties made again: %(created)s created, %(updated)s updated, "
            "%(removed)s removed (%(seconds).1f s)."
        )
        % {
            "created": f"{result.created:,}",
            "updated": f"{result.updated:,}",
            "removed": f"{result.removed:,}",
            "seconds": result.seconds,
        },
    )


def _queued(request: HttpRequest) -> None:
    messages.info(
        request,
        _("The ties are being made again in the background; this page shows when it has finished."),
    )


def _counts(changes: dict[str, Any]) -> dict[str, str]:
    """A rebuild's recorded counts as the page shows them."""
    shown = {k: f"{int(changes.get(k, 0)):,}" for k in ("created", "updated", "removed")}
    return {**shown, "seconds": f"{float(changes.get('seconds', 0)):.1f}"}


def _render(
    request: HttpRequest, workspace: Workspace, access: Access, form: LimitForm | None = None
) -> HttpResponse:
    status = coparticipation_status(workspace)
    form = form or LimitForm(initial={"max_participants": status.limit})
    return render(
        request,
        "web/coparticipation/rule.html",
        {
            "workspace": workspace,
            "status": status,
            "ties_shown": f"{status.ties:,}",
            "last": _counts(status.last_rebuild.changes) if status.last_rebuild else None,
            "form": form,
            "can_change": access.can_import,
            "background": runs_in_background(workspace),
        },
    )


@workspace_view()
def rule_page(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    return _render(request, workspace, access)


@require_POST
@workspace_view("import")
def limit_change(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    form = LimitForm(request.POST)
    if not form.is_valid():
        return _render(request, workspace, access, form)
    background = runs_in_background(workspace)
    try:
        change = tie_limit_set(
            request_author(request),
            workspace,
            form.cleaned_data["max_participants"],
            background=background,
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return _render(request, workspace, access, form)
    if change is None:
        messages.info(request, _("The limit was already that; nothing changed."))
    elif change.rebuild is not None:
        _done(request, change.rebuild)
    else:
        _queued(request)
    return redirect(_page_url(workspace))


@require_POST
@workspace_view("import")
def rebuild(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    result = coparticipation_rebuild_request(
        request_author(request), workspace, background=runs_in_background(workspace)
    )
    if result is None:
        _queued(request)
    else:
        _done(request, result)
    return redirect(_page_url(workspace))
