import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.core.thai import thai_sorted
from phakhi.networks.models import Membership, Network, Role


def network_get(workspace: Workspace, slug: str) -> Network:
    try:
        return Network.objects.get(workspace=workspace, slug=slug)
    except ObjectDoesNotExist:
        known = ", ".join(
            Network.objects.filter(workspace=workspace).values_list("slug", flat=True)
        )
        raise NotFound(
            _("There is no network “%(slug)s” in this workspace (networks: %(known)s).")
            % {"slug": slug, "known": known or _("none yet")}
        ) from None


def networks_of(workspace: Workspace) -> QuerySet[Network]:
    """A workspace's networks by name, each with its parent and ``membership_count``."""
    return (
        Network.objects.filter(workspace=workspace)
        .select_related("parent")
        .annotate(membership_count=Count("memberships"))
        .order_by("name", "id")
    )


def memberships_of(network: Network) -> QuerySet[Membership]:
    """A network's memberships (ended ones too) with their actors, by actor name."""
    return (
        Membership.objects.filter(network=network)
        .select_related("actor")
        .order_by("actor__sort_key", "id")
    )


def networks_by_name(workspace: Workspace) -> list[Network]:
    """A workspace's networks in Thai dictionary order of their names, without counts: for
    choices and pickers (a workspace has tens of networks, sorted here)."""
    networks = Network.objects.filter(workspace=workspace).order_by("id")
    return thai_sorted(networks, key=lambda network: network.name)


# Which memberships a network page lists: not ended yet, ended, or every one.
MEMBER_STATUSES = ("current", "former", "all")


def _status_filter(status: str, today: dt.date) -> Q:
    if status == "current":
        return Q(until__isnull=True) | Q(until__gt=today)
    if status == "former":
        return Q(until__lte=today)
    if status == "all":
        return Q()
    raise ValueError(f"unknown member status {status!r}; use one of {MEMBER_STATUSES}")


@dataclass
class NetworkRow:
    """A network in the workspace's list: its place in the hierarchy, its members who have not
    left by sector (ไตรพลัง; "" for actors without a sector) and its projects."""

    network: Network
    depth: int = 0
    sectors: dict[str, int] = field(default_factory=dict)
    project_count: int = 0

    @property
    def active_members(self) -> int:
        return sum(self.sectors.values())


def _in_tree_order(networks: Sequence[Network]) -> list[tuple[Network, int]]:
    """Each network followed by its children (by name), with its depth; a network whose parent
    is missing from the list (or part of a loop) starts a tree of its own."""
    children: dict[int | None, list[Network]] = defaultdict(list)
    ids = {network.pk for network in networks}
    for network in networks:
        children[network.parent_id if network.parent_id in ids else None].append(network)
    ordered: list[tuple[Network, int]] = []
    seen: set[int] = set()

    def walk(network: Network, depth: int) -> None:
        if network.pk in seen:
            return
        seen.add(network.pk)
        ordered.append((network, depth))
        for child in children.get(network.pk, []):
            walk(child, depth + 1)

    for root in children[None]:
        walk(root, 0)
    for network in networks:  # parents in a loop: shown at the top level
        walk(network, 0)
    return ordered


def network_rows(workspace: Workspace, today: dt.date) -> list[NetworkRow]:
    """The workspace's networks as a tree for the list page, in two queries whatever their
    number and size."""
    networks = list(
        Network.objects.filter(workspace=workspace)
        .select_related("parent")
        .annotate(project_count=Count("projects"))
        .order_by("name", "id")
    )
    counts = (
        Membership.objects.filter(workspace=workspace)
        .filter(_status_filter("current", today))
        .values_list("network_id", "actor__sector")
        .annotate(count=Count("id"))
        .order_by()
    )
    sectors: dict[int, dict[str, int]] = defaultdict(dict)
    for network_id, sector, count in counts:
        sectors[network_id][sector or ""] = count
    return [
        NetworkRow(
            network,
            depth,
            sectors.get(network.pk, {}),
            network.project_count,  # type: ignore[attr-defined]
        )
        for network, depth in _in_tree_order(networks)
    ]


def network_with_children(workspace: Workspace, slug: str) -> tuple[Network, list[Network]]:
    """A network of the workspace (its parent read along) and its children by name."""
    network = (
        Network.objects.select_related("parent").filter(workspace=workspace, slug=slug).first()
    )
    if network is None:
        raise NotFound(_("There is no such network in this workspace."))
    children = list(Network.objects.filter(parent=network).order_by("name", "id"))
    return network, children


def member_counts(network: Network, status: str, today: dt.date) -> dict[str, int]:
    """How many memberships of each role the network has (with ``status``)."""
    rows = (
        Membership.objects.filter(network=network)
        .filter(_status_filter(status, today))
        .values_list("role")
        .annotate(count=Count("id"))
        .order_by()
    )
    counts = dict.fromkeys(Role.values, 0)
    counts.update(dict(rows))
    return counts


def members_in_role(
    network: Network, role: str, status: str, today: dt.date
) -> QuerySet[Membership]:
    """The network's memberships in one role (with ``status``), actors read along, by name."""
    return (
        Membership.objects.filter(network=network, role=role)
        .filter(_status_filter(status, today))
        .select_related("actor")
        .order_by("actor__sort_key", "id")
    )


def membership_in(network: Network, membership_id: int) -> Membership | None:
    """One membership of the network (its actor read along); None for any other id."""
    return (
        Membership.objects.select_related("actor").filter(network=network, pk=membership_id).first()
    )
