"""A scope (ขอบเขต): which actors and ties a piece of work is about — the networks, a date, a
minimum tie level, sectors, provinces, issues (tags), an ego actor and a radius — as one
checked value, and the one place that turns it into actor and tie querysets.

Analysis, the map, the exports (web downloads and ``phakhi export``) and ``phakhi analyze`` all
take a :class:`Scope`. The query shapes are the map's, tuned for SQLite (no statistics) and
PostgreSQL at 600,000 actors and 3,000,000 ties: a narrowed scope tests the workspace row by
row and lets the index of the other condition pick the rows (``of_workspace_row_by_row``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from phakhi.actors.models import Actor, ActorTag, Sector
from phakhi.core.areas import AreaError, province_code_or_name
from phakhi.core.models import Workspace
from phakhi.core.periods import active_on
from phakhi.core.selectors import of_workspace_row_by_row, rows_of
from phakhi.core.thai import word_key
from phakhi.networks.models import Membership, Network
from phakhi.ties.models import Tie

NO_SECTOR = "none"  # the sector filter's value for actors without a sector
OTHER_WORKSPACE = "other_workspace"  # the code of the error for a network or ego from elsewhere
TAG_KEY_LENGTH = 100


def _texts(values: str | Iterable[str] | None) -> tuple[str, ...]:
    """Values given one or many, trimmed, blanks dropped, sorted and without repeats."""
    if values is None:
        return ()
    given = [values] if isinstance(values, str) else list(values)
    return tuple(sorted({v.strip() for v in given if v and v.strip()}))


@dataclass(frozen=True)
class Scope:
    """Which actors and ties: those of ``workspace`` — members of any of ``networks`` on ``at``,
    of one of ``sectors`` (``"none"``: without a sector), in one of ``provinces`` (names or DOPA
    codes, kept as codes), carrying one of ``tags`` — and the ties among them active on ``at``
    (``since ≤ at < until``) of at least ``min_strength``; with ``ego``, only the actors at
    most ``radius`` ties from it. An empty filter keeps everything; ``at`` None keeps every
    membership and tie whatever its dates (an export of everything stored).

    Creating one checks it: a ValidationError names each field that is wrong (a network or ego
    of another workspace has the code ``other_workspace``)."""

    workspace: Workspace
    networks: Sequence[Network] = ()
    at: dt.date | None = None
    min_strength: int = 1
    sectors: Sequence[str] = ()
    provinces: Sequence[str] = ()
    tags: Sequence[str] = ()
    ego: Actor | None = None
    radius: int = 1

    def __post_init__(self) -> None:
        errors: dict[str, ValidationError] = {}
        networks = tuple(sorted(set(self.networks), key=lambda n: n.pk))
        elsewhere = _("It belongs to another workspace.")
        if any(n.workspace_id != self.workspace.pk for n in networks):
            errors["networks"] = ValidationError(elsewhere, code=OTHER_WORKSPACE)
        if self.ego is not None and self.ego.workspace_id != self.workspace.pk:
            errors["ego"] = ValidationError(elsewhere, code=OTHER_WORKSPACE)
        if not isinstance(self.min_strength, int) or not 1 <= self.min_strength <= 4:
            errors["min_strength"] = ValidationError(_("The minimum strength must be 1 to 4."))
        if self.radius not in (1, 2):
            errors["radius"] = ValidationError(_("The ego network radius must be 1 or 2."))
        sectors = _texts(self.sectors)
        known = {*Sector.values, NO_SECTOR}
        if any(s not in known for s in sectors):
            errors["sectors"] = ValidationError(
                _("Unknown sector; use one of: %(known)s.") % {"known": ", ".join(sorted(known))}
            )
        provinces = set()
        for text in _texts(self.provinces):
            try:
                provinces.add(province_code_or_name(text))
            except AreaError as error:
                errors["provinces"] = ValidationError(str(error))
        if errors:
            raise ValidationError(errors)
        tags = {word_key(t)[:TAG_KEY_LENGTH] for t in _texts(self.tags)}
        normal = {"networks": networks, "sectors": sectors, "provinces": tuple(sorted(provinces)),
                  "tags": tuple(sorted(t for t in tags if t))}  # fmt: skip
        for name, value in normal.items():
            object.__setattr__(self, name, value)

    @property
    def narrowed(self) -> bool:
        """Whether the filters keep fewer actors than the whole workspace's (before the ego)."""
        return bool(self.networks or self.sectors or self.provinces or self.tags)

    @property
    def network(self) -> Network | None:
        """The network, when the scope is one network's."""
        return self.networks[0] if len(self.networks) == 1 else None

    def filtered_actors(self, *, few: bool = False) -> QuerySet[Actor]:
        """The actors the filters keep: all of :meth:`actors`, and for an ego scope those its
        ego network is drawn from. ``few`` when a further condition picks few of them by an
        index of its own (as a network's members are)."""
        if few or self.networks or self.tags:  # chosen by id: few rows
            actors = of_workspace_row_by_row(Actor.objects.all(), self.workspace)
        else:
            actors = Actor.objects.filter(workspace=self.workspace)
        if self.networks:
            held = Q() if self.at is None else active_on(self.at)
            members = (
                Membership.objects.filter(held, network=self.networks[0])
                if len(self.networks) == 1
                else Membership.objects.filter(held, network__in=self.networks)
            )
            actors = actors.filter(id__in=members.values("actor_id"))
        if self.sectors:
            actors = actors.filter(sector__in=["" if s == NO_SECTOR else s for s in self.sectors])
        if self.provinces:
            actors = actors.filter(province_code__in=self.provinces)
        if self.tags:
            tagged = ActorTag.objects.filter(
                tag__workspace=self.workspace, tag__name_key__in=self.tags
            )
            actors = actors.filter(id__in=tagged.values("actor_id"))
        return actors

    def workspace_ties(self, *, few: bool = False) -> QuerySet[Tie]:
        """The workspace's ties active on ``at`` and of at least ``min_strength``, whatever
        their ends; ``few`` when a further condition picks few of them by an index of its own."""
        ties = Tie.objects.all()
        if self.at is not None:
            ties = ties.filter(active_on(self.at), strength__gte=self.min_strength)
        elif self.min_strength > 1:
            ties = ties.filter(strength__gte=self.min_strength)
        if few:
            return of_workspace_row_by_row(ties, self.workspace)
        return ties.filter(workspace=self.workspace)

    def ties_among(self, actors: QuerySet[Actor]) -> QuerySet[Tie]:
        """The ties of :meth:`workspace_ties` with both ends in ``actors``."""
        inside = actors.values("id")
        return self.workspace_ties(few=True).filter(source_id__in=inside, target_id__in=inside)

    @cached_property
    def ego_ids(self) -> tuple[int, ...] | None:
        """The ids of the ego network's actors, ascending; None without an ego."""
        if self.ego is None:
            return None
        return tuple(ego_network(self, self.filtered_actors(), self.narrowed))

    def actors(self) -> QuerySet[Actor]:
        """The actors in scope."""
        actors = self.filtered_actors()
        return actors if self.ego_ids is None else actors.filter(id__in=self.ego_ids)

    def ties(self) -> QuerySet[Tie]:
        """The ties in scope: active on ``at``, strong enough, both ends among :meth:`actors`."""
        if self.ego_ids is not None:
            ids = self.ego_ids
            return self.workspace_ties(few=True).filter(source_id__in=ids, target_id__in=ids)
        if self.narrowed:
            return self.ties_among(self.filtered_actors())
        return self.workspace_ties()


