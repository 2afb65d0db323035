"""“Level รู้จัก unless a stronger tie exists”: a pair with a co-participation tie (level 1)
and a tie of another kind shows and counts at its strongest tie — on the map, in its filter by
level and in the analysis — through the engine's one rule (phakhi.engine.graph.simple_graph:
several ties of a pair are one edge with the strongest strength). The co-participation tie
itself stays at level 1 and stays a row of its own (exports list every tie)."""

import pytest

from phakhi.accounts.models import Role
from phakhi.accounts.permissions import Access
from phakhi.analysis.mapdata import scope_payload
from phakhi.analysis.mapscope import map_scope
from phakhi.analysis.models import ActorResult
from phakhi.analysis.services import analysis_request
from phakhi.participation.coparticipation import KIND, coparticipation_rebuild
from phakhi.ties.models import Tie
from phakhi.ties.services import tie_create
from tests.participation.coparticipation_support import attend, make_activities, make_actors

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(workspace, author):
    a, b, c = make_actors(workspace, 3)
    (meeting,) = make_activities(workspace, 1)
    attend(meeting, [a, b, c])
    coparticipation_rebuild(workspace)
    tie_create(author, workspace, a, b, strength=3, kind="ทำงานร่วมกัน")
    return a, b, c


def _payload(workspace, **filters):
    return scope_payload(map_scope(workspace, **filters), Access(None, workspace, Role.ADMIN))


def _edges(workspace, **filters):
    payload = _payload(workspace, **filters)
    ids, edges = payload["nodes"]["id"], payload["edges"]
    return {
        tuple(sorted((ids[s], ids[t]))): strength
        for s, t, strength in zip(edges["source"], edges["target"], edges["strength"], strict=True)
    }


def test_the_map_shows_a_pair_at_its_strongest_tie(workspace, pair):
    a, b, c = pair
    assert Tie.objects.get(source=a, target=b, kind=KIND).strength == 1  # it stays at 1
    edges = _edges(workspace)
    assert edges[(a.pk, b.pk)] == 3  # one edge, the stronger tie's level
    assert edges[(a.pk, c.pk)] == edges[(b.pk, c.pk)] == 1
    assert len(edges) == 3
    # Filtered to level 2 and up: the pair stays (its stronger tie), the others go.
    assert _edges(workspace, min_strength=2) == {(a.pk, b.pk): 3}


def test_the_analysis_counts_a_pair_once_at_its_strongest(workspace, author, pair):
    a, _b, c = pair
    run = analysis_request(author, workspace, background=False)
    assert run.results["ties"] == 3  # three pairs, not four ties
    results = {r.actor_id: r for r in ActorResult.objects.filter(run=run)}
    assert (results[a.pk].degree, results[a.pk].strength) == (2, 3 + 1)  # b at 3, c at 1
    assert (results[c.pk].degree, results[c.pk].strength) == (2, 1 + 1)


def test_the_map_says_which_ties_are_taking_part_together(workspace, pair):
    """The tooltip's figures: for each edge whose pair took part together, how many activities
    and the last one's date as the page's language writes it (Buddhist era in Thai)."""
    from django.utils import translation

    a, b, c = pair
    with translation.override("th"):
        payload = _payload(workspace)
    ids, edges, together = payload["nodes"]["id"], payload["edges"], payload["together"]
    pairs = {
        tuple(sorted((ids[edges["source"][e]], ids[edges["target"][e]]))): (shared, last)
        for e, shared, last in zip(
            together["edge"], together["shared"], together["last"], strict=True
        )
    }
    day = Tie.objects.get(source=a, target=b, kind=KIND).attributes["last_activity"]
    assert set(pairs) == {(a.pk, b.pk), (a.pk, c.pk), (b.pk, c.pk)}
    assert {shared for shared, _last in pairs.values()} == {1}
    year = int(day[:4]) + 543
    assert all(last.endswith(str(year)) for _shared, last in pairs.values())
    # From level 2 up the map reads no level-1 tie: its edge tells only its stronger level.
    assert _payload(workspace, min_strength=2)["together"]["edge"] == []
