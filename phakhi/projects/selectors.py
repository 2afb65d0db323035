"""Reads of projects (โครงการ): one project by its slug, a workspace's projects."""

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


def projects_of(workspace: Workspace, query: str = "") -> list[Project]:
    """A workspace's projects in Thai dictionary order of their names (a workspace has up to
    a few thousand projects, sorted here as the networks are); with ``query``, those whose
    name or slug holds it, compared as the directory compares words (spaces, zero-width
    characters, Thai digits and tone-mark order do not matter)."""
    projects = list(projects_query(workspace))
    wanted = word_key(query) if query.strip() else ""
    if wanted:
        projects = [
            project
            for project in projects
            if wanted in word_key(project.name) or wanted in word_key(project.slug)
        ]
    return thai_sorted(projects, key=lambda project: project.name)
