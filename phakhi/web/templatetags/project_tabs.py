"""``{% project_tabs workspace project active %}``: the tabs of a project's pages
(``phakhi/web/views/project_tabs.py``), those whose page exists, with the current one marked."""

from dataclasses import dataclass
from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse

from phakhi.core.models import Workspace
from phakhi.projects.models import Project
from phakhi.web.views.project_tabs import PROJECT_TABS

register = template.Library()


@dataclass(frozen=True)
class TabLink:
    label: Any
    url: str
    current: bool


def tab_urls(workspace: Workspace, project: Project) -> dict[str, str]:
    """The project's tabs whose page exists: route (without "web:", with "_" for "-", as a
    template reads it: ``tab_urls.project_map``) → URL, in tab order."""
    urls = {}
    for tab in PROJECT_TABS:
        try:
            urls[tab.route.replace("-", "_")] = reverse(
                f"web:{tab.route}", kwargs={"workspace": workspace.slug, "project": project.slug}
            )
        except NoReverseMatch:  # an area's tab whose page is not there yet
            continue
    return urls


@register.simple_tag
def project_tabs(workspace: Workspace, project: Project, active: str = "") -> list[TabLink]:
    """The tab links; ``active`` is the current tab's route, with or without "web:"."""
    active = active.removeprefix("web:")
    urls = tab_urls(workspace, project)
    return [
        TabLink(tab.label, urls[tab.route.replace("-", "_")], tab.route == active)
        for tab in PROJECT_TABS
        if tab.route.replace("-", "_") in urls
    ]
