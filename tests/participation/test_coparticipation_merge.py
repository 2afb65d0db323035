"""After two actors are merged, the kept one's co-participation ties count the attendance it
now has (the merge moves attendance and ties generically; participation's hook recounts)."""

import pytest

from phakhi.core.audit import Author
from phakhi.imports.merge import actors_merge
from phakhi.participation.coparticipation import coparticipation_rebuild, tie_limit_set
from phakhi.ties.models import Tie
from tests.participation.coparticipation_support import (
    attend,
    make_activities,
    make_actors,
    reference_edges,
    stored_edges,
)

AUTHOR = Author("test:merge")


@pytest.mark.django_db
def test_merge_recounts_the_kept_actors_ties(workspace):
    kept, duplicate, c, d = make_actors(workspace, 4)
    x, y, z = make_activities(workspace, 3)
    attend(x, [kept, c])
    attend(y, [duplicate, c, d])
    attend(z, [kept, duplicate, c])  # both attended: one row stays
    coparticipation_rebuild(workspace)
    assert stored_edges(workspace)[(kept.pk, c.pk)][0] == 2
    actors_merge(AUTHOR, kept, duplicate)
    edges = stored_edges(workspace)
    assert edges == reference_edges(workspace)
    assert edges[(kept.pk, c.pk)][0] == 3  # x, y and z
    assert edges[(kept.pk, d.pk)][0] == 1  # y, through the duplicate
    assert not Tie.objects.filter(source_id=duplicate.pk).exists()


@pytest.mark.django_db
def test_merge_that_brings_an_activity_under_the_limit(workspace):
    kept, duplicate, c, d = make_actors(workspace, 4)
    (forum,) = make_activities(workspace, 1)
    tie_limit_set(AUTHOR, workspace, 3)
    attend(forum, [kept, duplicate, c, d])  # four: over the limit, no ties
    coparticipation_rebuild(workspace)
    assert stored_edges(workspace) == {}
    actors_merge(AUTHOR, kept, duplicate)
    # Three left — kept, c and d — at the limit: the activity makes ties, c–d's too.
    assert set(stored_edges(workspace)) == {(kept.pk, c.pk), (kept.pk, d.pk), (c.pk, d.pk)}
    assert stored_edges(workspace) == reference_edges(workspace)


@pytest.mark.django_db
def test_a_failing_refresh_rolls_the_merge_back(workspace, monkeypatch):
    from phakhi.actors.models import Actor
    from phakhi.imports import merge_hooks

    kept, duplicate = make_actors(workspace, 2)

    def broken(*args):
        raise RuntimeError("refresh failed")

    monkeypatch.setattr(merge_hooks, "_after_merge", [broken])
    with pytest.raises(RuntimeError):
        actors_merge(AUTHOR, kept, duplicate)
    assert Actor.objects.filter(pk=duplicate.pk).exists()
