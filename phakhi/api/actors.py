"""Actors (ภาคี): list with the directory's search and filters, read, create, update, merge."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, Literal

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor, Tag
from phakhi.actors.search import SORTS, actor_search
from phakhi.actors.services import actor_update
from phakhi.actors.vocabulary import KINDS, SECTORS
from phakhi.api.access import require_actor, require_merge, require_network, workspace_access
from phakhi.api.auth import request_author
from phakhi.api.concurrency import IfMatch, expected_version, with_etag
from phakhi.api.errors import ERROR_RESPONSES as ERRORS
from phakhi.api.errors import FieldError, forbidden, invalid, unknown
from phakhi.api.lookups import ActorRef, actor_in, actor_ref, network_in
from phakhi.api.pagination import PageMeta, PageParams, page_meta
from phakhi.api.types import Attributes, Id, Input, Slug, Text60, Text100, Text200, Text300
from phakhi.core.areas import district_name, province_code_or_name, province_name, subdistrict_name
from phakhi.core.dates import current_language
from phakhi.core.personal import personal_view
from phakhi.core.thai import word_key
from phakhi.imports.merge import MERGE_FIELDS, MERGED, actors_merge
from phakhi.networks.services import actor_create_in_networks

router = Router(tags=["actors"])


class Contacts(Schema):
    phone: str
    email: str
    line_id: str
    address: str


class ActorOut(Schema):
    id: int
    key: str
    name: str
    kind: str
    sector: str
    subsector: str
    province_code: str
    province: str
    district_code: str
    district: str
    subdistrict_code: str
    subdistrict: str
    organization: ActorRef | None
    contacts: Contacts = Field(description="masked for roles that may not see contact details")
    contacts_masked: bool
    tags: list[str]
    attributes: dict[str, Any] = Field(
        description="other columns kept from imports; personal ones masked like the contacts"
    )
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = Field(description="raised by every change; also the ETag (send it as If-Match)")


class ActorPage(PageMeta):
    items: list[ActorOut]


class ActorFields(Input):
    """The columns of an actor as in an import file; Thai or English words are accepted for
    ``kind`` and ``sector``, official Thai or English names for the area."""

    name: Text300 | None = None
    kind: Text60 | None = Field(None, description="person, group, organization (or Thai)")
    sector: Text60 | None = Field(None, description="civil, academic, government (or Thai)")
    subsector: Text100 | None = None
    province: Text100 | None = None
    district: Text100 | None = None
    subdistrict: Text100 | None = None
    organization: Text100 | None = Field(None, description="the key of another actor")
    email: Text200 | None = None
    phone: Text60 | None = Field(None, description="one or more numbers, comma-separated")
    line_id: Text100 | None = None
    tags: Annotated[list[Text100], Field(max_length=100)] | None = None
    attributes: Attributes | None = Field(
        None, description="other columns; an empty value removes one"
    )


class ActorCreate(ActorFields):
    key: Annotated[Text100, Field(min_length=1)]
    name: Text300  # type: ignore[assignment]
    network: Slug | None = Field(
        None,
        description="also make the actor a member of this network (required for coordinators "
        "limited to some networks)",
    )


class ActorPatch(ActorFields):
    """Absent fields are kept; null clears a column, so the name, which cannot be empty,
    takes no null."""

    name: Annotated[Text300, Field(min_length=1)] = None  # type: ignore[assignment]


class ActorMerge(Input):
    merged: Id = Field(description="the id of the duplicate: merged into this actor and deleted")
    keep_from_merged: list[Literal[MERGE_FIELDS]] = Field(  # type: ignore[valid-type]
        default_factory=list,
        description="fields whose value comes from the merged actor where both have one (by "
        "default the kept actor's value stays; an empty field takes the merged one's)",
    )


class MergeOut(Schema):
    kept: ActorOut
    merged: ActorRef = Field(description="the actor merged in, now deleted")
    moved: dict[str, int] = Field(
        description="how many ties, memberships, people, issues and "
        "history entries moved, were combined or dropped"
    )


class ActorFilters(Schema):
    q: Text200 = Field("", description="Thai or English text in name, organization or issues")
    kind: Text60 | None = None
    sector: Text60 | None = None
    province: Text100 | None = Field(None, description="official name or DOPA code")
    network: Slug | None = None
    tag: Text100 | None = Field(None, description="an issue's name")
    sort: Literal[tuple(SORTS)] = Field("name", description="order of the list")  # type: ignore[valid-type]


def actor_out(access: Access, actor: Actor) -> ActorOut:
    language = current_language()
    organization = actor.organization
    view = personal_view(access)
    # The address is a contact (masked with them); the other columns are shown as the user
    # may see them: personal ones masked for viewers.
    address = view.columns.address_key(actor.attributes or {})
    attributes = {k: v for k, v in view.attributes(actor.attributes).items() if k != address}
    return ActorOut(
        id=actor.pk,
        key=actor.key,
        name=actor.name,
        kind=actor.kind,
        sector=actor.sector,
        subsector=actor.subsector,
        province_code=actor.province_code,
        province=province_name(actor.province_code, language),
        district_code=actor.district_code,
        district=district_name(actor.district_code, language),
        subdistrict_code=actor.subdistrict_code,
        subdistrict=subdistrict_name(actor.subdistrict_code, language),
        organization=None if organization is None else actor_ref(organization),
        contacts=Contacts(**view.contacts(actor)),
        contacts_masked=view.masked,
        tags=sorted(tag.name for tag in actor.tags.all()),
        attributes=attributes,
        created_at=actor.created_at,
        updated_at=actor.updated_at,
        version=actor.version,
    )


def _service_fields(payload: ActorFields, exclude: set[str]) -> dict[str, Any]:
    """The given fields as the services' column values: null clears a column."""
    fields: dict[str, Any] = {}
    for name, value in payload.model_dump(exclude_unset=True, exclude=exclude).items():
        if name == "tags":
            fields[name] = "; ".join(value or ())
        elif name == "attributes":
            fields[name] = value or {}
        else:
            fields[name] = "" if value is None else value
    return fields


