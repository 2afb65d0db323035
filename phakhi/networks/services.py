import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core import audit
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
) -> Membership:
    """Add the actor to the network, or change its role and dates there."""
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
    with transaction.atomic():
        membership = Membership.objects.filter(network=network, actor=actor).first()
        old = (
            {}
            if membership is None
            else {"role": membership.role, "since": membership.since, "until": membership.until}
        )
        if membership is None:
            membership = Membership(workspace_id=network.workspace_id, network=network, actor=actor)
        membership.role, membership.since, membership.until = role, since, until
        changes = audit.diff(old, {"role": role, "since": since, "until": until})
        if changes:
            membership.save()
            action = AuditEvent.Action.UPDATE if old else AuditEvent.Action.CREATE
            audit.record(author, action, membership, changes=changes)
    return membership


NETWORK_EDITABLE_FIELDS = ("name", "kind", "description", "vision", "goals")


def network_update(author: audit.Author, network: Network, **fields: str) -> Network:
    """Change the given fields (``NETWORK_EDITABLE_FIELDS``) of a network; others keep their
    values. The slug is the network's address and does not change."""
    unknown = sorted(set(fields) - set(NETWORK_EDITABLE_FIELDS))
    if unknown:
        raise ValueError(f"network_update cannot change {', '.join(unknown)}")
    old = {name: getattr(network, name) for name in fields}
    for name, value in fields.items():
        setattr(network, name, value.strip() if name == "name" else value)
    try:
        network.full_clean(exclude=["workspace", "parent"], validate_unique=False)
    except ValidationError:
        for name, value in old.items():
            setattr(network, name, value)
        raise
    changes = audit.diff(old, {name: getattr(network, name) for name in fields})
    if changes:
        with transaction.atomic():
            network.save(update_fields=[*changes, "updated_at"])
            audit.record(author, AuditEvent.Action.UPDATE, network, changes=changes)
    return network


def membership_end(author: audit.Author, membership: Membership, until: dt.date) -> Membership:
    """Record that the actor left the network on ``until``; the membership stays in the
    history with its role and start date."""
    if membership.until is not None:
        raise ValidationError(
            {
                "until": _("This membership already ended on %(date)s.")
                % {"date": show_date(membership.until)}
            }
        )
    if membership.since and until <= membership.since:
        raise ValidationError({"until": _("The end date must be after the start date.")})
    with transaction.atomic():
        membership.until = until
        membership.save(update_fields=["until", "updated_at"])
        audit.record(
            author,
            AuditEvent.Action.UPDATE,
            membership,
            changes=audit.diff({"until": None}, {"until": until}),
        )
    return membership
