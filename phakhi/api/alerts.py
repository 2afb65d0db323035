"""Risk alerts (สัญญาณเตือนความเสี่ยง): the rules, the workspace's alerts, one alert, dismissing
with a reason and opening again, checking the rules now, and the workspace's thresholds — with
the pages' permissions: everyone reads; an alert of a network is dismissed by those who may edit
the network; the whole workspace's, a check of everything and the thresholds by admins and
coordinators of every network."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router

from phakhi.accounts.permissions import Access
from phakhi.api.access import workspace_access
from phakhi.api.alerts_schemas import (
    AlertFilters,
    AlertOut,
    AlertPage,
    CheckIn,
    CheckOut,
    DismissIn,
    QuoteOut,
    RuleOut,
    SettingsOut,
    SettingsPatch,
    ThresholdOut,
)
from phakhi.api.auth import request_author
from phakhi.api.errors import ERROR_RESPONSES as ERRORS
from phakhi.api.errors import forbidden, not_found
from phakhi.api.lookups import network_in
from phakhi.api.pagination import PageParams, paginate
from phakhi.api.types import Id, Slug
from phakhi.core.selectors import NotFound
from phakhi.monitoring.alert_rules import RULES
from phakhi.monitoring.alert_selectors import alert_dict, alert_in, alert_rows, alerts_of
from phakhi.monitoring.alerts import (
    alert_dismiss,
    alert_reopen,
    alerts_check,
    alerts_check_workspace,
    monitoring_settings_set,
)
from phakhi.monitoring.models import Alert, MonitoringSettings
from phakhi.monitoring.thresholds import THRESHOLDS, thresholds_for
from phakhi.networks.models import Network

router = Router(tags=["risk alerts"])


def _out(alert: Alert) -> AlertOut:
    return AlertOut(**alert_dict(alert_rows([alert])[0]))


def _alert(access: Access, alert_id: int) -> Alert:
    try:
        return alert_in(access.workspace, alert_id)
    except NotFound as error:
        raise not_found(str(error)) from None


def _require_handle(access: Access, network: Network | None) -> None:
    if network is None:
        if not access.can_edit or access.is_restricted:
            raise forbidden(
                _(
                    "Only admins and coordinators of every network handle the whole "
                    "workspace's alerts."
                )
            )
    elif not access.can_edit_network(network.pk):
        raise forbidden(_("You may change only the networks you coordinate."))


@router.get("/{slug}/alert-rules", response={200: list[RuleOut], **ERRORS}, summary="The rules")
def rule_list(request: HttpRequest, slug: Slug) -> list[RuleOut]:
    """Each rule with why it matters (the sources quoted with document and line), what to do and
    the thresholds it reads."""
    workspace_access(request, slug)
    return [
        RuleOut(
            code=rule.code,
            name=str(rule.name),
            why=str(rule.why),
            todo=str(rule.todo),
            thresholds=list(rule.thresholds),
            quotes=[
                QuoteOut(document=q.file_name, line=q.line, thai=q.thai, english=str(q.english))
                for q in rule.quotes
            ],
        )
        for rule in RULES
    ]


@router.get("/{slug}/alerts", response={200: AlertPage, **ERRORS}, summary="List alerts")
def alert_list(
    request: HttpRequest, slug: Slug, paging: PageParams, filters: Query[AlertFilters]
) -> dict[str, Any]:
    """The workspace's alerts (every network's and the whole workspace's), newest first."""
    access = workspace_access(request, slug)
    network = network_in(access, filters.network, field="network") if filters.network else None
    found = alerts_of(access.workspace, network=network, status=filters.status, rule=filters.rule)
    page = paginate(found, paging)
    return {**page.meta, "items": [_out(alert) for alert in page.items]}


@router.get("/{slug}/alerts/{alert_id}", response={200: AlertOut, **ERRORS}, summary="One alert")
def alert_read(request: HttpRequest, slug: Slug, alert_id: Id) -> AlertOut:
    access = workspace_access(request, slug)
    return _out(_alert(access, alert_id))


@router.post(
    "/{slug}/alerts/{alert_id}/dismiss",
    response={200: AlertOut, **ERRORS},
    summary="Dismiss an alert with a reason",
)
def alert_dismiss_post(
    request: HttpRequest, slug: Slug, alert_id: Id, payload: DismissIn
) -> AlertOut:
    """An open alert only; the reason is kept with it and in the audit trail."""
    access = workspace_access(request, slug, "edit")
    found = _alert(access, alert_id)
    _require_handle(access, found.network)
    return _out(alert_dismiss(request_author(request), found, payload.reason))


@router.post(
    "/{slug}/alerts/{alert_id}/reopen",
    response={200: AlertOut, **ERRORS},
    summary="Open a dismissed alert again",
)
def alert_reopen_post(request: HttpRequest, slug: Slug, alert_id: Id) -> AlertOut:
    access = workspace_access(request, slug, "edit")
    found = _alert(access, alert_id)
    _require_handle(access, found.network)
    return _out(alert_reopen(request_author(request), found))


@router.post("/{slug}/alert-check", response={200: CheckOut, **ERRORS}, summary="Check now")
def alerts_check_post(request: HttpRequest, slug: Slug, payload: CheckIn) -> CheckOut:
    """Run the rules on one network, or on the whole workspace and each of its networks."""
    access = workspace_access(request, slug, "edit")
    network = network_in(access, payload.network, field="network") if payload.network else None
    _require_handle(access, network)
    author = request_author(request)
    if network is None:
        result = alerts_check_workspace(author, access.workspace)
    else:
        result = alerts_check(author, access.workspace, network)
    return CheckOut(
        opened=[_out(alert) for alert in result.opened],
        seen=len(result.seen),
        cleared=[alert.pk for alert in result.cleared],
    )


def _settings_out(access: Access) -> SettingsOut:
    values = thresholds_for(access.workspace)
    found = MonitoringSettings.objects.filter(workspace=access.workspace).first()
    return SettingsOut(
        thresholds=[
            ThresholdOut(
                code=t.code,
                label=str(t.label),
                unit=t.unit,
                value=values[t.code],
                default=t.default,
                minimum=t.minimum,
                maximum=t.maximum,
            )
            for t in THRESHOLDS
        ],
        snapshot_every_months=found.snapshot_every_months if found else 1,
    )


@router.get(
    "/{slug}/alert-settings", response={200: SettingsOut, **ERRORS}, summary="The thresholds"
)
def settings_read(request: HttpRequest, slug: Slug) -> SettingsOut:
    """Every threshold with the workspace's value and the default; how often snapshots are
    taken."""
    return _settings_out(workspace_access(request, slug))


@router.patch(
    "/{slug}/alert-settings",
    response={200: SettingsOut, **ERRORS},
    summary="Change thresholds",
)
def settings_patch(request: HttpRequest, slug: Slug, payload: SettingsPatch) -> SettingsOut:
    """Only the thresholds given change (shares 0–1); each is checked against its range."""
    access = workspace_access(request, slug, "edit")
    _require_handle(access, None)
    monitoring_settings_set(
        request_author(request),
        access.workspace,
        thresholds=payload.thresholds or None,
        snapshot_every_months=payload.snapshot_every_months,
    )
    return _settings_out(access)
