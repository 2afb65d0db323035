"""The home page keeps each finished analysis's summary (ranking 600,000 actors' results takes
over half a second) and the workspace's counts: a newer analysis must show at once, in the
language asked for, and the counts after each change."""

import re

from django.urls import reverse
from django.utils import timezone

from phakhi.actors.services import actor_create
from phakhi.analysis.services import analysis_request
from phakhi.overview.selectors import workspace_overview
from phakhi.ties.services import tie_create
from tests.accounts_support import client_for, user_with_role


def _home_text(client, workspace, language: str = "en") -> str:
    url = reverse("web:home", kwargs={"workspace": workspace.slug})
    response = client.get(url, headers={"Accept-Language": language})
    assert response.status_code == 200
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _star(author, workspace, name: str, leaves: int) -> None:
    hub = actor_create(author, workspace, key=name, name=name)
    for i in range(leaves):
        leaf = actor_create(author, workspace, key=f"{name}-{i}", name=f"{name} {i}")
        tie_create(author, workspace, hub, leaf, strength=2)


def test_home_shows_the_newest_analysis_not_a_kept_older_one(workspace, author):
    client = client_for(user_with_role(workspace, "viewer"))
    _star(author, workspace, "ศูนย์หนึ่ง", 3)
    analysis_request(author, workspace, at=timezone.localdate())
    first = _home_text(client, workspace)
    assert "1 actor holds parts of the network together" in first
    assert _home_text(client, workspace) == first  # read again: the same summary

    _star(author, workspace, "ศูนย์สอง", 3)
    analysis_request(author, workspace, at=timezone.localdate())
    second = _home_text(client, workspace)
    assert "2 actors hold parts of the network together" in second
    assert "ศูนย์สอง" in second


def test_the_kept_summary_follows_the_language(workspace, author):
    client = client_for(user_with_role(workspace, "viewer"))
    _star(author, workspace, "ศูนย์", 3)
    analysis_request(author, workspace, at=timezone.localdate())
    assert "Structure: centralized" in _home_text(client, workspace, "en")
    assert "centralized" not in _home_text(client, workspace, "th")


def test_home_counts_follow_each_change(workspace, author):
    _star(author, workspace, "ศูนย์", 2)
    first = workspace_overview(workspace)
    assert (first.actors, first.ties) == (3, 2)
    assert workspace_overview(workspace).actors == 3  # read again: kept
    _star(author, workspace, "ศูนย์ใหม่", 1)
    second = workspace_overview(workspace)
    assert (second.actors, second.ties) == (5, 3)
