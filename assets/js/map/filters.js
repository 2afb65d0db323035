// The map's filters: read from the form, applied to the loaded data in the browser, and turned
// back into the query string (the page's address, the data request, the GEXF download).
import { around } from "./graph.js";

// Filters the server applies (the map's data depends on them) and their defaults.
export const FILTERS = {
  network: "",
  sector: "",
  province: "",
  tag: "",
  min_strength: "1",
  community: "",
  ego: "",
  radius: "1",
};

export function readFilters(form) {
  const values = {};
  for (const [name, fallback] of Object.entries(FILTERS)) {
    const field = form.elements.namedItem(name);
    values[name] = field && field.value !== "" ? String(field.value) : fallback;
  }
  return values;
}

export function writeFilters(form, values) {
  for (const name of Object.keys(FILTERS)) {
    const field = form.elements.namedItem(name);
    if (field) field.value = values[name] ?? FILTERS[name];
  }
}

export function queryString(values) {
  const query = new URLSearchParams();
  for (const [name, fallback] of Object.entries(FILTERS)) {
    if (values[name] !== undefined && values[name] !== fallback) query.set(name, values[name]);
  }
  if (!values.ego) query.delete("radius");
  return query.toString();
}

// Whether the loaded data already holds everything `wanted` shows, so that the browser can
// filter it without asking the server again.
export function narrows(loaded, wanted) {
  if (wanted.network !== loaded.network) return false;
  for (const name of ["sector", "province", "tag", "community"]) {
    if (loaded[name] !== "" && wanted[name] !== loaded[name]) return false;
  }
  if (Number(wanted.min_strength) < Number(loaded.min_strength)) return false;
  if (loaded.ego !== "") {
    return wanted.ego === loaded.ego && Number(wanted.radius) <= Number(loaded.radius);
  }
  return true;
}

// Which nodes and edges pass the filters: { node: Uint8Array, edge: Uint8Array, egoFound }.
export function visibility(data, index, values) {
  const n = data.counts.nodes;
  const m = data.counts.edges;
  const nodes = data.nodes;
  const node = new Uint8Array(n).fill(1);
  const community = values.community === "" ? null : Number(values.community);
  for (let i = 0; i < n; i++) {
    if (
      (values.sector && nodes.sector[i] !== values.sector) ||
      (values.province && nodes.province[i] !== values.province) ||
      (community !== null && nodes.community[i] !== community)
    ) {
      node[i] = 0;
    }
  }
  if (values.tag) {
    const tag = data.tags.indexOf(values.tag);
    const tagged = new Uint8Array(n);
    const links = data.tag_links;
    for (let k = 0; k < links.node.length; k++) if (links.tag[k] === tag) tagged[links.node[k]] = 1;
    for (let i = 0; i < n; i++) node[i] &= tagged[i];
  }
  const minimum = Number(values.min_strength) || 1;
  const edges = data.edges;
  const edge = new Uint8Array(m);
  for (let e = 0; e < m; e++) {
    edge[e] = node[edges.source[e]] && node[edges.target[e]] && edges.strength[e] >= minimum ? 1 : 0;
  }
  let egoFound = true;
  if (values.ego) {
    const centre = nodes.key.indexOf(values.ego);
    egoFound = centre >= 0 && node[centre] === 1;
    const reached = egoFound ? around(index, centre, Number(values.radius) || 1, (e) => edge[e] === 1) : new Map();
    for (let i = 0; i < n; i++) if (!reached.has(i)) node[i] = 0;
    for (let e = 0; e < m; e++) if (edge[e] && !(node[edges.source[e]] && node[edges.target[e]])) edge[e] = 0;
  }
  return { node, edge, egoFound };
}
