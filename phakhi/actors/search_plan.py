"""How the directory search reads the database (see phakhi.actors.search for what it finds):
the ways a query matches, the indexes each is read through, and the plan chosen for each from
capped counts, since neither SQLite (which keeps no statistics) nor PostgreSQL can tell how
many rows a substring matches."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import CharField, Exists, F, Func, IntegerField, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.lookups import Exact

from phakhi.actors.models import Actor, ActorTag, Kind, Tag
from phakhi.core.models import Workspace
from phakhi.core.thai import name_key, word_key

COUNT_LIMIT = 10_000
WALK_STRETCH = 5_000  # actors read in sort order looking for a page of a broad name query
READ_WHOLE = 2_000  # matches of a way read whole (then sorted) once the count is "more"
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


def more_than_limit(queryset: QuerySet[Any]) -> bool:
    """Whether the query has more than COUNT_LIMIT rows (counted no further)."""
    return queryset.order_by()[: COUNT_LIMIT + 1].count() > COUNT_LIMIT


def text_q(field: str, text: str, short: bool) -> Q:
    if not short:
        return Q(**{f"{field}__contains": text})
    # A range of the (workspace, name) index, which PostgreSQL's planner also misjudges for a
    # prefix (it expects matches spread over the whole index, not bunched at one place). The
    # range assumes code-point order: SQLite's, and PostgreSQL's in a C or C.UTF-8 database.
    following = text[:-1] + chr(ord(text[-1]) + 1)
    in_range = Q(**{f"{field}__gte": text, f"{field}__lt": following})
    return in_range & Q(**{f"{field}__startswith": text})


def fts_ids(table: str, text: str) -> RawSQL:
    phrase = '"' + text.replace('"', '""') + '"'
    return RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [phrase])


@dataclass(frozen=True)
class Filters:
    q: Q
    leading: bool  # a network or an issue: its members are where to start reading
    selective: bool  # … or a province: few enough actors to read through


def filters_for(
    kind: str | None,
    sector: str | None,
    province: str | None,
    network: int | None,
    tag: int | None,
) -> Filters:
    """The filters as one condition, in which (on SQLite) only the most selective filter may
    use an index: given two, SQLite may pick the one that matches half the workspace."""
    q = Q()
    if network:
        q &= Q(id__in=Actor.objects.filter(memberships__network_id=network).values("id"))
    if tag:
        q &= Q(id__in=ActorTag.objects.filter(tag_id=tag).values("actor_id"))
    indexed = not (network or tag)
    for name, value in (("province_code", province), ("sector", sector), ("kind", kind)):
        if value and (indexed or not on_sqlite()):
            q &= Q(**{name: value})
            indexed = False
        elif value:
            q &= Q(Exact(Unindexed(F(name), output_field=CharField()), value))
    return Filters(q, bool(network or tag), bool(network or tag or province))


@dataclass
class Way:
    """One way of matching. ``found`` finds its actors through an index of the match itself
    (search index, organization, issue links); ``tested`` tests one actor at a time, for reading
    through the sort order or a filter's actors. A way that is not ``walkable`` has matches that
    bunch up in sort order (names that contain "โรงเรียน" mostly begin with it): only a bounded
    stretch of the sort order is ever searched for them."""

    workspace: Workspace
    found: Q
    tested: Q
    walkable: bool
    aliases: dict[str, Any] = field(default_factory=dict)
    found_in_order: bool = False  # ``found`` is a range of the workspace's name index
    found_in_workspace: bool = False  # ``found`` only finds actors of the workspace
    name_test: Callable[[str, str], bool] | None = None  # the match, on (name key, kind)
    # At least as many rows as ``few()``, read without looking at the actors (index only).
    upper_bound: QuerySet[Any] | None = None

    def probe(self) -> QuerySet[Any]:
        return self.few() if self.upper_bound is None else self.upper_bound

    def few(self) -> QuerySet[Actor]:
        if self.found_in_workspace:
            return Actor.objects.filter(self.found)
        # Names are hidden from PostgreSQL's planner too (see in_workspace).
        workspace = in_workspace(
            self.workspace, self.found_in_order, on_postgresql=self.name_test is not None
        )
        return Actor.objects.filter(self.found, workspace)

    def read(self, filters: Filters, walk: bool = False) -> QuerySet[Actor]:
        """Tested on the actors the filters lead to, or (``walk``) in sort order."""
        actors = Actor.objects.alias(**self.aliases).filter(self.tested)
        workspace = in_workspace(self.workspace, indexed=walk or not filters.leading)
        return actors.filter(workspace, filters.q)

    def first_of_stretch(self, filters: Filters, order: tuple[str, ...], count: int) -> list[int]:
        """Ids of the first ``count`` matches if they lie among the first WALK_STRETCH actors of
        the sort order; fewer ids otherwise. The stretch is read as it is and tested here:
        a planner given the test would rather read every match and sort them."""
        assert self.name_test is not None
        stretch = Actor.objects.filter(workspace=self.workspace).filter(filters.q)
        rows = stretch.order_by(*order).values_list("id", "name_key", "kind")[:WALK_STRETCH]
        return [id_ for id_, key, kind in rows if self.name_test(key, kind)][:count]


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
        return (terms.key in key and (kind == Kind.PERSON or terms.key == terms.plain)) or (
            terms.plain in key
        )

    def by_name(self) -> Way:
        terms = self.terms
        matches = text_q("name_key", terms.key, terms.short)
        if terms.key != terms.plain:  # a title in the query only counts for people
            plain = text_q("name_key", terms.plain, terms.short)
            matches = (matches & Q(kind=Kind.PERSON)) | plain
        if terms.short:
            return Way(self.workspace, matches, matches, walkable=False, found_in_order=True)
        found = matches
        if on_sqlite():
            found = Q(id__in=fts_ids(SEARCH_TABLE, terms.key))
            if terms.key != terms.plain:  # the index found the title-less form; test the rest
                found &= Q(kind=Kind.PERSON) | Q(name_key__contains=terms.plain)
        return Way(self.workspace, found, matches, walkable=False, name_test=self.name_matches)

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
        return Way(
            self.workspace,
            Q(organization_id__in=organizations),
            Q(organization_unindexed__in=organizations),
            # PostgreSQL cannot tell how many people organizations have, and rather than walk
            # the sort order it reads the whole workspace.
            walkable=on_sqlite(),
            aliases={"organization_unindexed": unindexed},
            found_in_workspace=True,
            upper_bound=Actor.objects.filter(organization_id__in=organizations).values(
                "organization_id"
            ),
        )

    def by_issue(self) -> Way:
        links = ActorTag.objects.filter(tag_id__in=self.tag_ids)
        found = Q(id__in=links.values("actor_id"))
        tested = Q(Exists(links.filter(actor_id=OuterRef("id"))))
        return Way(self.workspace, found, tested, walkable=True, upper_bound=links)

    def ways(self) -> list[Way]:
        if self.terms.short:  # too short to look up in organizations' names and issues
            return [self.by_name()]
        # The cheapest to find many first: then the others need not be counted.
        issue = [self.by_issue()] if self.tag_ids else []
        return [self.by_name(), *issue, self.by_organization()]


@dataclass
class Found:
    """What one way found: the ids of all its matches when they are few (read once: counted,
    merged and sorted from them), else how to walk to the first ones."""

    way: Way
    ids: list[int] | None  # None: more than the limit it was read with
    walk: QuerySet[Actor]


def among(ids: Any) -> Q:
    """Actors whose id is in a list read earlier. PostgreSQL gets one array, not a parameter
    per id (planning ``IN`` with thousands of values costs more than the query)."""
    if on_sqlite():
        return Q(id__in=list(ids))
    return Q(id__in=RawSQL("SELECT unnest(%s::bigint[])", [list(ids)]))


def ids_or_more(queryset: QuerySet[Actor], limit: int) -> list[int] | None:
    """The ids, or None when there are more than ``limit`` (read no further). PostgreSQL
    needs its SSD cost setting (config/settings.py) for this LIMIT: with the default it
    expects to stop early and scans the table instead of looking up the people of the
    matching organizations."""
    ids = queryset.order_by().values_list("id", flat=True)
    found = list(ids[: limit + 1])
    return None if len(found) > limit else found


def find(way: Way, filters: Filters, limit: int) -> Found:
    """The way's matches under the filters, read whole if at most ``limit``. They are read
    where the fewest rows are: through the way's own index when it finds few (or the filters
    leave many), else the actors of a selective filter, each tested."""
    matches = way.few()
    if filters.q:
        many = more_than_limit(way.probe())
        read = many and (filters.leading or (filters.selective and way.walkable))
        matches = way.read(filters) if read else matches.filter(filters.q)
    walk = way.read(filters, walk=True) if way.walkable else matches
    return Found(way, ids_or_more(matches, limit), walk)


def first_ids(found: Found, filters: Filters, order: tuple[str, ...], end: int) -> Any:
    """Ids of a way with many matches among which are its first ``end`` in sort order."""
    way, walk = found.way, found.walk
    if way.name_test is not None:
        # Many names, maybe bunched: look in the first stretch of the sort order, and read them
        # all (through the search index) only if the page is not there.
        ids = way.first_of_stretch(filters, order, end)
        if len(ids) == end:
            return Actor.objects.filter(among(ids)).order_by().values("id")
    firsts = walk.order_by(*order).values("id")[:end]
    return Actor.objects.filter(id__in=firsts).order_by().values("id")
