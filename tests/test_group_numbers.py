"""Groups (communities) are numbered from 1 wherever people read them — the actor page, the
map's filter and its side panel — while the analysis stores them from 0 (−1: no ties)."""

import re

from django.urls import reverse
from django.utils import timezone

from phakhi.actors.services import actor_create
from phakhi.analysis.models import ActorResult
from phakhi.analysis.services import analysis_request
from phakhi.ties.services import tie_create
from phakhi.web.views.actor_text import measures_of
from tests.accounts_support import AUTHOR, client_for, user_with_role


def _star(workspace):
    hub = actor_create(AUTHOR, workspace, key="hub", name="ศูนย์")
    for i in range(4):
        tie_create(
            AUTHOR, workspace, hub, actor_create(AUTHOR, workspace, key=f"l{i}", name=f"ภาคี {i}")
        )
    alone = actor_create(AUTHOR, workspace, key="alone", name="ภาคีเดี่ยว")
    run = analysis_request(AUTHOR, workspace, at=timezone.localdate())
    return hub, alone, run


def test_the_actor_page_counts_groups_from_one(workspace):
    hub, alone, run = _star(workspace)
    stored = ActorResult.objects.get(run=run, actor=hub)
    assert stored.community == 0  # the analysis's own numbering
    shown = {m.key: m.value for m in measures_of(stored)}
    assert shown["community"] == "1"
    lone = ActorResult.objects.get(run=run, actor=alone)  # without ties: in no group
    assert {m.key: m.value for m in measures_of(lone)}["community"] == "–"

    client = client_for(user_with_role(workspace, "viewer"))
    page = client.get(reverse("web:actor", kwargs={"workspace": workspace.slug, "pk": hub.pk}))
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.content.decode()))
    assert "1 is the largest group" in text and "0 is the largest group" not in text


def test_the_maps_group_filter_counts_from_one(workspace):
    _star(workspace)
    client = client_for(user_with_role(workspace, "viewer"))
    html = client.get(reverse("web:map", kwargs={"workspace": workspace.slug})).content.decode()
    options = re.findall(r'<option value="(\d+)"[^>]*>[^<]*?(\d+) \(5 actors\)', html)
    assert options == [("0", "1")], options  # the value stays the stored id; the label says 1
