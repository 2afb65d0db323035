"""GEXF 1.2 (Gephi's own format) and GraphML, written as a stream of text.

Building the XML tree (or a networkx graph) of 3 million ties would take minutes and gigabytes,
so each node and edge is written as one string; values pass through ``_xml`` on the way.

Direction: a graph whose ties are all directed is written as directed, any other as undirected,
and every edge carries a boolean ``directed`` attribute. A graph with both kinds is not marked
per edge in the XML (GEXF ``type``, GraphML ``directed``) because networkx refuses such mixed
files outright; the attribute keeps the information for Gephi's filters and for scripts.
"""

import datetime as dt
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from phakhi.exports.selectors import (
    ActorRow,
    Export,
    TieRow,
    actor_attribute_keys,
    actor_keys,
    attribute_text,
    iter_actors,
    iter_ties,
    tie_attribute_keys,
    tie_directions,
)
from phakhi.ties.vocabulary import INTEGER_ATTRIBUTES

BUFFER = 1 << 20

# Node attributes: the actor columns an analysis colours or filters by. Contact details stay out
# of graph files, which are made to be passed around.
NODE_FIELDS = (
    "kind",
    "sector",
    "subsector",
    "province",
    "district",
    "subdistrict",
    "organization",
    "tags",
)
EDGE_FIELDS = ("strength", "kind", "directed", "via", "since", "until", "origin")
EDGE_TYPES = {"strength": ("integer", "int"), "directed": ("boolean", "boolean")}

_SPECIAL = re.compile('[&<>"\n\r\t]|[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]')
_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_ENTITIES |= {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def _is_integer(text: str) -> bool:
    return text.removeprefix("-").isdigit()


def _xml(text: str) -> str:
    """Text for an XML attribute or element. Characters XML 1.0 cannot hold are dropped."""
    if _SPECIAL.search(text) is None:
        return text
    return _SPECIAL.sub(lambda m: _ENTITIES.get(m.group(), ""), _INVALID.sub("", text))


def _titles(custom: list[str], taken: Iterable[str]) -> list[str]:
    """Names for custom attributes that cannot be mistaken for a built-in one or for each other
    once the characters XML cannot hold are dropped (the GEXF file uses them as ids)."""
    used = set(taken)
    titles = []
    for name in custom:
        title = _INVALID.sub("", name)
        while title in used:
            title += "_"
        used.add(title)
        titles.append(title)
    return titles


def _node_values(row: ActorRow, custom: list[str]) -> list[str]:
    return [
        row.kind,
        row.sector,
        row.subsector,
        row.province,
        row.district,
        row.subdistrict,
        row.organization,
        "; ".join(row.tags),
        *(attribute_text(row.attributes.get(k)) for k in custom),
    ]


class _Graph:
    """What both formats need to know before the first node is written."""

    def __init__(self, scope: Export) -> None:
        self.scope = scope
        self.keys = actor_keys(scope)
        self.node_custom = actor_attribute_keys(scope)
        self.edge_custom = tie_attribute_keys(scope)
        self.node_titles = [
            *NODE_FIELDS,
            *_titles(self.node_custom, ("id", "label", "name", *NODE_FIELDS)),
        ]
        self.edge_titles = [
            *EDGE_FIELDS,
            *_titles(self.edge_custom, ("id", "label", "weight", *EDGE_FIELDS)),
        ]
        undirected, directed = tie_directions(scope)
        self.edge_type = "directed" if directed and not undirected else "undirected"
        network = scope.network
        self.name = scope.workspace.name if network is None else network.name

    def node_values(self, row: ActorRow, ids: list[str]) -> list[tuple[str, str]]:
        """(attribute id, escaped text) of a node's non-empty attributes, ``ids`` in the order
        of ``node_titles``."""
        values = zip(ids, _node_values(row, self.node_custom), strict=True)
        return [(i, _xml(v)) for i, v in values if v]

    def edge_values(self, row: TieRow, ids: list[str]) -> list[tuple[str, str]]:
        """(attribute id, escaped text) of an edge's non-empty attributes, ``ids`` in the order
        of ``edge_titles``."""
        strength, kind, directed, via, since, until, origin = ids[: len(EDGE_FIELDS)]
        values = [(strength, str(row.strength)), (directed, "true" if row.directed else "false"),
                  (origin, row.origin)]  # fmt: skip
        if row.kind:
            values.append((kind, _xml(row.kind)))
        if row.via:
            values.append((via, _xml(row.via)))
        if row.since:
            values.append((since, str(row.since)))
        if row.until:
            values.append((until, str(row.until)))
        for i, key in zip(ids[len(EDGE_FIELDS) :], self.edge_custom, strict=True):
            if value := attribute_text(row.attributes.get(key)):
                if key in INTEGER_ATTRIBUTES and not _is_integer(value):
                    continue  # declared as a number: a stray text would break the readers
                values.append((i, _xml(value)))
        return values

    def edge_types(self, pick: int) -> dict[str, str]:
        """The types of the edge attributes (by title) that are not text: the format's name
        for each (``pick`` 0 for GEXF, 1 for GraphML)."""
        types = {k: names[pick] for k, names in EDGE_TYPES.items()}
        for title, key in zip(self.edge_titles[len(EDGE_FIELDS) :], self.edge_custom, strict=True):
            if key in INTEGER_ATTRIBUTES:
                types[title] = ("integer", "int")[pick]
        return types

    def nodes(self, write: Callable[[str], object], node: Callable[[ActorRow], str]) -> None:
        for row in iter_actors(self.scope, self.keys):
            write(node(row))

    def edges(self, write: Callable[[str], object], edge: Callable[[TieRow], str]) -> None:
        for row in iter_ties(self.scope, self.keys):
            write(edge(row))


def _open(path: Path) -> TextIO:
    return path.open("w", encoding="utf-8", buffering=BUFFER)


def write_gexf(scope: Export, paths: list[Path], thai_headers: bool) -> None:
    # An attribute's id is its name: graphology (Gephi Lite's reader) names a column by its id
    # unless the id is a number, so ids such as "n0" would show as columns "n0", "n1", ….
    # Names are unique within nodes and within edges, which is all GEXF asks of an id.
    graph = _Graph(scope)
    node_ids = [_xml(t) for t in graph.node_titles]
    edge_ids = [_xml(t) for t in graph.edge_titles]

    def node(row: ActorRow) -> str:
        pairs = graph.node_values(row, node_ids)
        values = "".join(f'<attvalue for="{i}" value="{v}"/>' for i, v in pairs)
        head = f'<node id="{_xml(row.key)}" label="{_xml(row.name)}">'
        return f"{head}<attvalues>{values}</attvalues></node>\n"

    def edge(row: TieRow) -> str:
        pairs = graph.edge_values(row, edge_ids)
        values = "".join(f'<attvalue for="{i}" value="{v}"/>' for i, v in pairs)
        return (
            f'<edge id="{row.id}" source="{_xml(row.source)}" target="{_xml(row.target)}" '
            f'weight="{row.strength}"><attvalues>{values}</attvalues></edge>\n'
        )

    def declare(cls: str, ids: list[str], titles: list[str], types: dict[str, str]) -> str:
        lines = "".join(
            f'<attribute id="{i}" title="{i}" type="{types.get(t, "string")}"/>\n'
            for i, t in zip(ids, titles, strict=True)
        )
        return f'<attributes class="{cls}" mode="static">\n{lines}</attributes>\n'

    with _open(paths[0]) as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<gexf xmlns="http://www.gexf.net/1.2draft" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://www.gexf.net/1.2draft '
            'http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
            f'<meta lastmodifieddate="{dt.date.today().isoformat()}"><creator>Phakhi</creator>'
            f"<description>{_xml(graph.name)}</description></meta>\n"
            f'<graph mode="static" defaultedgetype="{graph.edge_type}" name="{_xml(graph.name)}">\n'
        )
        out.write(declare("node", node_ids, graph.node_titles, {}))
        out.write(declare("edge", edge_ids, graph.edge_titles, graph.edge_types(0)))
        out.write("<nodes>\n")
        graph.nodes(out.write, node)
        out.write("</nodes>\n<edges>\n")
        graph.edges(out.write, edge)
        out.write("</edges>\n</graph>\n</gexf>\n")


