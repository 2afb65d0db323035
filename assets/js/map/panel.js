// The side panel of the selected actor: who it is and its measures in plain words.
const PANEL_METRICS = [
  "degree", "strength", "betweenness", "eigenvector", "pagerank", "closeness", "constraint",
  "brokerage", "articulation", "community",
];

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "className") node.className = value;
    else node.setAttribute(name, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

export function renderPanel(panel, { data, node, shownPartners, config, language, onEgo, onClose, partners = null, onTies = null }) {
  const t = config.messages;
  const nodes = data.nodes;
  const number = new Intl.NumberFormat(language, { maximumSignificantDigits: 4 });
  const sector = data.legend.sectors.find((row) => row.value === nodes.sector[node]);
  const tagNames = [];
  const links = data.tag_links;
  for (let k = 0; k < links.node.length; k++) {
    if (links.node[k] === node) tagNames.push(data.tags[links.tag[k]]);
  }
  const facts = element("dl", { className: "map-panel__facts" });
  const fact = (label, value) => {
    if (value === "" || value === null || value === undefined) return;
    facts.append(element("dt", {}, label), element("dd", {}, String(value)));
  };
  fact(t.kind, t.kinds[nodes.kind[node]] || nodes.kind[node]);
  fact(t.sector, sector ? sector.label : "");
  fact(t.province, data.provinces[nodes.province[node]] || "");
  fact(t.issues, tagNames.join(", "));
  fact(t.partners_shown, number.format(shownPartners));

  const measures = element("dl", { className: "map-panel__measures" });
  for (const name of PANEL_METRICS) {
    const about = data.metrics[name];
    const raw = nodes[name] ? nodes[name][node] : null;
    let value;
    if (raw === null || raw === undefined) value = t.not_analysed;
    else if (name === "articulation") value = raw ? t.yes : t.no;
    else if (name === "community") value = raw < 0 ? "–" : number.format(raw + 1); // counted from 1
    else value = number.format(raw);
    measures.append(
      element("dt", {}, about.label, element("span", { className: "map-panel__help" }, about.help)),
      element("dd", {}, value),
    );
  }
  const badges = element("ul", { className: "map-panel__badges" });
  if (nodes.hub[node]) badges.append(element("li", {}, t.hub));
  if (nodes.broker[node]) badges.append(element("li", {}, t.broker));
  if (nodes.articulation[node]) badges.append(element("li", {}, data.metrics.articulation.label));

  const actions = element("div", { className: "map-panel__actions" });
  const ego = element("button", { type: "button", className: "button" }, t.ego);
  ego.addEventListener("click", () => onEgo(node));
  actions.append(ego);
  if (config.actor_url) {
    const href = config.actor_url.replace(config.actor_placeholder, String(nodes.id[node]));
    actions.append(element("a", { href, className: "button button--secondary" }, t.open_actor));
  }
  const close = element("button", { type: "button", className: "map-panel__close", "aria-label": t.close }, "×");
  close.addEventListener("click", onClose);

  // On a project's map: the actor's partners, each opening the ties between the two.
  let ties = null;
  if (partners && partners.length && onTies) {
    const list = element("ul", { className: "map-panel__ties" });
    const byName = [...partners].sort((a, b) => nodes.label[a].localeCompare(nodes.label[b], language));
    for (const partner of byName) {
      const button = element("button", { type: "button", className: "link-button" }, nodes.label[partner]);
      button.addEventListener("click", () => onTies(partner));
      list.append(element("li", {}, button));
    }
    ties = element("section", { className: "map-panel__tie-list" }, element("h3", {}, t.ties_heading), list);
  }

  const title = element("h2", { id: "map-panel-title", tabindex: "-1" }, nodes.label[node]);
  // replaceChildren writes a null as the text "null": leave the empty badge list out instead.
  const parts = [close, title, element("p", { className: "map-panel__key" }, nodes.key[node])];
  if (badges.children.length) parts.push(badges);
  panel.replaceChildren(...parts, facts, ...(ties ? [ties] : []), measures, actions);
  panel.hidden = false;
  return title;
}
