"""The calendar as iCalendar: the private feed a calendar program subscribes to (outside the
signed-in area: the token in its address is the key), the download of what a calendar page
shows, and the subscribe panel's actions (make the address, reset it)."""

from __future__ import annotations

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from phakhi.accounts.permissions import Access
from phakhi.core.dates import current_language
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.networks.selectors import network_get
from phakhi.participation.calendar import calendar_entries, feed_window
from phakhi.participation.calendar_feeds import (
    calendar_feed_get_or_create,
    calendar_feed_of,
    calendar_feed_open,
    calendar_feed_read,
    calendar_feed_reset,
    feed_state,
)
from phakhi.participation.calendar_ics import ics_calendar
from phakhi.web.access import request_author, workspace_view
from phakhi.web.views.calendar import calendar_query

CONTENT_TYPE = "text/calendar; charset=utf-8"
FEED_CACHE_SECONDS = 24 * 3600  # a feed's text, by its ETag (a change makes a new ETag)


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _calendar_name(workspace: Workspace, network_names: list[str]) -> str:
    if network_names:
        return _("%(workspace)s: activities of %(networks)s") % {
            "workspace": workspace.name,
            "networks": ", ".join(network_names),
        }
    return _("%(workspace)s: activities") % {"workspace": workspace.name}


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponseBase:
    """The private feed: the last twelve months and everything ahead, as the address's user
    may see it; 404 for an unknown or reset token, or a user who lost their role."""
    reader = calendar_feed_open(token)
    if reader is None:
        raise Http404(_("There is no such calendar address. It may have been reset."))
    workspace = reader.feed.workspace
    language = "en" if request.GET.get("lang") == "en" else "th"
    try:
        networks = [network_get(workspace, slug) for slug in request.GET.getlist("network")]
    except NotFound as error:
        raise Http404(str(error)) from None
    network_ids = tuple(sorted(network.pk for network in networks))
    today = timezone.localdate()
    base_url = _base_url(request)
    variant = f"{language}|{network_ids}|{base_url}|{reader.access.role}"
    state = feed_state(workspace, today=today, networks=network_ids, variant=variant)
    last_modified = int(state.last_modified.timestamp()) if state.last_modified else None
    calendar_feed_read(reader.feed)
    cached = get_conditional_response(request, etag=state.etag, last_modified=last_modified)
    if cached is None:
        # The text is the same for every reader of the same ETag (it covers the role, the
        # language, the filter and the host): made once, kept until the calendar changes.
        key = f"phakhi:calendar-feed:{workspace.pk}:{state.etag}"
        body = cache.get(key)
        if body is None:
            start, end = feed_window(today)
            entries = calendar_entries(workspace, start, end, networks=network_ids)
            with translation.override(language):
                body = ics_calendar(
                    entries,
                    workspace_slug=workspace.slug,
                    name=_calendar_name(workspace, [network.name for network in networks]),
                    base_url=base_url,
                    language=language,
                )
            cache.set(key, body, FEED_CACHE_SECONDS)
        cached = HttpResponse(body, content_type=CONTENT_TYPE)
    cached["ETag"] = state.etag
    if last_modified is not None:
        cached["Last-Modified"] = http_date(last_modified)
    # Private: the address is the key; no shared cache may keep a copy.
    patch_cache_control(cached, private=True, no_cache=True)
    cached["X-Robots-Tag"] = "noindex"
    cached["Referrer-Policy"] = "no-referrer"
    return cached


@workspace_view()
def calendar_download(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    """What a calendar page shows (its month's grid or its list's range, network and project)
    as a .ics file to import once."""
    query = calendar_query(request, workspace)
    language = current_language()
    entries = calendar_entries(
        workspace,
        query.start,
        query.end,
        networks=(query.network.pk,) if query.network else (),
        project=query.project.pk if query.project else None,
    )
    names = [query.network.name] if query.network else []
    body = ics_calendar(
        entries,
        workspace_slug=workspace.slug,
        name=_calendar_name(workspace, names),
        base_url=_base_url(request),
        language=language,
    )
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    name = f"{workspace.slug}-{query.start:%Y%m%d}-{query.end:%Y%m%d}.ics"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _back(request: HttpRequest, workspace: Workspace) -> HttpResponse:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = ""
    target = target or reverse("web:calendar", kwargs={"workspace": workspace.slug})
    return redirect(target.split("#")[0] + "#subscribe")


@require_POST
@workspace_view()
def calendar_subscribe(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    calendar_feed_get_or_create(request_author(request), request.user, workspace)
    messages.success(request, _("Your private calendar address is ready: copy it below."))
    return _back(request, workspace)


@require_POST
@workspace_view()
def calendar_subscribe_reset(
    request: HttpRequest, workspace: Workspace, access: Access
) -> HttpResponse:
    feed = calendar_feed_of(request.user, workspace)
    if feed is None:
        feed = calendar_feed_get_or_create(request_author(request), request.user, workspace)
    else:
        calendar_feed_reset(request_author(request), feed)
    messages.success(
        request,
        _(
            "Your calendar address has been reset: the old one no longer works. Subscribe "
            "again with the new address."
        ),
    )
    return _back(request, workspace)
