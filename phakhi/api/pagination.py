"""Page-numbered lists: ``?page=1&page_size=25`` in, ``items`` with ``total`` and ``pages`` out."""

from dataclasses import dataclass
from math import ceil
from typing import Annotated, Any

from django.db.models import QuerySet
from ninja import Query, Schema
from pydantic import Field

DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 200


class PageQuery(Schema):
    page: Annotated[int, Field(ge=1, le=1_000_000, description="1 for the first page")] = 1
    page_size: Annotated[int, Field(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE


PageParams = Query[PageQuery]


class PageMeta(Schema):
    total: int = Field(description="how many items match (all pages)")
    total_exact: bool = Field(
        True, description="false when a very large total was counted only up to `total`"
    )
    page: int
    page_size: int
    pages: int


@dataclass
class Page:
    items: list[Any]
    meta: dict[str, Any]


def page_meta(total: int, page: int, page_size: int, *, exact: bool = True) -> dict[str, Any]:
    return {
        "total": total,
        "total_exact": exact,
        "page": page,
        "page_size": page_size,
        "pages": max(1, ceil(total / page_size)),
    }


def paginate(queryset: QuerySet[Any], params: PageQuery) -> Page:
    """One page of an ordered queryset and its counts (two queries)."""
    total = queryset.count()
    start = (params.page - 1) * params.page_size
    items = list(queryset[start : start + params.page_size]) if start < total else []
    return Page(items, page_meta(total, params.page, params.page_size))
