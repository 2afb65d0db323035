"""Thai dictionary order (issue 12, item 10): names, provinces and networks sort as a Thai
dictionary does, leading vowels (เ แ โ ใ ไ) set aside, so เชียงใหม่ comes under ช and not after
every name that begins with a consonant. On SQLite and PostgreSQL."""

import csv
import importlib
import io
import random
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation
from pythainlp.util import collate

from phakhi.actors.models import Actor
from phakhi.actors.search import actor_search
from phakhi.actors.services import actor_create, actor_update
from phakhi.core.models import Workspace
from phakhi.core.thai import sort_key
from phakhi.imports.merge import actors_merge
from phakhi.imports.services import actors_import
from phakhi.networks.selectors import memberships_of, networks_by_name
from phakhi.networks.services import membership_set, network_create
from phakhi.web.forms import province_options
from tests.accounts_support import client_for, user_with_role
from tests.conftest import AUTHOR
from tests.helpers import write_csv

# In the order of the Royal Institute's dictionary, written out by hand: consonants before
# vowels after the first letter (กมล, กรุณา before เกศินี), a leading vowel read after its
# consonant (เกศินี under ก, เชียงใหม่ under ช), ะ before แ (พะเยา, แพร่), ำ before เ
# (ลำปาง, เลย), tone marks only breaking ties.
DICTIONARY = [
    "กมล",
    "กรุณา",
    "เกศินี",
    "ไกรสร",
    "ขวัญใจ",
    "ชนะ",
    "เชียงใหม่",
    "นงลักษณ์",
    "น่าน",
    "พะเยา",
    "แพร่",
    "ลำปาง",
    "เลย",
    "สมชาย",
    "สมศรี",
    "หนองคาย",
    "โอภาส",
]


def shuffled(names: list[str]) -> list[str]:
    mixed = list(names)
    random.Random(12).shuffle(mixed)
    return mixed


def test_the_sort_key_orders_as_the_dictionary_and_as_pythainlp():
    assert sorted(DICTIONARY) != DICTIONARY  # code-point order puts เชียงใหม่ … last
    assert sorted(shuffled(DICTIONARY), key=sort_key) == DICTIONARY
    assert collate(shuffled(DICTIONARY)) == DICTIONARY


def _actors(workspace: Workspace, names: list[str], **fields: Any) -> None:
    for number, name in enumerate(shuffled(names)):
        # A title in front of a person's name is set aside in the order, as in the search.
        written = f"นาย{name}" if number % 3 == 0 else name
        actor_create(AUTHOR, workspace, key=f"a{number}", name=written, **fields)


def _order(workspace: Workspace, query: str = "", **options: Any) -> list[str]:
    rows = actor_search(workspace, query, page_size=100, **options).rows
    return [actor.name.removeprefix("นาย") for actor in rows]


@pytest.mark.django_db
def test_the_directory_lists_names_in_dictionary_order(workspace):
    _actors(workspace, DICTIONARY, tags="สุขภาพชุมชน", sector="civil")
    assert _order(workspace) == DICTIONARY
    # Counted matches (every actor shares the issue) are sorted in Python, by the same key.
    assert _order(workspace, "สุขภาพชุมชน") == DICTIONARY
    assert _order(workspace, "", sort="sector") == DICTIONARY
    # Page by page, as a walk of the sort order reads them.
    pages = actor_search(workspace, "", page_size=4).pages
    walked = [
        actor.name.removeprefix("นาย")
        for page in range(1, pages + 1)
        for actor in actor_search(workspace, "", page=page, page_size=4).rows
    ]
    assert walked == DICTIONARY


@pytest.mark.django_db
def test_a_renamed_actor_moves_to_its_new_place(workspace):
    _actors(workspace, ["กมล", "ชนะ", "สมชาย"])
    renamed = Actor.objects.get(name="ชนะ")
    actor_update(AUTHOR, renamed, name="เชียงใหม่")
    assert _order(workspace) == ["กมล", "เชียงใหม่", "สมชาย"]
    actor_update(AUTHOR, renamed, name="ไกรสร")
    assert _order(workspace) == ["กมล", "ไกรสร", "สมชาย"]


@pytest.mark.django_db
def test_imported_and_reimported_actors_sort_in_dictionary_order(workspace, tmp_path: Path):
    rows = [[f"k{n}", name] for n, name in enumerate(shuffled(DICTIONARY))]
    actors_import(workspace, write_csv(tmp_path / "a.csv", [["key", "name"], *rows]), author=AUTHOR)
    assert _order(workspace) == DICTIONARY
    # The update path: every name changed to another of the list (k0 takes k1's name …).
    renamed = [[key, rows[(n + 1) % len(rows)][1]] for n, (key, _name) in enumerate(rows)]
    actors_import(
        workspace, write_csv(tmp_path / "b.csv", [["key", "name"], *renamed]), author=AUTHOR
    )
    assert _order(workspace) == DICTIONARY
    keys = dict(Actor.objects.values_list("name", "key"))
    assert keys[DICTIONARY[0]] == renamed[[r[1] for r in renamed].index(DICTIONARY[0])][0]


