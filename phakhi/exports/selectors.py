"""Streaming reads for exports: the actors and ties of a scope (a workspace, its networks, a
filter, an ego network) or a chosen set of actors, as rows of the import columns, with bounded
memory.

Rows stream in chunks from a server-side cursor (as ``values_list(...).iterator()`` does); actor
keys are looked up in one id → key map; tags are merged in from a second stream sorted the same
way as the actors. No query runs per row and nothing but the key map is held in memory.
"""

import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple, Protocol

from django.db.models import Q, QuerySet
from django.db.models.sql.constants import MULTI

from phakhi.actors.models import Actor, ActorTag
from phakhi.core.areas import district_name, province_name, subdistrict_name
from phakhi.core.models import Workspace
from phakhi.core.personal import PersonalView
from phakhi.imports.columns import ACTOR_COLUMNS, TIE_COLUMNS
from phakhi.networks.models import Network
from phakhi.ties.models import Tie

CHUNK_SIZE = 10_000
TAG_SEPARATOR = "; "

ACTOR_FIELDS = tuple(c.name for c in ACTOR_COLUMNS)
TIE_FIELDS = tuple(c.name for c in TIE_COLUMNS)


class Covered(Protocol):
    """What an export covers: a :class:`~phakhi.scope.Scope`, or a map's scope."""

    @property
    def workspace(self) -> Workspace: ...
    @property
    def network(self) -> Network | None: ...
    @property
    def narrowed(self) -> bool: ...
    @property
    def ego(self) -> Actor | None: ...
    def actors(self) -> QuerySet[Actor]: ...
    def ties(self) -> QuerySet[Tie]: ...


@dataclass(frozen=True)
class Export:
    """What one export writes: the actors and ties of a scope, or actors ``chosen`` from its
    workspace without their ties (a directory search: the export keeps its order of filters),
    as the reader ``view`` may see them."""

    scope: Covered
    chosen: QuerySet[Actor] | None = None
    # Whose export it is: contacts and personal columns as that user may see them; None for
    # an operator's full export (``phakhi export`` without ``--role``).
    view: PersonalView | None = None

    @property
    def workspace(self) -> Workspace:
        return self.scope.workspace

    @property
    def network(self) -> Network | None:
        return self.scope.network

    @property
    def narrowed(self) -> bool:
        """Whether the actors are fewer than the workspace's."""
        return self.chosen is not None or self.scope.narrowed or self.scope.ego is not None

    def members(self) -> QuerySet[Any, int]:
        """The ids of the actors the export is narrowed to (unused for a whole workspace)."""
        return self.actors().order_by().values_list("id", flat=True)

    def actors(self) -> QuerySet[Actor]:
        return self.scope.actors() if self.chosen is None else self.chosen

    def ties(self) -> QuerySet[Tie]:
        return self.scope.ties()


class ActorRow(NamedTuple):
    key: str
    name: str
    kind: str
    sector: str
    subsector: str
    province: str
    district: str
    subdistrict: str
    organization: str
    email: str
    phone: str
    line_id: str
    tags: tuple[str, ...]
    attributes: dict[str, Any]

    def cells(self, attribute_keys: Iterable[str]) -> list[str]:
        """The row as text in ACTOR_FIELDS order, tags joined, then the custom attributes."""
        return [
            *self[:12],
            TAG_SEPARATOR.join(self.tags),
            *(attribute_text(self.attributes.get(k)) for k in attribute_keys),
        ]


class TieRow(NamedTuple):
    id: int
    source: str
    target: str
    strength: int
    kind: str
    directed: bool
    via: str
    since: str
    until: str
    attributes: dict[str, Any]
    # Where the tie came from (Origin: "workshop" for one drawn on a project's map). Not a
    # column of the ties table, which the import reads back and which sets its own origin.
    origin: str = "manual"

    def cells(self, attribute_keys: Iterable[str]) -> list[str]:
        """The row as text in TIE_FIELDS order, then the custom attributes."""
        return [
            self.source,
            self.target,
            str(self.strength),
            self.kind,
            "true" if self.directed else "false",
            self.via,
            self.since,
            self.until,
            *(attribute_text(self.attributes.get(k)) for k in attribute_keys),
        ]


