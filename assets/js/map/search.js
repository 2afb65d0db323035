// The search box: an ARIA combobox over the actors on the map. Typing lists matching names
// (Thai or English, titles and spaces ignored as far as a substring allows); arrow keys move
// through the list, Enter picks, Escape closes. The list is also how keyboard users reach a node.
const LISTED = 12;

// The comparable form of a name: no spaces or zero-width characters, Thai digits as Arabic,
// lower case (the server compares names the same way).
export function searchKey(text) {
  return String(text)
    .normalize("NFC")
    .replace(/[\s\u200b-\u200d\ufeff]+/g, "")
    .replace(/[๐-๙]/g, (digit) => String(digit.charCodeAt(0) - 0x0e50))
    .toLowerCase();
}

export function setUpSearch({ input, list, status, messages, candidates, onPick }) {
  let keys = null;
  let shown = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const highlight = (position) => {
    active = position;
    for (const [k, option] of Array.from(list.children).entries()) {
      option.setAttribute("aria-selected", k === position ? "true" : "false");
    }
    if (position >= 0) {
      const option = list.children[position];
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  const pick = (position) => {
    const node = shown[position];
    if (node === undefined) return;
    input.value = list.children[position].dataset.label;
    close();
    onPick(node);
  };

  const update = () => {
    const { labels, codes, visible } = candidates();
    keys = keys || labels.map(searchKey);
    const query = searchKey(input.value);
    list.replaceChildren();
    shown = [];
    if (!query) {
      close();
      status.textContent = "";
      return;
    }
    const starts = [];
    const contains = [];
    for (let i = 0; i < keys.length; i++) {
      if (!visible[i]) continue;
      const key = keys[i];
      const code = String(codes[i]).toLowerCase();
      if (key.startsWith(query) || code === query) starts.push(i);
      else if (key.includes(query) || code.includes(query)) contains.push(i);
    }
    const found = starts.concat(contains);
    shown = found.slice(0, LISTED);
    for (const [position, node] of shown.entries()) {
      const option = document.createElement("li");
      option.id = `map-search-option-${position}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.label = labels[node];
      option.textContent = labels[node];
      const code = document.createElement("span");
      code.className = "map-search__key";
      code.textContent = ` ${codes[node]}`;
      option.append(code);
      option.addEventListener("mousedown", (event) => event.preventDefault());
      option.addEventListener("click", () => pick(position));
      list.append(option);
    }
    list.hidden = shown.length === 0;
    input.setAttribute("aria-expanded", shown.length ? "true" : "false");
    active = -1;
    status.textContent = found.length
      ? messages.matches.replace("{count}", found.length.toLocaleString()) +
        (found.length > LISTED ? ` · ${messages.more_matches}` : "")
      : messages.no_match;
  };

  input.addEventListener("input", update);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (list.hidden) update();
      if (!shown.length) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      highlight((active + step + shown.length) % shown.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (!list.hidden && shown.length) pick(active >= 0 ? active : 0);
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
  return { reset: () => { keys = null; close(); } };
}
