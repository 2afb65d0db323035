"""A network's design page (ออกแบบเครือข่าย): the systems map goal → strategies → working groups
→ members, with the expansion plan rows serving each strategy; and the forms that add, edit,
order and delete goals and strategies and start working groups (for the network's editors)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phakhi.accounts.permissions import Access
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.core.versions import EditConflict
from phakhi.networks import design_services as design
from phakhi.networks.design_selectors import (
    design_map,
    goal_in,
    goals_of,
    strategies_of,
    strategy_in,
    working_group_in,
)
from phakhi.networks.models import Goal, Network, Strategy
from phakhi.networks.selectors import network_get
from phakhi.web.access import WorkspaceView, forbidden, request_author, workspace_view
from phakhi.web.actor_picker import actor_named, with_actor_suggestions
from phakhi.web.conflicts import ConflictRow, VersionedForm, reopen, resolved
from phakhi.web.forms import add_service_errors
from phakhi.web.views.design_forms import (
    GoalChangeForm,
    GoalForm,
    GroupStrategyForm,
    StrategyChangeForm,
    StrategyForm,
    WorkingGroupForm,
)
from phakhi.web.views.design_links import link_plan_rows


def _network_or_404(workspace: Workspace, slug: str) -> Network:
    try:
        return network_get(workspace, slug)
    except NotFound as error:
        raise Http404(str(error)) from None


def design_url(workspace: Workspace, network: Network) -> str:
    return reverse("web:network-design", kwargs={"workspace": workspace.slug, "slug": network.slug})


def back_to_design(workspace: Workspace, network: Network, anchor: str = "") -> HttpResponse:
    return redirect(design_url(workspace, network) + (f"#{anchor}" if anchor else ""))


@workspace_view()
def network_design(
    request: HttpRequest, workspace: Workspace, access: Access, slug: str
) -> HttpResponse:
    network = _network_or_404(workspace, slug)
    can_edit = access.can_edit_network(network.pk)
    design_data = design_map(network, timezone.localdate())
    link_plan_rows(workspace, design_data)
    context: dict[str, Any] = {
        "workspace": workspace,
        "access": access,
        "network": network,
        "design": design_data,
        "can_edit": can_edit,
    }
    if can_edit:
        goals, strategies = goals_of(network), strategies_of(network)
        context |= {
            "goal_form": GoalForm(auto_id="goal-%s"),
            "strategy_form": StrategyForm(goals=goals, auto_id="strategy-%s"),
            "group_form": with_actor_suggestions(
                WorkingGroupForm(strategies=strategies, auto_id="group-%s"), workspace
            ),
            "strategies": strategies,
        }
    return render(request, "web/design/network_design.html", context)


def design_editor(view: Callable[..., HttpResponse]) -> WorkspaceView:
    """A view that changes the design of the network ``slug``: for its editors (403 for the
    others); the view gets the network in place of its slug, and a 404 for a row not its own."""

    @workspace_view("edit")
    @wraps(view)
    def wrapper(
        request: HttpRequest, workspace: Workspace, access: Access, slug: str, **kwargs: Any
    ) -> HttpResponse:
        network = _network_or_404(workspace, slug)
        if not access.can_edit_network(network.pk):
            return forbidden(request, access, "edit_network")
        try:
            return view(request, workspace, access, network, **kwargs)
        except NotFound as error:
            raise Http404(str(error)) from None

    return wrapper


def _form_page(
    request: HttpRequest,
    workspace: Workspace,
    access: Access,
    network: Network,
    form: forms.Form,
    title: str,
    conflicts: list[ConflictRow] | None = None,
) -> HttpResponse:
    context = {
        "workspace": workspace,
        "access": access,
        "network": network,
        "form": form,
        "title": title,
        "conflicts": conflicts or [],
        "cancel_url": design_url(workspace, network),
    }
    status = 409 if conflicts else 400 if form.is_bound else 200
    return render(request, "web/network_form.html", context, status=status)


@design_editor
def goal_add(
    request: HttpRequest, workspace: Workspace, access: Access, network: Network
) -> HttpResponse:
    form = GoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            goal = design.goal_create(request_author(request), network, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The goal has been added."))
            return back_to_design(workspace, network, f"goal-{goal.pk}")
    return _form_page(request, workspace, access, network, form, _("New goal"))


def _save_versioned(
    request: HttpRequest,
    form: VersionedForm,
    save: Callable[..., Any],
    current: Callable[[], dict[str, Any]],
    **form_kwargs: Any,
) -> tuple[VersionedForm, list[ConflictRow], bool]:
    """Save the fields the person edited; on a conflict, the form again with both values."""
    if not form.is_valid():
        return form, [], False
    edited = {name: form.cleaned_data[name] for name in form.edited}
    try:
        save(version=form.cleaned_data["version"], **edited)
    except EditConflict as conflict:
        again, conflicts = reopen(form, conflict, current(), **form_kwargs)
        return again, conflicts, False
    except ValidationError as error:
        add_service_errors(form, error)
        return form, [], False
    return form, [], True


def _goal_values(goal: Goal) -> dict[str, Any]:
    goal.refresh_from_db()
    return {name: getattr(goal, name) for name in design.GOAL_FIELDS}


@design_editor
def goal_edit(
    request: HttpRequest, workspace: Workspace, access: Access, network: Network, goal_id: int
) -> HttpResponse:
    goal = goal_in(network, goal_id)
    initial = {**_goal_values(goal), "version": goal.version}
    form: VersionedForm = GoalChangeForm(initial=initial)
    conflicts: list[ConflictRow] = []
    if request.method == "POST":
        form = GoalChangeForm(resolved(request.POST), initial=initial)
        author = request_author(request)

        def save(**fields: Any) -> None:
            design.goal_update(author, goal, **fields)

        form, conflicts, saved = _save_versioned(request, form, save, lambda: _goal_values(goal))
        if saved:
            messages.success(request, _("The goal has been saved."))
            return back_to_design(workspace, network, f"goal-{goal.pk}")
    title = _("Edit the goal “%(goal)s”") % {"goal": goal.title}
    return _form_page(request, workspace, access, network, form, title, conflicts)


@design_editor
def strategy_add(
    request: HttpRequest, workspace: Workspace, access: Access, network: Network
) -> HttpResponse:
    form = StrategyForm(request.POST or None, goals=goals_of(network))
    if request.method == "POST" and form.is_valid():
        try:
            strategy = design.strategy_create(request_author(request), network, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The strategy has been added."))
            return back_to_design(workspace, network, f"strategy-{strategy.pk}")
    return _form_page(request, workspace, access, network, form, _("New strategy"))


def _strategy_values(strategy: Strategy) -> dict[str, Any]:
    strategy.refresh_from_db()
    return {
        "title": strategy.title,
        "description": strategy.description,
        "goal": str(strategy.goal_id or ""),
    }


@design_editor
def strategy_edit(
    request: HttpRequest, workspace: Workspace, access: Access, network: Network, strategy_id: int
) -> HttpResponse:
    strategy = strategy_in(network, strategy_id)
    goals = goals_of(network)
    initial = {**_strategy_values(strategy), "version": strategy.version}
    form: VersionedForm = StrategyChangeForm(initial=initial, goals=goals)
    conflicts: list[ConflictRow] = []
    if request.method == "POST":
        form = StrategyChangeForm(resolved(request.POST), initial=initial, goals=goals)
        author = request_author(request)

        def save(**fields: Any) -> None:
            design.strategy_update(author, strategy, **fields)

        form, conflicts, saved = _save_versioned(
            request, form, save, lambda: _strategy_values(strategy), goals=goals
        )
        if saved:
            messages.success(request, _("The strategy has been saved."))
            return back_to_design(workspace, network, f"strategy-{strategy.pk}")
    title = _("Edit the strategy “%(strategy)s”") % {"strategy": strategy.title}
    return _form_page(request, workspace, access, network, form, title, conflicts)


def _delete(request: HttpRequest, row: Goal | Strategy, delete: Callable[..., None]) -> None:
    try:
        delete(request_author(request), row)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("“%(row)s” has been deleted.") % {"row": row})


@require_POST
@design_editor
def goal_delete(
    request: HttpRequest, workspace: Workspace, access: Access, network: Network, goal_id: int
) -> HttpResponse:
    _delete(request, goal_in(network, goal_id), design.goal_delete)
    return back_to_design(workspace, network)


@require_POST
@design_editor
def strategy_delete(
    request: HttpRequest, workspace: Workspace, access: Access, network: Network, strategy_id: int
) -> HttpResponse:
    _delete(request, strategy_in(network, strategy_id), design.strategy_delete)
    return back_to_design(workspace, network)


def _offset(request: HttpRequest) -> int:
    return -1 if request.POST.get("direction") == "up" else 1


@require_POST
@design_editor
def goal_move(
    request: HttpRequest, workspace: Workspace, access: Access, network: Network, goal_id: int
) -> HttpResponse:
    goal = goal_in(network, goal_id)
    design.design_move(request_author(request), goal, _offset(request))
    return back_to_design(workspace, network, f"goal-{goal.pk}")


@require_POST
@design_editor
def strategy_move(
    request: HttpRequest, workspace: Workspace, access: Access, network: Network, strategy_id: int
) -> HttpResponse:
    strategy = strategy_in(network, strategy_id)
    design.design_move(request_author(request), strategy, _offset(request))
    return back_to_design(workspace, network, f"strategy-{strategy.pk}")


@design_editor
def group_add(
    request: HttpRequest, workspace: Workspace, access: Access, network: Network
) -> HttpResponse:
    strategies = strategies_of(network)
    form = WorkingGroupForm(request.POST or None, strategies=strategies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        lead = actor_named(workspace, form, "lead") if data["lead"] else None
        if not form.errors:
            try:
                group = design.working_group_create(
                    request_author(request),
                    network,
                    slug=data["slug"],
                    name=data["name"],
                    strategy=data["strategy"],
                    description=data["description"],
                    lead=lead,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The working group %(name)s has been started.") % {"name": group.name},
                )
                return back_to_design(workspace, network, f"group-{group.slug}")
    with_actor_suggestions(form, workspace)
    return _form_page(request, workspace, access, network, form, _("New working group"))


@require_POST
@design_editor
def group_strategy(
    request: HttpRequest, workspace: Workspace, access: Access, network: Network, group: str
) -> HttpResponse:
    working_group = working_group_in(network, group)
    form = GroupStrategyForm(request.POST, strategies=strategies_of(network))
    if not form.is_valid():
        messages.error(request, _("Choose one of the network's strategies."))
        return back_to_design(workspace, network)
    try:
        design.working_group_assign(
            request_author(request),
            working_group,
            form.cleaned_data["strategy"],
            version=form.cleaned_data["version"],
        )
    except EditConflict as conflict:
        messages.error(request, str(conflict))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The working group's strategy has been saved."))
    return back_to_design(workspace, network, f"group-{working_group.slug}")
