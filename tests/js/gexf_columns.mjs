// Reads a GEXF file as Gephi Lite does (graphology-gexf) and prints the attribute names of its
// nodes and edges, with each node's attributes, as JSON: {"nodes": {...}, "edges": [...]}.
import { readFileSync } from "node:fs";

import graphology from "graphology";
import gexf from "graphology-gexf";

const graph = gexf.parse(graphology.Graph, readFileSync(process.argv[2], "utf-8"), {
  allowUndeclaredAttributes: false,
});
const nodes = {};
graph.forEachNode((key, attributes) => {
  nodes[key] = attributes;
});
const edges = [];
graph.forEachEdge((_key, attributes, source, target) => {
  edges.push({ source, target, attributes });
});
process.stdout.write(JSON.stringify({ nodes, edges }));
