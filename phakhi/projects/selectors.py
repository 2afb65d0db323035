"""Reads of projects (โครงการ): one project by its slug, a workspace's projects."""

from collections.abc import Sequence

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.core.thai import thai_sorted, word_key
from phakhi.projects.models import Project


def project_in(workspace: Workspace, slug: str) -> Project:
    """The workspace's project ``slug`` with its lead network and lead actor; ``NotFound``
    (which names the workspace's projects) when there is none."""
    try:
        return Project.objects.select_related("network", "lead_actor").get(
            workspace=workspace, slug=slug
        )
    except ObjectDoesNotExist:
        known = ", ".join(
            Project.objects.filter(workspace=workspace)
            .order_by("slug")
            .values_list("slug", flat=True)[:20]
        )
        raise NotFound(
            _("There is no project “%(slug)s” in this workspace (projects: %(known)s).")
            % {"slug": slug, "known": known or _("none yet")}
        ) from None


def projects_query(workspace: Workspace) -> QuerySet[Project]:
    """A workspace's projects with their lead network and lead actor, in slug order (stable
    for pages of the API)."""
    return (
        Project.objects.filter(workspace=workspace)
        .select_related("network", "lead_actor")
        .order_by("slug", "id")
    )


def project_order(workspace: Workspace, query: str = "") -> list[int]:
    """The ids of a workspace's projects in Thai dictionary order of their names; with
    ``query``, of those whose name or slug holds it, compared as the directory compares words
    (spaces, zero-width characters, Thai digits and tone-mark order do not matter). Only ids
    and names are read: a page of projects is then read whole by ``projects_by_id``."""
    rows = list(Project.objects.filter(workspace=workspace).values_list("id", "name", "slug"))
    wanted = word_key(query) if query.strip() else ""
    if wanted:
        rows = [row for row in rows if wanted in word_key(row[1]) or wanted in word_key(row[2])]
    return [pk for pk, _name, _slug in thai_sorted(rows, key=lambda row: row[1])]


def projects_by_id(workspace: Workspace, ids: Sequence[int]) -> list[Project]:
    """The workspace's projects with these ids, with their lead network and actor, in the
    order of ``ids``."""
    found = projects_query(workspace).in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def projects_of(workspace: Workspace, query: str = "") -> list[Project]:
    """A workspace's projects (those ``query`` finds), in Thai dictionary order of names."""
    return projects_by_id(workspace, project_order(workspace, query))