def ego_network(scope: Scope, actors: QuerySet[Actor], narrowed: bool) -> list[int]:
    """The ids of ``actors`` at most ``scope.radius`` ties from the ego over the scope's ties,
    ascending (none when the ego is not one of ``actors``); ``narrowed`` when ``actors`` is
    fewer than the workspace's. Read outward from the ego, one step at a time, instead of every
    tie of the workspace (3,000,000 in a national one)."""
    assert scope.ego is not None
    if not actors.filter(pk=scope.ego.pk).exists():
        return []
    ties = scope.workspace_ties(few=True).values_list("source_id", "target_id")
    reached, frontier = {scope.ego.pk}, [scope.ego.pk]
    for _step in range(scope.radius):
        found_ties = rows_of(ties, "source_id", frontier) + rows_of(ties, "target_id", frontier)
        found = sorted({end for tie in found_ties for end in tie} - reached)
        if narrowed:  # only through actors in scope
            found = sorted(row[0] for row in rows_of(actors.values_list("id"), "id", found))
        reached.update(found)
        frontier = found
    return sorted(reached)


def renamed(error: ValidationError, names: dict[str, str]) -> ValidationError:
    """A scope's ValidationError with its fields named as a caller's form or options name them
    (``{"sectors": "sector"}`` for the map's query string)."""
    return ValidationError(
        {names.get(name, name): errors for name, errors in error.error_dict.items()}
    )


def from_other_workspace(error: ValidationError) -> bool:
    """Whether the scope was refused for a network or ego of another workspace."""
    return any(e.code == OTHER_WORKSPACE for errors in error.error_dict.values() for e in errors)
