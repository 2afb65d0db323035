"""GET /workspaces: the workspaces the caller has a role in; a workspace's personal columns."""

from typing import Annotated

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from phakhi.accounts.permissions import workspaces_for
from phakhi.api.access import workspace_access
from phakhi.api.auth import request_author, request_user
from phakhi.api.errors import ERROR_RESPONSES
from phakhi.api.types import Input, Slug, Text100
from phakhi.core.models import Workspace
from phakhi.core.personal import LIST_LIMIT, PERSONAL_NAMES, PERSONAL_WORDS
from phakhi.core.services import workspace_set_personal_attributes

router = Router(tags=["workspaces"])


class WorkspaceOut(Schema):
    slug: str
    name: str
    role: str
    role_label: str


@router.get(
    "",
    response={200: list[WorkspaceOut], **ERROR_RESPONSES},
    summary="The caller's workspaces and role",
)
def workspace_list(request: HttpRequest) -> list[WorkspaceOut]:
    return [
        WorkspaceOut(slug=ws.slug, name=ws.name, role=role.value, role_label=str(role.label))
        for ws, role in workspaces_for(request_user(request))
    ]


Names = Annotated[list[Text100], Field(max_length=LIST_LIMIT)]


class PersonalAttributesIn(Input):
    added: Names = Field(
        default_factory=list,
        description="words that mark an extra column as personal when its name contains one, "
        "besides the built-in ones",
    )
    not_personal: Names = Field(
        default_factory=list,
        description="extra columns that are not personal although a word is in their name",
    )


class PersonalAttributesOut(Schema):
    added: list[str]
    not_personal: list[str]
    built_in_words: dict[str, list[str]] = Field(
        description="the built-in words by what they name (address, id_number, birth, contact)"
    )
    built_in_names: list[str] = Field(description="whole column names that are personal")


def _personal_out(workspace: Workspace) -> PersonalAttributesOut:
    chosen = workspace.personal_attributes or {}
    return PersonalAttributesOut(
        added=list(chosen.get("added", [])),
        not_personal=list(chosen.get("not_personal", [])),
        built_in_words={group: list(words) for group, words in PERSONAL_WORDS.items()},
        built_in_names=list(PERSONAL_NAMES),
    )


@router.get(
    "/{slug}/personal-attributes",
    response={200: PersonalAttributesOut, **ERROR_RESPONSES},
    summary="Which extra columns are personal data",
)
def personal_attributes_read(request: HttpRequest, slug: Slug) -> PersonalAttributesOut:
    """An extra column is personal — masked like the contact details for viewers — when its
    name, without case, spaces or punctuation, contains a built-in or added word, or is a
    built-in name, unless it is listed as not personal."""
    return _personal_out(workspace_access(request, slug).workspace)


@router.put(
    "/{slug}/personal-attributes",
    response={200: PersonalAttributesOut, **ERROR_RESPONSES},
    summary="Set which extra columns are personal data (admins)",
)
def personal_attributes_set(
    request: HttpRequest, slug: Slug, payload: PersonalAttributesIn
) -> PersonalAttributesOut:
    access = workspace_access(request, slug, "manage_users")
    workspace = workspace_set_personal_attributes(
        request_author(request),
        access.workspace,
        added=payload.added,
        not_personal=payload.not_personal,
    )
    return _personal_out(workspace)
