// The network map page (web/map.html): sigma.js (WebGL) over a graphology graph of the data
// from /map/data/. Filters narrow the loaded data in the browser and ask the server only when
// they widen it; highlights, sizes and the selected actor are applied through sigma's reducers.
import Sigma from "sigma";
import { EdgeLineProgram, NodePointProgram } from "sigma/rendering";
import { downloadAsPNG } from "@sigma/export-image";

import { FILTERS, narrows, queryString, readFilters, visibility, writeFilters } from "./map/filters.js";
import { adjacency, buildGraph, edgeSize, nodeSizes } from "./map/graph.js";
import { EGO_RING, labelDrawers } from "./map/labels.js";
import { renderPanel } from "./map/panel.js";
import { setUpSearch } from "./map/search.js";
import { setUpDrawing } from "./map/draw.js";
import { mapPicture, sharePicture } from "./map/share.js";

// Big maps are drawn with sigma's lightest programs: without a graphics card (a virtual
// desktop, say) the browser draws in software, where round nodes cost 20 times more than
// points and thick ties several times more than lines.
const BIG_GRAPH = 5000; // nodes: above this, point nodes, and labels wait for a closer zoom
const BIG_EDGES = 10000; // edges: above this, they are hidden while the map moves
const LINE_EDGES = 50000; // edges: above this, 1-pixel lines shaded by strength
const SHADES = [null, "#cdcdcd", "#a9a9a9", "#7d7d7d", "#4d4d4d"]; // strength 1…4
const LABEL_RATIO = 0.5; // camera ratio under which a big map shows labels
const DIM_NODE = "#d4d4d4";
// Edges in solid greys: sigma blends premultiplied colours, so translucent ones vanish.
const EDGE = "#b4b4b4";
const EDGE_DIM = "#e8e8e8";
const EDGE_STRONG = "#3a3a3a";
const BRIDGE = "#b3001b";

const root = document.getElementById("network-map");
if (root) start(root);

