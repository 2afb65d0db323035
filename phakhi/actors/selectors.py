from django.db.models import Count

from phakhi.actors.models import Actor


def actor_counts_by_workspace() -> dict[int, int]:
    rows = Actor.objects.values("workspace_id").annotate(n=Count("id"))
    return {row["workspace_id"]: row["n"] for row in rows}
