"""What a route names by id or slug, looked up in the caller's workspace only: an id of another
workspace is simply not found. Also the short form in which answers refer to an actor."""

from django.utils.translation import gettext as _
from ninja import Schema

from phakhi.accounts.permissions import Access
from phakhi.actors.models import Actor
from phakhi.api.errors import unknown
from phakhi.networks.models import Network


class ActorRef(Schema):
    id: int
    key: str
    name: str


def actor_ref(actor: Actor) -> ActorRef:
    return ActorRef(id=actor.pk, key=actor.key, name=actor.name)


def actor_in(access: Access, actor_id: int, *, field: str | None = None) -> Actor:
    """The workspace's actor with this id (and its organization); not found is a 404, or a 422
    naming ``field`` when the id was a value sent."""
    actor = (
        Actor.objects.filter(workspace=access.workspace, pk=actor_id)
        .select_related("organization")
        .first()
    )
    if actor is None:
        raise unknown(_("There is no actor %(id)s in this workspace.") % {"id": actor_id}, field)
    return actor


def network_in(access: Access, slug: str, *, field: str | None = None) -> Network:
    network = Network.objects.filter(workspace=access.workspace, slug=slug).first()
    if network is None:
        message = _("There is no network “%(slug)s” in this workspace.") % {"slug": slug}
        raise unknown(message, field)
    return network