def attribute_text(value: Any) -> str:
    """A custom attribute as one cell: text as it is, anything else as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


class KeyMap(dict[int, str]):
    """Actor id → key. An actor created while the export runs is looked up when first met."""

    def __init__(self, workspace: Workspace, rows: Iterable[tuple[int, str]]) -> None:
        super().__init__(rows)
        self.workspace = workspace

    def __missing__(self, actor_id: int) -> str:
        key = (
            Actor.objects.filter(workspace=self.workspace, id=actor_id)
            .values_list("key", flat=True)
            .first()
        )
        if key is None:
            raise LookupError(actor_id)
        self[actor_id] = key
        return key


def actor_keys(export: Export) -> KeyMap:
    """Keys of the actors exported and of those they point to (organization, via)."""
    actors = Actor.objects.filter(workspace=export.workspace)
    if export.narrowed:
        members = export.members()
        organizations = Actor.objects.filter(id__in=members).values("organization_id")
        wanted = Q(id__in=members) | Q(id__in=organizations)
        if export.chosen is None:  # a chosen set is exported without its ties
            wanted |= Q(id__in=export.ties().filter(via_id__isnull=False).values("via_id"))
        actors = actors.filter(wanted)
    return KeyMap(export.workspace, _stream(actors.order_by().values_list("id", "key")))


def _attribute_keys(queryset: QuerySet[Any]) -> list[str]:
    keys: dict[str, None] = {}
    rows = queryset.exclude(attributes={}).order_by().values_list("attributes")
    for (attributes,) in _stream(rows):
        keys.update(dict.fromkeys(_json(attributes)))
    return sorted(keys)


def actor_attribute_keys(export: Export) -> list[str]:
    """The custom attributes any exported actor has, in a stable (sorted) order."""
    return _attribute_keys(export.actors())


def tie_attribute_keys(export: Export) -> list[str]:
    return _attribute_keys(export.ties())


def tie_directions(export: Export) -> tuple[bool, bool]:
    """Whether the export has undirected ties, and whether it has directed ones."""
    ties = export.ties()
    return ties.filter(directed=False).exists(), ties.filter(directed=True).exists()


def _stream(queryset: QuerySet[Any, Any]) -> Iterator[tuple[Any, ...]]:
    """The rows of a ``values_list`` query as the database driver returns them.

    Django's per-value converters (JSON, dates, booleans) cost more than the query itself at
    millions of rows, so they are skipped and the few columns that need it are converted here
    (see ``_json`` and ``_iso``); the SQL, the chunking and PostgreSQL's server-side cursor are
    Django's own, as in ``iterator()``.
    """
    compiler = queryset.query.get_compiler(using=queryset.db)
    for chunk in compiler.execute_sql(MULTI, chunked_fetch=True, chunk_size=CHUNK_SIZE) or ():
        yield from chunk


def _json(raw: Any) -> dict[str, Any]:
    if raw is None or raw == "{}":
        return {}
    value = json.loads(raw) if isinstance(raw, str | bytes) else raw
    return value if isinstance(value, dict) else {}


def _iso(raw: Any) -> str:
    """A date as ISO text: SQLite returns the stored text, PostgreSQL a ``date``."""
    if raw is None:
        return ""
    return raw if isinstance(raw, str) else raw.isoformat()


@cache
def _area_names(province: str, district: str, subdistrict: str) -> tuple[str, str, str]:
    return province_name(province), district_name(district), subdistrict_name(subdistrict)


ExportOrder = tuple[str, int]  # (sort key, id): actors in Thai dictionary order


def _tags(export: Export) -> Iterator[tuple[ExportOrder, tuple[str, ...]]]:
    """((sort key, actor id), its tag names sorted) for the tagged actors exported, in the
    actors' order."""
    links = ActorTag.objects.all()
    if export.narrowed:
        links = links.filter(actor_id__in=export.members())
    else:
        links = links.filter(actor__workspace=export.workspace)
    rows = links.order_by("actor__sort_key", "actor_id").values_list(
        "actor__sort_key", "actor_id", "tag__name"
    )
    grouped = itertools.groupby(_stream(rows), key=lambda r: (r[0], r[1]))
    for actor, group in grouped:
        yield actor, tuple(sorted(name for *_, name in group))


def iter_actors(export: Export, keys: KeyMap | None = None) -> Iterator[ActorRow]:
    """The actors exported, in Thai dictionary order of their names (``Actor.sort_key``, which
    compares by code point in the database as in Python)."""
    keys = actor_keys(export) if keys is None else keys
    rows = (
        export.actors()
        .order_by("sort_key", "id")
        .values_list(
            "sort_key",
            "id",
            "key",
            "name",
            "kind",
            "sector",
            "subsector",
            "province_code",
            "district_code",
            "subdistrict_code",
            "organization_id",
            "email",
            "phone",
            "line_id",
            "attributes",
        )
    )
    tags = _tags(export)
    tagged, tag_names = next(tags, (None, ()))
    shown = None if export.view is None or not export.view.masked else export.view.fields
    for row in _stream(rows):
        order, id_, key, name, kind, sector, subsector, p, d, s, org, *rest = row
        email, phone, line_id, attrs = rest
        # Both streams ascend in the same order, so the tag stream never runs ahead for long.
        while tagged is not None and tagged < (order, id_):
            tagged, tag_names = next(tags, (None, ()))
        province, district, subdistrict = _area_names(p, d, s)
        actor = ActorRow(
            key,
            name,
            kind,
            sector,
            subsector,
            province,
            district,
            subdistrict,
            "" if org is None else keys[org],
            email,
            phone,
            line_id,
            tag_names if tagged == (order, id_) else (),
            _json(attrs),
        )
        yield actor if shown is None else actor._replace(**shown(actor))


def iter_ties(export: Export, keys: KeyMap | None = None) -> Iterator[TieRow]:
    """The ties exported, by id."""
    keys = actor_keys(export) if keys is None else keys
    rows = (
        export.ties()
        .order_by("id")
        .values_list(
            "id",
            "source_id",
            "target_id",
            "strength",
            "kind",
            "directed",
            "via_id",
            "since",
            "until",
            "attributes",
            "origin",
        )
    )
    for row in _stream(rows):
        id_, source, target, strength, kind, directed, via, since, until, attrs, origin = row
        yield TieRow(
            id_,
            keys[source],
            keys[target],
            strength,
            kind,
            bool(directed),
            "" if via is None else keys[via],
            _iso(since),
            _iso(until),
            _json(attrs),
            origin,
        )
