from django.core.exceptions import ObjectDoesNotExist
from django.db import connection
from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor, Tag
from phakhi.core.models import AuditEvent, Workspace
from phakhi.core.selectors import NotFound
from phakhi.core.thai import thai_sorted


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


def actor_get(workspace: Workspace, actor_id: int) -> Actor:
    """One actor of the workspace for its page: organization, issues and memberships (with
    their networks) read along; an id of another workspace is not found."""
    try:
        return (
            Actor.objects.select_related("organization")
            .prefetch_related(
                Prefetch("tags", queryset=Tag.objects.order_by("name")),
                "memberships__network",  # by network name on the page
            )
            .get(workspace=workspace, pk=actor_id)
        )
    except ObjectDoesNotExist:
        raise NotFound(
            _("There is no actor %(id)s in this workspace.") % {"id": actor_id}
        ) from None


def actor_by_key(workspace: Workspace, key: str) -> Actor | None:
    return Actor.objects.filter(workspace=workspace, key=key.strip()).first()


def actor_people(organization: Actor) -> QuerySet[Actor]:
    """The people (and groups) who belong to an organization, by name (for paging)."""
    return Actor.objects.filter(organization=organization).order_by("name", "id")


def actor_history(actor: Actor, limit: int = 20) -> list[AuditEvent]:
    """The latest changes recorded for the actor itself, newest first."""
    events = AuditEvent.objects.filter(
        object_type=Actor._meta.label_lower, object_id=str(actor.pk), workspace=actor.workspace_id
    )
    return list(events.order_by("-at", "-id")[:limit])


def provinces_present(workspace: Workspace) -> list[str]:
    """The codes of the provinces the workspace's actors are in, in code order.

    One index look-up per province (a loose index scan written as a recursive query), not a
    read of every actor: the directory asks on every page of a 600,000-actor workspace.
    """
    table = Actor._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH RECURSIVE present(code) AS (
                SELECT MIN(province_code) FROM {table}
                WHERE workspace_id = %s AND province_code > ''
                UNION ALL
                SELECT (SELECT MIN(province_code) FROM {table}
                        WHERE workspace_id = %s AND province_code > present.code)
                FROM present WHERE present.code IS NOT NULL
            )
            SELECT code FROM present WHERE code IS NOT NULL
            """,
            [workspace.id, workspace.id],
        )
        return [code for (code,) in cursor.fetchall()]


def tags_of(workspace: Workspace) -> QuerySet[Tag]:
    """The workspace's issues by name."""
    return Tag.objects.filter(workspace=workspace).order_by("name", "id")


def tags_in_thai_order(workspace: Workspace) -> list[Tag]:
    """The workspace's issues in Thai dictionary order, for the lists people choose from."""
    return thai_sorted(tags_of(workspace), key=lambda tag: tag.name)


def attribute_names(workspace: Workspace, sample: int = 10_000) -> list[str]:
    """The names of the extra columns (``attributes``) that the workspace's latest ``sample``
    actors with any have, sorted: enough to show an admin which columns their imports keep
    without reading every actor of a large workspace."""
    rows = (
        Actor.objects.filter(workspace=workspace)
        .exclude(attributes={})
        .order_by("-id")
        .values_list("attributes", flat=True)[:sample]
    )
    names: set[str] = set()
    for attributes in rows:
        names.update(attributes or {})
    return sorted(names)
