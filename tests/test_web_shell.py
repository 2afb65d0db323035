"""The web shell: log-in, the workspace chooser and home page, the layout, the language switch
and Buddhist-era dates."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from phakhi.accounts.services import member_set
from phakhi.actors.services import actor_create
from phakhi.analysis.services import analysis_request
from phakhi.core.models import Workspace
from phakhi.networks.models import Network
from phakhi.ties.services import tie_create
from phakhi.web import context_processors
from phakhi.web.templatetags.phakhi_tags import thai_date, thai_datetime
from tests.accounts_support import AUTHOR, PASSWORD, client_for, user_with_role


def _home(workspace: Workspace) -> str:
    return reverse("web:home", kwargs={"workspace": workspace.slug})


def _html(client: Client, url: str, language: str = "en") -> str:
    response = client.get(url, headers={"Accept-Language": language})
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- log in, chooser ----------------------------------------------------------------------------


def test_log_in_leads_to_the_only_workspace(workspace):
    user_with_role(workspace, "member", "somchai")
    client = Client()
    page = _html(client, reverse("web:login"), "th")
    assert '<html lang="th">' in page  # Thai by default
    assert 'for="id_username"' in page and 'for="id_password"' in page
    response = client.post(reverse("web:login"), {"username": "somchai", "password": PASSWORD})
    assert response.status_code == 302 and response.url == "/"
    assert client.get("/").url == _home(workspace)
    wrong = Client().post(reverse("web:login"), {"username": "somchai", "password": "nope"})
    assert wrong.status_code == 200 and 'role="alert"' in wrong.content.decode()


def test_the_chooser_lists_several_workspaces_and_remembers_the_last(workspace, other_workspace):
    user = user_with_role(workspace, "viewer")
    member_set(AUTHOR, other_workspace, user, "admin")
    client = client_for(user)
    _html(client, _home(other_workspace))
    page = _html(client, "/")
    assert workspace.name in page and other_workspace.name in page
    assert re.search(r'href="/w/other/" aria-describedby="last-used"', page)


def test_a_user_without_a_workspace_is_told_what_to_do(db):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("lonely")
    assert "Ask an admin" in _html(client_for(user), "/")


def test_log_out_is_a_post_and_ends_the_session(workspace):
    client = client_for(user_with_role(workspace, "member"))
    assert client.get(reverse("web:logout")).status_code == 405
    assert client.post(reverse("web:logout")).status_code == 302
    assert client.get(_home(workspace)).status_code == 302  # to the log-in page


# --- the layout ---------------------------------------------------------------------------------


def test_the_layout_has_navigation_switches_and_landmarks(workspace, data):
    html = _html(client_for(user_with_role(workspace, "admin")), _home(workspace))
    assert 'class="skip-link" href="#main"' in html and '<main id="main"' in html
    assert "phakhi/app.css" in html and "phakhi/app.js" in html
    assert f'<a href="{_home(workspace)}" aria-current="page">' in html
    assert 'id="language-switcher"' in html and f'action="{reverse("set_language")}"' in html
    assert reverse("web:people", kwargs={"workspace": workspace.slug}) in html  # admins only
    assert f'action="{reverse("web:logout")}"' in html
    viewer = _html(client_for(user_with_role(workspace, "viewer")), _home(workspace))
    assert reverse("web:people", kwargs={"workspace": workspace.slug}) not in viewer


def test_navigation_links_only_pages_that_exist(workspace, monkeypatch):
    missing = ("web:not-built-yet", "Not built yet", "view")
    monkeypatch.setattr(context_processors, "NAVIGATION", (*context_processors.NAVIGATION, missing))
    html = _html(client_for(user_with_role(workspace, "viewer")), _home(workspace))
    assert "Not built yet" not in html
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)  # type: ignore[union-attr]
    for href in re.findall(r'href="([^"]+)"', nav):
        assert Client().get(href).status_code in (200, 302)  # every link resolves


def test_the_language_switch_keeps_the_page(workspace):
    client = client_for(user_with_role(workspace, "member"))
    response = client.post(reverse("set_language"), {"language": "en", "next": _home(workspace)})
    assert response.status_code == 302 and response.url == _home(workspace)
    assert '<html lang="en">' in _html(client, _home(workspace), "th")  # the choice wins


def test_an_unknown_workspace_gets_a_friendly_404(workspace):
    client = client_for(user_with_role(workspace, "member"))
    response = client.get("/w/nowhere/", headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


# --- the workspace home page --------------------------------------------------------------------


def test_home_shows_counts_sectors_networks_and_recent_changes(workspace, data):
    html = _text(_html(client_for(user_with_role(workspace, "member")), _home(workspace)))
    assert "3 actors" in html and "1 ties in force today" in html and "1 networks" in html
    assert "person: 2" in html and "organization: 1" in html
    assert "people, civil society and private 1 (33%)" in html
    assert "government 1 (33%)" in html and "sector not given 1 (33%)" in html
    assert "เครือข่ายสุขภาพ 1 member" in html
    assert "coordinator created actor “นายสมชาย ใจดี”" in html
    assert "No analysis yet." in html
    assert "Analyse the network" not in html  # members do not run analyses


def test_home_in_thai_shows_buddhist_era_dates(workspace, data):
    html = _html(client_for(user_with_role(workspace, "member")), _home(workspace), "th")
    year = timezone.localdate().year
    assert f"{year + 543} " in _text(html) and "เครือข่าย" in html


def test_a_coordinator_analyses_from_home_and_sees_the_risks(workspace, data):
    client = client_for(user_with_role(workspace, "coordinator"))
    assert "Analyse the network" in _html(client, _home(workspace))
    response = client.post(reverse("web:analysis_run", kwargs={"workspace": workspace.slug}))
    assert response.status_code == 302 and response.url == _home(workspace)
    html = _text(_html(client, _home(workspace)))
    assert "The network has been analysed." in html
    assert "Structure:" in html and "Single points of failure" in html
    assert "Brokers (betweenness)" in html and "Hubs (most ties)" in html
    assert "Analyse the network again" in html
    assert (
        client.get(reverse("web:analysis_run", kwargs={"workspace": workspace.slug})).status_code
        == 405
    )


def test_home_names_the_single_points_of_failure(workspace, author):
    hub = actor_create(author, workspace, key="hub", name="นายกลาง เชื่อม")
    for i in range(3):
        leaf = actor_create(author, workspace, key=f"leaf-{i}", name=f"ภาคี {i}")
        tie_create(author, workspace, hub, leaf, strength=2)
    analysis_request(author, workspace, at=timezone.localdate())
    html = _text(_html(client_for(user_with_role(workspace, "viewer")), _home(workspace)))
    assert "1 actor holds parts of the network together" in html
    assert "นายกลาง เชื่อม" in html
    assert "Structure: centralized" in html


def _grow(workspace: Workspace, author, start: int, count: int) -> None:
    network = Network.objects.create(workspace=workspace, slug=f"n{start}", name=f"n{start}")
    previous = None
    for i in range(start, start + count):
        actor = actor_create(author, workspace, key=f"k{i}", name=f"ภาคี {i}", sector="civil")
        if previous is not None:
            tie_create(author, workspace, previous, actor)
        previous = actor
    del network


@pytest.mark.parametrize("size", [3, 30])
def test_home_runs_a_bounded_number_of_queries(
    workspace, author, size, django_assert_max_num_queries
):
    _grow(workspace, author, 0, size)
    analysis_request(author, workspace, at=timezone.localdate())
    user = user_with_role(workspace, "admin")
    member_set(AUTHOR, Workspace.objects.create(slug="second", name="second"), user, "viewer")
    client = client_for(user)
    with django_assert_max_num_queries(
        21
    ):  # 15 to read, 3 for the changes' links, 3 to remember the workspace
        _html(client, _home(workspace))


# --- Buddhist-era dates -------------------------------------------------------------------------


def test_thai_dates_in_the_buddhist_era_and_gregorian_in_english():
    day = dt.date(2026, 11, 21)
    moment = dt.datetime(2026, 11, 21, 7, 5, tzinfo=dt.UTC)  # 14:05 in Bangkok
    with translation.override("th"):
        assert thai_date(day) == "21 พ.ย. 2569"
        assert thai_datetime(moment) == "21 พ.ย. 2569 14:05"
        assert thai_date(moment) == "21 พ.ย. 2569"
    with translation.override("en"):
        assert thai_date(day) == "21 Nov 2026"
        assert thai_datetime(moment) == "21 Nov 2026 14:05"
    assert thai_date(None) == "" and thai_datetime(None) == ""
