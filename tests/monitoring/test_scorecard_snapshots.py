"""Snapshots: taken on demand with every figure and light, audited, the alerts checked after;
the schedule (due periods, several workers taking a period once, only-on-demand workspaces)."""

import datetime as dt

import pytest

from phakhi.core.models import AuditEvent
from phakhi.monitoring import snapshots as snapshot_module
from phakhi.monitoring.models import Alert, MonitoringSettings, Snapshot
from phakhi.monitoring.snapshots import (
    Due,
    period_of,
    snapshot_take,
    snapshots_due,
    snapshots_schedule,
)
from phakhi.monitoring.tasks import snapshot_task
from tests.monitoring.scorecard_support import AUTHOR, TODAY, scorecard_data

pytestmark = pytest.mark.django_db
SCHEDULE = Snapshot.Trigger.SCHEDULE


def test_a_snapshot_keeps_the_figures_and_lights_and_is_audited(workspace):
    data = scorecard_data(workspace)
    snapshot = snapshot_take(AUTHOR, workspace, data["network"], on=TODAY)
    assert snapshot.trigger == Snapshot.Trigger.DEMAND and snapshot.on == TODAY
    assert snapshot.figures["activity"]["participation_rate"] == 0.75
    assert snapshot.lights["participation_rate"] == "green"
    assert snapshot.lights["dormant_member_share"] == "amber"  # 0.5: at most 0.5 is amber
    assert snapshot.lights["trust"] == "grey"
    event = AuditEvent.objects.get(object_type="monitoring.snapshot", object_id=str(snapshot.pk))
    assert event.action == "create" and event.by == AUTHOR.label
    assert event.changes["trigger"] == [None, "demand"]


def test_the_alerts_of_the_scope_are_checked_after_a_snapshot(workspace):
    data = scorecard_data(workspace)
    snapshot = snapshot_take(AUTHOR, workspace, data["network"], on=TODAY)
    # Whatever the rules find, an alert they open points at the snapshot that found it.
    assert all(alert.snapshot_id == snapshot.pk for alert in Alert.objects.filter(
        workspace=workspace, network=data["network"]))  # fmt: skip


def test_a_network_of_another_workspace_is_refused(workspace, other_workspace):
    from django.core.exceptions import ValidationError

    from phakhi.networks.services import network_create

    elsewhere = network_create(AUTHOR, other_workspace, slug="x", name="อื่น")
    with pytest.raises(ValidationError) as raised:
        snapshot_take(AUTHOR, workspace, elsewhere)
    assert "network" in raised.value.message_dict
    assert not Snapshot.objects.exists()


def test_periods_follow_the_months_between_snapshots():
    assert period_of(dt.date(2026, 12, 7), 1) == "2026-12"
    assert period_of(dt.date(2026, 12, 7), 3) == "2026-10"
    assert period_of(dt.date(2027, 1, 31), 6) == "2027-01"
    assert period_of(dt.date(2026, 6, 30), 12) == "2026-01"


def test_due_snapshots_are_the_workspace_and_each_network_once_a_period(workspace):
    data = scorecard_data(workspace)
    network = data["network"]
    assert snapshots_due(TODAY) == [Due(workspace.pk, None, "2026-06"),
                                    Due(workspace.pk, network.pk, "2026-06")]  # fmt: skip
    snapshot_take(AUTHOR, workspace, network, trigger=SCHEDULE, period="2026-06", on=TODAY)
    assert snapshots_due(TODAY) == [Due(workspace.pk, None, "2026-06")]
    # An on-demand snapshot does not stand in for the scheduled one.
    snapshot_take(AUTHOR, workspace, None, on=TODAY)
    assert snapshots_due(TODAY) == [Due(workspace.pk, None, "2026-06")]
    assert len(snapshots_due(dt.date(2026, 7, 1))) == 2  # a new month, both due again


def test_a_workspace_may_take_snapshots_only_on_demand_or_less_often(workspace):
    scorecard_data(workspace)
    settings = MonitoringSettings.objects.create(workspace=workspace, snapshot_every_months=0)
    assert snapshots_due(TODAY) == []
    settings.snapshot_every_months = 3
    settings.save()
    assert {due.period for due in snapshots_due(TODAY)} == {"2026-04"}


