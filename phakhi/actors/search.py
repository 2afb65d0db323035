"""The directory search (ทำเนียบภาคี): Thai substring search over actors, with filters, sorting
and pages, fast on a workspace of 600,000 actors.

An actor matches a query when its name contains it, when the name of its organization (or group)
does, or when one of its issues (tags) does. Query and names are compared in the form
``phakhi.core.thai.name_key`` gives them: no spaces, Thai digits as Arabic, lower case, and no
title in front of a person's name, so "สมชาย ใจดี", "นายสมชาย" and "สมชาย" all find
"นายสมชาย ใจดี". A query of one or two characters matches the start of names only: a substring
index needs three characters.

Substrings are looked up in an index (migration 0002): SQLite's FTS5 trigram tables, PostgreSQL's
pg_trgm GIN indexes. Each way of matching (name, organization, issue) is queried on its own as a
plain AND query, and the ways are merged: the count is the size of their union, a page comes
from the union of each way's first rows. Neither database can tell how many rows a substring
matches (and SQLite keeps no statistics), so the plan is chosen here from counts capped at
COUNT_LIMIT: a way with few matches is read through its own index and sorted; one with many is
read by walking the sort order (or what a selective filter leaves) and testing each row, which
stops as soon as a page is full. Counts are exact up to COUNT_LIMIT; above it, "more than".
"""

import math
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from phakhi.actors import search_plan as plan
from phakhi.actors.models import Actor, Kind
from phakhi.actors.search_plan import (
    Counted,
    Filters,
    Found,
    SearchTerms,
    among,
    filters_for,
    find,
    first_ids,
    ids_or_more,
    in_order,
    in_workspace,
    walked_first_ids,
)
from phakhi.actors.selectors import actor_by_key
from phakhi.core.models import Workspace

__all__ = [
    "SORTS",
    "SearchPage",
    "SearchTerms",
    "actor_matches",
    "actor_search",
    "actor_suggestions",
    "actors_by_key_or_name",
]

# Names in Thai dictionary order (Actor.sort_key); each order has its index (migration 0007).
SORTS: dict[str, tuple[str, ...]] = {
    "name": ("sort_key", "id"),
    "kind": ("kind", "sort_key", "id"),
    "sector": ("sector", "sort_key", "id"),
    "province": ("province_code", "sort_key", "id"),
    "updated": ("-updated_at", "-id"),
}


@dataclass(frozen=True)
class SearchPage:
    """One page of results. When ``more`` is true, more than ``total`` actors match and they
    were not all counted."""

    rows: list[Actor]
    total: int
    more: bool
    page: int
    pages: int
    page_size: int

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def first_index(self) -> int:
        """1-based position of the first row on the page (0 when there are none)."""
        return (self.page - 1) * self.page_size + 1 if self.rows else 0

    @property
    def last_index(self) -> int:
        return (self.page - 1) * self.page_size + len(self.rows)


def actor_search(
    workspace: Workspace,
    query: str = "",
    *,
    kind: str | None = None,
    sector: str | None = None,
    province: str | None = None,
    network: int | None = None,
    tag: int | None = None,
    sort: str = "name",
    page: int = 1,
    page_size: int = 25,
) -> SearchPage:
    """One page of the workspace's actors that match ``query`` and every filter given.

    ``province`` is a province code, ``network`` and ``tag`` are ids; ``sort`` is one of
    ``SORTS``. A page past the last gives the last page; but when more actors match than were
    counted, every page can be read (one past them all is empty).
    """
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    order = SORTS[sort]
    filters = filters_for(kind, sector, province, network, tag)
    terms = SearchTerms.parse(query)
    if terms is None:
        return _filtered(workspace, filters, order, page, page_size)
    counted, many = _found(workspace, terms, filters, order)
    total, more = (plan.COUNT_LIMIT, True) if many else (len(counted), False)
    page = _within(page, total, more, page_size)
    end = page * page_size
    if many:
        ways = [f.way for f in many]
        firsts = walked_first_ids(workspace, counted, ways, filters.q, order, end)
    else:
        firsts = in_order(counted, order, end)
    if firsts is not None:
        return _page_of(workspace, firsts[end - page_size :], total, more, order, page, page_size)
    # The walk was too short. The ways it was to test are counted after all (read whole when
    # cheap); the first rows of the union are among the first rows of each way.
    for uncounted in [f for f in many if not f.counted]:
        again = find(uncounted.way, filters, plan.READ_WHOLE, order)
        if again.ids is not None:
            counted.update(again.ids)
            many.remove(uncounted)
    leading = [first_ids(f, order, end) for f in many]
    if counted:
        firsts = in_order(counted, order, end)
        leading.append(Actor.objects.filter(among(firsts)).order_by().values("id"))
    merged = leading[0].union(*leading[1:]) if len(leading) > 1 else leading[0]
    matches = Actor.objects.filter(_checked_in(workspace), id__in=merged)
    return _page(matches, total, more, order, page, page_size)


