"""Projects (โครงการ): list, read, create, change. A project is the "us" of the workshop's
worksheets, led by a network, an actor or both; its slug is its address and does not change."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field

from phakhi.accounts.permissions import Access
from phakhi.api.access import workspace_access
from phakhi.api.auth import request_author
from phakhi.api.concurrency import IfMatch, expected_version, with_etag
from phakhi.api.errors import ERROR_RESPONSES as ERRORS
from phakhi.api.errors import forbidden, not_found
from phakhi.api.lookups import ActorRef, actor_in, actor_ref, network_in
from phakhi.api.pagination import PageMeta, PageParams, paginate
from phakhi.api.types import Id, Input, IsoDate, LongText, Slug, Text300
from phakhi.core.selectors import NotFound
from phakhi.projects.models import Project
from phakhi.projects.selectors import project_in, projects_query
from phakhi.projects.services import project_create, project_update

router = Router(tags=["projects"])


class ProjectOut(Schema):
    id: int
    slug: str
    name: str
    description: str
    network: str | None = Field(description="the slug of the lead network")
    lead_actor: ActorRef | None = Field(description="the lead actor (an agency, a person)")
    starts_on: dt.date | None
    ends_on: dt.date | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = Field(description="raised by every change; also the ETag (send it as If-Match)")


class ProjectPage(PageMeta):
    items: list[ProjectOut]


class ProjectFilters(Schema):
    network: Slug | None = Field(None, description="only the projects this network leads")


class ProjectCreate(Input):
    slug: Slug = Field(description="a–z, 0–9 and hyphens: the project's address; it stays")
    name: Annotated[Text300, Field(min_length=1)]
    description: LongText = ""
    network: Slug | None = Field(None, description="the lead network's slug")
    lead_actor: Id | None = Field(None, description="the lead actor's id")
    starts_on: IsoDate | None = None
    ends_on: IsoDate | None = None


class ProjectPatch(Input):
    """Absent fields are kept; null clears a field (the name, which cannot be empty, takes no
    null)."""

    name: Annotated[Text300, Field(min_length=1)] = None  # type: ignore[assignment]
    description: LongText | None = None
    network: Slug | None = Field(None, description="the lead network's slug; null: none")
    lead_actor: Id | None = Field(None, description="the lead actor's id; null: none")
    starts_on: IsoDate | None = None
    ends_on: IsoDate | None = None


def project_out(project: Project) -> ProjectOut:
    return ProjectOut(
        id=project.pk,
        slug=project.slug,
        name=project.name,
        description=project.description,
        network=project.network.slug if project.network else None,
        lead_actor=actor_ref(project.lead_actor) if project.lead_actor else None,
        starts_on=project.starts_on,
        ends_on=project.ends_on,
        created_at=project.created_at,
        updated_at=project.updated_at,
        version=project.version,
    )


def _project(access: Access, slug: str) -> Project:
    try:
        return project_in(access.workspace, slug)
    except NotFound as error:
        raise not_found(str(error)) from None


def _require_lead(access: Access, network_id: int | None) -> None:
    """A project and its worksheets are edited by the coordinators of its lead network; one
    that no network leads, by those not limited to some networks."""
    if not access.can_edit_project(network_id):
        if network_id is None:
            raise forbidden(
                _(
                    "A coordinator limited to some networks may only change projects one of "
                    "their networks leads."
                )
            )
        raise forbidden(_("You may change only the projects your networks lead."))


def _references(access: Access, fields: dict[str, Any]) -> dict[str, Any]:
    """The lead network's slug and the lead actor's id in ``fields`` as their rows."""
    found = dict(fields)
    if found.get("network") is not None:
        found["network"] = network_in(access, found["network"], field="network")
    if found.get("lead_actor") is not None:
        found["lead_actor"] = actor_in(access, found["lead_actor"], field="lead_actor")
    return found


@router.get("/{slug}/projects", response={200: ProjectPage, **ERRORS}, summary="List projects")
def project_list(
    request: HttpRequest, slug: Slug, filters: Query[ProjectFilters], paging: PageParams
) -> dict[str, Any]:
    access = workspace_access(request, slug)
    projects = projects_query(access.workspace)
    if filters.network:
        projects = projects.filter(network=network_in(access, filters.network, field="network"))
    page = paginate(projects, paging)
    return {**page.meta, "items": [project_out(project) for project in page.items]}


@router.get("/{slug}/projects/{project}", response={200: ProjectOut, **ERRORS}, summary="A project")
def project_read(
    request: HttpRequest, slug: Slug, project: Slug, response: HttpResponse
) -> ProjectOut:
    found = _project(workspace_access(request, slug), project)
    with_etag(response, found)
    return project_out(found)


@router.post("/{slug}/projects", response={201: ProjectOut, **ERRORS}, summary="Create a project")
def project_post(request: HttpRequest, slug: Slug, payload: ProjectCreate) -> Status[ProjectOut]:
    access = workspace_access(request, slug, "edit")
    fields = _references(access, payload.model_dump())
    network = fields["network"]
    _require_lead(access, network.pk if network else None)
    created = project_create(request_author(request), access.workspace, **fields)
    return Status(201, project_out(_project(access, created.slug)))


@router.patch(
    "/{slug}/projects/{project}",
    response={200: ProjectOut, **ERRORS},
    summary="Change a project's name, description, lead network, lead actor or dates",
)
def project_patch(
    request: HttpRequest,
    slug: Slug,
    project: Slug,
    payload: ProjectPatch,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> ProjectOut:
    access = workspace_access(request, slug, "edit")
    found = _project(access, project)
    _require_lead(access, found.network_id)
    fields = _references(access, payload.model_dump(exclude_unset=True))
    if "description" in fields and fields["description"] is None:
        fields["description"] = ""
    if "network" in fields:
        _require_lead(access, fields["network"].pk if fields["network"] else None)
    version = expected_version(if_match)
    project_update(request_author(request), found, version=version, **fields)
    changed = _project(access, found.slug)
    with_etag(response, changed)
    return project_out(changed)
