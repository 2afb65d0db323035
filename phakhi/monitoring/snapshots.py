"""Taking the scorecard's snapshots: on demand (a page, ``phakhi snapshot``, the API) and on a
schedule, every ``MonitoringSettings.snapshot_every_months`` months (1 by default; 0: only on
demand), for the workspace and each of its networks.

The schedule is safe with several workers: a scheduled snapshot names its ``period`` (the first
month of the block of months it belongs to, "2026-12"), and the database keeps one scheduled
snapshot a scope and period (``Snapshot``'s unique constraints). Each worker's scheduler
(``schedule.py``) queues the due ones; a task finds its period already taken — by a twin queued
by another worker — before it reads any figure, and a race between the two at the very end is
settled by the constraint: the second one returns the first's snapshot.

After each snapshot the risk alerts of the scope are checked with the figures just read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.core import audit
from phakhi.core.models import AuditEvent, Workspace
from phakhi.monitoring.figures import network_figures
from phakhi.monitoring.lights import lights
from phakhi.monitoring.models import MonitoringSettings, Snapshot
from phakhi.networks.models import Network
from phakhi.ties.models import Tie

# Above this many ties in the workspace an on-demand snapshot from a page goes to the worker
# (the same limit as an analysis: the dormant ties are counted over all of them).
INLINE_TIE_LIMIT = 50_000
DEFAULT_EVERY_MONTHS = 1


def period_of(day: dt.date, every_months: int) -> str:
    """The first month of the block of ``every_months`` months ``day`` falls in, counted from
    January of year 0 (so quarters are Jan, Apr, Jul, Oct).

    >>> period_of(dt.date(2026, 12, 7), 1), period_of(dt.date(2026, 12, 7), 3)
    ('2026-12', '2026-10')
    """
    index = day.year * 12 + day.month - 1
    start = index - index % max(every_months, 1)
    return f"{start // 12:04d}-{start % 12 + 1:02d}"


def _check_network(workspace: Workspace, network: Network | None) -> None:
    if network is not None and network.workspace_id != workspace.pk:
        raise ValidationError({"network": _("The network belongs to another workspace.")})


def _scheduled(workspace: Workspace, network: Network | None, period: str) -> Snapshot | None:
    found = Snapshot.objects.filter(
        workspace=workspace, trigger=Snapshot.Trigger.SCHEDULE, period=period
    )
    found = found.filter(network__isnull=True) if network is None else found.filter(network=network)
    return found.first()


def snapshot_take(
    author: audit.Author,
    workspace: Workspace,
    network: Network | None = None,
    *,
    trigger: str = Snapshot.Trigger.DEMAND,
    on: dt.date | None = None,
    period: str = "",
    check_alerts: bool = True,
) -> Snapshot:
    """Read the scorecard of ``network`` (None: the workspace) on ``on`` (today) and keep it,
    with each figure's light; then check the scope's risk alerts. A scheduled snapshot needs
    its ``period``; when that period has its snapshot already, that one is returned."""
    _check_network(workspace, network)
    if trigger not in Snapshot.Trigger.values:
        raise ValidationError({"trigger": _("Unknown trigger %(value)s.") % {"value": trigger}})
    scheduled = trigger == Snapshot.Trigger.SCHEDULE
    if scheduled and not period:
        raise ValidationError({"period": _("A scheduled snapshot needs its period.")})
    if scheduled and (taken := _scheduled(workspace, network, period)) is not None:
        return taken
    on = on or timezone.localdate()
    figures = network_figures(workspace, network, on=on)
    stored = figures.as_dict()
    snapshot = Snapshot(
        workspace=workspace,
        network=network,
        on=on,
        taken_at=timezone.now(),
        trigger=trigger,
        period=period if scheduled else "",
        figures=stored,
        lights=lights(stored),
        run=figures.run,
        survey=figures.survey,
        requested_by=author.label,
    )
    try:
        with transaction.atomic():
            snapshot.save()
            changes = {"on": [None, on.isoformat()], "trigger": [None, trigger],
                       "lights": [None, _light_counts(snapshot.lights)]}  # fmt: skip
            audit.record(author, AuditEvent.Action.CREATE, snapshot, changes=changes)
    except IntegrityError:
        taken = _scheduled(workspace, network, period) if scheduled else None
        if taken is None:
            raise
        return taken  # another worker took this period's snapshot meanwhile
    if check_alerts:
        from phakhi.monitoring.alerts import alerts_check

        alerts_check(author, workspace, network, figures=figures, snapshot=snapshot, on=on)
    return snapshot


def _light_counts(found: dict[str, str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for light in found.values():
        counts[light] = counts.get(light, 0) + 1
    return dict(sorted(counts.items()))


def runs_in_background(workspace: Workspace) -> bool:
    """Whether an on-demand snapshot asked for on a page goes to the worker."""
    # Whether a tie beyond the limit exists: reads at most the limit's index entries, where a
    # count would read all 3 million of a national workspace's at every page.
    ties = Tie.objects.filter(workspace=workspace).order_by().values("pk")
    return ties[INLINE_TIE_LIMIT : INLINE_TIE_LIMIT + 1].exists()


def snapshot_request(
    author: audit.Author, workspace: Workspace, network: Network | None = None
) -> Snapshot | None:
    """An on-demand snapshot: taken now (and returned), or queued for the worker when the
    workspace is large (then None)."""
    _check_network(workspace, network)
    if not runs_in_background(workspace):
        return snapshot_take(author, workspace, network)
    from phakhi.monitoring.tasks import snapshot_task

    snapshot_task.enqueue(
        workspace.pk, network.pk if network else None, Snapshot.Trigger.DEMAND, "",
        author.label, author.user_id,
    )  # fmt: skip
    return None


@dataclass(frozen=True)
class Due:
    workspace_id: int
    network_id: int | None
    period: str


def every_months(workspace: Workspace) -> int:
    found = MonitoringSettings.objects.filter(workspace=workspace).first()
    return found.snapshot_every_months if found is not None else DEFAULT_EVERY_MONTHS


def snapshots_due(today: dt.date | None = None) -> list[Due]:
    """The scheduled snapshots not yet taken for the current period of each workspace (and of
    each of its networks), workspaces with snapshots only on demand left out."""
    today = today or timezone.localdate()
    chosen = dict(MonitoringSettings.objects.values_list("workspace_id", "snapshot_every_months"))
    due: list[Due] = []
    for workspace_id in Workspace.objects.order_by("pk").values_list("pk", flat=True):
        months = chosen.get(workspace_id, DEFAULT_EVERY_MONTHS)
        if months <= 0:
            continue
        period = period_of(today, months)
        taken = set(
            Snapshot.objects.filter(
                workspace_id=workspace_id, trigger=Snapshot.Trigger.SCHEDULE, period=period
            ).values_list("network_id", flat=True)
        )
        scopes: list[int | None] = [
            None,
            *Network.objects.filter(workspace_id=workspace_id)
            .order_by("pk")
            .values_list("pk", flat=True),
        ]
        due += [Due(workspace_id, scope, period) for scope in scopes if scope not in taken]
    return due


def snapshots_schedule(today: dt.date | None = None) -> int:
    """Queue a task for each due snapshot; how many were queued."""
    from phakhi.monitoring.tasks import snapshot_task

    waiting = _queued()
    found = [due for due in snapshots_due(today) if due not in waiting]
    for due in found:
        snapshot_task.enqueue(
            due.workspace_id, due.network_id, Snapshot.Trigger.SCHEDULE, due.period,
            "system:snapshots", None,
        )  # fmt: skip
    return len(found)


def _queued() -> set[Due]:
    """The scheduled snapshots already queued or running (by this worker's scheduler or
    another's), so that a long national snapshot is not queued again at every check."""
    from django.conf import settings

    if not str(settings.TASKS["default"]["BACKEND"]).startswith("django_tasks_db"):
        return set()
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from phakhi.monitoring.tasks import snapshot_task

    rows = DBTaskResult.objects.filter(
        task_path=snapshot_task.module_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    ).values_list("args_kwargs", flat=True)
    found = set()
    for args_kwargs in rows:
        args = args_kwargs.get("args") or []
        if len(args) >= 4 and args[2] == Snapshot.Trigger.SCHEDULE:
            found.add(Due(args[0], args[1], args[3]))
    return found
