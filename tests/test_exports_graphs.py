"""Graph exports (GEXF, GraphML) read back by the tools that define them: networkx, igraph and
graphology, as Gephi and Gephi Lite read them."""

import json
import subprocess
from pathlib import Path
from typing import Any

import igraph
import networkx as nx
import pytest

from phakhi.exports.writers import export
from phakhi.ties.models import Tie
from tests.exports_support import (
    ATTRIBUTES,
    NODE_COLUMNS,
    World,
    compare_graph,
    expected_actors,
    expected_ties,
)

pytestmark = pytest.mark.django_db


def test_gexf_read_back_by_networkx(world: World, tmp_path):
    [path] = export(world.workspace, "gexf", tmp_path / "out.gexf")
    graph = nx.read_gexf(path)
    assert not graph.is_directed()  # mixed: the tie's direction is in its "directed" attribute
    assert graph.graph["name"] == "เครือข่ายสุขภาพขอนแก่น"
    compare_graph(graph, world)
    assert 'xmlns="http://www.gexf.net/1.2draft"' in path.read_text(encoding="utf-8")


def _read_with_graphology(path: Path) -> dict[str, Any]:
    """The file as Gephi Lite reads it: graphology with graphology-gexf (tests/js)."""
    script = Path(__file__).parent / "js" / "gexf_columns.mjs"
    done = subprocess.run(
        ["node", str(script), str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_gexf_columns_are_named_in_gephi_lite(world: World, tmp_path):
    """graphology names a column by its attribute's id unless the id is a number: the ids
    are the columns' names, so no column reads "n0" or "e0"."""
    [path] = export(world.workspace, "gexf", tmp_path / "out.gexf")
    graph = _read_with_graphology(path)
    actors = expected_actors(world)
    for key, attributes in graph["nodes"].items():
        want = actors[key]
        assert attributes.pop("label") == want["name"]
        assert set(attributes) <= {*NODE_COLUMNS, *ATTRIBUTES}, attributes
        assert attributes == {
            name: want[name] for name in (*NODE_COLUMNS, *ATTRIBUTES) if want[name]
        }
    ties = expected_ties(world)
    assert len(graph["edges"]) == len(ties)
    for edge in graph["edges"]:
        want = ties[(edge["source"], edge["target"])]
        attributes = edge["attributes"]
        assert attributes["strength"] == int(want["strength"]) == attributes["weight"]
        assert attributes["directed"] is (want["directed"] == "true")
        for name in ("kind", "via", "since", "until"):
            assert attributes.get(name, "") == want[name], (edge, name)


def test_graph_of_directed_ties_only_is_directed(world: World, tmp_path):
    Tie.objects.filter(directed=False).update(directed=True)
    graph = nx.read_gexf(export(world.workspace, "gexf", tmp_path / "out.gexf")[0])
    assert graph.is_directed() and ("P1", "EVIL") in graph.edges
    graph = nx.read_graphml(export(world.workspace, "graphml", tmp_path / "out.graphml")[0])
    assert graph.is_directed() and ("P1", "EVIL") in graph.edges


def test_graphml_read_back_by_networkx_and_igraph(world: World, tmp_path):
    [path] = export(world.workspace, "graphml", tmp_path / "out.graphml")
    compare_graph(nx.read_graphml(path), world)
    graph = igraph.Graph.Read_GraphML(str(path))
    as_nx = nx.MultiGraph()
    for vertex in graph.vs:
        attrs = {k: v for k, v in vertex.attributes().items() if v not in ("", None)}
        as_nx.add_node(attrs.pop("id"), **attrs)
    for edge in graph.es:
        attrs = {k: v for k, v in edge.attributes().items() if v not in ("", None)}
        attrs["strength"] = int(attrs["strength"])
        as_nx.add_edge(graph.vs[edge.source]["id"], graph.vs[edge.target]["id"], **attrs)
    compare_graph(as_nx, world)
