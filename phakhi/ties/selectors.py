import datetime as dt

from django.db.models import CharField, Count, Q, QuerySet
from django.db.models.functions import Cast

from phakhi.actors.models import Actor
from phakhi.core import periods
from phakhi.core.models import AuditEvent, Workspace
from phakhi.core.selectors import of_workspace_row_by_row
from phakhi.ties.models import Tie


def tie_counts_by_workspace() -> dict[int, int]:
    rows = Tie.objects.values("workspace_id").annotate(n=Count("id"))
    return {row["workspace_id"]: row["n"] for row in rows}


def tie_list(
    workspace: Workspace,
    *,
    actor_id: int | None = None,
    min_strength: int = 1,
    active_on: dt.date | None = None,
    origin: str | None = None,
) -> QuerySet[Tie]:
    """A workspace's ties with their actors, newest first: those of one actor (either end), of
    at least a strength, active on a day (``since ≤ day < until``, open ends count), or from
    one origin (``Origin``: drawn in a workshop, imported …)."""
    ties = Tie.objects.select_related("source", "target", "via")
    if actor_id is None:
        ties = ties.filter(workspace=workspace)
    else:
        ties = of_workspace_row_by_row(ties, workspace)
        ties = ties.filter(Q(source_id=actor_id) | Q(target_id=actor_id))
    if min_strength > 1:
        ties = ties.filter(strength__gte=min_strength)
    if active_on is not None:
        ties = ties.filter(periods.active_on(active_on))
    if origin is not None:
        ties = ties.filter(origin=origin)
    return ties.order_by("-id")


def actor_tie_history(actor: Actor, limit: int = 20) -> list[tuple[AuditEvent, Tie]]:
    """The latest changes recorded for the ties the actor has now (added, changed, ended),
    newest first, each with its tie and both actors; found through the audit trail's
    (object type, object id) index, however many ties the actor has."""
    label = Tie._meta.label_lower
    ties = Tie.objects.filter(Q(source=actor) | Q(target=actor)).annotate(
        text_id=Cast("pk", output_field=CharField())
    )
    events = list(
        AuditEvent.objects.filter(
            workspace=actor.workspace_id, object_type=label, object_id__in=ties.values("text_id")
        ).order_by("-at", "-id")[:limit]
    )
    found = Tie.objects.select_related("source", "target").in_bulk(
        {int(event.object_id) for event in events}
    )
    return [
        (event, found[int(event.object_id)]) for event in events if int(event.object_id) in found
    ]
