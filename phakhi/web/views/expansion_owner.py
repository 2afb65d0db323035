"""Whose expansion plan a page shows: a project's (the project tab "แผนขยายเครือข่าย") or a
network's (``networks/<slug>/plan/``). The same views serve both; ``plan_view`` looks the
owner up from the route and checks who may edit it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from phakhi.accounts.permissions import Access
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.expansion.models import ExpansionPlan
from phakhi.expansion.selectors import plan_of_network, plan_of_project
from phakhi.networks.models import Network
from phakhi.networks.selectors import network_get
from phakhi.projects.models import Project
from phakhi.projects.selectors import project_in
from phakhi.web.access import forbidden, workspace_view


@dataclass
class PlanOwner:
    workspace: Workspace
    project: Project | None
    network: Network | None
    plan: ExpansionPlan | None
    can_edit: bool

    @property
    def kind(self) -> str:
        return "project" if self.project is not None else "network"

    @property
    def name(self) -> str:
        owner = self.project or self.network
        return owner.name if owner is not None else ""

    @property
    def lead_network(self) -> Network | None:
        return self.project.network if self.project is not None else self.network

    @property
    def route_kwargs(self) -> dict[str, str]:
        if self.project is not None:
            return {"workspace": self.workspace.slug, "project": self.project.slug}
        assert self.network is not None
        return {"workspace": self.workspace.slug, "slug": self.network.slug}

    def url(self, name: str = "", **extra: Any) -> str:
        route = f"web:{self.kind}-plan" + (f"-{name}" if name else "")
        return reverse(route, kwargs={**self.route_kwargs, **extra})

    @property
    def home_url(self) -> str:
        """The project's or network's own page."""
        if self.project is not None:
            return reverse("web:project", kwargs=self.route_kwargs)
        return reverse("web:network", kwargs=self.route_kwargs)


def plan_view(permission: str = "view") -> Callable[[Callable[..., HttpResponse]], Any]:
    """A page of a plan: the view gets the ``PlanOwner`` in place of the project's or the
    network's slug. With "edit", only those who may edit the project (or the network) get
    through (403 for the others)."""

    def decorate(view: Callable[..., HttpResponse]) -> Any:
        @workspace_view(permission)
        @wraps(view)
        def wrapper(
            request: HttpRequest, workspace: Workspace, access: Access, **kwargs: Any
        ) -> HttpResponse:
            owner = _owner(workspace, access, kwargs.pop("project", None), kwargs.pop("slug", None))
            if permission == "edit" and not owner.can_edit:
                return forbidden(
                    request, access, "edit_project" if owner.project else "edit_network"
                )
            return view(request, workspace, access, owner, **kwargs)

        return wrapper

    return decorate


def _owner(
    workspace: Workspace, access: Access, project_slug: str | None, network_slug: str | None
) -> PlanOwner:
    try:
        if project_slug is not None:
            project = project_in(workspace, project_slug)
            return PlanOwner(
                workspace,
                project,
                None,
                plan_of_project(project),
                access.can_edit_project(project.network_id),
            )
        assert network_slug is not None
        network = network_get(workspace, network_slug)
    except NotFound as error:
        raise Http404(str(error)) from None
    return PlanOwner(
        workspace, None, network, plan_of_network(network), access.can_edit_network(network.pk)
    )
