"""A survey round's page: its status, dates and notice, how many answered, and — for those who
manage it — the roster with each member's status, the comments, and the buttons that open and
close it, bring the roster up to date and show one member's link. Everyone else with a role in
the workspace sees the totals only: who answered, and what, is personal data."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy
from django.views.decorators.http import require_POST

from phakhi.accounts.permissions import Access
from phakhi.assessments.templates import TEMPLATES
from phakhi.core.audit import Author
from phakhi.core.dates import current_language
from phakhi.core.models import Workspace
from phakhi.monitoring.models import Respondent, Survey
from phakhi.monitoring.survey_invitations import PENDING, addresses, qr_svg, respondent_link
from phakhi.monitoring.survey_selectors import (
    CONSENTED,
    NOT_YET,
    RESPONDED,
    STATUSES,
    WITHDRAWN,
    roster,
)
from phakhi.monitoring.survey_services import roster_sync, survey_close, survey_open
from phakhi.web.access import request_author, workspace_view
from phakhi.web.templatetags.phakhi_tags import thai_date
from phakhi.web.views.surveys import can_manage, survey_manager, survey_or_404, survey_url

STATUS_LABELS = {
    NOT_YET: pgettext_lazy("survey respondent", "not answered yet"),
    CONSENTED: pgettext_lazy("survey respondent", "agreed, not sent yet"),
    RESPONDED: pgettext_lazy("survey respondent", "answered"),
    WITHDRAWN: pgettext_lazy("survey respondent", "withdrew"),
}


def item_titles(survey: Survey) -> list[str]:
    """The round's self-assessment items as words: "C7:1" → the item's text (and its list)."""
    thai = current_language() == "th"
    titles = []
    for value in survey.assessment_items:
        code, _sep, item_code = value.partition(":")
        template = TEMPLATES.get(code)
        item = (
            next((i for i in template.scored_items() if i.code == item_code), None)
            if (template)
            else None
        )
        if item is None:
            titles.append(value)
        else:
            titles.append(f"{item_code}. {item.thai if thai else item.english}")
    return titles


_SENTINEL = 987654321


def _url_of_each(name: str, key: str, **kwargs: Any) -> Callable[[int], str]:
    """``reverse(name)`` for many ids at the cost of one: the address of a sentinel id with
    each id put in its place."""
    address = reverse(name, kwargs={**kwargs, key: _SENTINEL})
    return lambda pk: address.replace(str(_SENTINEL), str(pk))


def _roster_table(workspace: Workspace, survey: Survey, rows: list[Any]) -> list[dict[str, Any]]:
    """The roster's rows ready to print: links, dates and words made here once a row, so that
    the page of a 500-member round stays quick (a template tag a cell costs 500 times over)."""
    labels = {status: str(label) for status, label in STATUS_LABELS.items()}
    actor_url = _url_of_each("web:actor", "pk", workspace=workspace.slug)
    link_url = _url_of_each(
        "web:survey-link", "respondent", workspace=workspace.slug, slug=survey.slug
    )
    table = []
    for row in rows:
        respondent = row.respondent
        table.append(
            {
                "name": respondent.actor.name,
                "actor_url": actor_url(respondent.actor_id),
                "imported": respondent.source == Respondent.Source.IMPORT,
                "status": row.status,
                "label": labels[row.status],
                "submitted_on": thai_date(respondent.submitted_at),
                "invited_on": thai_date(respondent.invited_at),
                "has_email": bool(addresses(respondent)),
                "link_url": "" if row.status == WITHDRAWN else link_url(respondent.pk),
            }
        )
    return table


@workspace_view()
def survey_page(
    request: HttpRequest, workspace: Workspace, access: Access, slug: str
) -> HttpResponse:
    survey = survey_or_404(workspace, slug)
    rows = roster(survey)
    counts = Counter(row.status for row in rows)
    manages = can_manage(access, survey)
    context = {
        "workspace": workspace,
        "access": access,
        "survey": survey,
        "manages": manages,
        "size": len(rows),
        "counts": [(status, STATUS_LABELS[status], counts[status]) for status in STATUSES],
        "responded": counts[RESPONDED],
        "rate": round(100 * counts[RESPONDED] / len(rows)) if rows else None,
        "items": item_titles(survey),
        "pending": PENDING,
    }
    if manages:
        table = _roster_table(workspace, survey, rows)
        context["comments"] = [
            row.respondent
            for row in rows
            if row.status == RESPONDED and row.respondent.comment.strip()
        ]
        context["rows"] = table
        # Members an e-mail would reach now: not invited yet, not answered, with an address.
        context["uninvited"] = sum(
            1
            for row in rows
            if row.status in (NOT_YET, CONSENTED)
            and not row.respondent.invited_at
            and addresses(row.respondent)
        )
    return render(request, "web/surveys/round.html", context)


def _act(
    request: HttpRequest, survey: Survey, action: Callable[[Author, Survey], Survey], done: str
) -> HttpResponse:
    try:
        action(request_author(request), survey)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(survey_url(survey))


@require_POST
@survey_manager
def survey_open_view(
    request: HttpRequest, workspace: Workspace, access: Access, survey: Survey
) -> HttpResponse:
    return _act(request, survey, survey_open, _("The survey is open: the private links work."))


@require_POST
@survey_manager
def survey_close_view(
    request: HttpRequest, workspace: Workspace, access: Access, survey: Survey
) -> HttpResponse:
    return _act(request, survey, survey_close, _("The survey is closed: the links no longer work."))


@require_POST
@survey_manager
def survey_roster_view(
    request: HttpRequest, workspace: Workspace, access: Access, survey: Survey
) -> HttpResponse:
    try:
        added = roster_sync(request_author(request), survey)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if added:
            text = ngettext(
                "%(n)d member who joined the network has been added to the roster.",
                "%(n)d members who joined the network have been added to the roster.",
                added,
            )
            messages.success(request, text % {"n": added})
        else:
            messages.info(request, _("The roster already holds every member of the network."))
    return redirect(survey_url(survey))


@survey_manager
def survey_link(
    request: HttpRequest, workspace: Workspace, access: Access, survey: Survey, respondent: int
) -> HttpResponse:
    found = Respondent.objects.filter(survey=survey, pk=respondent).select_related("actor").first()
    if found is None:
        raise Http404(_("This member is not on the survey's roster."))
    link = respondent_link(found, request.build_absolute_uri("/"))
    context = {
        "workspace": workspace,
        "access": access,
        "survey": survey,
        "respondent": found,
        "link": link,
        "qr": qr_svg(link),
    }
    return render(request, "web/surveys/link.html", context)
