// The map's payload (columns from /map/data/) as a graphology graph, plus an adjacency index
// for walking the graph quickly (ego networks, partners of the selected actor).
import Graph from "graphology";

// Node sizes in screen pixels: small nodes on big maps so the structure stays readable.
export function sizeRange(nodeCount) {
  if (nodeCount > 5000) return [1.5, 12];
  if (nodeCount > 500) return [2.5, 16];
  return [5, 22];
}

export function nodeSizes(data, metric) {
  const n = data.counts.nodes;
  const [low, high] = sizeRange(n);
  const sizes = new Float32Array(n).fill(low);
  const values = data.nodes[metric];
  if (!values) return sizes;
  let max = 0;
  for (const value of values) if (value !== null && value > max) max = value;
  if (max <= 0) return sizes;
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value !== null && value > 0) sizes[i] = low + (high - low) * Math.sqrt(value / max);
  }
  return sizes;
}

export function edgeSize(strength) {
  return 0.4 + 0.6 * strength; // 1 networking … 4 collaborate
}

export function buildGraph(data, colours, sizes) {
  const graph = new Graph({ type: "mixed", multi: false, allowSelfLoops: false });
  const nodes = data.nodes;
  for (let i = 0; i < data.counts.nodes; i++) {
    graph.addNode(String(i), {
      i,
      x: nodes.x[i],
      y: nodes.y[i],
      size: sizes[i],
      color: colours[nodes.sector[i]] || colours.none,
      label: nodes.label[i],
    });
  }
  const edges = data.edges;
  for (let e = 0; e < data.counts.edges; e++) {
    const attributes = { e, size: edgeSize(edges.strength[e]) };
    const source = String(edges.source[e]);
    const target = String(edges.target[e]);
    if (edges.directed[e]) {
      graph.addDirectedEdgeWithKey(String(e), source, target, { ...attributes, type: "arrow" });
    } else {
      graph.addUndirectedEdgeWithKey(String(e), source, target, attributes);
    }
  }
  return graph;
}

// Compressed adjacency: the edges of node i are edgeOf[start[i] … start[i + 1]).
export function adjacency(data) {
  const n = data.counts.nodes;
  const m = data.counts.edges;
  const { source, target } = data.edges;
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    start[source[e] + 1]++;
    start[target[e] + 1]++;
  }
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const edgeOf = new Int32Array(2 * m);
  const other = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    edgeOf[fill[source[e]]] = e;
    other[fill[source[e]]++] = target[e];
    edgeOf[fill[target[e]]] = e;
    other[fill[target[e]]++] = source[e];
  }
  return { start, edgeOf, other };
}

// Nodes within `radius` steps of `centre`, walking only edges that `usable(e)` allows.
export function around(index, centre, radius, usable) {
  const reached = new Map([[centre, 0]]);
  let frontier = [centre];
  for (let step = 1; step <= radius; step++) {
    const next = [];
    for (const node of frontier) {
      for (let k = index.start[node]; k < index.start[node + 1]; k++) {
        const neighbour = index.other[k];
        if (!reached.has(neighbour) && usable(index.edgeOf[k])) {
          reached.set(neighbour, step);
          next.push(neighbour);
        }
      }
    }
    frontier = next;
  }
  return reached;
}
