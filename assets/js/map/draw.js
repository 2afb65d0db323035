// Drawing on a project's map (worksheet 3, web/projects/map.html): add an actor where the map is
// tapped, drag from one actor to another (mouse or touch) to draw a tie and choose its level,
// or name both in the form (the keyboard way); move actors; open the ties between two actors to
// change or end them (an htmx fragment, web/projects/_map_ties.html). Every change is a form
// sent to the server (phakhi/web/views/drawing_edits.py), after which the map loads again.

const SVG = "http://www.w3.org/2000/svg";
const RUBBER_BAND = "#b3001b";

function csrfToken() {
  try {
    return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "";
  } catch {
    return "";
  }
}

// Send a form's fields (and extra ones) as a POST; the answer's JSON with its status.
export async function post(url, fields) {
  const body = fields instanceof FormData ? fields : new FormData();
  if (!(fields instanceof FormData)) for (const [name, value] of Object.entries(fields)) body.append(name, value);
  const response = await fetch(url, {
    method: "POST",
    body,
    credentials: "same-origin",
    headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
  });
  let data = {};
  try {
    data = await response.json();
  } catch {
    data = {};
  }
  return { status: response.status, data };
}

function reasons(data) {
  const errors = (data && data.errors) || {};
  return Object.values(errors).flat().join(" ");
}

