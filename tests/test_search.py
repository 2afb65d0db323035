"""The directory search: Thai names found however they are typed, through organizations and
issues, filtered, sorted and paged, and never across workspaces."""

import datetime as dt
from typing import Any

import pytest
from django.db import connection

from phakhi.actors import search, search_plan
from phakhi.actors.models import Actor, Tag
from phakhi.actors.search import actor_matches, actor_search
from phakhi.actors.selectors import provinces_present, tags_of
from phakhi.actors.services import actor_create, actor_update
from phakhi.networks.services import membership_set, network_create


def names(page: search.SearchPage) -> list[str]:
    return [actor.name for actor in page.rows]


def found(workspace: Any, query: str, **filters: Any) -> set[str]:
    return set(names(actor_search(workspace, query, page_size=100, **filters)))


def every_page(workspace: Any, query: str, sort: str, **filters: Any) -> list[int]:
    pages = actor_search(workspace, query, sort=sort, page_size=2, **filters).pages
    return [
        actor.pk
        for number in range(1, pages + 1)
        for actor in actor_search(
            workspace, query, sort=sort, page=number, page_size=2, **filters
        ).rows
    ]


@pytest.fixture
def directory(data: dict[str, Any], author: Any) -> dict[str, Any]:
    """The shared data plus people, groups and a second organization in other provinces."""
    workspace = data["workspace"]
    extra = {
        "school": actor_create(
            author,
            workspace,
            key="org-2",
            name="โรงเรียนบ้านหนองบัว",
            kind="organization",
            sector="academic",
            province="ขอนแก่น",
        ),
        "teacher": actor_create(
            author,
            workspace,
            key="p-3",
            name="ผศ.ดร. สมศักดิ์ รักเรียน",
            organization="org-2",
            sector="academic",
            province="ขอนแก่น",
            tags="การศึกษา",
        ),
        "shop": actor_create(
            author,
            workspace,
            key="org-3",
            name="ร้านสมศักดิ์การช่าง",
            kind="organization",
            sector="civil",
            province="กรุงเทพมหานคร",
        ),
        "village": actor_create(
            author,
            workspace,
            key="g-1",
            name="กลุ่มออมทรัพย์หมู่ ๓",
            kind="group",
            sector="civil",
            province="ขอนแก่น",
            tags="สุขภาพ; การศึกษา",
        ),
    }
    return {**data, **extra}


def test_a_name_is_found_with_or_without_title_and_spaces(directory):
    workspace = directory["workspace"]
    for query in ("สมชาย", "นายสมชาย", "สมชาย ใจดี", "นาย สมชาย  ใจดี", "ใจดี", "ชายใจ"):
        assert "นายสมชาย ใจดี" in found(workspace, query), query
    assert "ผศ.ดร. สมศักดิ์ รักเรียน" in found(workspace, "ดร.สมศักดิ์")


def test_a_title_in_the_query_only_counts_for_people(directory):
    workspace = directory["workspace"]
    results = found(workspace, "นายสมศักดิ์")
    assert "ผศ.ดร. สมศักดิ์ รักเรียน" in results  # a person: the title is not part of the name
    assert "ร้านสมศักดิ์การช่าง" not in results  # an organization's name has no title
    assert "ร้านสมศักดิ์การช่าง" in found(workspace, "สมศักดิ์")


def test_thai_and_arabic_digits_match_each_other(directory):
    workspace = directory["workspace"]
    assert found(workspace, "หมู่ 3") == {"กลุ่มออมทรัพย์หมู่ ๓"}
    assert found(workspace, "หมู่๓") == {"กลุ่มออมทรัพย์หมู่ ๓"}


def test_people_of_a_matching_organization_are_found(directory):
    workspace = directory["workspace"]
    assert found(workspace, "เพื่อนชุมชน") == {"มูลนิธิเพื่อนชุมชน", "นายสมชาย ใจดี"}
    assert found(workspace, "หนองบัว") == {"โรงเรียนบ้านหนองบัว", "ผศ.ดร. สมศักดิ์ รักเรียน"}


