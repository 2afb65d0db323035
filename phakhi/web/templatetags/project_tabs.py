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


@register.simple_tag
def project_tabs(workspace: Workspace, project: Project, active: str = "") -> list[TabLink]:
    """The tab links; ``active`` is the current tab's route, with or without "web:"."""
    active = active.removeprefix("web:")
    links = []
    for tab in PROJECT_TABS:
        try:
            url = reverse(
                f"web:{tab.route}", kwargs={"workspace": workspace.slug, "project": project.slug}
            )
        except NoReverseMatch:  # an area's tab whose page is not there yet
            continue
        links.append(TabLink(tab.label, url, tab.route == active))
    return links