@pytest.mark.django_db
def test_a_merge_keeps_the_sort_key_of_the_name_kept(workspace):
    kept = actor_create(AUTHOR, workspace, key="a", name="เลย")
    other = actor_create(AUTHOR, workspace, key="b", name="แพร่")
    actors_merge(AUTHOR, kept, other, fields={"name": "merged"})
    kept.refresh_from_db()
    assert (kept.name, kept.sort_key) == ("แพร่", sort_key("แพร่"))


@pytest.mark.django_db
def test_the_migration_fills_the_key_of_actors_stored_before_it(workspace, monkeypatch):
    _actors(workspace, DICTIONARY)
    Actor.objects.update(sort_key="")
    migration = importlib.import_module("phakhi.actors.migrations.0007_sort_key")
    monkeypatch.setattr(migration, "BATCH", 5)  # several batches
    migration.fill(None, SimpleNamespace(connection=connection))
    assert _order(workspace) == DICTIONARY


@pytest.mark.django_db
def test_sort_keys_compare_in_code_point_order_on_postgresql():
    """The order Python sorts counted matches in (search_plan.in_order) is the database's."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite compares text by code point always")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT collation_name FROM information_schema.columns "
            "WHERE table_name = 'actors_actor' AND column_name = 'sort_key'"
        )
        assert cursor.fetchone() == ("C",)


PROVINCES = ["กระบี่", "เชียงใหม่", "น่าน", "แพร่", "เลย", "สงขลา"]


@pytest.mark.django_db
def test_province_and_network_choices_are_in_dictionary_order(workspace):
    for number, province in enumerate(shuffled(PROVINCES)):
        actor_create(AUTHOR, workspace, key=f"p{number}", name=f"ภาคี{number}", province=province)
    names = ["เครือข่ายเลย", "เครือข่ายกระบี่", "ไทยสร้างสรรค์", "ชุมชนเข้มแข็ง"]
    for number, name in enumerate(shuffled(names)):
        network_create(AUTHOR, workspace, slug=f"n{number}", name=name)
    with translation.override("th"):
        assert [name for _code, name in province_options(workspace)] == PROVINCES
    assert [n.name for n in networks_by_name(workspace)] == [
        "เครือข่ายกระบี่",
        "เครือข่ายเลย",
        "ชุมชนเข้มแข็ง",
        "ไทยสร้างสรรค์",
    ]


@pytest.mark.django_db
def test_exports_list_actors_in_dictionary_order_with_their_issues(workspace):
    for number, name in enumerate(shuffled(DICTIONARY)):
        actor_create(AUTHOR, workspace, key=f"a{number}", name=name, tags=f"ประเด็น{name}")
    client = client_for(user_with_role(workspace, "coordinator"))
    url = reverse("web:directory-export", kwargs={"workspace": workspace.slug})
    response = client.get(url, {"format": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [row["name"] for row in rows] == DICTIONARY
    # Each actor's issue travels with it in that order too.
    assert [row["tags"] for row in rows] == [f"ประเด็น{name}" for name in DICTIONARY]


@pytest.mark.django_db
def test_a_networks_members_are_listed_in_dictionary_order(workspace):
    network = network_create(AUTHOR, workspace, slug="n", name="เครือข่าย")
    for number, name in enumerate(shuffled(DICTIONARY)):
        actor = actor_create(AUTHOR, workspace, key=f"a{number}", name=name)
        membership_set(AUTHOR, network, actor)
    assert [m.actor.name for m in memberships_of(network)] == DICTIONARY


def test_the_issue_choices_of_the_directory_and_the_map_are_in_dictionary_order(workspace):
    tags = ["เกษตร", "ไฟป่า", "สุขภาพ", "การศึกษา"]
    actor_create(AUTHOR, workspace, key="t1", name="ภาคี", tags="; ".join(shuffled(tags)))
    client = client_for(user_with_role(workspace, "viewer"))
    expected = ["การศึกษา", "เกษตร", "ไฟป่า", "สุขภาพ"]
    for page in ("web:directory", "web:map"):
        html = client.get(reverse(page, args=[workspace.slug])).content.decode()
        select = html[html.index('name="tag"') :]
        select = select[: select.index("</select>")]
        shown = [tag for tag in tags if tag in select]
        assert sorted(shown, key=select.index) == expected, page
