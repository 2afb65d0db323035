"""Networks (เครือข่าย) and their memberships: list, read, create, change, end a membership."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from phakhi.accounts.permissions import Access
from phakhi.api.access import require_network, workspace_access
from phakhi.api.auth import request_author
from phakhi.api.concurrency import IfMatch, expected_version, with_etag
from phakhi.api.errors import ERROR_RESPONSES as ERRORS
from phakhi.api.errors import forbidden, not_found
from phakhi.api.lookups import ActorRef, actor_in, actor_ref, network_in
from phakhi.api.pagination import PageMeta, PageParams, paginate
from phakhi.api.types import Id, Input, IsoDate, LongText, Slug, Text60, Text200
from phakhi.networks.models import Membership, Network
from phakhi.networks.selectors import memberships_of, networks_of
from phakhi.networks.services import (
    membership_end,
    membership_set,
    network_create,
    network_update,
)

router = Router(tags=["networks"])


class NetworkOut(Schema):
    id: int
    slug: str
    name: str
    kind: str
    description: str
    vision: str
    goals: str
    parent: str | None = Field(description="the slug of the network this one is part of")
    membership_count: int
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = Field(description="raised by every change; also the ETag (send it as If-Match)")


class NetworkPage(PageMeta):
    items: list[NetworkOut]


class NetworkCreate(Input):
    slug: Slug
    name: Text200
    kind: Text60 = Field("other", description="issue, area or other")
    description: LongText = ""
    vision: LongText = ""
    goals: LongText = ""
    parent: Slug | None = None


class NetworkPatch(Input):
    """Absent fields are kept; null clears a text, so the name and kind, which cannot be
    empty, take no null."""

    name: Annotated[Text200, Field(min_length=1)] = None  # type: ignore[assignment]
    kind: Text60 = Field(None, description="issue, area or other")  # type: ignore[assignment]
    description: LongText | None = None
    vision: LongText | None = None
    goals: LongText | None = None


class MembershipOut(Schema):
    id: int
    network: str
    actor: ActorRef
    role: str = Field(description="core_leader, coordinator, mentor, member or ally")
    role_label: str
    since: dt.date | None
    until: dt.date | None
    version: int = Field(description="raised by every change; also the ETag (send it as If-Match)")


class MembershipPage(PageMeta):
    items: list[MembershipOut]


class MembershipSet(Input):
    actor: Id
    role: Text60 = Field("member", description="core_leader, coordinator, mentor, member, ally")
    since: IsoDate | None = Field(None, description="kept as it is when not given")
    until: IsoDate | None = Field(None, description="kept as it is when not given")


class MembershipEnd(Input):
    until: IsoDate = Field(description="the day the actor left the network")


def network_out(network: Network) -> NetworkOut:
    """A network read through ``networks_of`` (parent and ``membership_count`` read along)."""
    return NetworkOut(
        id=network.pk,
        slug=network.slug,
        name=network.name,
        kind=network.kind,
        description=network.description,
        vision=network.vision,
        goals=network.goals,
        parent=network.parent.slug if network.parent else None,
        membership_count=network.membership_count,  # type: ignore[attr-defined]
        created_at=network.created_at,
        updated_at=network.updated_at,
        version=network.version,
    )


def membership_out(network: Network, membership: Membership) -> MembershipOut:
    return MembershipOut(
        id=membership.pk,
        network=network.slug,
        actor=actor_ref(membership.actor),
        role=membership.role,
        role_label=str(membership.get_role_display()),
        since=membership.since,
        until=membership.until,
        version=membership.version,
    )


def _network(access: Access, slug: str) -> Network:
    return networks_of(access.workspace).get(pk=network_in(access, slug).pk)


@router.get("/{slug}/networks", response={200: NetworkPage, **ERRORS}, summary="List networks")
def network_list(request: HttpRequest, slug: Slug, paging: PageParams) -> dict[str, Any]:
    access = workspace_access(request, slug)
    page = paginate(networks_of(access.workspace), paging)
    return {**page.meta, "items": [network_out(network) for network in page.items]}


@router.get("/{slug}/networks/{network}", response={200: NetworkOut, **ERRORS}, summary="A network")
def network_read(
    request: HttpRequest, slug: Slug, network: Slug, response: HttpResponse
) -> NetworkOut:
    found = _network(workspace_access(request, slug), network)
    with_etag(response, found)
    return network_out(found)


@router.post("/{slug}/networks", response={201: NetworkOut, **ERRORS}, summary="Create a network")
def network_post(request: HttpRequest, slug: Slug, payload: NetworkCreate) -> Status[NetworkOut]:
    access = workspace_access(request, slug, "edit")
    if access.is_restricted:
        raise forbidden(_("A coordinator limited to some networks cannot create networks."))
    fields = payload.model_dump(exclude={"parent"})
    parent = network_in(access, payload.parent, field="parent") if payload.parent else None
    network = network_create(request_author(request), access.workspace, parent=parent, **fields)
    return Status(201, network_out(_network(access, network.slug)))


@router.patch(
    "/{slug}/networks/{network}",
    response={200: NetworkOut, **ERRORS},
    summary="Change a network's name, kind, description, vision or goals",
)
def network_patch(
    request: HttpRequest,
    slug: Slug,
    network: Slug,
    payload: NetworkPatch,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> NetworkOut:
    access = workspace_access(request, slug, "edit")
    found = network_in(access, network)
    require_network(access, found.pk)
    fields = {k: v or "" for k, v in payload.model_dump(exclude_unset=True).items()}
    version = expected_version(if_match)
    network_update(request_author(request), found, version=version, **fields)
    changed = _network(access, found.slug)
    with_etag(response, changed)
    return network_out(changed)


@router.get(
    "/{slug}/networks/{network}/memberships",
    response={200: MembershipPage, **ERRORS},
    summary="A network's members and their roles",
)
def membership_list(
    request: HttpRequest, slug: Slug, network: Slug, paging: PageParams
) -> dict[str, Any]:
    found = network_in(workspace_access(request, slug), network)
    page = paginate(memberships_of(found), paging)
    return {**page.meta, "items": [membership_out(found, m) for m in page.items]}


@router.post(
    "/{slug}/networks/{network}/memberships",
    response={200: MembershipOut, 201: MembershipOut, **ERRORS},
    summary="Add an actor to a network, or change its role and dates there",
)
def membership_post(
    request: HttpRequest,
    slug: Slug,
    network: Slug,
    payload: MembershipSet,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> Status[MembershipOut]:
    """With ``If-Match`` (the membership's ETag), a role or date someone else changed since is
    refused (409); the others merge."""
    access = workspace_access(request, slug, "edit")
    found = network_in(access, network)
    require_network(access, found.pk)
    actor = actor_in(access, payload.actor, field="actor")
    current = memberships_of(found).filter(actor=actor).first()
    given = payload.model_fields_set
    dates = {
        name: getattr(payload, name) if name in given or current is None else getattr(current, name)
        for name in ("since", "until")
    }
    version = expected_version(if_match)
    author = request_author(request)
    membership = membership_set(author, found, actor, role=payload.role, version=version, **dates)
    with_etag(response, membership)
    return Status(201 if current is None else 200, membership_out(found, membership))


@router.post(
    "/{slug}/networks/{network}/memberships/{actor_id}/end",
    response={200: MembershipOut, **ERRORS},
    summary="End an actor's membership on a date",
)
def membership_finish(
    request: HttpRequest,
    slug: Slug,
    network: Slug,
    actor_id: Id,
    payload: MembershipEnd,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> MembershipOut:
    access = workspace_access(request, slug, "edit")
    found = network_in(access, network)
    require_network(access, found.pk)
    current = memberships_of(found).filter(actor_id=actor_id).first()
    if current is None:
        raise not_found(_("Actor %(id)s is not a member of this network.") % {"id": actor_id})
    version = expected_version(if_match)
    membership = membership_end(request_author(request), current, payload.until, version=version)
    with_etag(response, membership)
    return membership_out(found, membership)
