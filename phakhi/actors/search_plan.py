"""How the directory search reads the database (see phakhi.actors.search for what it finds):
the ways a query matches, the indexes each is read through, and the plan chosen for each from
capped counts, since neither SQLite (which keeps no statistics) nor PostgreSQL can tell how
many rows a substring matches."""

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import (
    CharField,
    DateTimeField,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    TextField,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.db.models.lookups import Exact

from phakhi.actors.models import Actor, ActorTag, Kind, Tag
from phakhi.core.models import Workspace
from phakhi.core.thai import name_key, word_key

COUNT_LIMIT = 10_000
# Actors read in sort order looking for the first page of a broad query among them (each row
# tested here): at first, and at most.
WALK_FIRST = 1_000
WALK_MOST = 5_000
READ_WHOLE = 2_000  # matches read whole and sorted by the database, not found by a walk
TRIGRAM = 3  # the shortest query a trigram index serves
SEARCH_TABLE = "actors_actor_search"  # SQLite FTS5 tables of migration 0002
ORGANIZATIONS_TABLE = "actors_actor_search_organizations"


@dataclass(frozen=True)
class SearchTerms:
    """A query in the forms names are stored in."""

    key: str  # without a title in front: how people's names are stored
    plain: str  # titles kept: how organizations', groups' and issues' names are stored

    @classmethod
    def parse(cls, query: str) -> "SearchTerms | None":
        plain = word_key(query or "")
        return cls(key=name_key(query) or plain, plain=plain) if plain else None

    @property
    def short(self) -> bool:
        return len(self.key) < TRIGRAM


def on_sqlite() -> bool:
    return connection.vendor == "sqlite"


class Unindexed(Func):
    """``+column``: the column's value, which SQLite's planner will not look up in an index.
    Without statistics it otherwise picks an index by its shape, not by what it would read:
    the workspace's (every actor) rather than the ids a search found."""

    template = "+%(expressions)s"


def in_workspace(workspace: Workspace, indexed: bool, *, on_postgresql: bool = False) -> Q:
    """The workspace's actors; unless ``indexed``, tested row by row (on SQLite, and on
    PostgreSQL when ``on_postgresql``: it walks the workspace when it expects a substring to
    be common, and finds them bunched at the end)."""
    if indexed or not (on_sqlite() or on_postgresql):
        return Q(workspace=workspace)
    return Q(Exact(Unindexed(F("workspace_id"), output_field=IntegerField()), workspace.id))


def more_than_limit(queryset: QuerySet[Any], limit: int | None = None) -> bool:
    """Whether the query has more than ``limit`` (COUNT_LIMIT) rows (counted no further)."""
    limit = COUNT_LIMIT if limit is None else limit
    return queryset.order_by()[: limit + 1].count() > limit


def text_q(field: str, text: str, short: bool) -> Q:
    if not short:
        return Q(**{f"{field}__contains": text})
    # A range of the (workspace, name) index, which PostgreSQL's planner also misjudges for a
    # prefix (it expects matches spread over the whole index, not bunched at one place). The
    # range assumes code-point order: SQLite's, and PostgreSQL's in a C or C.UTF-8 database.
    following = text[:-1] + chr(ord(text[-1]) + 1)
    in_range = Q(**{f"{field}__gte": text, f"{field}__lt": following})
    return in_range & Q(**{f"{field}__startswith": text})


def among(ids: Iterable[int], field: str = "id") -> Q:
    """Rows whose ``field`` is in a list read earlier. PostgreSQL gets one array, not a
    parameter per id (planning ``IN`` with thousands of values costs more than the query)."""
    if on_sqlite():
        return Q(**{f"{field}__in": list(ids)})
    return Q(**{f"{field}__in": RawSQL("SELECT unnest(%s::bigint[])", [list(ids)])})


def fts_ids(table: str, text: str) -> RawSQL:
    phrase = '"' + text.replace('"', '""') + '"'
    return RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [phrase])


@dataclass(frozen=True)
class Filters:
    q: Q
    leading: bool  # a network or an issue: its members are where to start reading
    selective: bool  # … or a province: few enough actors to read through
    columns: Q  # the filters on the actors' own columns alone (province, sector, kind)


