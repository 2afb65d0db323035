"""Who may change an activity.

An activity belongs to its networks and its project: a coordinator may change it when they may
edit one of its networks (``can_edit_network``) or its project (``can_edit_project``, through
the network that leads it). An activity of no network and no project is the workspace's own:
admins and coordinators of every network change it, not a coordinator limited to some."""

from __future__ import annotations

from collections.abc import Iterable

from phakhi.accounts.permissions import Access
from phakhi.participation.models import Activity
from phakhi.projects.models import Project


def can_link(access: Access, network_ids: Iterable[int], project: Project | None) -> bool:
    """Whether the user may keep an activity linked to these networks and this project."""
    ids = list(network_ids)
    if not access.can_edit:
        return False
    if not ids and project is None:
        return not access.is_restricted
    if any(access.can_edit_network(pk) for pk in ids):
        return True
    return project is not None and access.can_edit_project(project.network_id)


def can_edit_activity(access: Access, activity: Activity) -> bool:
    """Whether the user may change or delete ``activity`` (its networks read once; a
    prefetched list is used as it is)."""
    if not access.can_edit:
        return False
    if not access.is_restricted:
        return True
    network_ids = [network.pk for network in activity.networks.all()]
    return can_link(access, network_ids, activity.project)