def test_actors_with_a_matching_issue_are_found(directory):
    workspace = directory["workspace"]
    assert found(workspace, "สุขภาพ") == {"นายสมชาย ใจดี", "กลุ่มออมทรัพย์หมู่ ๓"}
    assert found(workspace, "ศึกษา") == {"ผศ.ดร. สมศักดิ์ รักเรียน", "กลุ่มออมทรัพย์หมู่ ๓"}


def test_short_queries_match_the_start_of_names(directory):
    workspace = directory["workspace"]
    assert found(workspace, "สม") == {
        "นายสมชาย ใจดี",
        "นางสาวสมศรี มีสุข",
        "ผศ.ดร. สมศักดิ์ รักเรียน",
    }
    assert found(workspace, "ใจ") == set()  # the middle of a name needs three characters
    assert found(workspace, "ร") == {"ร้านสมศักดิ์การช่าง"}


def test_queries_that_match_nothing_or_are_empty(directory):
    workspace = directory["workspace"]
    assert found(workspace, "xyzq") == set()
    assert found(workspace, 'a"b OR c') == set()  # search-index syntax is taken literally
    everyone = actor_search(workspace, "   ", page_size=100)
    assert everyone.total == Actor.objects.filter(workspace=workspace).count() == 7
    assert not everyone.more


def test_filters_combine(directory):
    workspace, network = directory["workspace"], directory["network"]
    assert found(workspace, "", kind="group") == {"กลุ่มออมทรัพย์หมู่ ๓"}
    assert found(workspace, "", sector="academic") == {
        "โรงเรียนบ้านหนองบัว",
        "ผศ.ดร. สมศักดิ์ รักเรียน",
    }
    assert found(workspace, "", province="40", kind="person") == {"ผศ.ดร. สมศักดิ์ รักเรียน"}
    assert found(workspace, "", network=network.id) == {"นายสมชาย ใจดี"}
    education = Tag.objects.get(workspace=workspace, name="การศึกษา")
    assert found(workspace, "", tag=education.id, kind="group") == {"กลุ่มออมทรัพย์หมู่ ๓"}
    assert found(workspace, "สม", sector="academic") == {"ผศ.ดร. สมศักดิ์ รักเรียน"}
    assert found(workspace, "สมศักดิ์", province="10") == {"ร้านสมศักดิ์การช่าง"}
    assert found(workspace, "หนองบัว", kind="organization", sector="civil") == set()


def test_sort_orders(directory, author):
    workspace = directory["workspace"]
    by_name = names(actor_search(workspace, "", page_size=100))
    # By name without the title: ก… before ม… before ร… before ส…
    assert by_name[:2] == ["กลุ่มออมทรัพย์หมู่ ๓", "มูลนิธิเพื่อนชุมชน"]
    assert by_name.index("นายสมชาย ใจดี") < by_name.index("นางสาวสมศรี มีสุข")
    kinds = [a.kind for a in actor_search(workspace, "", sort="kind", page_size=100).rows]
    assert kinds == sorted(kinds)
    sectors = [a.sector for a in actor_search(workspace, "", sort="sector", page_size=100).rows]
    assert sectors == sorted(sectors)
    codes = [a.province_code for a in actor_search(workspace, "", sort="province").rows]
    assert codes == sorted(codes)
    actor_update(author, directory["third"], subsector="ชุมชน")
    assert actor_search(workspace, "", sort="updated").rows[0] == directory["third"]
    with pytest.raises(ValueError):
        actor_search(workspace, "", sort="shoe size")


