"""A membership's dates as recorded: one without a start date does not read "since …"."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from phakhi.actors.services import actor_create
from phakhi.networks.services import membership_set, network_create
from tests.accounts_support import AUTHOR, client_for, user_with_role


def _text(client, url: str, language: str = "en") -> str:
    response = client.get(url, headers={"Accept-Language": language})
    assert response.status_code == 200
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        (None, None, "Member (no start date recorded)"),
        (dt.date(2024, 3, 15), None, "Member since 15 Mar 2024"),
        (None, dt.date(2025, 12, 31), "Member until 31 Dec 2025"),
        (dt.date(2024, 3, 15), dt.date(2025, 12, 31), "Member from 15 Mar 2024 to 31 Dec 2025"),
    ],
)
def test_the_membership_page_says_what_is_recorded(workspace, since, until, expected):
    network = network_create(AUTHOR, workspace, slug="health", name="เครือข่ายสุขภาพ")
    actor = actor_create(AUTHOR, workspace, key="p-1", name="นายสมชาย ใจดี")
    membership = membership_set(AUTHOR, network, actor, since=since, until=until)
    client = client_for(user_with_role(workspace, "coordinator"))
    url = reverse(
        "web:network-member",
        kwargs={"workspace": workspace.slug, "slug": "health", "membership_id": membership.pk},
    )
    text = _text(client, url)
    assert expected in text
    assert "since …" not in text and "Member since –" not in text
    actor_page = _text(client, reverse("web:actor", args=[workspace.slug, actor.pk]))
    if since or until:
        assert f"({expected})" in actor_page
    roles = actor_page.split("Networks and roles")[1].split("Ties")[0]
    assert "…" not in roles


def test_in_thai_a_membership_without_a_start_date(workspace):
    network = network_create(AUTHOR, workspace, slug="health", name="เครือข่ายสุขภาพ")
    actor = actor_create(AUTHOR, workspace, key="p-1", name="นายสมชาย ใจดี")
    membership = membership_set(AUTHOR, network, actor)
    client = client_for(user_with_role(workspace, "coordinator"))
    url = reverse(
        "web:network-member",
        kwargs={"workspace": workspace.slug, "slug": "health", "membership_id": membership.pk},
    )
    text = _text(client, url, "th")
    assert "ไม่ได้บันทึกวันเริ่ม" in text and "ตั้งแต่ …" not in text