def filters_for(
    kind: str | None,
    sector: str | None,
    province: str | None,
    network: int | None,
    tag: int | None,
) -> Filters:
    """The filters as one condition, in which (on SQLite) only the most selective filter may
    use an index: given two, SQLite may pick the one that matches half the workspace."""
    members = Q()
    if network:
        members &= Q(id__in=Actor.objects.filter(memberships__network_id=network).values("id"))
    if tag:
        members &= Q(id__in=ActorTag.objects.filter(tag_id=tag).values("actor_id"))
    values = {"province_code": province, "sector": sector, "kind": kind}
    q = members & _column_filters(values, indexed=not members)
    return Filters(q, bool(members), bool(members or province), _column_filters(values, True))


def _column_filters(values: dict[str, str | None], indexed: bool) -> Q:
    q = Q()
    for name, value in values.items():
        if value and (indexed or not on_sqlite()):
            q &= Q(**{name: value})
            indexed = False
        elif value:
            q &= Q(Exact(Unindexed(F(name), output_field=CharField()), value))
    return q


Counted = dict[int, tuple[Any, ...]]  # actors counted, by id: their place in the sort order
WalkRow = tuple[int, str, str, int | None]  # what a walk reads of each actor:
WALK_COLUMNS = ("id", "name_key", "kind", "organization_id")


@dataclass
class Way:
    """One way of matching. ``found`` finds its actors through an index of the match itself
    (search index, organization, issue links); ``tested`` tests one actor at a time, for reading
    through the sort order or a filter's actors; ``matching`` tests rows a walk has read.

    Each way is one of the small strategies below, which say how its ``found`` is kept to the
    workspace (``few``) and whether its matches may be walked to in sort order: a way that is
    not ``walkable`` has matches that bunch up in sort order (names that contain "โรงเรียน"
    mostly begin with it), and the database is never left to walk the sort order for them."""

    workspace: Workspace
    found: Q
    tested: Q
    matching: Callable[[list[WalkRow]], set[int]]
    aliases: dict[str, Any] = field(default_factory=dict)
    # As many rows as ``few()`` (at least as many under filters), read without looking at the
    # actors: in an index alone.
    upper_bound: QuerySet[Any] | None = None

    @property
    def walkable(self) -> bool:
        return True

    @property
    def spread(self) -> bool:
        """The matches are spread through every sort order, not bunched."""
        return True

    def within_workspace(self) -> Q:
        """The workspace, as ``few`` tests it on what ``found`` finds."""
        return in_workspace(self.workspace, indexed=False)

    def few(self) -> QuerySet[Actor]:
        return Actor.objects.filter(self.found, self.within_workspace())

    def more_than(self, limit: int) -> bool:
        """Whether the way finds more than ``limit`` actors (before filters), read no further."""
        if self.upper_bound is not None:
            return more_than_limit(self.upper_bound, limit)
        # Read, not counted: to count names PostgreSQL would rather test every name of the
        # workspace in a name index (no table) than read the matches the trigrams find.
        return ids_or_more(self.few(), limit, ()) is None

    def read(self, filters: Filters, walk: bool = False) -> QuerySet[Actor]:
        """Tested on the actors the filters lead to, or (``walk``) in sort order."""
        actors = Actor.objects.alias(**self.aliases).filter(self.tested)
        workspace = in_workspace(self.workspace, indexed=walk or not filters.leading)
        return actors.filter(workspace, filters.q)


class BunchedNames(Way):
    """Names: their matches bunch up in sort order."""

    @property
    def walkable(self) -> bool:
        return False

    @property
    def spread(self) -> bool:
        return False


class NamePrefix(BunchedNames):
    """A short query: ``found`` is a range of the workspace's name index."""

    def within_workspace(self) -> Q:
        return in_workspace(self.workspace, indexed=True)


class NameTrigrams(BunchedNames):
    """``found`` is a trigram index of names: on PostgreSQL too, the workspace is tested row by
    row (see in_workspace)."""

    def within_workspace(self) -> Q:
        return in_workspace(self.workspace, indexed=False, on_postgresql=True)


class OrganizationPeople(Way):
    """People whose organization's name matches. ``found`` only finds the workspace's actors."""

    @property
    def walkable(self) -> bool:
        # PostgreSQL cannot tell how many people organizations have, and rather than walk
        # the sort order it reads the whole workspace.
        return on_sqlite()

    def within_workspace(self) -> Q:
        return Q()


class IssueLinks(Way):
    """Actors linked to a matching issue: spread through the sort order, walkable."""


