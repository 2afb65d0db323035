"""The same rules as the pages: a workspace the caller has no role in does not exist for them
(404, exactly as for an unknown one); a role without the permission gets a 403 that says why."""

from django.http import HttpRequest
from django.utils.translation import gettext as _

from phakhi.accounts.permissions import Access, access_for
from phakhi.api.auth import request_user
from phakhi.api.errors import forbidden, not_found
from phakhi.core.models import Workspace

_REFUSALS = {
    "edit": lambda: _("Your role (%(role)s) cannot change data in this workspace."),
    "import": lambda: _("Your role (%(role)s) cannot import into this workspace."),
    "analyze": lambda: _("Your role (%(role)s) cannot run analyses in this workspace."),
    "manage_users": lambda: _("Your role (%(role)s) cannot manage users."),
}


def workspace_access(request: HttpRequest, slug: str, permission: str = "view") -> Access:
    workspace = Workspace.objects.filter(slug=slug).first()
    access = access_for(request_user(request), workspace) if workspace is not None else None
    if access is None:
        raise not_found(_("There is no such workspace, or you have no role in it."))
    if not access.allows(permission):
        raise forbidden(_REFUSALS[permission]() % {"role": access.role.label})
    return access


def require_network(access: Access, network_id: int) -> None:
    """A coordinator limited to some networks changes only those."""
    if not access.can_edit_network(network_id):
        raise forbidden(_("You may change only the networks you coordinate."))


def require_actor(access: Access, actor_id: int) -> None:
    """A coordinator limited to some networks changes only the actors that are theirs alone
    (``Access.editable_actors``)."""
    if not access.can_edit_actor(actor_id):
        raise forbidden(
            _(
                "You may change only actors whose current memberships are all in the networks "
                "you coordinate, or actors you added that are in no other network."
            )
        )


def require_merge(access: Access) -> None:
    """A merge deletes an actor from every network: not for a coordinator limited to some."""
    if not access.can_merge_actors:
        raise forbidden(
            _(
                "A merge deletes an actor from every network: only admins and coordinators "
                "of all networks merge."
            )
        )


def require_tie(access: Access, source_id: int, target_id: int) -> None:
    """A tie is its two ends' relationship: a coordinator limited to some networks records and
    changes the ties of the actors they may change, whoever is at the other end."""
    if not access.editable_actors((source_id, target_id)):
        raise forbidden(_("You may change a tie only when you may change one of its two actors."))
