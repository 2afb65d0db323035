"""The networks pages: the list, a network (vision, goals, members by role, latest analysis),
creating and editing a network. Adding, changing and ending memberships: networks_members.py."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.accounts.permissions import Access
from phakhi.analysis.selectors import articulation_count, latest_run
from phakhi.analysis.summary import shape_label
from phakhi.core.areas import province_name
from phakhi.core.dates import current_language
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.core.versions import EditConflict
from phakhi.networks.models import Membership, Network, Role
from phakhi.networks.selectors import (
    MEMBER_STATUSES,
    member_counts,
    members_in_role,
    network_rows,
    network_with_children,
    networks_by_name,
)
from phakhi.networks.services import (
    NETWORK_EDITABLE_FIELDS,
    network_create,
    network_update,
)
from phakhi.web.access import WorkspaceView, forbidden, request_author, workspace_view
from phakhi.web.actor_picker import with_actor_suggestions
from phakhi.web.conflicts import ConflictRow, reopen, resolved
from phakhi.web.forms import add_service_errors
from phakhi.web.views.networks_forms import (
    MemberAddForm,
    NetworkChangeForm,
    NetworkCreateForm,
)
from phakhi.web.views.networks_text import role_heading, sector_shares, status_choices

SHOWN_PER_ROLE = 20  # on the network page; "show all" opens the role's own pages
PAGE_SIZE = 100


def _network_or_404(workspace: Workspace, slug: str) -> tuple[Network, list[Network]]:
    try:
        return network_with_children(workspace, slug)
    except NotFound as error:
        raise Http404(str(error)) from None


def back_to_network(workspace: Workspace, network: Network) -> HttpResponse:
    return redirect("web:network", workspace=workspace.slug, slug=network.slug)


def can_create_networks(access: Access) -> bool:
    return access.can_edit and not access.is_restricted


@workspace_view()
def network_list(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    rows = network_rows(workspace, timezone.localdate())
    context = {
        "workspace": workspace,
        "access": access,
        "rows": [(row, sector_shares(row.sectors)) for row in rows],
        "can_create": can_create_networks(access),
    }
    return render(request, "web/networks.html", context)


@workspace_view("edit")
def network_add(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    if not can_create_networks(access):
        return forbidden(request, access, "create_network")
    parents = [(network.pk, network.name) for network in networks_by_name(workspace)]
    form = NetworkCreateForm(request.POST or None, parents=parents)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        parent = None
        if data["parent"]:
            parent = Network.objects.filter(workspace=workspace, pk=data["parent"]).first()
        try:
            network = network_create(
                request_author(request),
                workspace,
                parent=parent,
                **{name: data[name] for name in ("slug", *NETWORK_EDITABLE_FIELDS)},
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The network %(name)s has been created.") % {"name": network.name}
            )
            return back_to_network(workspace, network)
    context = {
        "workspace": workspace,
        "access": access,
        "form": form,
        "title": _("New network"),
        "cancel_url": reverse("web:networks", kwargs={"workspace": workspace.slug}),
    }
    return render(request, "web/network_form.html", context, status=400 if form.is_bound else 200)


def _run_verdict(workspace: Workspace, network: Network) -> dict[str, Any] | None:
    run = latest_run(workspace, network)
    if run is None:
        return None
    structure = (run.results or {}).get("structure") or {}
    return {
        "run": run,
        "shape": shape_label(structure.get("shape", "")),
        "cohesion": shape_label(structure.get("cohesion", "")),
        "articulation_count": articulation_count(run),
    }


def _member_groups(
    request: HttpRequest, workspace: Workspace, network: Network, status: str, only_role: str | None
) -> list[dict[str, Any]]:
    """The members by role: each role capped on the page, or one role page by page."""
    today = timezone.localdate()
    counts = member_counts(network, status, today)
    language = current_language()
    page_url = reverse("web:network", kwargs={"workspace": workspace.slug, "slug": network.slug})
    groups = []
    for role in [only_role] if only_role else Role.values:
        members = members_in_role(network, role, status, today)
        page = None
        if only_role:
            page = Paginator(members, PAGE_SIZE).get_page(request.GET.get("page"))
            shown: list[Membership] = list(page.object_list)
        else:
            shown = list(members[:SHOWN_PER_ROLE]) if counts[role] else []
        groups.append(
            {
                "role": role,
                "heading": role_heading(role),
                "count": counts[role],
                "rows": [(m, province_name(m.actor.province_code, language)) for m in shown],
                "page": page,
                "show_all_url": f"{page_url}?{urlencode({'role': role, 'status': status})}"
                if not only_role and counts[role] > SHOWN_PER_ROLE
                else None,
            }
        )
    return groups


def network_page_response(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    network: Network,
    children: list[Network],
    *,
    add_form: MemberAddForm | None = None,
    status: int = 200,
) -> HttpResponse:
    member_status = request.GET.get("status", "current")
    if member_status not in MEMBER_STATUSES:
        member_status = "current"
    only_role = request.GET.get("role") if request.GET.get("role") in Role.values else None
    can_edit = access.can_edit_network(network.pk)
    slug = workspace.slug
    context = {
        "workspace": workspace,
        "access": access,
        "network": network,
        "children": children,
        "goals": [line for line in network.goals.splitlines() if line.strip()],
        "groups": _member_groups(request, workspace, network, member_status, only_role),
        "member_status": member_status,
        "status_choices": status_choices(),
        "only_role": only_role,
        "analysis": _run_verdict(workspace, network),
        "directory_url": reverse("web:directory", kwargs={"workspace": slug})
        + f"?{urlencode({'network': network.pk})}",
        "map_url": reverse("web:map", kwargs={"workspace": slug})
        + f"?{urlencode({'network': network.slug})}",
        "can_edit": can_edit,
        "add_form": with_actor_suggestions(add_form, workspace)
        if add_form
        else (
            with_actor_suggestions(MemberAddForm(initial={"role": Role.MEMBER}), workspace)
            if can_edit
            else None
        ),
    }
    return render(request, "web/network.html", context, status=status)


@workspace_view()
def network_page(
    request: HttpRequest, workspace: Workspace, access: Access, slug: str
) -> HttpResponse:
    network, children = _network_or_404(workspace, slug)
    return network_page_response(request, workspace, access, network, children)


def network_editor(view: Callable[..., HttpResponse]) -> WorkspaceView:
    """A view that changes the network ``slug`` or its members: for users who may edit that
    network (403 for the others); the view gets the network in place of its slug."""

    @workspace_view("edit")
    @wraps(view)
    def wrapper(
        request: HttpRequest, workspace: Workspace, access: Access, slug: str, **kwargs: Any
    ) -> HttpResponse:
        network, children = _network_or_404(workspace, slug)
        if not access.can_edit_network(network.pk):
            return forbidden(request, access, "edit_network")
        return view(request, workspace, access, network, children, **kwargs)

    return wrapper


@network_editor
def network_edit(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    network: Network,
    children: list[Network],
) -> HttpResponse:
    initial = {name: getattr(network, name) for name in NETWORK_EDITABLE_FIELDS}
    data = resolved(request.POST) if request.method == "POST" else None
    form = NetworkChangeForm(data, initial={**initial, "version": network.version})
    conflicts: list[ConflictRow] = []
    if request.method == "POST" and form.is_valid():
        edited = {name: form.cleaned_data[name] for name in form.edited}
        try:
            version = form.cleaned_data["version"]
            network_update(request_author(request), network, version=version, **edited)
        except EditConflict as conflict:
            network.refresh_from_db()
            current = {name: getattr(network, name) for name in NETWORK_EDITABLE_FIELDS}
            form, conflicts = reopen(form, conflict, current)  # type: ignore[assignment]
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The network has been saved."))
            return back_to_network(workspace, network)
    context = {
        "conflicts": conflicts,
        "workspace": workspace,
        "access": access,
        "form": form,
        "network": network,
        "title": _("Edit %(name)s") % {"name": network.name},
        "cancel_url": reverse(
            "web:network", kwargs={"workspace": workspace.slug, "slug": network.slug}
        ),
    }
    status = 409 if conflicts else 400 if form.is_bound else 200
    return render(request, "web/network_form.html", context, status=status)
