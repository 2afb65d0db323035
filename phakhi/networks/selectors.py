from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from phakhi.core.models import Workspace
from phakhi.core.selectors import NotFound
from phakhi.networks.models import Membership, Network


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
        .order_by("actor__name", "id")
    )


def networks_by_name(workspace: Workspace) -> QuerySet[Network]:
    """A workspace's networks by name, without counts: for choices and pickers."""
    return Network.objects.filter(workspace=workspace).order_by("name", "id")
