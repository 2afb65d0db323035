"""A new actor joins the networks it is added to in one service (actor_create_in_networks), used
by the actor form and the API: the actor and its memberships are written together, or not at
all, and each is in the history."""

import pytest
from django.core.exceptions import ValidationError

from phakhi.actors.models import Actor
from phakhi.core.models import AuditEvent
from phakhi.networks.models import Membership
from phakhi.networks.services import actor_create_in_networks, network_create
from tests.accounts_support import client_for, user_with_role
from tests.api_support import send, token_client
from tests.conftest import AUTHOR


@pytest.fixture
def networks(workspace):
    return [
        network_create(AUTHOR, workspace, slug=slug, name=name)
        for slug, name in (("health", "เครือข่ายสุขภาพ"), ("youth", "เครือข่ายเยาวชน"))
    ]


def test_the_actor_and_its_memberships_are_written_and_recorded_together(workspace, networks):
    actor = actor_create_in_networks(AUTHOR, workspace, networks, key="P-1", name="นางมาลี ศรีสุข")
    joined = Membership.objects.filter(actor=actor).values_list("network__slug", "role")
    assert sorted(joined) == [("health", "member"), ("youth", "member")]
    recorded = AuditEvent.objects.filter(action="create").values_list("object_type", flat=True)
    assert list(recorded).count("networks.membership") == 2
    assert "actors.actor" in recorded


def test_nothing_is_written_when_the_actor_or_a_network_is_refused(
    workspace, other_workspace, networks
):
    elsewhere = network_create(AUTHOR, other_workspace, slug="far", name="ที่อื่น")
    with pytest.raises(ValidationError) as refused:
        actor_create_in_networks(AUTHOR, workspace, [networks[0], elsewhere], key="P-1", name="ก")
    assert "networks" in refused.value.message_dict
    actor_create_in_networks(AUTHOR, workspace, [], key="P-1", name="นางมาลี")
    with pytest.raises(ValidationError):  # the key is taken: no membership for anyone
        actor_create_in_networks(AUTHOR, workspace, networks, key="P-1", name="นายสมชาย")
    assert Actor.objects.filter(workspace=workspace).count() == 1
    assert not Membership.objects.exists()


def test_the_form_and_the_api_of_a_limited_coordinator_add_through_it(workspace, networks):
    """A coordinator of one network adds an actor on the page and by the API: it joins that
    network, the one service's way."""
    user = user_with_role(workspace, "coordinator", networks=(networks[1],))
    page = client_for(user)
    added = page.post(
        f"/w/{workspace.slug}/actors/new/",
        {"kind": "person", "name": "นางมาลี", "key": "P-1", "networks": [networks[1].pk]},
    )
    assert added.status_code == 302
    body = {"key": "P-2", "name": "นายสมชาย", "network": "youth"}
    api = token_client(user)
    assert send(api, "post", f"/workspaces/{workspace.slug}/actors", body).status_code == 201
    joined = Membership.objects.values_list("actor__key", "network__slug")
    assert sorted(joined) == [("P-1", "youth"), ("P-2", "youth")]
