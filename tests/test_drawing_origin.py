"""A tie drawn on a project's map shows where it came from: origin "workshop" in the API (its
enum and a filter) and in the actor page's list of ties."""

import json
from typing import Any

import networkx as nx

from phakhi.api.main import api
from phakhi.exports.writers import export
from phakhi.networks.services import membership_set
from phakhi.projects.drawing import project_tie_draw
from phakhi.ties.models import Origin
from tests.accounts_support import AUTHOR, client_for, user_with_role
from tests.api_support import API, role_client


def _drawn(data: dict[str, Any]) -> Any:
    membership_set(AUTHOR, data["network"], data["third"])
    return project_tie_draw(
        AUTHOR, data["project"], source=data["person"], target=data["third"], strength=2
    )


def test_the_api_lists_origins_as_an_enum_and_filters_by_origin(data: dict[str, Any]) -> None:
    drawn = _drawn(data)
    schema = api.get_openapi_schema()["components"]["schemas"]["TieOut"]["properties"]["origin"]
    assert schema["enum"] == list(Origin.values) and "workshop" in schema["enum"]
    client = role_client(data["workspace"], "viewer")
    url = f"{API}/workspaces/khon-kaen/ties"
    workshop = client.get(f"{url}?origin=workshop").json()["items"]
    assert [(t["id"], t["origin"]) for t in workshop] == [(drawn.pk, "workshop")]
    manual = client.get(f"{url}?origin=manual").json()["items"]
    assert [t["id"] for t in manual] == [data["tie"].pk]
    assert client.get(f"{url}?origin=drawn").status_code == 422


def test_the_actor_page_says_a_tie_was_drawn_in_a_workshop(data: dict[str, Any]) -> None:
    _drawn(data)
    client = client_for(user_with_role(data["workspace"], "member"))
    page = client.get(f"/w/khon-kaen/actors/{data['third'].pk}/").content.decode()
    assert '<th scope="col">Origin</th>' in page and ">workshop</td>" in page
    thai = client.get(
        f"/w/khon-kaen/actors/{data['third'].pk}/", headers={"Accept-Language": "th"}
    ).content.decode()
    assert ">เวทีเชิงปฏิบัติการ</td>" in thai


def test_the_exports_carry_the_origin_the_ties_table_stays_importable(
    data: dict[str, Any], tmp_path: Any
) -> None:
    drawn = _drawn(data)
    workspace = data["workspace"]
    [path] = export(workspace, "json", tmp_path / "out.json")
    ties = {(t["source"], t["target"]): t for t in json.loads(path.read_text())["ties"]}
    assert ties[(drawn.source.key, drawn.target.key)]["origin"] == "workshop"
    assert ties[("org-1", "p-1")]["origin"] == "manual"
    for fmt in ("gexf", "graphml"):
        [path] = export(workspace, fmt, tmp_path / f"out.{fmt}")
        graph = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
        edge = graph.edges[drawn.source.key, drawn.target.key]
        assert edge["origin"] == "workshop", fmt
    paths = export(workspace, "csv", tmp_path / "out")
    tie_file = next(p for p in paths if p.name.endswith("-ties.csv"))
    header = tie_file.read_text(encoding="utf-8-sig").splitlines()[0]
    assert "origin" not in header  # the import sets a tie's origin itself
