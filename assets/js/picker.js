// Actor pickers (phakhi/web/actor_picker.py): a text box that suggests actors while one types
// a part of a name, following the WAI-ARIA combobox pattern (list autocomplete). The arrow keys
// move through the suggestions, Enter or a click chooses one, Escape closes the list. Choosing
// fills the hidden "<field>_key" input with the actor's key, which the server reads instead of
// the text; typing again clears it. Suggestions come as JSON from web:actor-suggest and are
// written with textContent only.

const WAIT_MS = 200; // after the last key, before asking the server

function setUp(picker) {
  const input = picker.querySelector("input[type=text]");
  const key = picker.querySelector("[data-picker-key]");
  const list = picker.querySelector("[role=listbox]");
  const status = picker.querySelector("[data-picker-status]");
  if (!input || !key || !list || !picker.dataset.suggestUrl) return;
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  let actors = [];
  let active = -1;
  let timer = 0;
  let asked = 0; // the latest request: older answers are dropped

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    active = index;
    list.querySelectorAll("[role=option]").forEach((option, n) => {
      option.setAttribute("aria-selected", n === index ? "true" : "false");
      if (n === index) {
        input.setAttribute("aria-activedescendant", option.id);
        option.scrollIntoView({ block: "nearest" });
      }
    });
  }

  function choose(index) {
    const actor = actors[index];
    if (!actor) return;
    input.value = actor.name;
    key.value = actor.key;
    close();
    status.textContent = `${actor.name} (${actor.key})`;
  }

  function show(found) {
    actors = found;
    list.replaceChildren();
    found.forEach((actor, n) => {
      const option = document.createElement("li");
      option.id = `${list.id}-${n}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.className = "actor-picker__option";
      const name = document.createElement("span");
      name.className = "actor-picker__name";
      name.textContent = actor.name;
      const detail = document.createElement("span");
      detail.className = "actor-picker__detail";
      detail.textContent = actor.organization ? `${actor.key} · ${actor.organization}` : actor.key;
      option.append(name, detail);
      // mousedown, not click: the text box must not lose the choice to its blur first.
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        choose(n);
      });
      list.append(option);
    });
    list.hidden = found.length === 0;
    input.setAttribute("aria-expanded", found.length ? "true" : "false");
    active = -1;
    status.textContent = found.length ? picker.dataset.found : picker.dataset.none;
  }

  async function suggest() {
    const text = input.value.trim();
    if (!text) {
      show([]);
      status.textContent = "";
      return;
    }
    const url = new URL(picker.dataset.suggestUrl, window.location.href);
    url.searchParams.set("q", text);
    const mine = ++asked;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok || mine !== asked) return;
      const answer = await response.json();
      if (mine === asked && document.activeElement === input) show(answer.actors);
    } catch {
      // Offline or refused: the form still works with the text as typed.
    }
  }

  input.addEventListener("input", () => {
    key.value = "";
    window.clearTimeout(timer);
    timer = window.setTimeout(suggest, WAIT_MS);
  });
  input.addEventListener("keydown", (event) => {
    const open = !list.hidden && actors.length > 0;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) suggest();
      else highlight((active + 1) % actors.length);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      highlight(active <= 0 ? actors.length - 1 : active - 1);
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault(); // choose, do not send the form yet
      choose(active);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", close);
}

function setUpAll(root) {
  root.querySelectorAll("[data-actor-picker]").forEach((picker) => {
    if (picker.dataset.pickerReady) return;
    picker.dataset.pickerReady = "1";
    setUp(picker);
  });
}

export function actorPickers() {
  setUpAll(document);
  // Forms that htmx puts in place later (a network's members, an actor's ties).
  document.addEventListener("htmx:load", (event) => setUpAll(event.target));
}
