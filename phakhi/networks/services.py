import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.actors.services import actor_create
from phakhi.core import audit, versions
from phakhi.core.dates import show_date
from phakhi.core.models import AuditEvent, Workspace
from phakhi.networks.models import Membership, Network, Role


def network_create(
    author: audit.Author,
    workspace: Workspace,
    *,
    slug: str,
    name: str,
    kind: str = "other",
    description: str = "",
    vision: str = "",
    goals: str = "",
    parent: Network | None = None,
) -> Network:
    network = Network(
        workspace=workspace,
        slug=slug.strip(),
        name=name.strip(),
        kind=kind,
        description=description,
        vision=vision,
        goals=goals,
        parent=parent,
    )
    network.full_clean(exclude=["workspace"], validate_unique=False)
    if parent is not None and parent.workspace_id != workspace.pk:
        raise ValidationError({"parent": _("The parent network belongs to another workspace.")})
    with transaction.atomic():
        if Network.objects.filter(workspace=workspace, slug=network.slug).exists():
            raise ValidationError(
                {"slug": _("A network “%(slug)s” exists already.") % {"slug": network.slug}}
            )
        network.save()
        audit.record(
            author,
            AuditEvent.Action.CREATE,
            network,
            changes={"slug": [None, network.slug], "name": [None, network.name]},
        )
    return network


def membership_set(
    author: audit.Author,
    network: Network,
    actor: Actor,
    *,
    role: str = Role.MEMBER,
    since: dt.date | None = None,
    until: dt.date | None = None,
    version: int | None = None,
) -> Membership:
    """Add the actor to the network, or change its role and dates there. With ``version`` (the
    one the editor read), a value someone else changed since raises ``versions.EditConflict``."""
    if actor.workspace_id != network.workspace_id:
        raise ValidationError({"actor": _("The actor belongs to another workspace.")})
    if role not in Role.values:
        raise ValidationError(
            {
                "role": _("“%(role)s” is not a role; use one of: %(roles)s.")
                % {"role": role, "roles": ", ".join(Role.values)}
            }
        )
    if since and until and since >= until:
        raise ValidationError({"until": _("The end date must be after the start date.")})
    wanted = {"role": role, "since": since, "until": until}
    with transaction.atomic():
        membership = (
            Membership.objects.select_for_update().filter(network=network, actor=actor).first()
        )
        if membership is None:
            membership = Membership.objects.create(
                workspace_id=network.workspace_id, network=network, actor=actor, **wanted
            )
            changes = audit.diff({}, wanted)
            audit.record(author, AuditEvent.Action.CREATE, membership, changes=changes)
            return membership
        versions.change(author, membership, wanted, version)
    return membership


def actor_create_in_networks(
    author: audit.Author, workspace: Workspace, networks: Sequence[Network], **fields: Any
) -> Actor:
    """Create an actor (``actor_create``'s columns) that joins ``networks`` as a member, in one
    transaction: the actor and every membership, or nothing. This is how a coordinator limited
    to some networks adds an actor, on a page or by the API: it joins one of theirs."""
    for network in networks:
        if network.workspace_id != workspace.pk:
            raise ValidationError({"networks": _("The network belongs to another workspace.")})
    with transaction.atomic():
        actor = actor_create(author, workspace, **fields)
        for network in {n.pk: n for n in networks}.values():
            membership_set(author, network, actor)
    return actor


NETWORK_EDITABLE_FIELDS = ("name", "kind", "description", "vision", "goals")


def network_update(
    author: audit.Author, network: Network, *, version: int | None = None, **fields: str
) -> Network:
    """Change the given fields (``NETWORK_EDITABLE_FIELDS``) of a network; others keep their
    values. The slug is the network's address and does not change. With ``version`` (the one
    the editor read), a field someone else changed since raises ``versions.EditConflict``."""
    unknown = sorted(set(fields) - set(NETWORK_EDITABLE_FIELDS))
    if unknown:
        raise ValueError(f"network_update cannot change {', '.join(unknown)}")
    wanted = {name: value.strip() if name == "name" else value for name, value in fields.items()}
    checked = Network(**{**{f: getattr(network, f) for f in NETWORK_EDITABLE_FIELDS}, **wanted})
    checked.full_clean(exclude=["workspace", "parent", "slug"], validate_unique=False)
    with transaction.atomic():
        versions.change(author, versions.locked(network), wanted, version)
    network.refresh_from_db()
    return network


def membership_end(
    author: audit.Author, membership: Membership, until: dt.date, *, version: int | None = None
) -> Membership:
    """Record that the actor left the network on ``until``; the membership stays in the
    history with its role and start date."""
    with transaction.atomic():
        current = versions.locked(membership)
        if current.since and until <= current.since:
            raise ValidationError({"until": _("The end date must be after the start date.")})
        versions.check(current, version, {"until": until}, {"until": current.until})
        if current.until is not None:
            raise ValidationError(
                {
                    "until": _("This membership already ended on %(date)s.")
                    % {"date": show_date(current.until)}
                }
            )
        versions.change(author, current, {"until": until}, version)
    membership.refresh_from_db()
    return membership
