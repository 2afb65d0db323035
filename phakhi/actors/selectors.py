from django.db import connection
from django.db.models import Count

from phakhi.actors.models import Actor


def actor_counts_by_workspace() -> dict[int, int]:
    rows = Actor.objects.values("workspace_id").annotate(n=Count("id"))
    return {row["workspace_id"]: row["n"] for row in rows}


def actor_ids_by_key(workspace_id: int) -> dict[str, int]:
    """Every actor's id by its key; plain SQL, as an import of millions of ties starts here."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT key, id FROM {Actor._meta.db_table} WHERE workspace_id = %s", [workspace_id]
        )
        return dict(cursor.fetchall())
