"""The respondent's pages of a network survey, on a phone and without an account (outside any
workspace, ``/s/<token>/``): the notice (what is collected, why, who sees it, how to withdraw,
whom to ask) with "I agree" and "I don't agree" — not agreeing writes nothing at all —, the
thanks page with "change my answers" and "withdraw", and the withdrawal.

The partners and their ratings are in ``survey_respond_partners.py``, the round's items and
the sending in ``survey_respond_items.py``; ``survey_respond_access.py`` resolves the link."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from phakhi.monitoring.models.surveys import Respondent
from phakhi.monitoring.survey_responses import response_consent, response_withdraw
from phakhi.monitoring.vocabulary import LEVELS
from phakhi.web.views.survey_respond_access import (
    TEMPLATES,
    consent_current,
    context_of,
    respondent_page,
)


def _notice(
    request: HttpRequest, respondent: Respondent, *, error: str = "", status: int = 200
) -> HttpResponse:
    changed = respondent.consented_at is not None and not consent_current(respondent)
    context = context_of(respondent, changed=changed, error=error, step=1)
    return render(request, TEMPLATES + "notice.html", context, status=status)


@respondent_page(needs_consent=False)
def notice(request: HttpRequest, respondent: Respondent) -> HttpResponse:
    """The link's first page. A respondent who agreed already goes on where they were, unless
    they ask to read the notice again (``?read=1``)."""
    if consent_current(respondent) and "read" not in request.GET:
        if respondent.submitted_at is not None:
            return redirect("web:survey-respond-done", token=respondent.token)
        return redirect("web:survey-respond-partners", token=respondent.token)
    return _notice(request, respondent)


@require_POST
@respondent_page(needs_consent=False)
def consent(request: HttpRequest, respondent: Respondent) -> HttpResponse:
    """ "I agree" to the notice of the version the page showed."""
    version = request.POST.get("notice_version", "")
    try:
        response_consent(respondent, notice_version=int(version) if version.isdigit() else 0)
    except ValidationError as error:
        respondent.refresh_from_db()
        return _notice(request, respondent, error=" ".join(error.messages), status=400)
    return redirect("web:survey-respond-partners", token=respondent.token)


@respondent_page(needs_consent=False)
def decline(request: HttpRequest, respondent: Respondent) -> HttpResponse:
    """ "I don't agree": a page, and nothing written anywhere — not even that they declined.
    Someone who agreed earlier is told that their answers stay until they withdraw."""
    return render(request, TEMPLATES + "declined.html", context_of(respondent))


@respondent_page()
def done(request: HttpRequest, respondent: Respondent) -> HttpResponse:
    """Thanks, with what was sent, "change my answers" and "withdraw"."""
    if respondent.submitted_at is None:
        return redirect("web:survey-respond-partners", token=respondent.token)
    words = dict(LEVELS)
    reports = [
        (report.partner.name, words.get(report.level, report.level))
        for report in respondent.reports.select_related("partner").order_by("partner__sort_key")
    ]
    context = context_of(respondent, reports=reports)
    return render(request, TEMPLATES + "done.html", context)


@respondent_page(needs_consent=False)
def withdraw(request: HttpRequest, respondent: Respondent) -> HttpResponse:
    """Withdraw (after a confirmation page): the answers, the item scores, the comment and the
    consent are deleted, and the ties and scores that came only from them. Open to anyone who
    agreed, also to an earlier notice (who may not want to agree to the new one)."""
    if respondent.consented_at is None:
        return redirect("web:survey-respond", token=respondent.token)
    if request.method != "POST":
        return render(request, TEMPLATES + "withdraw.html", context_of(respondent))
    try:
        response_withdraw(respondent)
    except ValidationError as error:
        context = context_of(respondent, error=" ".join(error.messages))
        return render(request, TEMPLATES + "withdraw.html", context, status=400)
    respondent.refresh_from_db()
    return render(request, TEMPLATES + "withdrawn.html", context_of(respondent))
