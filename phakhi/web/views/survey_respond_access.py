"""Who may open a respondent's page: the holder of the private link (``/s/<token>/``), no
account. The token is the key, so every page of the link is the respondent's own and nobody
else's. A round that is not open shows a polite page and takes nothing; pages past the notice
need the respondent's consent to the notice as it stands now (a changed notice is read again).

The pages hold personal data (the respondent's own answers): never kept by a browser's cache or
a proxy, never indexed. Django's Referrer-Policy (same-origin) keeps the link out of other
sites' logs."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers

from phakhi.core.selectors import NotFound
from phakhi.monitoring.models.surveys import Respondent, Survey
from phakhi.monitoring.survey_selectors import respondent_by_token

TEMPLATES = "web/survey_respond/"
View = Callable[..., HttpResponse]


def consent_current(respondent: Respondent) -> bool:
    """The respondent agreed to the notice the round shows now."""
    return (
        respondent.consented_at is not None
        and respondent.consent_notice == respondent.survey.notice_version
    )


def private(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def context_of(respondent: Respondent, **extra: Any) -> dict[str, Any]:
    survey = respondent.survey
    return {
        "respondent": respondent,
        "survey": survey,
        "network": survey.network,
        "token": respondent.token,
        **extra,
    }


def _not_open(request: HttpRequest, respondent: Respondent) -> HttpResponse:
    survey = respondent.survey
    template = "closed.html" if survey.status == Survey.Status.CLOSED else "not_open.html"
    status = 410 if survey.status == Survey.Status.CLOSED else 403
    counted = respondent.submitted_at is not None and respondent.consented_at is not None
    context = context_of(respondent, counted=counted)
    return render(request, TEMPLATES + template, context, status=status)


def respondent_page(*, needs_consent: bool = True) -> Callable[[View], View]:
    """Resolve the link's token to its :class:`Respondent` and hand it to the view in place of
    the token, or answer for the view: unknown link (404), round not open, no consent yet."""

    def wrap(view: View) -> View:
        @wraps(view)
        def page(request: HttpRequest, token: str, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                respondent = respondent_by_token(token)
            except NotFound:
                return private(render(request, TEMPLATES + "unknown.html", status=404))
            if respondent.survey.status != Survey.Status.OPEN:
                return private(_not_open(request, respondent))
            if needs_consent and not consent_current(respondent):
                return private(redirect("web:survey-respond", token=respondent.token))
            return private(view(request, respondent, *args, **kwargs))

        return page

    return wrap
