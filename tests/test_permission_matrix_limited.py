"""The permission matrix, continued: a coordinator limited to the youth network against the
actors around it — every way to change an actor, merge it or change its ties.

The cases (docs/web.md, *Who may do what*):
(a) ``only``: a member of youth alone — theirs;
(b) ``shared``: a member of youth and of health — health still counts it, so not theirs;
(c) ``left``: its youth membership has ended — ended memberships never count;
(d) ``mine``: created by the limited coordinator, in no network — theirs;
(e) ``others``: created by someone else, in no network — not theirs until they recruit it.
Merging deletes an actor from every network: never for a limited coordinator. A tie may be
changed when they may change one of its ends; the other end here (``person``, of health) is not
theirs, so the tie follows the case's actor.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from phakhi.accounts.permissions import access_for
from phakhi.actors.models import Actor
from phakhi.actors.services import actor_create
from phakhi.core.audit import Author
from phakhi.imports.merge import actors_merge
from phakhi.networks.services import membership_end, membership_set, network_create
from phakhi.ties.models import Tie
from phakhi.ties.services import tie_create
from tests.accounts_support import client_for, user_with_role
from tests.api_support import send, token_client

THEIRS = {"only", "mine"}  # the cases the limited coordinator may edit
CASES = ("only", "shared", "left", "mine", "others")


@pytest.fixture
def around(data: dict[str, Any], author: Author) -> dict[str, Any]:
    workspace, health = data["workspace"], data["network"]
    youth = network_create(author, workspace, slug="youth", name="เครือข่ายเยาวชน")
    limited = user_with_role(workspace, "coordinator", "limited", networks=(youth,))
    today = timezone.localdate()

    def actor(key: str, by: Author = author) -> Actor:
        return actor_create(by, workspace, key=key, name=f"ภาคี {key}")

    cases = {key: actor(key) for key in ("only", "shared", "left", "others")}
    cases["mine"] = actor("mine", Author("web:limited", limited.pk))
    membership_set(author, youth, cases["only"])
    membership_set(author, youth, cases["shared"])
    membership_set(author, health, cases["shared"])
    membership_set(author, youth, cases["left"], since=today - dt.timedelta(days=400), until=today)
    twin = actor("twin")  # youth's alone: the other half of a merge
    membership_set(author, youth, twin)
    return {
        **data,
        **cases,
        "youth": youth,
        "twin": twin,
        "limited": limited,
        "ties": {key: tie_create(author, workspace, cases[key], data["person"]) for key in CASES},
    }


@dataclass(frozen=True)
class Attempt:
    """One way to change the case's actor, by web page or API call; ``merge`` ones are refused
    for every case."""

    name: str
    call: Callable[[dict[str, Any], Actor], Any]
    merge: bool = False


def _web(name: str, c: dict[str, Any], actor: Actor, **kwargs: Any) -> str:
    return reverse(f"web:{name}", kwargs={"workspace": "khon-kaen", "pk": actor.pk, **kwargs})


def _browser(c: dict[str, Any]) -> Client:
    return client_for(c["limited"])


def _api(c: dict[str, Any], method: str, path: str, body: Any = None) -> Any:
    return send(token_client(c["limited"]), method, f"/workspaces/khon-kaen{path}", body)


ATTEMPTS = [
    Attempt("edit page GET", lambda c, a: _browser(c).get(_web("actor-edit", c, a))),
    Attempt("edit page POST", lambda c, a: _browser(c).post(
        _web("actor-edit", c, a), {"kind": "person", "name": a.name, "subsector": "อสม."})),
    Attempt("API PATCH actor", lambda c, a: _api(
        c, "patch", f"/actors/{a.pk}", {"subsector": "อสม."})),
    Attempt("merge page GET", lambda c, a: _browser(c).get(
        _web("actor-merge", c, a), {"other": c["twin"].pk}), merge=True),
    Attempt("merge page POST", lambda c, a: _browser(c).post(
        _web("actor-merge", c, a), {"other": c["twin"].pk}), merge=True),
    Attempt("API merge", lambda c, a: _api(
        c, "post", f"/actors/{a.pk}/merge", {"merged": c["twin"].pk}), merge=True),
    Attempt("tie add page", lambda c, a: _browser(c).post(
        _web("actor-tie-add", c, a), {"other": c["third"].key, "strength": "2"})),
    Attempt("tie strength page", lambda c, a: _browser(c).post(_web(
        "actor-tie-strength", c, a, tie_id=c["ties"][a.key].pk), {"strength": "4"})),
    Attempt("tie end page", lambda c, a: _browser(c).post(_web(
        "actor-tie-end", c, a, tie_id=c["ties"][a.key].pk), {"until": "2025-01-31"})),
    Attempt("API POST tie", lambda c, a: _api(
        c, "post", "/ties", {"source": a.pk, "target": c["third"].pk})),
    Attempt("API PATCH tie", lambda c, a: _api(
        c, "patch", f"/ties/{c['ties'][a.key].pk}", {"strength": 4})),
    Attempt("API end tie", lambda c, a: _api(
        c, "post", f"/ties/{c['ties'][a.key].pk}/end", {"until": "2025-01-31"})),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("attempt", ATTEMPTS, ids=lambda a: a.name)
def test_a_limited_coordinator_against_the_actors_around_their_network(
    around: dict[str, Any], attempt: Attempt, case: str
) -> None:
    actor = around[case]
    response = attempt.call(around, actor)
    allowed = case in THEIRS and not attempt.merge
    if allowed:
        assert response.status_code in (200, 201, 302), response.content[:500]
    else:
        assert response.status_code == 403, response.content[:300]
        assert Actor.objects.filter(pk__in=(actor.pk, around["twin"].pk)).count() == 2
        assert Actor.objects.get(pk=actor.pk).subsector == ""
        tie = Tie.objects.get(pk=around["ties"][case].pk)
        assert (tie.strength, tie.until) == (1, None)
        assert not Tie.objects.filter(source=actor, target=around["third"]).exists()


def test_recruiting_an_actor_of_another_network_gives_no_right_over_it(
    around: dict[str, Any], author: Author
) -> None:
    """The reproduction: they add health's member to youth (201), then try to edit and merge
    it; it becomes theirs only once health's membership has ended."""
    person = around["person"]
    joined = _api(
        around, "post", "/networks/youth/memberships", {"actor": person.pk, "role": "member"}
    )
    assert joined.status_code == 201
    refused = _api(around, "patch", f"/actors/{person.pk}", {"subsector": "อสม."})
    assert refused.status_code == 403
    assert "current memberships are all in the networks you coordinate" in refused.json()["detail"]
    merge = _api(around, "post", f"/actors/{person.pk}/merge", {"merged": around["twin"].pk})
    assert merge.status_code == 403 and Actor.objects.filter(pk=around["twin"].pk).exists()
    page = _browser(around).get(_web("actor", around, person))
    assert ">Edit<" not in page.content.decode() and "Merge with" not in page.content.decode()

    membership_end(author, around["membership"], timezone.localdate())
    changed = _api(around, "patch", f"/actors/{person.pk}", {"subsector": "อสม."})
    assert changed.status_code == 200
    page = _browser(around).get(_web("actor", around, person)).content.decode()
    assert ">Edit<" in page and "Merge with" not in page  # theirs now, still no merging


