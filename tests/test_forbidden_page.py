"""The 403 page says why in words that fit the person: a coordinator limited to some networks
is not told that "only admins and coordinators" may do what they, a coordinator, tried; they are
told which networks they may change, with links to them."""

import re

from django.urls import reverse

from phakhi.actors.services import actor_create
from phakhi.networks.services import membership_set, network_create
from tests.accounts_support import AUTHOR, client_for, user_with_role


def _forbidden(client, url: str, language: str = "en") -> tuple[str, str]:
    response = client.get(url, headers={"Accept-Language": language})
    assert response.status_code == 403
    html = response.content.decode()
    return html, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _url(workspace, name: str, **kwargs) -> str:
    return reverse(f"web:{name}", kwargs={"workspace": workspace.slug, **kwargs})


def test_a_limited_coordinator_is_told_which_networks_they_may_change(workspace):
    youth = network_create(AUTHOR, workspace, slug="youth", name="เครือข่ายเยาวชน")
    health = network_create(AUTHOR, workspace, slug="health", name="เครือข่ายสุขภาพ")
    shared = actor_create(AUTHOR, workspace, key="shared", name="ภาคีร่วม")
    membership_set(AUTHOR, youth, shared)
    membership_set(AUTHOR, health, shared)
    client = client_for(user_with_role(workspace, "coordinator", networks=(youth,)))
    youth_link = f'<a href="{_url(workspace, "network", slug="youth")}">เครือข่ายเยาวชน</a>'

    for url, reason in (
        (_url(workspace, "network-edit", slug="health"), "This network is not one of yours"),
        (_url(workspace, "import"), "you add and change actors and ties one at a time"),
        (_url(workspace, "actor-edit", pk=shared.pk), "You may change only actors whose"),
        (_url(workspace, "networks-add"), "Only admins and coordinators of all networks create"),
    ):
        html, text = _forbidden(client, url)
        assert "Only admins and coordinators make changes" not in text, url
        assert "Only admins and coordinators import data" not in text, url
        assert reason in text, url
        assert "The networks you may change" in text and youth_link in html, url
        assert "เครือข่ายสุขภาพ" not in text.split("The networks you may change")[1], url

    _html, thai = _forbidden(client, _url(workspace, "import"), "th")
    assert "เครือข่ายเยาวชน" in thai and "Only admins" not in thai


def test_a_viewer_is_told_their_role(workspace):
    network_create(AUTHOR, workspace, slug="youth", name="เครือข่ายเยาวชน")
    client = client_for(user_with_role(workspace, "viewer"))
    _html, text = _forbidden(client, _url(workspace, "network-edit", slug="youth"))
    assert "Your role in this workspace is viewer." in text
    assert "Only admins and coordinators make changes." in text
    assert "The networks you may change" not in text
