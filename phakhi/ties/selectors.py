from django.db.models import Count

from phakhi.ties.models import Tie


def tie_counts_by_workspace() -> dict[int, int]:
    rows = Tie.objects.values("workspace_id").annotate(n=Count("id"))
    return {row["workspace_id"]: row["n"] for row in rows}
