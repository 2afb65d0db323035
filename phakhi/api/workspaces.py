"""GET /workspaces: the workspaces the caller has a role in."""

from django.http import HttpRequest
from ninja import Router, Schema

from phakhi.accounts.permissions import workspaces_for
from phakhi.api.auth import request_user
from phakhi.api.errors import ERROR_RESPONSES

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
