"""Scorecard snapshots on the database task queue (``phakhi worker``, or the worker that
``phakhi serve`` starts): the scheduled ones the worker's scheduler queues, and an on-demand
one of a large workspace."""

from django_tasks import task

from phakhi.core.audit import Author
from phakhi.core.models import Workspace
from phakhi.monitoring.snapshots import snapshot_take
from phakhi.networks.models import Network


@task()
def snapshot_task(
    workspace_id: int,
    network_id: int | None,
    trigger: str,
    period: str,
    author_label: str,
    author_id: int | None,
) -> None:
    workspace = Workspace.objects.filter(pk=workspace_id).first()
    if workspace is None:  # gone while the task waited
        return
    network = None
    if network_id is not None:
        network = Network.objects.filter(pk=network_id, workspace=workspace).first()
        if network is None:
            return
    snapshot_take(
        Author(author_label, author_id), workspace, network, trigger=trigger, period=period
    )
