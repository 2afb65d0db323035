"""Members of a network: add one (by key or name), change a member's role and dates, end a
membership on a date. For the users who may edit the network."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phakhi.accounts.permissions import Access
from phakhi.core.models import Workspace
from phakhi.core.versions import EditConflict
from phakhi.networks.models import Membership, Network, Role
from phakhi.networks.selectors import membership_in
from phakhi.networks.services import membership_end, membership_set
from phakhi.web.access import request_author
from phakhi.web.actor_picker import actor_named
from phakhi.web.conflicts import ConflictRow, reopen, resolved
from phakhi.web.forms import add_service_errors
from phakhi.web.views.networks import back_to_network, network_editor, network_page_response
from phakhi.web.views.networks_forms import MemberAddForm, MemberChangeForm, MemberEndForm


@require_POST
@network_editor
def member_add(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    network: Network,
    children: list[Network],
) -> HttpResponse:
    form = MemberAddForm(request.POST)
    actor = actor_named(workspace, form, "actor") if form.is_valid() else None
    if actor is not None:
        if Membership.objects.filter(network=network, actor=actor).exists():
            form.add_error(
                "actor",
                _("%(name)s is in this network already: change their role in the list.")
                % {"name": actor.name},
            )
        else:
            data = form.cleaned_data
            try:
                membership_set(
                    request_author(request), network, actor, role=data["role"], since=data["since"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("%(name)s has joined the network as %(role)s.")
                    % {"name": actor.name, "role": Role(data["role"]).label},
                )
                return back_to_network(workspace, network)
    return network_page_response(
        request, workspace, access, network, children, add_form=form, status=400
    )


def _membership_or_404(network: Network, membership_id: int) -> Membership:
    membership = membership_in(network, membership_id)
    if membership is None:
        raise Http404(_("This network has no such member."))
    return membership


def _member_page(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    network: Network,
    membership: Membership,
    *,
    change_form: MemberChangeForm | None = None,
    end_form: MemberEndForm | None = None,
    status: int = 200,
    conflicts: list[ConflictRow] | None = None,
) -> HttpResponse:
    context = {
        "workspace": workspace,
        "access": access,
        "network": network,
        "membership": membership,
        "conflicts": conflicts or [],
        "change_form": change_form or MemberChangeForm(initial=_shown(membership)),
        "end_form": end_form or (MemberEndForm() if membership.until is None else None),
    }
    return render(request, "web/network_member.html", context, status=status)


def _shown(membership: Membership) -> dict[str, Any]:
    """A membership's values as its change form shows them."""
    return {
        "role": membership.role,
        "since": membership.since,
        "until": membership.until,
        "version": membership.version,
    }


@network_editor
def member_change(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    network: Network,
    children: list[Network],
    membership_id: int,
) -> HttpResponse:
    membership = _membership_or_404(network, membership_id)
    if request.method != "POST":
        return _member_page(request, workspace, access, network, membership)
    form = MemberChangeForm(resolved(request.POST), initial=_shown(membership))
    if form.is_valid():
        # Only what the person changed; the rest as stored now (a colleague may have changed it).
        values = _shown(membership) | {name: form.cleaned_data[name] for name in form.edited}
        del values["version"]
        try:
            membership_set(
                request_author(request),
                network,
                membership.actor,
                version=form.cleaned_data["version"],
                **values,
            )
        except EditConflict as conflict:
            membership.refresh_from_db()
            again, rows = reopen(form, conflict, _shown(membership))
            return _member_page(
                request,
                workspace,
                access,
                network,
                membership,
                change_form=again,  # type: ignore[arg-type]
                status=409,
                conflicts=rows,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The membership of %(name)s has been saved.") % {"name": membership.actor.name},
            )
            return back_to_network(workspace, network)
    return _member_page(
        request, workspace, access, network, membership, change_form=form, status=400
    )


@require_POST
@network_editor
def member_end(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    network: Network,
    children: list[Network],
    membership_id: int,
) -> HttpResponse:
    membership = _membership_or_404(network, membership_id)
    form = MemberEndForm(request.POST)
    if form.is_valid():
        try:
            membership_end(request_author(request), membership, form.cleaned_data["until"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s has left the network.") % {"name": membership.actor.name},
            )
            return back_to_network(workspace, network)
    return _member_page(request, workspace, access, network, membership, end_form=form, status=400)
