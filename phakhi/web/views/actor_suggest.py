"""Suggestions for the fields that name an actor (phakhi/web/actor_picker.py): the directory
search's first matches, as JSON, to anyone who may edit. Names, keys and organizations only:
nothing a role may not see (no contacts, no personal columns)."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from phakhi.accounts.permissions import Access
from phakhi.actors.search import actor_suggestions
from phakhi.core.models import Workspace
from phakhi.web.access import workspace_view

QUERY_LENGTH = 200  # what a name field holds


@require_GET
@workspace_view("edit")
def actor_suggest(request: HttpRequest, workspace: Workspace, access: Access) -> JsonResponse:
    text = request.GET.get("q", "").strip()[:QUERY_LENGTH]
    organizations = request.GET.get("organizations") == "1"
    found = actor_suggestions(workspace, text, organizations=organizations) if text else []
    actors = [
        {
            "key": actor.key,
            "name": actor.name,
            "organization": actor.organization.name if actor.organization else "",
        }
        for actor in found
    ]
    return JsonResponse({"actors": actors})