class Matching:
    """The ways a query matches actors: by name, by organization name, by issue."""

    def __init__(self, workspace: Workspace, terms: SearchTerms) -> None:
        self.workspace = workspace
        self.terms = terms
        self.tag_ids: list[int] = []
        if not terms.short:
            tags = Tag.objects.filter(workspace=workspace, name_key__contains=terms.plain)
            self.tag_ids = list(tags.values_list("id", flat=True))

    def name_matches(self, key: str, kind: str) -> bool:
        """The test ``by_name`` makes, on a name key read already."""
        terms = self.terms
        contains = key.startswith if terms.short else key.__contains__
        by_key = contains(terms.key) and (kind == Kind.PERSON or terms.key == terms.plain)
        return by_key or contains(terms.plain)

    def named(self, rows: list[WalkRow]) -> set[int]:
        return {id_ for id_, key, kind, _ in rows if self.name_matches(key, kind)}

    def by_name(self) -> Way:
        terms = self.terms
        matches = text_q("name_key", terms.key, terms.short)
        if terms.key != terms.plain:  # a title in the query only counts for people
            plain = text_q("name_key", terms.plain, terms.short)
            matches = (matches & Q(kind=Kind.PERSON)) | plain
        if terms.short:
            return NamePrefix(self.workspace, found=matches, tested=matches, matching=self.named)
        found = matches
        if on_sqlite():
            found = Q(id__in=fts_ids(SEARCH_TABLE, terms.key))
            if terms.key != terms.plain:  # the index found the title-less form; test the rest
                found &= Q(kind=Kind.PERSON) | Q(name_key__contains=terms.plain)
        return NameTrigrams(self.workspace, found=found, tested=matches, matching=self.named)

    def of_named_organizations(self, rows: list[WalkRow]) -> set[int]:
        organizations = {organization for *_, organization in rows if organization}
        named = Actor.objects.filter(among(organizations), name_key__contains=self.terms.plain)
        hits = set(named.exclude(kind=Kind.PERSON).values_list("id", flat=True))
        return {id_ for id_, *_, organization in rows if organization in hits}

    def by_organization(self) -> Way:
        """People whose organization or group has a matching name. The organizations are the
        workspace's, and so are their people: these are not looked up one by one to check."""
        if on_sqlite():
            named = Actor.objects.filter(id__in=fts_ids(ORGANIZATIONS_TABLE, self.terms.plain))
        else:
            named = Actor.objects.filter(name_key__contains=self.terms.plain)
            named = named.exclude(kind=Kind.PERSON)
        of_workspace = in_workspace(self.workspace, indexed=False)
        organizations = named.filter(of_workspace).order_by().values("id")
        # Tested row by row, people are not looked up by organization (``+organization_id``).
        unindexed = Unindexed(F("organization_id"), output_field=IntegerField())
        return OrganizationPeople(
            self.workspace,
            found=Q(organization_id__in=organizations),
            tested=Q(organization_unindexed__in=organizations),
            matching=self.of_named_organizations,
            aliases={"organization_unindexed": unindexed},
            upper_bound=Actor.objects.filter(organization_id__in=organizations).values(
                "organization_id"
            ),
        )

    def with_issue(self, rows: list[WalkRow]) -> set[int]:
        links = ActorTag.objects.filter(among((row[0] for row in rows), "actor_id"))
        return set(links.filter(tag_id__in=self.tag_ids).values_list("actor_id", flat=True))

    def by_issue(self) -> Way:
        links = ActorTag.objects.filter(tag_id__in=self.tag_ids)
        found = Q(id__in=links.values("actor_id"))
        tested = Q(Exists(links.filter(actor_id=OuterRef("id"))))
        # Issues are the workspace's, and so are the actors linked to them.
        linked = links.values("actor_id").distinct()
        return IssueLinks(
            self.workspace, found=found, tested=tested, matching=self.with_issue, upper_bound=linked
        )

    def ways(self) -> list[Way]:
        if self.terms.short:  # too short to look up in organizations' names and issues
            return [self.by_name()]
        # The cheapest to find many first: then the others need not be counted. An issue's
        # actors are counted in an index alone.
        issue = [self.by_issue()] if self.tag_ids else []
        return [*issue, self.by_name(), self.by_organization()]


@dataclass
class Found:
    """What one way found: the ids of all its matches when they are few (read once: counted,
    merged and sorted from them), else how to walk to the first ones."""

    way: Way
    ids: Counted | None  # None: more than the limit it was read with, or not counted
    walk: QuerySet[Actor]
    counted: bool = True  # False: not counted at all (left for a walk to test)