def test_a_period_is_taken_once_however_many_workers_ask(workspace):
    data = scorecard_data(workspace)
    first = snapshot_take(AUTHOR, workspace, None, trigger=SCHEDULE, period="2026-06", on=TODAY)
    again = snapshot_take(AUTHOR, workspace, None, trigger=SCHEDULE, period="2026-06", on=TODAY)
    assert again.pk == first.pk
    assert Snapshot.objects.filter(trigger=SCHEDULE, network=None).count() == 1
    network = data["network"]
    assert (
        snapshot_take(AUTHOR, workspace, network, trigger=SCHEDULE, period="2026-06").pk != first.pk
    )


def test_a_worker_that_loses_the_race_returns_the_winners_snapshot(workspace, monkeypatch):
    """Two workers both found the period free and read the figures; the first to write wins,
    the database refuses the second's row, and the second returns the first's snapshot."""
    scorecard_data(workspace)
    winner = snapshot_take(AUTHOR, workspace, None, trigger=SCHEDULE, period="2026-06", on=TODAY)
    looked = []
    real = snapshot_module._scheduled

    def not_yet_the_first_time(*args):
        looked.append(args)
        return None if len(looked) == 1 else real(*args)

    monkeypatch.setattr(snapshot_module, "_scheduled", not_yet_the_first_time)
    loser = snapshot_take(AUTHOR, workspace, None, trigger=SCHEDULE, period="2026-06", on=TODAY)
    assert loser.pk == winner.pk and len(looked) == 2
    assert Snapshot.objects.count() == 1


def test_the_scheduler_queues_each_due_snapshot_once(workspace, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    scorecard_data(workspace)
    assert snapshots_schedule() == 2
    assert snapshots_schedule() == 0  # still queued: not again
    queued = DBTaskResult.objects.filter(task_path=snapshot_task.module_path)
    assert queued.count() == 2
    for row in queued:  # what the worker does with each
        snapshot_task.call(*row.args_kwargs["args"])
    assert Snapshot.objects.filter(trigger=SCHEDULE).count() == 2


def test_a_large_workspace_snapshot_from_a_page_goes_to_the_worker(
    workspace, settings, monkeypatch
):
    from django_tasks_db.models import DBTaskResult

    from phakhi.monitoring.snapshots import runs_in_background, snapshot_request

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    data = scorecard_data(workspace)  # 7 ties
    assert not runs_in_background(workspace)
    monkeypatch.setattr(snapshot_module, "INLINE_TIE_LIMIT", 7)
    assert not runs_in_background(workspace)  # 7 is not more than 7
    monkeypatch.setattr(snapshot_module, "INLINE_TIE_LIMIT", 6)
    assert runs_in_background(workspace)
    assert snapshot_request(AUTHOR, workspace, data["network"]) is None
    queued = DBTaskResult.objects.get(task_path=snapshot_task.module_path)
    assert queued.args_kwargs["args"][:3] == [workspace.pk, data["network"].pk, "demand"]
    assert not Snapshot.objects.exists()


def test_the_workers_scheduler_checks_soon_after_start_then_again(monkeypatch):
    """The thread beside ``phakhi worker``: a first check soon after it starts, then one every
    period, a failed check (the database away) not ending it, and nothing after the worker
    stops."""
    import threading

    from phakhi.monitoring import schedule

    calls: list[int] = []
    enough = threading.Event()

    def check() -> int:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("the database is away for a moment")
        if len(calls) >= 3:
            enough.set()
        return 0

    monkeypatch.setattr(schedule, "snapshots_schedule", check)
    every = dt.timedelta(milliseconds=20)
    with schedule.SnapshotScheduler(every=every, first=every) as running:
        assert enough.wait(10)
    assert not running._thread.is_alive()
    stopped_at = len(calls)
    threading.Event().wait(0.1)
    assert len(calls) == stopped_at
