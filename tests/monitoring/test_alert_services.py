"""The alerts' writes: a check keeps one row per tripped subject while it lasts, clears what no
longer trips and opens a new row when it trips again; dismissing needs a reason and is audited;
the thresholds keep only what a workspace changed, each checked against its range; the rules'
quotations stand on their lines in the sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from phakhi.cli import alerts as cli_alerts
from phakhi.core.models import AuditEvent
from phakhi.monitoring.alert_rules import RULES
from phakhi.monitoring.alert_selectors import STATUSES
from phakhi.monitoring.alerts import (
    alert_dismiss,
    alert_reopen,
    alerts_check,
    monitoring_settings_set,
)
from phakhi.monitoring.models import Alert, MonitoringSettings
from phakhi.monitoring.thresholds import BY_CODE, clean_thresholds, thresholds_for
from phakhi.networks.services import membership_set
from tests.monitoring.alert_support import AUTHOR, TODAY, build

pytestmark = pytest.mark.django_db
SOURCES = Path("/work/shared/sources")
NO_ACADEMIC = ["A:civil", "B:civil", "C:civil", "D:civil", "G:government"]


def _one_kind(network):
    return Alert.objects.get(network=network, rule="one-kind", subject="academic")


def test_a_check_keeps_one_row_while_the_rule_trips_and_clears_it_after(workspace):
    made = build(workspace, NO_ACADEMIC)
    network = made["network"]
    first = alerts_check(AUTHOR, workspace, network, on=TODAY)
    alert = _one_kind(network)
    assert alert in first.opened and alert.status == Alert.Status.OPEN
    again = alerts_check(AUTHOR, workspace, network, on=TODAY)
    assert [a.pk for a in again.opened] == [] and alert.pk in {a.pk for a in again.seen}
    assert Alert.objects.filter(network=network, rule="one-kind").count() == 1

    # An academic joins: the alert clears; it does not come back by itself.
    build_more = build(workspace, ["U:academic"], slug="other")
    membership_set(AUTHOR, network, build_more["actors"]["U"])
    cleared = alerts_check(AUTHOR, workspace, network, on=TODAY)
    alert.refresh_from_db()
    assert alert in cleared.cleared and alert.status == Alert.Status.CLEARED
    assert alert.cleared_at is not None


def test_an_alert_that_trips_again_after_clearing_is_a_new_one(workspace):
    made = build(workspace, NO_ACADEMIC)
    network = made["network"]
    alerts_check(AUTHOR, workspace, network, on=TODAY)
    old = _one_kind(network)
    monitoring_settings_set(AUTHOR, workspace, thresholds={"allies_minimum": 1, "min_members": 6})
    alerts_check(AUTHOR, workspace, network, on=TODAY)  # 5 members: nothing judged, all clear
    monitoring_settings_set(AUTHOR, workspace, thresholds={"min_members": 5})
    alerts_check(AUTHOR, workspace, network, on=TODAY)
    new = Alert.objects.get(network=network, subject="academic", status=Alert.Status.OPEN)
    assert new.pk != old.pk
    old.refresh_from_db()
    assert old.status == Alert.Status.CLEARED


def test_a_dismissed_alert_stays_dismissed_while_it_trips(workspace):
    made = build(workspace, NO_ACADEMIC)
    alerts_check(AUTHOR, workspace, made["network"], on=TODAY)
    alert = alert_dismiss(AUTHOR, _one_kind(made["network"]), "  เครือข่ายเกษตรกรโดยตั้งใจ  ")
    assert (alert.status, alert.dismissal_reason) == ("dismissed", "เครือข่ายเกษตรกรโดยตั้งใจ")
    assert alert.dismissed_by == AUTHOR.label
    alerts_check(AUTHOR, workspace, made["network"], on=TODAY)
    alert.refresh_from_db()
    assert alert.status == Alert.Status.DISMISSED
    event = AuditEvent.objects.filter(object_type="monitoring.alert", object_id=str(alert.pk))
    assert event.latest("at").changes == {
        "status": ["open", "dismissed"],
        "dismissal_reason": ["", "เครือข่ายเกษตรกรโดยตั้งใจ"],
    }


def test_dismissing_needs_a_reason_and_an_open_alert(workspace):
    made = build(workspace, NO_ACADEMIC)
    alerts_check(AUTHOR, workspace, made["network"], on=TODAY)
    alert = _one_kind(made["network"])
    with pytest.raises(ValidationError) as error:
        alert_dismiss(AUTHOR, alert, "   ")
    assert "reason" in error.value.message_dict
    alert_dismiss(AUTHOR, alert, "ตั้งใจ")
    with pytest.raises(ValidationError) as error:
        alert_dismiss(AUTHOR, alert, "อีกครั้ง")
    assert "status" in error.value.message_dict
    reopened = alert_reopen(AUTHOR, alert)
    assert (reopened.status, reopened.dismissal_reason) == ("open", "")
    with pytest.raises(ValidationError):
        alert_reopen(AUTHOR, reopened)


def test_a_check_records_one_event_when_something_changed(workspace):
    made = build(workspace, NO_ACADEMIC)
    before = AuditEvent.objects.filter(action=AuditEvent.Action.ANALYZE).count()
    result = alerts_check(AUTHOR, workspace, made["network"], on=TODAY)
    events = AuditEvent.objects.filter(action=AuditEvent.Action.ANALYZE)
    assert events.count() == before + 1
    opened = events.latest("at").changes["opened"][1]
    assert sorted(row[2] for row in opened) == sorted(a.subject for a in result.opened)
    alerts_check(AUTHOR, workspace, made["network"], on=TODAY)  # nothing new: no event
    assert events.count() == before + 1


def test_a_network_of_another_workspace_is_refused(workspace, other_workspace):
    made = build(other_workspace, NO_ACADEMIC)
    with pytest.raises(ValidationError):
        alerts_check(AUTHOR, workspace, made["network"], on=TODAY)


def test_thresholds_keep_only_what_the_workspace_changed(workspace):
    monitoring_settings_set(
        AUTHOR, workspace, thresholds={"quiet_days": 60, "dormant_months": 6},
        snapshot_every_months=3,
    )  # fmt: skip
    found = MonitoringSettings.objects.get(workspace=workspace)
    assert (found.thresholds, found.snapshot_every_months) == ({"quiet_days": 60.0}, 3)
    assert thresholds_for(workspace)["quiet_days"] == 60
    assert thresholds_for(workspace)["capture_sector_share"] == 0.8
    # A later change of another threshold keeps this one.
    monitoring_settings_set(AUTHOR, workspace, thresholds={"broker_share": 0.6})
    found.refresh_from_db()
    assert found.thresholds == {"quiet_days": 60.0, "broker_share": 0.6}
    event = AuditEvent.objects.filter(object_type="monitoring.monitoringsettings").latest("at")
    assert event.changes["thresholds"][1] == {"quiet_days": 60.0, "broker_share": 0.6}


def test_a_wrong_threshold_names_its_field_and_changes_nothing(workspace):
    with pytest.raises(ValidationError) as error:
        monitoring_settings_set(
            AUTHOR, workspace,
            thresholds={"quiet_days": 2.5, "capture_sector_share": 1.4, "nonsense": 1},
            snapshot_every_months=99,
        )  # fmt: skip
    assert set(error.value.message_dict) == {
        "quiet_days", "capture_sector_share", "nonsense", "snapshot_every_months"
    }  # fmt: skip
    assert not MonitoringSettings.objects.filter(workspace=workspace).exists()


def test_clean_thresholds_keeps_differences_from_the_defaults():
    assert clean_thresholds({"min_members": "5", "quiet_days": "30"}) == {"quiet_days": 30.0}
    with pytest.raises(ValidationError):
        clean_thresholds({"quiet_days": "NaN"})


def test_every_threshold_a_rule_reads_exists():
    for rule in RULES:
        assert set(rule.thresholds) <= set(BY_CODE), rule.code


def test_the_command_line_offers_the_same_statuses():
    assert set(cli_alerts.STATUSES) == set(STATUSES)


def _same_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_quotation_stands_on_its_line(rule):
    for quote in rule.quotes:
        lines = (SOURCES / quote.file_name).read_text(encoding="utf-8").splitlines()
        assert _same_spaces(quote.thai) in _same_spaces(lines[quote.line - 1]), quote.cited
