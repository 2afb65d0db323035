"""An actor's change history holds the changes of its ties too (added, strength changed,
ended), each naming and linking the other actor, as the home page's recent changes do; a viewer
sees a tie's personal columns masked there as everywhere."""

import datetime as dt
import re

from django.urls import reverse

from phakhi.actors.services import actor_create
from phakhi.imports.services import ties_import
from phakhi.ties.services import tie_create, tie_end, tie_set_strength
from tests.accounts_support import AUTHOR, client_for, user_with_role
from tests.helpers import write_csv


def _page(client, workspace, actor, language: str = "en") -> str:
    url = reverse("web:actor", kwargs={"workspace": workspace.slug, "pk": actor.pk})
    response = client.get(url, headers={"Accept-Language": language})
    assert response.status_code == 200
    return response.content.decode()


def _history(html: str) -> str:
    section = html.split('id="history-title"', 1)[1].split("</section>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section))


def test_the_history_shows_ties_added_changed_and_ended_with_the_other_actor(workspace):
    somchai = actor_create(AUTHOR, workspace, key="p-1", name="นายสมชาย ใจดี")
    clinic = actor_create(AUTHOR, workspace, key="o-1", name="คลินิกชุมชน")
    tie = tie_create(AUTHOR, workspace, somchai, clinic, strength=2, kind="ข้อมูล")
    tie_set_strength(AUTHOR, tie, 4)
    tie_end(AUTHOR, tie, dt.date(2026, 6, 30))
    client = client_for(user_with_role(workspace, "viewer"))

    html = _page(client, workspace, somchai)
    history = _history(html)
    assert "created the tie with คลินิกชุมชน" in history
    assert "updated the tie with คลินิกชุมชน" in history
    assert "strength: 2 → 4" in history and "until: – → 2026-06-30" in history
    assert "created · " in history  # the actor's own creation is still there
    clinic_page = reverse("web:actor", kwargs={"workspace": workspace.slug, "pk": clinic.pk})
    assert f'<a href="{clinic_page}">คลินิกชุมชน</a>' in html
    # newest first: the end of the tie above its creation, above the actor's creation
    assert history.index("until:") < history.index("strength: –") < history.index("created · ")

    other_side = _history(_page(client, workspace, clinic))
    assert "created the tie with นายสมชาย ใจดี" in other_side
    assert "ความสัมพันธ์กับ นายสมชาย ใจดี" in _history(_page(client, workspace, clinic, "th"))


def test_a_ties_personal_columns_are_masked_for_a_viewer(workspace, tmp_path):
    a = actor_create(AUTHOR, workspace, key="A", name="ภาคี ก")
    actor_create(AUTHOR, workspace, key="B", name="ภาคี ข")
    rows = [["source", "target", "strength", "เบอร์โทรผู้ประสาน"], ["A", "B", "2", "0812345678"]]
    ties_import(workspace, write_csv(tmp_path / "t.csv", rows), author=AUTHOR)
    rows[1][3] = "0899999999"
    ties_import(workspace, write_csv(tmp_path / "u.csv", rows), author=AUTHOR)

    coordinator = _history(
        _page(client_for(user_with_role(workspace, "coordinator")), workspace, a)
    )
    assert "updated the tie with ภาคี ข" in coordinator and "0899999999" in coordinator
    viewer = _history(_page(client_for(user_with_role(workspace, "viewer")), workspace, a))
    assert "updated the tie with ภาคี ข" in viewer
    assert "0899999999" not in viewer and "0812345678" not in viewer
