"""``{% coparticipation_note activity registered %}``: the note an activity's pages show when it
has more registered participants than the co-participation limit (it makes no ties)."""

from typing import Any

from django import template
from django.urls import reverse

from phakhi.participation.coparticipation import tie_limit

register = template.Library()


@register.inclusion_tag("web/coparticipation/_limit_note.html")
def coparticipation_note(activity: Any, registered: int) -> dict[str, Any]:
    """The note for ``activity`` with ``registered`` participants (nothing at or under the
    limit); it links to the rule's page."""
    workspace = activity.workspace
    return {
        "registered": registered,
        "limit": tie_limit(activity.workspace_id),
        "rule_url": reverse("web:coparticipation", kwargs={"workspace": workspace.slug}),
    }
