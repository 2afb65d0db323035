"""The risk-alert pages (สัญญาณเตือนความเสี่ยง): the workspace's alerts (by status, network and
rule), one alert with its rule, figures, why it matters and what to do, dismissing with a
reason (and taking it back), checking the rules now, and the workspace's thresholds.

Who: everyone in the workspace reads them. An alert of a network is dismissed by those who may
edit that network; one of the whole workspace, the thresholds and a check of the whole
workspace by admins and coordinators of every network."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from phakhi.accounts.permissions import Access
from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.monitoring.alert_rules import RULES
from phakhi.monitoring.alert_selectors import (
    CURRENT,
    alert_in,
    alert_rows,
    alerts_of,
    rule_thresholds,
)
from phakhi.monitoring.alerts import (
    alert_dismiss,
    alert_reopen,
    alerts_check,
    alerts_check_workspace,
    monitoring_settings_set,
)
from phakhi.monitoring.models import Alert, MonitoringSettings
from phakhi.monitoring.thresholds import thresholds_for
from phakhi.networks.models import Network
from phakhi.networks.selectors import networks_by_name
from phakhi.web.access import forbidden, request_author, workspace_view
from phakhi.web.forms import add_service_errors
from phakhi.web.views.alerts_forms import DismissForm, ThresholdsForm

STATUS_CHOICES = (
    ("open", Alert.Status.OPEN.label),
    ("dismissed", Alert.Status.DISMISSED.label),
    ("cleared", Alert.Status.CLEARED.label),
    ("all", None),
)


def can_handle(access: Access, network: Network | None) -> bool:
    """Dismiss an alert of ``network``, or check it (None: the whole workspace)."""
    if network is None:
        return access.can_edit and not access.is_restricted
    return access.can_edit_network(network.pk)


def _alert_or_404(workspace: Workspace, pk: int) -> Alert:
    try:
        return alert_in(workspace, pk)
    except NotFound as error:
        raise Http404(str(error)) from None


def _alert_url(workspace: Workspace, alert: Alert) -> str:
    return reverse("web:alert", kwargs={"workspace": workspace.slug, "alert": alert.pk})


def _chosen_network(request: HttpRequest, workspace: Workspace, name: str) -> Network | None:
    chosen = (request.POST if request.method == "POST" else request.GET).get(name, "").strip()
    if not chosen:
        return None
    found = Network.objects.filter(workspace=workspace, slug=chosen).first()
    if found is None:
        raise Http404(_("There is no such network in this workspace."))
    return found


@workspace_view()
def alert_list(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    status = request.GET.get("status", "open")
    if status not in {code for code, _label in STATUS_CHOICES} | {CURRENT}:
        status = "open"
    rule = request.GET.get("rule", "")
    if rule not in {r.code for r in RULES}:
        rule = ""
    network = _chosen_network(request, workspace, "network")
    found = alerts_of(workspace, network=network, status=status, rule=rule)
    context = {
        "workspace": workspace,
        "access": access,
        "rows": alert_rows(found[:500]),
        "total": found.count(),
        "status": status,
        "status_choices": [
            (code, label if label is not None else pgettext("alert status", "all"))
            for code, label in STATUS_CHOICES
        ],
        "rule": rule,
        "rules": RULES,
        "network": network,
        "networks": networks_by_name(workspace),
        "can_check": can_handle(access, network),
        "can_set": can_handle(access, None),
    }
    return render(request, "web/alerts/list.html", context)


@workspace_view()
def alert_page(
    request: HttpRequest, workspace: Workspace, access: Access, alert: int
) -> HttpResponse:
    found = _alert_or_404(workspace, alert)
    row = alert_rows([found])[0]
    context = {
        "workspace": workspace,
        "access": access,
        "row": row,
        "alert": found,
        "thresholds": rule_thresholds(workspace, row.rule) if row.rule else [],
        "can_handle": can_handle(access, found.network),
        "can_set": can_handle(access, None),
        "form": DismissForm(),
    }
    return render(request, "web/alerts/alert.html", context)


@workspace_view("edit")
def alert_dismiss_view(
    request: HttpRequest, workspace: Workspace, access: Access, alert: int
) -> HttpResponse:
    found = _alert_or_404(workspace, alert)
    if not can_handle(access, found.network):
        return forbidden(request, access, "edit_network" if found.network else "edit")
    form = DismissForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            alert_dismiss(request_author(request), found, form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The alert has been dismissed."))
            return redirect(_alert_url(workspace, found))
    row = alert_rows([found])[0]
    context = {"workspace": workspace, "access": access, "row": row, "alert": found, "form": form}
    status = 400 if request.method == "POST" else 200
    return render(request, "web/alerts/dismiss.html", context, status=status)


@require_POST
@workspace_view("edit")
def alert_reopen_view(
    request: HttpRequest, workspace: Workspace, access: Access, alert: int
) -> HttpResponse:
    found = _alert_or_404(workspace, alert)
    if not can_handle(access, found.network):
        return forbidden(request, access, "edit_network" if found.network else "edit")
    try:
        alert_reopen(request_author(request), found)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The alert is open again."))
    return redirect(_alert_url(workspace, found))


@require_POST
@workspace_view("edit")
def alerts_check_view(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    network = _chosen_network(request, workspace, "network")
    if not can_handle(access, network):
        return forbidden(request, access, "edit_network" if network else "edit")
    author = request_author(request)
    if network is None:
        result = alerts_check_workspace(author, workspace)
    else:
        result = alerts_check(author, workspace, network)
    messages.success(
        request,
        _("Checked: %(opened)d new, %(seen)d still there, %(cleared)d cleared.")
        % {"opened": len(result.opened), "seen": len(result.seen), "cleared": len(result.cleared)},
    )
    url = reverse("web:alerts", kwargs={"workspace": workspace.slug})
    return redirect(url + (f"?{urlencode({'network': network.slug})}" if network else ""))


@workspace_view("edit")
def alert_settings(request: HttpRequest, workspace: Workspace, access: Access) -> HttpResponse:
    if not can_handle(access, None):
        return forbidden(request, access, "edit")
    current = MonitoringSettings.objects.filter(workspace=workspace).first()
    months = current.snapshot_every_months if current else 1
    form = ThresholdsForm(
        request.POST or None,
        values=thresholds_for(workspace),
        initial={"snapshot_every_months": months},
    )
    if request.method == "POST" and form.is_valid():
        try:
            monitoring_settings_set(
                request_author(request),
                workspace,
                thresholds=form.thresholds(),
                snapshot_every_months=form.cleaned_data["snapshot_every_months"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The thresholds have been saved. They apply from the next check.")
            )
            return redirect("web:alert-settings", workspace=workspace.slug)
    context: dict[str, Any] = {
        "workspace": workspace,
        "access": access,
        "form": form,
        "groups": form.groups(RULES),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "web/alerts/settings.html", context, status=status)