function start(root) {
  const config = JSON.parse(document.getElementById("map-config").textContent);
  const t = config.messages;
  const language = document.documentElement.lang || "th";
  const form = document.getElementById("map-filters");
  const canvas = document.getElementById("map-canvas");
  const panel = document.getElementById("map-panel");
  const status = document.getElementById("map-status");
  const sizeSelect = document.getElementById("map-size");
  const toggles = {
    hub: document.getElementById("map-hl-hub"),
    broker: document.getElementById("map-hl-broker"),
    articulation: document.getElementById("map-hl-articulation"),
    bridge: document.getElementById("map-hl-bridge"),
  };
  const gexfLink = document.getElementById("map-gexf");
  const egoNote = document.getElementById("map-ego-note");
  const marksLegend = document.getElementById("map-legend-marks");
  const state = { data: null, loaded: null, index: null, graph: null, renderer: null,
                  visible: null, selected: null, partners: new Set(), request: 0, lines: false,
                  ego: null };

  const format = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
  const number = (value) => value.toLocaleString(language);

  // --- reducers: how each node and edge is drawn right now ---------------------------------
  // The highlighted kinds of node ("hub", "broker", "articulation"), read once per redraw.
  let marks = [];
  const readMarks = () => {
    marks = ["hub", "broker", "articulation"].filter((name) => toggles[name] && toggles[name].checked);
  };

  function nodeReducer(key, attributes) {
    const i = attributes.i;
    if (!state.visible.node[i]) return { ...attributes, hidden: true };
    const nodes = state.data.nodes;
    const result = { ...attributes };
    if (i === state.ego) {
      // The centre of the view around one actor: ringed and named (labels.js draws the ring).
      result.ego = true;
      result.highlighted = true;
      result.forceLabel = true;
      result.zIndex = 4;
    }
    if (marks.length) {
      const marked = marks.some((name) => nodes[name][i]);
      if (marked) {
        result.size = attributes.size * 1.5 + 2;
        result.zIndex = 2;
        result.forceLabel = state.data.counts.nodes <= BIG_GRAPH;
      } else {
        result.color = DIM_NODE;
        result.zIndex = 0;
      }
    }
    if (state.selected !== null) {
      if (i === state.selected) {
        result.highlighted = true;
        result.forceLabel = true;
        result.zIndex = 3;
      } else if (state.partners.has(i)) {
        result.forceLabel = state.partners.size <= 30;
        result.zIndex = 2;
      } else if (!marks.length) {
        result.color = DIM_NODE;
      }
    }
    return result;
  }

  function edgeReducer(key, attributes) {
    const e = attributes.e;
    if (!state.visible.edge[e]) return { ...attributes, hidden: true };
    const result = { ...attributes, color: state.lines ? SHADES[state.data.edges.strength[e]] : EDGE };
    if (toggles.bridge && toggles.bridge.checked) {
      if (state.data.edges.bridge[e]) {
        result.color = BRIDGE;
        result.size = attributes.size + 1.5;
        result.zIndex = 2;
      } else {
        result.color = EDGE_DIM;
      }
    }
    if (state.selected !== null) {
      const { source, target } = state.data.edges;
      if (source[e] === state.selected || target[e] === state.selected) {
        if (result.color !== BRIDGE) result.color = EDGE_STRONG;
        result.zIndex = 3;
      } else if (result.color !== BRIDGE) {
        result.color = EDGE_DIM;
      }
    }
    return result;
  }

  // --- loading and drawing -------------------------------------------------------------------
  // options: keepCamera (a drawn map loads again after each change), select (an actor's key).
  async function load(values, options = {}) {
    const request = ++state.request;
    root.dataset.state = "loading";
    status.textContent = t.loading;
    let data;
    try {
      const response = await fetch(`${config.data_url}?${queryString(values)}`, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      if (!response.ok) throw new Error(String(response.status));
      data = await response.json();
    } catch (error) {
      if (request === state.request) {
        root.dataset.state = "failed";
        status.textContent = t.load_failed;
      }
      return;
    }
    if (request !== state.request) return; // a newer request is on its way
    performance.mark("map:data");
    state.loaded = values;
    draw(data, options);
    apply(readFilters(form));
    if (options.select) {
      const node = data.nodes.key.indexOf(options.select);
      if (node >= 0) select(node, { focusPanel: false });
    }
    performance.mark("map:ready");
  }

  function draw(data, { keepCamera = false } = {}) {
    const camera = keepCamera && state.renderer ? state.renderer.getCamera().getState() : null;
    if (state.renderer) state.renderer.kill();
    state.data = data;
    state.index = adjacency(data);
    state.together = new Map((data.together ? data.together.edge : []).map((e, k) => [e, k]));
    state.selected = null;
    state.partners = new Set();
    panel.hidden = true;
    state.visible = { node: new Uint8Array(data.counts.nodes).fill(1), edge: new Uint8Array(data.counts.edges).fill(1) };
    const colours = Object.fromEntries(data.legend.sectors.map((row) => [row.value, row.colour]));
    state.graph = buildGraph(data, colours, nodeSizes(data, sizeSelect.value));
    performance.mark("map:graph");
    const big = data.counts.nodes > BIG_GRAPH;
    state.lines = data.counts.edges > LINE_EDGES;
    const programs = {};
    if (big) programs.nodeProgramClasses = { circle: NodePointProgram };
    if (state.lines) programs.edgeProgramClasses = { line: EdgeLineProgram };
    try {
      state.renderer = new Sigma(state.graph, canvas, {
        nodeReducer,
        edgeReducer,
        zIndex: true,
        hideEdgesOnMove: data.counts.edges > BIG_EDGES,
        hideLabelsOnMove: big,
        renderLabels: !big,
        labelRenderedSizeThreshold: big ? 8 : 5,
        labelFont: getComputedStyle(document.body).fontFamily,
        labelSize: 13,
        ...labelDrawers(() => canvas.offsetWidth),
        defaultEdgeColor: EDGE,
        minEdgeThickness: 0.6,
        zoomToSizeRatioFunction: (ratio) => Math.sqrt(ratio),
        minCameraRatio: 0.02,
        maxCameraRatio: 4,
        allowInvalidContainer: true,
        // The project's map opens the ties between two actors from their line; a map of up
        // to BIG_EDGES ties names a tie under the pointer (its level, the activities shared).
        enableEdgeEvents: Boolean(config.ties_url) || data.counts.edges <= BIG_EDGES,
        ...programs,
      });
    } catch (error) {
      root.dataset.state = "failed";
      status.textContent = t.no_webgl;
      return;
    }
    performance.mark("map:sigma");
    const renderer = state.renderer;
    if (camera) renderer.getCamera().setState(camera);
    if (drawing) drawing.attach(renderer);
    if (big) {
      renderer.getCamera().on("updated", ({ ratio }) => {
        const wanted = ratio <= LABEL_RATIO;
        if (renderer.getSetting("renderLabels") !== wanted) renderer.setSetting("renderLabels", wanted);
      });
    }
    renderer.on("clickNode", ({ node }) => select(Number(node), { focusPanel: false }));
    renderer.on("clickStage", () => deselect());
    renderer.on("enterEdge", ({ edge, event }) => showTie(Number(edge), event));
    renderer.on("leaveEdge", () => { tip.hidden = true; });
    renderer.getCamera().on("updated", () => { tip.hidden = true; });
    renderer.on("enterNode", () => canvas.classList.add("map-canvas--pointer"));
    renderer.on("leaveNode", () => canvas.classList.remove("map-canvas--pointer"));
    search.reset();
    legend();
    const notes = [];
    if (data.layout === "placed") notes.push(t.placed);
    if (data.layout === "none") notes.push(t.no_layout);
    document.getElementById("map-layout-note").textContent = notes.join(" ");
    root.dataset.state = "ready";
  }

  // --- the tie under the pointer: its level, and the activities its two actors shared ---------
  const tip = document.createElement("div");
  tip.className = "map-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  canvas.append(tip);
  function showTie(e, event) {
    const data = state.data;
    if (!data || !state.visible.edge[e]) return;
    const level = data.legend.strengths.find((row) => row.value === data.edges.strength[e]);
    const lines = [level ? level.label : ""];
    const k = state.together ? state.together.get(e) : undefined;
    if (k !== undefined) {
      const count = data.together.shared[k];
      lines.push(format(count === 1 ? t.took_part_one : t.took_part, { count: number(count), last: data.together.last[k] }));
    }
    tip.replaceChildren(...lines.filter(Boolean).map((text) => {
      const line = document.createElement("span");
      line.textContent = text;
      return line;
    }));
    tip.style.left = `${Math.min(event.x + 12, canvas.offsetWidth - 220)}px`;
    tip.style.top = `${event.y + 12}px`;
    tip.hidden = false;
  }

  // --- filters -------------------------------------------------------------------------------
  function apply(values) {
    const data = state.data;
    if (!data || !state.renderer) return;
    state.visible = visibility(data, state.index, values);
    if (state.selected !== null && !state.visible.node[state.selected]) deselect(false);
    if (state.selected !== null) state.partners = partnersOf(state.selected);
    const nodes = state.visible.node.reduce((sum, v) => sum + v, 0);
    const edges = state.visible.edge.reduce((sum, v) => sum + v, 0);
    let text = format(t.shown, { nodes: number(nodes), edges: number(edges) });
    if (nodes !== data.counts.nodes || edges !== data.counts.edges) {
      text += ` ${format(t.of_total, { nodes: number(data.counts.nodes), edges: number(data.counts.edges) })}`;
    }
    status.textContent = text;
    const centre = values.ego ? data.nodes.key.indexOf(values.ego) : -1;
    const egoChanged = (centre >= 0 ? centre : null) !== state.ego;
    state.ego = centre >= 0 ? centre : null;
    if (values.ego) {
      egoNote.hidden = false;
      egoNote.querySelector("span").textContent = format(t.ego_on, { name: centre >= 0 ? data.nodes.label[centre] : values.ego });
    } else {
      egoNote.hidden = true;
    }
    legend();
    state.renderer.refresh();
    if (egoChanged) frameShown();
  }

  // Move the camera onto the actors shown (an ego view is a small part of the whole layout).
  function frameShown() {
    const renderer = state.renderer;
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    state.graph.forEachNode((key, attributes) => {
      if (!state.visible.node[attributes.i]) return;
      const shown = renderer.getNodeDisplayData(key);
      if (!shown) return;
      minX = Math.min(minX, shown.x); maxX = Math.max(maxX, shown.x);
      minY = Math.min(minY, shown.y); maxY = Math.max(maxY, shown.y);
    });
    if (minX === Infinity) return;
    const ratio = Math.min(1, Math.max(0.1, 1.3 * Math.max(maxX - minX, maxY - minY)));
    renderer.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 300 });
  }

  function filtersChanged() {
    const wanted = readFilters(form);
    const query = queryString(wanted);
    history.replaceState(null, "", query ? `${config.page_url}?${query}` : config.page_url);
    gexfLink.href = query ? `${config.gexf_url}?${query}` : config.gexf_url;
    for (const field of document.querySelectorAll("input[name=query]")) field.value = query;
    if (state.loaded && wanted.network !== state.loaded.network) {
      // Another network has its own run (layout, clusters): load its page.
      window.location.assign(query ? `${config.page_url}?${query}` : config.page_url);
    } else if (state.loaded && narrows(state.loaded, wanted)) {
      apply(wanted);
    } else {
      load(wanted);
    }
  }

  function legend() {
    const list = document.getElementById("map-legend-sectors");
    const counts = new Map();
    if (state.data) {
      const { sector } = state.data.nodes;
      for (let i = 0; i < sector.length; i++) {
        if (state.visible.node[i]) counts.set(sector[i], (counts.get(sector[i]) || 0) + 1);
      }
    }
    list.replaceChildren(...state.data.legend.sectors.map((row) => {
      const item = document.createElement("li");
      const swatch = document.createElement("span");
      swatch.className = "map-legend__swatch";
      swatch.style.background = row.colour;
      item.append(swatch, `${row.label} (${number(counts.get(row.value) || 0)})`);
      return item;
    }));
    marksLegendShow();
  }

  // The legend of what the highlights, the bridges and the ego view draw, for those shown now.
  function marksLegendShow() {
    const shown = {
      ego: state.ego !== null,
      marked: marks.length > 0,
      dimmed: marks.length > 0,
      bridge: Boolean(toggles.bridge && toggles.bridge.checked),
    };
    for (const item of marksLegend.querySelectorAll("li[data-mark]")) item.hidden = !shown[item.dataset.mark];
  }
  marksLegend.querySelector("[data-mark=dimmed] span").style.background = DIM_NODE;
  marksLegend.querySelector("[data-mark=bridge] span").style.background = BRIDGE;
  marksLegend.querySelector("[data-mark=ego] span").style.borderColor = EGO_RING;

  // --- the selected actor --------------------------------------------------------------------
  function partnersOf(node) {
    const partners = new Set();
    const { start, edgeOf, other } = state.index;
    for (let k = start[node]; k < start[node + 1]; k++) {
      if (state.visible.edge[edgeOf[k]]) partners.add(other[k]);
    }
    return partners;
  }

  function select(node, { focusPanel = true, zoom = false } = {}) {
    if (!state.visible.node[node]) return;
    state.selected = node;
    state.partners = partnersOf(node);
    if (tiesPanel) tiesPanel.hidden = true;
    const title = renderPanel(panel, {
      data: state.data, node, shownPartners: state.partners.size, config, language,
      partners: config.ties_url ? [...state.partners] : null,
      onTies: (partner) => openTies(node, partner),
      onEgo: (centre) => {
        form.elements.namedItem("ego").value = state.data.nodes.key[centre];
        filtersChanged();
      },
      onClose: () => deselect(),
    });
    root.dataset.selected = state.data.nodes.key[node];
    if (zoom) {
      const shown = state.renderer.getNodeDisplayData(String(node));
      const camera = state.renderer.getCamera();
      if (shown) camera.animate({ x: shown.x, y: shown.y, ratio: Math.min(camera.ratio, 0.25) }, { duration: 400 });
    }
    if (focusPanel) title.focus();
    state.renderer.refresh();
  }

  function deselect(refresh = true) {
    state.selected = null;
    state.partners = new Set();
    panel.hidden = true;
    delete root.dataset.selected;
    if (refresh && state.renderer) state.renderer.refresh();
  }

  // --- controls ------------------------------------------------------------------------------
  const search = setUpSearch({
    input: document.getElementById("map-search"),
    list: document.getElementById("map-search-list"),
    status: document.getElementById("map-search-status"),
    messages: t,
    candidates: () => ({ labels: state.data ? state.data.nodes.label : [], codes: state.data ? state.data.nodes.key : [],
                         visible: state.visible ? state.visible.node : [] }),
    onPick: (node) => select(node, { zoom: true }),
  });

  form.addEventListener("change", (event) => {
    if (event.target.name in FILTERS) filtersChanged();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    filtersChanged();
  });
  document.getElementById("map-ego-clear").addEventListener("click", () => {
    form.elements.namedItem("ego").value = "";
    filtersChanged();
  });
  sizeSelect.addEventListener("change", () => {
    if (!state.data) return;
    const sizes = nodeSizes(state.data, sizeSelect.value);
    state.graph.updateEachNodeAttributes((key, attributes) => ({ ...attributes, size: sizes[attributes.i] }), { attributes: ["size"] });
  });
  for (const box of Object.values(toggles)) {
    box.addEventListener("change", () => {
      readMarks();
      marksLegendShow();
      if (state.renderer) state.renderer.refresh();
    });
  }
  readMarks();
  document.getElementById("map-png").addEventListener("click", async (event) => {
    if (!state.renderer) return;
    const button = event.currentTarget;
    const shown = status.textContent;
    button.disabled = true;
    status.textContent = t.saving_png;
    try {
      if (config.share) {
        await sharedPicture();
      } else {
        await downloadAsPNG(state.renderer, { fileName: config.file_name, backgroundColor: "#ffffff" });
      }
      status.textContent = shown;
    } catch (error) {
      status.textContent = t.png_failed;
    } finally {
      button.disabled = false;
    }
  });

  // The project's picture: titled, with the legend, shared where the browser can share files.
  async function sharedPicture() {
    const share = config.share;
    const words = share.messages;
    const format2 = (text) => format(text, { title: share.title, date: share.date });
    const visibleSectors = new Set(state.data.nodes.sector.filter((_, i) => state.visible.node[i]));
    const canvas = await mapPicture(state.renderer, {
      title: share.title,
      subtitle: format2(words.drawn_on),
      levels: share.levels,
      sectors: state.data.legend.sectors.filter((row) => visibleSectors.has(row.value)),
      levelsTitle: words.legend_title,
      sectorsTitle: words.sectors_title,
    });
    root.dataset.picture = `${canvas.width}x${canvas.height}`;
    const how = await sharePicture(canvas, { fileName: config.file_name, title: format2(words.share_title), text: format2(words.share_text) });
    root.dataset.shared = how;
  }

  // --- the project's map: the ties between two actors, and drawing ----------------------------
  const tiesPanel = document.getElementById("map-ties");
  function openTies(a, b) {
    if (!tiesPanel || !config.ties_url) return;
    const ids = state.data.nodes.id;
    panel.hidden = true;
    tiesPanel.dataset.pair = `${ids[a]}-${ids[b]}`;
    const [one, other] = config.ties_placeholders;
    const url = config.ties_url.replace(one, String(ids[a])).replace(other, String(ids[b]));
    window.htmx.ajax("GET", url, { target: tiesPanel, swap: "innerHTML" }).then(() => {
      tiesPanel.hidden = false;
      const title = document.getElementById("map-ties-title");
      if (title) title.focus();
    });
  }
  if (tiesPanel) {
    tiesPanel.addEventListener("click", (event) => {
      if (event.target.closest("[data-close-ties]")) tiesPanel.hidden = true;
    });
  }
  document.addEventListener("phakhi:map-changed", () => load(readFilters(form), { keepCamera: true }));
  const drawing = config.drawing
    ? setUpDrawing({ config, root, state, openTies, reload: (options) => load(readFilters(form), options) })
    : null;
  document.getElementById("map-zoom-in").addEventListener("click", () => state.renderer && state.renderer.getCamera().animatedZoom(1.5));
  document.getElementById("map-zoom-out").addEventListener("click", () => state.renderer && state.renderer.getCamera().animatedUnzoom(1.5));
  document.getElementById("map-zoom-reset").addEventListener("click", () => state.renderer && state.renderer.getCamera().animatedReset());

  // For the browser tests and the frame-rate benchmark.
  root.phakhiMap = { state, select: (node) => select(node, { zoom: true }), edgeSize };
  writeFilters(form, readFilters(form));
  load(readFilters(form));
}
