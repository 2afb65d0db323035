"""The home page leads somewhere: its networks, brokers, hubs and recent changes link to their
pages; recent changes can leave out bulk work run on the command line; the tie count says what it
counts (ties in force today, every level), as the map's count differs when ties have ended."""

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone

from phakhi.actors.models import Actor
from phakhi.actors.services import actor_create
from phakhi.analysis.services import analysis_request
from phakhi.core.audit import Author
from phakhi.ties.services import tie_create, tie_end
from tests.accounts_support import client_for, user_with_role


def _home(client, workspace, query: str = "") -> str:
    url = reverse("web:home", kwargs={"workspace": workspace.slug}) + query
    response = client.get(url, headers={"Accept-Language": "en"})
    assert response.status_code == 200
    return response.content.decode()


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _link(workspace, name: str, **kwargs) -> str:
    return reverse(f"web:{name}", kwargs={"workspace": workspace.slug, **kwargs})


def test_networks_brokers_hubs_and_changes_link_to_their_pages(workspace, author, data):
    hub = actor_create(author, workspace, key="hub", name="นายกลาง เชื่อม")
    for i in range(3):
        leaf = actor_create(author, workspace, key=f"leaf-{i}", name=f"ภาคี {i}")
        tie_create(author, workspace, hub, leaf, strength=2)
    analysis_request(author, workspace, at=timezone.localdate())
    html = _home(client_for(user_with_role(workspace, "viewer")), workspace)

    network = _link(workspace, "network", slug=data["network"].slug)
    assert f'<a href="{network}">เครือข่ายสุขภาพ</a>' in html
    hub_page = _link(workspace, "actor", pk=hub.pk)
    assert html.count(f'<a href="{hub_page}">นายกลาง เชื่อม</a>') >= 3  # cut point, broker, hub
    assert f'<a href="{hub_page}">created actor “นายกลาง เชื่อม”</a>' in html
    tie_change = re.search(rf'<a href="{hub_page}">created tie “นายกลาง เชื่อม — ภาคี 2”</a>', html)
    assert tie_change, "a tie's change leads to its actor's page"


def test_a_change_to_something_gone_is_not_a_link(workspace, author):
    actor = actor_create(author, workspace, key="gone", name="ภาคีที่ลบ")
    Actor.objects.filter(pk=actor.pk).delete()  # as the admin site deletes it
    html = _home(client_for(user_with_role(workspace, "viewer")), workspace)
    assert "created actor “ภาคีที่ลบ”" in _text(html)
    assert f'href="{_link(workspace, "actor", pk=actor.pk)}"' not in html


def test_recent_changes_can_leave_out_command_line_work(workspace, author):
    command_line = Author("cli:somchai")
    for i in range(20):
        actor_create(command_line, workspace, key=f"bulk-{i}", name=f"นำเข้า {i}")
    actor_create(author, workspace, key="by-hand", name="ภาคีที่เพิ่มเอง")
    client = client_for(user_with_role(workspace, "viewer"))

    everything = _text(_home(client, workspace))
    assert "somchai (command line)" in everything
    assert "ภาคีที่เพิ่มเอง" in everything and "Hide changes made on the command line" in everything

    html = _home(client, workspace, "?changes=without-command-line")
    people_only = _text(html)
    assert "command line" in people_only and "(command line) created" not in people_only
    assert "created actor “ภาคีที่เพิ่มเอง”" in people_only
    assert "นำเข้า" not in people_only.split("Recent changes")[1]
    assert f'href="{_link(workspace, "home")}">Show them too' in html


def test_the_tie_count_says_it_counts_ties_in_force_today(workspace, author):
    a, b, c = (actor_create(author, workspace, key=k, name=k) for k in "abc")
    tie_create(author, workspace, a, b, strength=1)
    ended = tie_create(author, workspace, b, c, strength=4, since=dt.date(2020, 1, 1))
    tie_end(author, ended, dt.date(2021, 1, 1))
    text = _text(_home(client_for(user_with_role(workspace, "viewer")), workspace))
    assert "1 ties in force today" in text
    assert "at every level, as the map shows them unless its minimum level is raised" in text
    assert "1 tie ended or not begun yet is not counted" in text


def test_the_map_says_which_ties_it_counts(workspace):
    client = client_for(user_with_role(workspace, "viewer"))
    url = reverse("web:map", kwargs={"workspace": workspace.slug})
    html = client.get(url, headers={"Accept-Language": "en"}).content.decode()
    assert "the ties in force today at the minimum level chosen above" in _text(html)