def _filtered(
    workspace: Workspace, filters: Filters, order: tuple[str, ...], page: int, page_size: int
) -> SearchPage:
    """A page of the actors the filters leave, with no query. They are counted by id alone
    (from an index, where one holds the filters' columns and the ids), and their page found by
    a walk of the sort order when they are too many to sort."""
    everyone = Actor.objects.filter(in_workspace(workspace, not filters.leading), filters.q)
    ids = ids_or_more(everyone, plan.COUNT_LIMIT, ())
    if ids is None:  # many: walked in sort order
        walked = Actor.objects.filter(workspace=workspace).filter(filters.q)
        return _page(walked, plan.COUNT_LIMIT, True, order, page, page_size)
    page = _within(page, len(ids), False, page_size)
    end = page * page_size
    if len(ids) > plan.READ_WHOLE:
        # Only the counted are tested: the issue or network they belong to is not read again.
        firsts = walked_first_ids(workspace, ids, [], filters.columns, order, end)
        if firsts is not None:
            on_page = firsts[end - page_size :]
            return _page_of(workspace, on_page, len(ids), False, order, page, page_size)
    matches = Actor.objects.filter(among(ids), _checked_in(workspace))
    return _page(matches, len(ids), False, order, page, page_size)


def _found(
    workspace: Workspace, terms: SearchTerms, filters: Filters, order: tuple[str, ...]
) -> tuple[Counted, list[Found]]:
    """The actors of the ways that were counted, and the ways with more than can be counted."""
    found: list[Found] = []
    limit: int | None = plan.COUNT_LIMIT
    for way in plan.Matching(workspace, terms).ways():
        found.append(find(way, filters, limit, order))
        if found[-1].ids is None and limit is not None:
            # Already more than COUNT_LIMIT: the other ways need no count, only their first
            # rows. Where this way's are spread through the sort order, a walk finds them
            # (testing the others' on the way); else the others are read whole when cheap.
            limit = None if way.spread else plan.READ_WHOLE
    counted: Counted = {}
    for each in found:
        counted.update(each.ids or {})
    return counted, [f for f in found if f.ids is None]


def _checked_in(workspace: Workspace) -> Q:
    """The last guard of isolation: each row of the page is the workspace's."""
    return in_workspace(workspace, indexed=False, on_postgresql=True)


def _pages(total: int, more: bool, page_size: int) -> int:
    """How many pages ``total`` rows fill; when ``more``, at least one more row."""
    return max(1, math.ceil((total + more) / page_size))


def _within(page: int, total: int, more: bool, page_size: int) -> int:
    """The page asked for; past the last, the last — unless there are more rows than were
    counted: those pages are read too (the sort order walked that far), so that a client of the
    API can page through every actor."""
    page = max(1, page)
    return page if more else min(page, _pages(total, more, page_size))


def _page_of(
    workspace: Workspace,
    ids: list[int],
    total: int,
    more: bool,
    order: tuple[str, ...],
    page: int,
    page_size: int,
) -> SearchPage:
    """Page ``page``, whose actors' ids are known."""
    on_page = Actor.objects.filter(among(ids), _checked_in(workspace))
    return _page(on_page, total, more, order, page, page_size, skip=0)


def _page(
    matches: QuerySet[Actor],
    total: int,
    more: bool,
    order: tuple[str, ...],
    page: int,
    page_size: int,
    skip: int | None = None,
) -> SearchPage:
    """The page of ``matches`` in sort order; ``skip``: how many of them come before it (by
    default, the pages before it)."""
    page = _within(page, total, more, page_size)
    start = (page - 1) * page_size if skip is None else skip
    ordered = matches.order_by(*order).select_related("organization").prefetch_related("tags")
    rows = list(ordered[start : start + page_size])
    pages = _pages(total, more, page_size)
    if more:  # at least this page, and one more after a full one
        pages = max(pages, page + (len(rows) == page_size))
    return SearchPage(rows, total, more, page, pages, page_size)


def actor_matches(
    workspace: Workspace,
    query: str = "",
    *,
    kind: str | None = None,
    sector: str | None = None,
    province: str | None = None,
    network: int | None = None,
    tag: int | None = None,
) -> QuerySet[Actor]:
    """Every actor ``actor_search`` finds, uncounted and unsorted (for an export)."""
    filters = filters_for(kind, sector, province, network, tag).q
    everyone = Actor.objects.filter(workspace=workspace)
    terms = SearchTerms.parse(query)
    if terms is None:
        return everyone.filter(filters)
    ways = plan.Matching(workspace, terms).ways()
    ids = [way.few().filter(filters).order_by().values("id") for way in ways]
    return everyone.filter(id__in=ids[0].union(*ids[1:]) if len(ids) > 1 else ids[0])


def actors_by_key_or_name(workspace: Workspace, text: str, limit: int) -> list[Actor]:
    """What a user typed to name one actor: the actor with this key, alone, or else the first
    ``limit`` actors the directory search finds for it (by name)."""
    by_key = actor_by_key(workspace, text)
    if by_key is not None:
        return [by_key]
    return actor_search(workspace, text, page_size=limit).rows


def actor_suggestions(
    workspace: Workspace, text: str, *, organizations: bool = False, limit: int = 10
) -> list[Actor]:
    """The actors a picker suggests for what was typed: the actor with this key first, then
    the directory search's first matches (names, organizations' names, issues), each once;
    with ``organizations``, only organizations and groups."""
    by_key = actor_by_key(workspace, text.strip())
    found = [by_key] if by_key is not None else []
    # A page of people would leave no room for organizations: read more when only they count.
    page = actor_search(workspace, text, page_size=limit * (5 if organizations else 1)).rows
    found += [actor for actor in page if by_key is None or actor.pk != by_key.pk]
    if organizations:
        found = [actor for actor in found if actor.kind != Kind.PERSON]
    return found[:limit]
