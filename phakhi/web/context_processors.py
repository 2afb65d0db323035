"""What the layout (web/base.html) shows on every page: the workspace, the switcher and the
navigation. Lazy: pages that do not use it (the admin) run no query for it."""

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from phakhi.accounts.models import Role
from phakhi.accounts.permissions import Access, workspaces_for
from phakhi.core.models import Workspace
from phakhi.web.access import request_access

# (URL name, label, permission). Areas are linked once their page exists (the name resolves).
NAVIGATION: tuple[tuple[str, Any, str], ...] = (
    ("web:home", _("Home"), "view"),
    ("web:directory", _("Directory"), "view"),
    ("web:networks", _("Networks"), "view"),
    ("web:projects", _("Projects"), "view"),
    ("web:map", _("Network map"), "view"),
    ("web:activities", _("Activities"), "view"),
    ("web:calendar", _("Calendar"), "view"),
    ("web:participation", _("Participation"), "view"),
    ("web:monitoring", _("Monitoring"), "view"),
    ("web:import", _("Import"), "import"),
)


@dataclass(frozen=True)
class NavItem:
    label: Any
    url: str
    current: bool


class Shell:
    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    @cached_property
    def access(self) -> Access | None:
        return request_access(self.request)

    @cached_property
    def workspace(self) -> Workspace | None:
        return self.access.workspace if self.access else None

    @cached_property
    def workspaces(self) -> list[tuple[Workspace, Role]]:
        return workspaces_for(self.request.user)

    @cached_property
    def nav(self) -> list[NavItem]:
        if self.access is None:
            return []
        match = self.request.resolver_match
        here = f"{match.namespace}:{match.url_name}" if match else ""
        items = []
        for name, label, permission in NAVIGATION:
            if not self.access.allows(permission):
                continue
            try:
                url = reverse(name, kwargs={"workspace": self.access.workspace.slug})
            except NoReverseMatch:
                continue
            current = here == name or (name != "web:home" and here.startswith(f"{name}-"))
            if name == "web:projects" and match:
                # a new project, a project's pages and its worksheets' (projects/<project>/…)
                current = current or here == "web:project-add" or "project" in match.kwargs
            items.append(NavItem(label, url, current))
        return items


def shell(request: HttpRequest) -> dict[str, Any]:
    return {"shell": Shell(request)}
