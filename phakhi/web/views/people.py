"""People of a workspace (admins only): roles, coordinators' networks, invitations, removal."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phakhi.accounts.models import Role, WorkspaceMember
from phakhi.accounts.permissions import Access
from phakhi.accounts.selectors import invitations_pending, members_of
from phakhi.accounts.services import (
    email_is_delivered,
    invitation_create,
    member_remove,
    member_set,
)
from phakhi.core.models import Workspace
from phakhi.networks.models import Network
from phakhi.networks.selectors import networks_by_name
from phakhi.web.access import request_author, workspace_view
from phakhi.web.forms import InvitationForm, MemberForm, add_service_errors


def _page(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    *,
    invite: InvitationForm | None = None,
    failed: tuple[int, MemberForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    networks = _networks(workspace)
    rows = []
    for member in members_of(workspace):
        if failed is not None and failed[0] == member.pk:
            form = failed[1]
        else:
            initial = {"role": member.role, "networks": [n.pk for n in member.networks.all()]}
            form = MemberForm(initial=initial, networks=networks, prefix=f"m{member.pk}")
        rows.append((member, form))
    context = {
        "workspace": workspace,
        "access": access,
        "rows": rows,
        "invitations": list(invitations_pending(workspace)),
        "invite": invite
        or InvitationForm(networks=networks, prefix="invite", initial={"role": Role.MEMBER}),
        "has_networks": bool(networks),
    }
    return render(request, "web/people/people.html", context, status=status)


@workspace_view("manage_users")
def people(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    return _page(request, workspace, access)


def _networks(workspace: Workspace) -> list[Network]:
    return list(networks_by_name(workspace))


def _member(workspace: Workspace, user_id: int) -> WorkspaceMember:
    return get_object_or_404(
        WorkspaceMember.objects.select_related("user"), workspace=workspace, user_id=user_id
    )


@require_POST
@workspace_view("manage_users")
def member_update(
    request: HttpRequest, workspace: Workspace, access: Access, user_id: int
) -> HttpResponse:
    member = _member(workspace, user_id)
    form = MemberForm(request.POST, networks=_networks(workspace), prefix=f"m{member.pk}")
    if form.is_valid():
        data: dict[str, Any] = form.cleaned_data
        try:
            member_set(
                request_author(request), workspace, member.user, data["role"], data["networks"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("%(user)s's role is saved.") % {"user": member.user.get_username()}
            )
            return redirect("web:people", workspace=workspace.slug)
    return _page(request, workspace, access, failed=(member.pk, form), status=400)


@require_POST
@workspace_view("manage_users")
def member_delete(
    request: HttpRequest, workspace: Workspace, access: Access, user_id: int
) -> HttpResponse:
    member = _member(workspace, user_id)
    try:
        member_remove(request_author(request), workspace, member.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(user)s no longer has a role in this workspace.")
            % {"user": member.user.get_username()},
        )
    return redirect("web:people", workspace=workspace.slug)


@require_POST
@workspace_view("manage_users")
def invite(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    form = InvitationForm(request.POST, networks=_networks(workspace), prefix="invite")
    if form.is_valid():
        data: dict[str, Any] = form.cleaned_data
        try:
            invitation, token = invitation_create(
                request_author(request),
                workspace,
                data["email"],
                data["role"],
                data["networks"],
                base_url=request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not email_is_delivered():  # say so, and give the link to pass on by hand
                link = request.build_absolute_uri(
                    reverse("web:invitation_accept", kwargs={"token": token})
                )
                context = {
                    "workspace": workspace,
                    "access": access,
                    "invitation": invitation,
                    "link": link,
                }
                return render(request, "web/people/invitation_link.html", context)
            messages.success(
                request, _("An invitation was sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("web:people", workspace=workspace.slug)
    return _page(request, workspace, access, invite=form, status=400)