def test_pages_follow_the_databases_own_order(directory, author):
    """Counted matches are sorted in Python from the columns read with them: every page must
    be in the order the database gives, for names with leading vowels, Latin letters and
    digits, and for times with and without fractions of a second."""
    workspace = directory["workspace"]
    for key, name in enumerate(["เสือป่า", "Somchai", "สมชัย 2", "สมชัย 10", "แสงสมใจ", "ẞ สม"]):
        actor_create(author, workspace, key=f"s-{key}", name=name)
    stamp = dt.datetime(2025, 1, 1, 12, tzinfo=dt.UTC)
    for offset, actor in enumerate(Actor.objects.filter(workspace=workspace).order_by("id")):
        when = stamp + dt.timedelta(microseconds=[0, 5, 500_000, 1][offset % 4], days=offset // 4)
        Actor.objects.filter(pk=actor.pk).update(updated_at=when)
    for query in ("", "สม", "สมชั", "s"):
        for sort, order in search.SORTS.items():
            ordered = actor_matches(workspace, query).order_by(*order)
            assert every_page(workspace, query, sort) == [a.pk for a in ordered], (query, sort)


@pytest.mark.django_db
def test_names_compare_in_code_point_order_on_postgresql():
    """What ``test_pages_follow_the_databases_own_order`` needs of a database whose locale is
    not C: the name column's own collation."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite compares text by code point always")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT collation_name FROM information_schema.columns "
            "WHERE table_name = 'actors_actor' AND column_name = 'name_key'"
        )
        assert cursor.fetchone() == ("C",)


def test_pages(directory):
    workspace = directory["workspace"]
    first = actor_search(workspace, "", page_size=3)
    assert (first.total, first.pages, first.page) == (7, 3, 1)
    assert (first.first_index, first.last_index) == (1, 3)
    assert first.has_next and not first.has_previous
    last = actor_search(workspace, "", page=99, page_size=3)  # past the end: the last page
    assert (last.page, len(last.rows), last.first_index) == (3, 1, 7)
    every = [a for p in (1, 2, 3) for a in actor_search(workspace, "", page=p, page_size=3).rows]
    assert len(set(every)) == 7
    assert names(actor_search(workspace, "xyzq")) == []
    assert actor_search(workspace, "xyzq").pages == 1


def test_results_never_include_another_workspace(directory, other_workspace, author):
    workspace = directory["workspace"]
    actor_create(author, other_workspace, key="o-org", name="มูลนิธิเพื่อนชุมชน", kind="organization")
    actor_create(
        author, other_workspace, key="o-1", name="นายสมชาย ใจดี", organization="o-org", tags="สุขภาพ"
    )
    actor_create(author, other_workspace, key="o-2", name="สมหญิง หนองบัว", tags="การศึกษา")
    for query in ("", "สมชาย", "สม", "เพื่อนชุมชน", "สุขภาพ", "หนองบัว", "การศึกษา"):
        for page in (actor_search(workspace, query, page_size=100),):
            assert all(a.workspace_id == workspace.id for a in page.rows), query
        assert all(a.workspace_id == workspace.id for a in actor_matches(workspace, query))
    assert found(other_workspace, "เพื่อนชุมชน") == {"มูลนิธิเพื่อนชุมชน", "นายสมชาย ใจดี"}


@pytest.mark.parametrize(
    ("limit", "walk", "whole"),
    [
        (1, (2, 3), 2_000),
        (2, (2, 3), 2_000),
        (1, (50, 50), 1),
        (2, (4, 50), 1),
        (10_000, (2, 3), 1),
        (10_000, (50, 50), 1),
    ],
)
def test_broad_queries_give_the_same_rows_counted_as_more(
    directory, author, monkeypatch, limit, walk, whole
):
    """With the count limit lowered, every query takes the plan for broad queries: a walk of
    the sort order, a page found in it or (when the walk is too short) each way's first rows.
    It must find what the narrow plan finds, page after page."""
    workspace = directory["workspace"]
    # Two people of the school: more than one match through the organization's name.
    actor_create(author, workspace, key="p-4", name="นางวันดี ศรีสุข", organization="org-2")
    queries = ["สม", "สมศักดิ์", "สุขภาพ", "หนองบัว", "ศึกษา", "เพื่อนชุมชน", ""]
    sorts = ["name", "kind", "updated"]
    education = Tag.objects.get(workspace=workspace, name="การศึกษา").pk
    filters = [{}, {"province": "40"}, {"tag": education, "kind": "person"}]
    expected = {
        (q, s, i): every_page(workspace, q, s, **f)
        for q in queries
        for s in sorts
        for i, f in enumerate(filters)
    }
    monkeypatch.setattr(search_plan, "COUNT_LIMIT", limit)
    monkeypatch.setattr(search_plan, "WALK_FIRST", walk[0])
    monkeypatch.setattr(search_plan, "WALK_MOST", walk[1])
    monkeypatch.setattr(search_plan, "READ_WHOLE", whole)
    for (query, sort, i), pks in expected.items():
        kwargs = {"sort": sort, "page_size": 2, **filters[i]}
        first = actor_search(workspace, query, **kwargs)
        # Counted exactly, or (when one way alone finds more) cut at the limit.
        assert (first.total, first.more) in {(len(pks), False), (limit, True)}, query
        pages = [actor_search(workspace, query, page=p, **kwargs) for p in (1, 2)]
        walked = [a.pk for page in pages[: first.pages] for a in page.rows]
        assert walked == pks[: 2 * min(2, first.pages)], (query, sort, filters[i])
    monkeypatch.setattr(search_plan, "COUNT_LIMIT", 1)
    assert found(workspace, "สุขภาพ", kind="group") == {"กลุ่มออมทรัพย์หมู่ ๓"}


def test_every_page_can_be_read_when_more_match_than_were_counted(directory, monkeypatch):
    """Past the counted pages the search walks on, so that a client can page through every
    actor; past them all, a page is empty, and the last full page says there may be another."""
    workspace = directory["workspace"]
    for query in ("", "สม"):
        everyone = every_page(workspace, query, "name")
        monkeypatch.setattr(search_plan, "COUNT_LIMIT", 1)
        pages = [actor_search(workspace, query, page=n, page_size=2) for n in range(1, 9)]
        assert [a.pk for p in pages for a in p.rows] == everyone, query
        assert all(p.more and p.page == n for n, p in enumerate(pages, start=1))
        last = (len(everyone) + 1) // 2
        assert pages[last - 1].rows and not pages[last].rows
        assert all(p.pages >= p.page for p in pages)
        monkeypatch.undo()


def test_matches_for_an_export_are_every_result(directory):
    workspace = directory["workspace"]
    for query, filters in [
        ("สม", {}),
        ("สุขภาพ", {}),
        ("", {"province": "40"}),
        ("ศึกษา", {"kind": "person"}),
    ]:
        every = set(actor_matches(workspace, query, **filters))
        assert {a for a in actor_search(workspace, query, page_size=100, **filters).rows} == every


def test_a_renamed_or_deleted_actor_is_found_by_its_new_name_only(directory, author):
    workspace, shop = directory["workspace"], directory["shop"]
    actor_update(author, shop, name="ร้านประเสริฐยนต์")
    assert found(workspace, "ประเสริฐ") == {"ร้านประเสริฐยนต์"}
    assert found(workspace, "การช่าง") == set()
    shop.delete()
    assert found(workspace, "ประเสริฐ") == set()


def test_filter_choices(directory, author):
    workspace = directory["workspace"]
    assert provinces_present(workspace) == ["10", "40", "50"]
    assert [t.name for t in tags_of(workspace)] == ["การศึกษา", "สุขภาพ"]
    network = network_create(author, workspace, slug="edu", name="เครือข่ายการศึกษา")
    membership_set(author, network, directory["teacher"], since=dt.date(2024, 1, 1))
    assert found(workspace, "", network=network.id) == {"ผศ.ดร. สมศักดิ์ รักเรียน"}
