"""Writes of worksheet 3, drawing the map (ใบงาน ๓: วาดผังเครือข่ายทุนทางสังคม): an actor added
where it was put on the project's map, ties drawn between the actors on it (origin "workshop",
with the project recorded) and where each actor sits. Changing or ending a drawn tie is the
ties' own ``tie_update`` and ``tie_end``, as on the actor page.

The project's map is its lead network's (every actor of the workspace when no network leads
it): an actor drawn on it joins the lead network, and a tie is drawn only between actors on it.
"""

from __future__ import annotations

import math
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor
from phakhi.core import audit
from phakhi.core.models import AuditEvent
from phakhi.core.periods import active_on
from phakhi.networks.models import Membership
from phakhi.networks.services import actor_create_in_networks, membership_set
from phakhi.projects.models import Project, ProjectPlacement, ProjectTie
from phakhi.ties.models import Origin, Tie
from phakhi.ties.services import tie_create

# Layout coordinates are those of an analysis run: a few thousand at most. A value far beyond
# is a client's mistake, not a place.
COORDINATE_LIMIT = 1e9


def _coordinate(name: str, value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError({name: _("A place on the map is a number.")}) from None
    if not math.isfinite(number) or abs(number) > COORDINATE_LIMIT:
        raise ValidationError({name: _("This place is outside the map.")})
    return number


def on_project_map(project: Project, actor: Actor) -> bool:
    """Whether the actor is on the project's map: a member of its lead network today (any actor
    of the workspace when no network leads it)."""
    if actor.workspace_id != project.workspace_id:
        return False
    if project.network_id is None:
        return True
    today = timezone.localdate()
    return Membership.objects.filter(
        active_on(today), network_id=project.network_id, actor=actor
    ).exists()


def _on_map_or_refuse(project: Project, field: str, actor: Actor) -> None:
    if actor.workspace_id != project.workspace_id:
        raise ValidationError({field: _("The actor belongs to another workspace.")})
    if not on_project_map(project, actor):
        assert project.network is not None
        raise ValidationError(
            {
                field: _(
                    "%(actor)s is not a member of %(network)s, so it is not on this project's "
                    "map: add it to the network first, or add it from the map."
                )
                % {"actor": actor.name, "network": project.network.name}
            }
        )


def project_actor_place(
    author: audit.Author, project: Project, actor: Actor, *, x: object, y: object
) -> ProjectPlacement:
    """Put ``actor`` at (``x``, ``y``) on the project's map (the layout's coordinates); it
    stays there for everyone who opens the project's map."""
    _on_map_or_refuse(project, "actor", actor)
    x, y = _coordinate("x", x), _coordinate("y", y)
    with transaction.atomic():
        placement, created = ProjectPlacement.objects.select_for_update().get_or_create(
            project=project,
            actor=actor,
            defaults={"workspace_id": project.workspace_id, "x": x, "y": y},
        )
        old = {} if created else {"x": placement.x, "y": placement.y}
        if not created:
            placement.x, placement.y = x, y
            placement.save(update_fields=["x", "y", "updated_at"])
        changes = audit.diff(old, {"x": x, "y": y})
        if changes:
            action = AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE
            audit.record(author, action, placement, changes=changes)
    return placement


def project_actor_draw(
    author: audit.Author,
    project: Project,
    *,
    x: object = None,
    y: object = None,
    **fields: Any,
) -> Actor:
    """Add an actor from the project's map (``actor_create``'s columns: kind, name, key,
    sector …): it joins the project's lead network and, with ``x`` and ``y``, sits where it
    was put. All of it or nothing."""
    place = x is not None or y is not None
    if place:
        _coordinate("x", x), _coordinate("y", y)
    networks = [project.network] if project.network is not None else []
    with transaction.atomic():
        actor = actor_create_in_networks(author, project.workspace, networks, **fields)
        if place:
            project_actor_place(author, project, actor, x=x, y=y)
    return actor


def project_actor_join(
    author: audit.Author, project: Project, actor: Actor, *, x: object = None, y: object = None
) -> Actor:
    """Put an actor of the directory on the project's map (the one the room meant, found among
    possible duplicates): it joins the lead network as a member unless it is one today, and,
    with ``x`` and ``y``, sits where it was put. All of it or nothing."""
    if actor.workspace_id != project.workspace_id:
        raise ValidationError({"actor": _("The actor belongs to another workspace.")})
    place = x is not None or y is not None
    if place:
        _coordinate("x", x), _coordinate("y", y)
    with transaction.atomic():
        if project.network is not None and not on_project_map(project, actor):
            membership_set(author, project.network, actor)
        if place:
            project_actor_place(author, project, actor, x=x, y=y)
    return actor


def project_tie_draw(
    author: audit.Author,
    project: Project,
    *,
    source: Actor,
    target: Actor,
    strength: int,
    via: Actor | None = None,
    kind: str = "",
) -> Tie:
    """Draw a tie between two actors on the project's map: an ordinary tie of the workspace
    (checked as every tie is) with origin "workshop", and the project it was drawn for, by
    whom and when (``ProjectTie``). ``via`` is the person the tie is held through (any actor
    of the workspace)."""
    _on_map_or_refuse(project, "source", source)
    _on_map_or_refuse(project, "target", target)
    if via is not None and via.workspace_id != project.workspace_id:
        raise ValidationError({"via": _("The actor belongs to another workspace.")})
    with transaction.atomic():
        existing = Tie.objects.filter(
            workspace_id=project.workspace_id,
            source_id=min(source.pk, target.pk),
            target_id=max(source.pk, target.pk),
            kind=kind.strip(),
            directed=False,
        ).first()
        if existing is not None and existing.until is not None:
            raise ValidationError(
                {
                    "target": _(
                        "%(source)s and %(target)s had a tie that ended; it stays in the "
                        "history and is not drawn again. Give the new tie a kind to tell it "
                        "apart."
                    )
                    % {"source": source.name, "target": target.name}
                }
            )
        tie = tie_create(
            author,
            project.workspace,
            source,
            target,
            strength=strength,
            kind=kind,
            via=via,
            origin=Origin.WORKSHOP,
        )
        link = ProjectTie.objects.create(
            workspace_id=project.workspace_id,
            project=project,
            tie=tie,
            drawn_by_id=author.user_id,
        )
        audit.record(
            author,
            AuditEvent.Action.CREATE,
            link,
            changes={"project": [None, project.slug], "tie": [None, tie.pk]},
        )
    return tie