export function setUpDrawing({ config, root, state, reload, openTies }) {
  const drawing = config.drawing;
  const t = drawing.messages;
  const format = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
  const actorForm = document.getElementById("map-actor-form");
  const tieForm = document.getElementById("map-tie-form");
  const addActor = document.getElementById("map-add-actor");
  const addTie = document.getElementById("map-add-tie");
  const moveBox = document.getElementById("map-move");
  const say = document.getElementById("map-draw-status");
  const placeHint = document.getElementById("map-actor-place");
  let renderer = null;
  let hovered = null;
  let drag = null; // { node, moved }
  let pending = null; // where the new actor goes, in the map's coordinates
  let overlay = null;
  let band = null;
  let marker = null;

  // --- coordinates ---------------------------------------------------------------------------
  // The map sends coordinates scaled into its frame; the server keeps the layout's own.
  function toLayout(point) {
    const frame = state.data.frame;
    return { x: frame.x0 + point.x * frame.scale, y: frame.y0 + point.y * frame.scale };
  }
  function nodeViewport(node) {
    const attributes = state.graph.getNodeAttributes(node);
    return renderer.graphToViewport({ x: attributes.x, y: attributes.y });
  }
  function viewCentre() {
    const box = renderer.getContainer().getBoundingClientRect();
    return renderer.viewportToGraph({ x: box.width / 2, y: box.height / 2 });
  }

  // --- the overlay: the line being drawn and the new actor's place ---------------------------
  function makeOverlay(container) {
    if (overlay) overlay.remove();
    overlay = document.createElementNS(SVG, "svg");
    overlay.setAttribute("class", "map-draw__overlay");
    overlay.setAttribute("aria-hidden", "true");
    band = document.createElementNS(SVG, "line");
    band.setAttribute("stroke", RUBBER_BAND);
    band.setAttribute("stroke-width", "3");
    band.setAttribute("stroke-dasharray", "6 4");
    band.setAttribute("visibility", "hidden");
    marker = document.createElementNS(SVG, "circle");
    marker.setAttribute("r", "9");
    marker.setAttribute("fill", "none");
    marker.setAttribute("stroke", RUBBER_BAND);
    marker.setAttribute("stroke-width", "3");
    marker.setAttribute("visibility", "hidden");
    overlay.append(band, marker);
    container.append(overlay);
  }
  function showMarker() {
    if (!pending || !renderer) {
      marker.setAttribute("visibility", "hidden");
      return;
    }
    const point = renderer.graphToViewport(pending);
    marker.setAttribute("cx", String(point.x));
    marker.setAttribute("cy", String(point.y));
    marker.setAttribute("visibility", "visible");
  }

  // --- messages ------------------------------------------------------------------------------
  function tell(text) {
    say.textContent = text;
  }
  function formError(form, text) {
    form.querySelector("[data-errors]").textContent = text;
  }

  // --- adding an actor -----------------------------------------------------------------------
  function openActorForm() {
    tieForm.hidden = true;
    addTie.setAttribute("aria-expanded", "false");
    actorForm.hidden = false;
    addActor.setAttribute("aria-expanded", "true");
    placeHint.textContent = pending ? t.placed_here : t.placed_middle;
    formError(actorForm, "");
    actorForm.elements.namedItem("confirm").value = "";
    actorForm.querySelector("[data-submit]").textContent = actorForm.dataset.submitText;
    if (!actorForm.querySelector("input[name=kind]:checked")) actorForm.querySelector("input[name=kind]").checked = true;
    actorForm.elements.namedItem("name").focus();
  }
  // The directory's actors the room may have meant: one that is not on the map yet is put
  // there (it joins the lead network) instead of a new one.
  const duplicates = actorForm.querySelector("[data-duplicates]");
  function offerDuplicates(rows, where) {
    duplicates.replaceChildren(...rows.map((row) => {
      const item = document.createElement("li");
      if (row.on_map) {
        item.textContent = format(t.on_map_already, row);
        return item;
      }
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button button--secondary";
      button.textContent = format(t.use_this, row);
      button.addEventListener("click", async () => {
        const url = drawing.join_url.replace(drawing.placeholder, String(row.id));
        let answer;
        try {
          answer = await post(url, { x: String(where.x), y: String(where.y) });
        } catch {
          tell(t.offline);
          return;
        }
        if (answer.status !== 201) {
          formError(actorForm, reasons(answer.data) || format(t.failed, { reason: answer.status }));
          return;
        }
        tell(format(t.joined, { name: answer.data.name }));
        actorForm.reset();
        closeActorForm();
        reload({ keepCamera: true, select: answer.data.key });
      });
      item.append(button);
      return item;
    }));
    duplicates.hidden = false;
  }

  function closeActorForm() {
    duplicates.hidden = true;
    duplicates.replaceChildren();
    actorForm.hidden = true;
    addActor.setAttribute("aria-expanded", "false");
    pending = null;
    showMarker();
  }
  actorForm.dataset.submitText = actorForm.querySelector("[data-submit]").textContent;
  addActor.addEventListener("click", () => (actorForm.hidden ? openActorForm() : closeActorForm()));
  actorForm.querySelector("[data-cancel]").addEventListener("click", closeActorForm);
  actorForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!renderer || !state.data) return;
    const where = toLayout(pending || viewCentre());
    const fields = new FormData(actorForm);
    fields.set("x", String(where.x));
    fields.set("y", String(where.y));
    tell(t.adding);
    let answer;
    try {
      answer = await post(drawing.actor_url, fields);
    } catch {
      tell(t.offline);
      return;
    }
    if (answer.status === 201) {
      tell(format(t.added, { name: answer.data.name }));
      actorForm.reset();
      closeActorForm();
      reload({ keepCamera: true, select: answer.data.key });
    } else if (answer.status === 409) {
      const names = answer.data.duplicates.map((row) => `${row.name} (${row.key})`).join(", ");
      formError(actorForm, format(t.duplicates, { names }));
      offerDuplicates(answer.data.duplicates, where);
      actorForm.elements.namedItem("confirm").value = "True";
      actorForm.querySelector("[data-submit]").textContent = t.add_anyway;
      tell("");
    } else {
      formError(actorForm, reasons(answer.data) || format(t.failed, { reason: answer.status }));
      tell("");
    }
  });

  // --- drawing a tie -------------------------------------------------------------------------
  function fillPicker(name, node) {
    const input = tieForm.elements.namedItem(name);
    const key = tieForm.elements.namedItem(`${name}_key`);
    input.value = node === null ? "" : state.data.nodes.label[node];
    key.value = node === null ? "" : state.data.nodes.key[node];
  }
  function openTieForm(source = null, target = null) {
    actorForm.hidden = true;
    addActor.setAttribute("aria-expanded", "false");
    tieForm.hidden = false;
    addTie.setAttribute("aria-expanded", "true");
    formError(tieForm, "");
    fillPicker("source", source);
    fillPicker("target", target);
    const legend = document.getElementById("map-tie-legend");
    legend.textContent = source !== null && target !== null
      ? format(t.tie_between, { source: state.data.nodes.label[source], target: state.data.nodes.label[target] })
      : legend.dataset.plain;
    if (source !== null && target !== null) {
      (tieForm.querySelector("input[name=strength]:checked") || tieForm.querySelector("input[name=strength]")).focus();
    } else {
      tieForm.elements.namedItem("source").focus();
    }
  }
  function closeTieForm() {
    tieForm.hidden = true;
    addTie.setAttribute("aria-expanded", "false");
  }
  document.getElementById("map-tie-legend").dataset.plain = document.getElementById("map-tie-legend").textContent;
  addTie.addEventListener("click", () => (tieForm.hidden ? openTieForm() : closeTieForm()));
  tieForm.querySelector("[data-cancel]").addEventListener("click", closeTieForm);
  tieForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const fields = new FormData(tieForm);
    tell(t.drawing_tie);
    let answer;
    try {
      answer = await post(drawing.tie_url, fields);
    } catch {
      tell(t.offline);
      return;
    }
    if (answer.status === 201) {
      tell(format(t.tie_added, { source: fields.get("source"), target: fields.get("target") }));
      tieForm.reset();
      closeTieForm();
      reload({ keepCamera: true });
    } else {
      formError(tieForm, reasons(answer.data) || format(t.failed, { reason: answer.status }));
      tell("");
    }
  });

  function edgeBetween(a, b) {
    const { start, other } = state.index;
    for (let k = start[a]; k < start[a + 1]; k++) if (other[k] === b) return true;
    return false;
  }

  // --- pointer and touch: drag from an actor -------------------------------------------------
  function editable(node) {
    const flags = state.data.nodes.editable;
    return !flags || Boolean(flags[node]);
  }
  function endDrag() {
    if (!drag) return null;
    const done = drag;
    drag = null;
    band.setAttribute("visibility", "hidden");
    renderer.getCamera().enable();
    return done;
  }
  async function savePlace(node) {
    const attributes = state.graph.getNodeAttributes(node);
    const where = toLayout({ x: attributes.x, y: attributes.y });
    const url = drawing.place_url.replace(drawing.placeholder, String(state.data.nodes.id[node]));
    const name = state.data.nodes.label[node];
    try {
      const answer = await post(url, { x: String(where.x), y: String(where.y) });
      if (answer.status === 200) tell(format(t.moved, { name }));
      else {
        tell(reasons(answer.data) || t.move_failed);
        reload({ keepCamera: true });
      }
    } catch {
      tell(t.offline);
      reload({ keepCamera: true });
    }
  }
  function finish() {
    const done = endDrag();
    if (!done || !done.moved) return;
    const source = Number(done.node);
    if (moveBox.checked) {
      savePlace(done.node);
      return;
    }
    const target = hovered !== null && hovered !== done.node ? Number(hovered) : null;
    if (target === null) return;
    if (!editable(source) && !editable(target)) {
      // As on the actor page: a tie is drawn by those who may change one of its ends.
      tell(format(t.not_yours, { name: state.data.nodes.label[source] }));
      return;
    }
    if (edgeBetween(source, target)) {
      tell(format(t.tie_exists, { source: state.data.nodes.label[source], target: state.data.nodes.label[target] }));
      openTies(source, target);
      return;
    }
    openTieForm(source, target);
  }

  function attach(newRenderer) {
    renderer = newRenderer;
    hovered = null;
    drag = null;
    makeOverlay(renderer.getContainer());
    renderer.on("enterNode", ({ node }) => { hovered = node; });
    renderer.on("leaveNode", () => { hovered = null; });
    renderer.on("downNode", ({ node, event }) => {
      drag = { node, moved: false };
      renderer.getCamera().disable();
      // Keep the map's frame while an actor moves: sigma would otherwise rescale the whole
      // drawing to the moving actor, and the pointer and the actor would part.
      if (!renderer.getCustomBBox()) renderer.setCustomBBox(renderer.getBBox());
      if (event && event.original && event.original.cancelable) event.original.preventDefault();
    });
    renderer.on("moveBody", ({ event }) => {
      if (!drag) return;
      event.preventSigmaDefault();
      if (event.original.cancelable) event.original.preventDefault();
      drag.moved = true;
      if (moveBox.checked) {
        const point = renderer.viewportToGraph(event);
        state.graph.mergeNodeAttributes(drag.node, { x: point.x, y: point.y });
        return;
      }
      const from = nodeViewport(drag.node);
      band.setAttribute("x1", String(from.x));
      band.setAttribute("y1", String(from.y));
      band.setAttribute("x2", String(event.x));
      band.setAttribute("y2", String(event.y));
      band.setAttribute("visibility", "visible");
    });
    renderer.on("upNode", finish);
    renderer.on("upStage", finish);
    renderer.on("leaveStage", () => { if (drag && !moveBox.checked) endDrag(); });
    renderer.on("clickStage", ({ event }) => {
      if (actorForm.hidden) return;
      pending = renderer.viewportToGraph(event);
      placeHint.textContent = t.placed_here;
      showMarker();
    });
    renderer.on("clickEdge", ({ edge }) => {
      const e = Number(edge);
      openTies(state.data.edges.source[e], state.data.edges.target[e]);
    });
    renderer.on("afterRender", showMarker);
  }

  root.dataset.drawing = "on";
  return { attach };
}