def write_graphml(scope: Export, paths: list[Path], thai_headers: bool) -> None:
    # Edges have no id: they are optional, and igraph's reader fills an edge "id" attribute
    # with the ids of vertices when they are present. Keys are neutral ("n0", "e0"): a GraphML
    # key id is unique in the whole file, and readers name a column by its attr.name.
    graph = _Graph(scope)
    node_ids = [f"n{i}" for i in range(len(graph.node_titles))]
    edge_ids = [f"e{i}" for i in range(len(graph.edge_titles))]

    def node(row: ActorRow) -> str:
        values = "".join(f'<data key="{i}">{v}</data>' for i, v in graph.node_values(row, node_ids))
        head = f'<node id="{_xml(row.key)}"><data key="label">{_xml(row.name)}</data>'
        return f"{head}{values}</node>\n"

    def edge(row: TieRow) -> str:
        values = "".join(f'<data key="{i}">{v}</data>' for i, v in graph.edge_values(row, edge_ids))
        return (
            f'<edge source="{_xml(row.source)}" target="{_xml(row.target)}">'
            f'<data key="weight">{row.strength}</data>{values}</edge>\n'
        )

    def declare(scope: str, pairs: Iterable[tuple[str, str]], types: dict[str, str]) -> str:
        return "".join(
            f'<key id="{i}" for="{scope}" attr.name="{_xml(t)}" '
            f'attr.type="{types.get(t, "string")}"/>\n'
            for i, t in pairs
        )

    with _open(paths[0]) as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
            'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
        )
        out.write(declare("node", [("label", "label")], {}))
        out.write(declare("node", zip(node_ids, graph.node_titles, strict=True), {}))
        out.write(declare("edge", [("weight", "weight")], {"weight": "double"}))
        out.write(
            declare("edge", zip(edge_ids, graph.edge_titles, strict=True), graph.edge_types(1))
        )
        out.write(f'<graph id="G" edgedefault="{graph.edge_type}">\n')
        graph.nodes(out.write, node)
        graph.edges(out.write, edge)
        out.write("</graph>\n</graphml>\n")