def test_recruiting_an_actor_of_no_network_makes_it_theirs(around: dict[str, Any]) -> None:
    others = around["others"]
    assert _api(around, "post", "/networks/youth/memberships",
                {"actor": others.pk, "role": "member"}).status_code == 201  # fmt: skip
    assert _api(around, "patch", f"/actors/{others.pk}", {"subsector": "อสม."}).status_code == 200


def test_the_refusal_page_says_why(around: dict[str, Any]) -> None:
    client = _browser(around)
    edit = client.get(_web("actor-edit", around, around["shared"]))
    assert edit.status_code == 403
    assert "current memberships are all in the networks you coordinate" in edit.content.decode()
    merge = client.get(_web("actor-merge", around, around["only"]))
    assert merge.status_code == 403
    assert "A merge deletes an actor from every network" in merge.content.decode()


def _access(around: dict[str, Any]) -> Any:
    access = access_for(around["limited"], around["workspace"])
    assert access is not None and access.is_restricted
    return access


def test_a_membership_counts_for_them_from_its_start_and_against_them_before_it(
    around: dict[str, Any], author: Author
) -> None:
    """Health's membership that starts next month already keeps the actor from youth's
    coordinator; youth's that starts next month does not make it theirs yet."""
    next_month = timezone.localdate() + dt.timedelta(days=30)
    planned_elsewhere = actor_create(author, around["workspace"], key="later-h", name="ภาคี ก")
    membership_set(author, around["youth"], planned_elsewhere)
    membership_set(author, around["network"], planned_elsewhere, since=next_month)
    planned_here = actor_create(author, around["workspace"], key="later-y", name="ภาคี ข")
    membership_set(author, around["youth"], planned_here, since=next_month)
    access = _access(around)
    assert not access.can_edit_actor(planned_elsewhere.pk)
    assert not access.can_edit_actor(planned_here.pk)


def test_an_actor_merged_into_another_does_not_hand_over_the_kept_one(
    around: dict[str, Any], author: Author
) -> None:
    """A merge moves the merged actor's history, its creation too: the kept actor's creator
    is the one who recorded its own key."""
    kept = actor_create(author, around["workspace"], key="kept", name="ภาคี ค")
    actors_merge(author, kept, around["mine"])
    assert not _access(around).can_edit_actor(kept.pk)


def test_which_actors_they_may_edit_is_one_query(around: dict[str, Any]) -> None:
    access = _access(around)
    ids = [around[case].pk for case in CASES]
    with CaptureQueriesContext(connection) as queries:
        editable = access.editable_actors(ids)
    assert len(queries) == 1
    assert editable == {around[case].pk for case in THEIRS}