def _tag_in(access: Access, name: str) -> Tag:
    tag = Tag.objects.filter(workspace=access.workspace, name_key=word_key(name)).first()
    if tag is None:
        message = _("There is no issue “%(tag)s” in this workspace.") % {"tag": name}
        raise unknown(message, "tag")
    return tag


def _canonical_filters(filters: ActorFilters) -> dict[str, str | None]:
    """Kind, sector and province as stored, from any word the import files accept."""
    parsers: dict[str, Callable[[str], str]] = {
        "kind": KINDS.parse,
        "sector": SECTORS.parse,
        "province": province_code_or_name,
    }
    values: dict[str, str | None] = {}
    problems = []
    for name, parse in parsers.items():
        given = getattr(filters, name)
        try:
            values[name] = parse(given) if given else None
        except ValueError as error:
            problems.append(FieldError(field=name, message=str(error)))
    if problems:
        raise invalid(problems)
    return values


@router.get("/{slug}/actors", response={200: ActorPage, **ERRORS}, summary="List actors")
def actor_list(
    request: HttpRequest, slug: Slug, filters: Query[ActorFilters], paging: PageParams
) -> dict[str, Any]:
    access = workspace_access(request, slug)
    network = network_in(access, filters.network, field="network") if filters.network else None
    tag = _tag_in(access, filters.tag) if filters.tag else None
    found = actor_search(
        access.workspace,
        filters.q,
        **_canonical_filters(filters),
        network=network.pk if network else None,
        tag=tag.pk if tag else None,
        sort=filters.sort,
        page=paging.page,
        page_size=paging.page_size,
    )
    meta = page_meta(found.total, found.page, paging.page_size, exact=not found.more)
    meta["pages"] = found.pages  # counts the page after a partly counted total, as the search does
    return {**meta, "items": [actor_out(access, actor) for actor in found.rows]}


@router.get("/{slug}/actors/{actor_id}", response={200: ActorOut, **ERRORS}, summary="An actor")
def actor_read(request: HttpRequest, slug: Slug, actor_id: Id, response: HttpResponse) -> ActorOut:
    access = workspace_access(request, slug)
    actor = actor_in(access, actor_id)
    with_etag(response, actor)
    return actor_out(access, actor)


@router.post("/{slug}/actors", response={201: ActorOut, **ERRORS}, summary="Create an actor")
def actor_post(request: HttpRequest, slug: Slug, payload: ActorCreate) -> Status[ActorOut]:
    access = workspace_access(request, slug, "edit")
    network = network_in(access, payload.network, field="network") if payload.network else None
    if access.is_restricted and network is None:
        raise forbidden(_("Name one of the networks you coordinate: the actor joins it."))
    if network is not None:
        require_network(access, network.pk)
    fields = _service_fields(payload, {"network"})
    joins = [network] if network is not None else []
    actor = actor_create_in_networks(request_author(request), access.workspace, joins, **fields)
    return Status(201, actor_out(access, actor))


@router.patch(
    "/{slug}/actors/{actor_id}", response={200: ActorOut, **ERRORS}, summary="Change an actor"
)
def actor_patch(
    request: HttpRequest,
    slug: Slug,
    actor_id: Id,
    payload: ActorPatch,
    response: HttpResponse,
    if_match: IfMatch = None,
) -> ActorOut:
    """With ``If-Match``, a field someone else changed since that version is refused (409,
    naming the field, who changed it and both values); the other fields merge."""
    access = workspace_access(request, slug, "edit")
    actor = actor_in(access, actor_id)
    require_actor(access, actor.pk)
    fields = _service_fields(payload, set())
    version = expected_version(if_match)
    actor = actor_update(request_author(request), actor, version=version, **fields)
    with_etag(response, actor)
    return actor_out(access, actor)


@router.post(
    "/{slug}/actors/{actor_id}/merge",
    response={200: MergeOut, **ERRORS},
    summary="Merge a duplicate into an actor",
)
def actor_merge(request: HttpRequest, slug: Slug, actor_id: Id, payload: ActorMerge) -> MergeOut:
    """Ties, memberships, people, issues and history of ``merged`` move to this actor; the
    merged actor and its analysis results are deleted (run the analysis again)."""
    access = workspace_access(request, slug, "edit")
    require_merge(access)
    kept = actor_in(access, actor_id)
    merged = actor_in(access, payload.merged, field="merged")
    fields = dict.fromkeys(payload.keep_from_merged, MERGED)
    result = actors_merge(request_author(request), kept, merged, fields=fields)
    gone = ActorRef(id=result.merged_id, key=result.merged_key, name=result.merged_name)
    return MergeOut(kept=actor_out(access, result.kept), merged=gone, moved=result.counts())