def sort_columns(order: tuple[str, ...]) -> dict[str, Any]:
    """The sort order's columns as values to read and compare here. Times are read as text,
    which sorts as they do (one time zone, ISO format) and is not parsed: parsing ten thousand
    of them costs more than the query."""
    columns: dict[str, Any] = {}
    for name in (column.lstrip("-") for column in order):
        is_time = isinstance(Actor._meta.get_field(name), DateTimeField)
        columns[f"sort_{name}"] = Cast(name, TextField()) if is_time else F(name)
    return columns


def in_order(counted: Counted, order: tuple[str, ...], end: int) -> list[int]:
    """The first ``end`` ids of ``counted`` in sort order, sorted here from the sort columns
    read as they were counted: reading thousands of actors again by id to have the database
    sort them costs more than the whole count. The order is the database's: sort keys compare
    by code point (a "C" collation on PostgreSQL, migration 0007; SQLite's own)."""
    descending = order[0].startswith("-")
    assert all(column.startswith("-") == descending for column in order), order
    ordered = sorted(counted.items(), key=lambda item: item[1], reverse=descending)
    return [id_ for id_, _ in ordered[:end]]


def ids_or_more(queryset: QuerySet[Actor], limit: int, order: tuple[str, ...]) -> Counted | None:
    """The matches with their sort columns, or None when there are more than ``limit`` (read
    no further). PostgreSQL needs its SSD cost setting (config/settings.py) for this LIMIT:
    with the default it expects to stop early and scans the table instead of looking up the
    people of the matching organizations."""
    rows = queryset.order_by().values_list("id", *sort_columns(order).values())
    found = list(rows[: limit + 1])
    return None if len(found) > limit else {row[0]: row[1:] for row in found}


def find(way: Way, filters: Filters, limit: int | None, order: tuple[str, ...]) -> Found:
    """The way's matches under the filters, read whole if at most ``limit`` (None: not counted,
    only how to walk to them). They are read where the fewest rows are: through the way's own
    index when it finds few (or the filters leave many), else the actors of a selective filter,
    each tested."""
    if limit is None:
        walk = way.read(filters, walk=True) if way.walkable else way.few().filter(filters.q)
        return Found(way, None, walk, counted=False)
    matches = way.few()
    if filters.q:
        through_filter = filters.leading or (filters.selective and way.walkable)
        read = through_filter and way.more_than(COUNT_LIMIT)
        matches = way.read(filters) if read else matches.filter(filters.q)
    walk = way.read(filters, walk=True) if way.walkable else matches
    if not filters.q and way.upper_bound is not None and way.more_than(limit):
        return Found(way, None, walk)  # counted in an index alone, without reading actors
    return Found(way, ids_or_more(matches, limit, order), walk)


def walked_first_ids(
    workspace: Workspace,
    counted: Counted,
    many: list[Way],
    within: Q,
    order: tuple[str, ...],
    end: int,
) -> list[int] | None:
    """Ids of the first ``end`` actors in sort order that are ``counted`` or match one of the
    ways with ``many`` matches, read off the start of the sort order with each row tested here;
    None when they are not among its first WALK_MOST actors (rare matches, or matches bunched
    elsewhere in the order). A broad query matches often enough to fill a page within a few
    hundred actors, where reading every match and sorting them would read thousands. The walk
    reads the actors ``within`` (the filters, or those the ways cannot test themselves)."""
    everyone = Actor.objects.filter(workspace=workspace).filter(within).order_by(*order)
    firsts: list[int] = []
    start, stop = 0, WALK_FIRST
    while True:
        rows = list(everyone.values_list(*WALK_COLUMNS)[start:stop])
        hits = {row[0] for row in rows if row[0] in counted}
        for way in many:
            hits |= way.matching([row for row in rows if row[0] not in hits])
        firsts += [row[0] for row in rows if row[0] in hits]
        if len(firsts) >= end or len(rows) < stop - start:  # a page, or every actor read
            return firsts[:end]
        if not firsts:
            return None
        # Read on to where the page should end at the rate found so far, with a margin.
        start, stop = stop, math.ceil(stop * end / len(firsts) * 1.25)
        if stop > WALK_MOST:
            return None


def first_ids(found: Found, order: tuple[str, ...], end: int) -> Any:
    """Ids of a way with many matches among which are its first ``end`` in sort order."""
    firsts = found.walk.order_by(*order).values("id")[:end]
    return Actor.objects.filter(id__in=firsts).order_by().values("id")
