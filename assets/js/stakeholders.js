// Worksheet 1's influence × interest grid (web/stakeholders/step_grid.html): drag a card to a
// cell of a quadrant (mouse, pen, or touch on the card's grip), or focus a card and use the
// arrow keys (Shift: the 1–5 score inside the quadrant). Each move is posted to the card's
// place/ address (under the page's data-stakeholder-base), as the form on the stakeholder's
// page does without JavaScript; the server answers with the card's new version, or a 409 when
// someone else moved it first.

const DRAG_THRESHOLD = 6; // pixels before a press becomes a drag (a click stays a click)
const MIDDLE = 3;
const SIDE_SCORES = { high: [3, 4, 5], low: [1, 2, 3] };
const DEFAULT_SCORE = { high: 4, low: 2 };

function csrfToken() {
  try {
    return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "";
  } catch {
    return "";
  }
}

function levels(card) {
  const [influence, interest] = (card.dataset.quadrant || "-").split("-");
  return { influence, interest };
}

function score(card, axis) {
  const value = card.dataset[`${axis}Score`];
  return value ? Number(value) : null;
}

function position(level, value) {
  return value ?? DEFAULT_SCORE[level];
}

function cellFor(page, quadrant, influenceScore, interestScore) {
  const [influence, interest] = quadrant.split("-");
  const i = position(influence, influenceScore);
  const j = position(interest, interestScore);
  return page.querySelector(
    `[data-quadrant="${quadrant}"] [data-cell][data-influence-score="${i}"][data-interest-score="${j}"]`,
  );
}

function recount(page) {
  for (const quadrant of page.querySelectorAll(".quadrant[data-quadrant]")) {
    const count = quadrant.querySelector("[data-count]");
    if (count) count.textContent = String(quadrant.querySelectorAll("[data-card]").length);
  }
  const tray = page.querySelector("[data-unplaced]");
  if (tray) {
    const left = tray.querySelectorAll("[data-card]").length;
    const count = tray.querySelector("[data-count]");
    if (count) count.textContent = String(left);
    const empty = tray.querySelector("[data-empty]");
    if (empty) empty.hidden = left > 0;
  }
}

function announce(page, text, isError = false) {
  const status = page.querySelector("[data-grid-status]");
  if (status) status.textContent = text;
  const visible = page.querySelector("[data-grid-error]");
  if (visible) {
    visible.textContent = isError ? text : "";
    visible.hidden = !isError;
  }
}

async function place(page, card, quadrant, influenceScore, interestScore) {
  const body = new FormData();
  body.set("quadrant", quadrant);
  body.set("influence_score", influenceScore ?? "");
  body.set("interest_score", interestScore ?? "");
  body.set("version", card.dataset.version || "");
  card.classList.add("is-saving");
  let answer;
  try {
    const response = await fetch(`${page.dataset.stakeholderBase}${card.dataset.card}/place/`, {
      method: "POST",
      body,
      headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
      credentials: "same-origin",
    });
    answer = await response.json().catch(() => ({ error: response.statusText }));
    if (!response.ok) {
      if (answer.version) card.dataset.version = String(answer.version);
      announce(page, answer.error || response.statusText, true);
      return false;
    }
  } catch (error) {
    announce(page, String(error), true);
    return false;
  } finally {
    card.classList.remove("is-saving");
  }
  card.dataset.version = String(answer.version);
  card.dataset.quadrant = answer.quadrant;
  card.dataset.influenceScore = answer.influence_score ?? "";
  card.dataset.interestScore = answer.interest_score ?? "";
  const cell = cellFor(page, answer.quadrant, answer.influence_score, answer.interest_score);
  if (cell) cell.append(card);
  recount(page);
  announce(page, answer.message || "");
  return true;
}

function keyboardMove(page, card, key, fine) {
  const { influence, interest } = levels(card);
  const placed = Boolean(influence && interest);
  const axis = key === "ArrowUp" || key === "ArrowDown" ? "influence" : "interest";
  const up = key === "ArrowUp" || key === "ArrowRight";
  const next = { influence: placed ? influence : "low", interest: placed ? interest : "low" };
  const scores = { influence: score(card, "influence"), interest: score(card, "interest") };
  if (fine && placed) {
    const side = SIDE_SCORES[next[axis]];
    const now = position(next[axis], scores[axis]);
    const wanted = now + (up ? 1 : -1);
    if (!side.includes(wanted)) return null; // the edge of the quadrant: plain arrows cross it
    scores[axis] = wanted;
  } else {
    const level = up ? "high" : "low";
    if (placed && next[axis] === level) return null;
    next[axis] = level;
    // A score of the side it leaves would contradict the new level (3 sits on the line).
    if (scores[axis] !== null && scores[axis] !== MIDDLE) scores[axis] = null;
  }
  return { quadrant: `${next.influence}-${next.interest}`, ...scores };
}

const EDGE = 48; // pixels from the window's top or bottom where a drag scrolls the page
const EDGE_STEP = 14;

function dragging(page, card, start) {
  // Page coordinates, so that the card follows the pointer while the page scrolls under it.
  const origin = { x: start.pageX, y: start.pageY };
  let active = false;
  let target = null;
  const grid = page.querySelector("[data-stakeholder-grid]");

  // The cell under the pointer; on a phone, where cells have no box of their own, the
  // quadrant (placed without scores).
  const over = (event) => {
    const found = document.elementFromPoint(event.clientX, event.clientY);
    if (!found) return null;
    const cell = found.closest("[data-cell]");
    if (cell && cell.getClientRects().length) return cell;
    return found.closest(".quadrant[data-quadrant]");
  };
  const follow = (event) => {
    card.style.transform = `translate(${event.clientX + window.scrollX - origin.x}px, ${
      event.clientY + window.scrollY - origin.y
    }px)`;
  };
  const move = (event) => {
    if (event.pointerId !== start.pointerId) return;
    const dx = event.pageX - origin.x;
    const dy = event.pageY - origin.y;
    if (!active && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    if (!active) {
      active = true;
      card.classList.add("is-dragging");
      grid?.classList.add("is-dragging");
    }
    event.preventDefault();
    if (event.clientY < EDGE) window.scrollBy(0, -EDGE_STEP);
    else if (event.clientY > window.innerHeight - EDGE) window.scrollBy(0, EDGE_STEP);
    follow(event);
    const cell = over(event);
    if (cell !== target) {
      target?.classList.remove("is-target");
      target = cell;
      target?.classList.add("is-target");
    }
  };
  const end = async (event) => {
    if (event.pointerId !== start.pointerId) return;
    document.removeEventListener("pointermove", move);
    document.removeEventListener("pointerup", end);
    document.removeEventListener("pointercancel", end);
    if (!active) return;
    // The press was a drag, not a click on the card's link.
    const swallow = (click) => click.preventDefault();
    card.addEventListener("click", swallow, { capture: true, once: true });
    setTimeout(() => card.removeEventListener("click", swallow, { capture: true }), 0);
    const cell = event.type === "pointerup" ? over(event) : null;
    target?.classList.remove("is-target");
    card.classList.remove("is-dragging");
    grid?.classList.remove("is-dragging");
    card.style.transform = "";
    if (!cell) return;
    const quadrant = cell.closest("[data-quadrant]")?.dataset.quadrant;
    if (!quadrant) return;
    const scores = cell.matches("[data-cell]")
      ? [Number(cell.dataset.influenceScore), Number(cell.dataset.interestScore)]
      : [null, null];
    await place(page, card, quadrant, ...scores);
  };
  document.addEventListener("pointermove", move, { passive: false });
  document.addEventListener("pointerup", end);
  document.addEventListener("pointercancel", end);
}

function setUp(page) {
  // Touch drags start on the grip only, so that a finger can still scroll the page over cards.
  page.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    const card = event.target.closest("[data-card][data-movable]");
    if (!card) return;
    const onGrip = Boolean(event.target.closest("[data-grip]"));
    if (event.pointerType === "touch" && !onGrip) return;
    if (!onGrip && event.target.closest("button, select, summary, input, label, details[open]")) return;
    if (onGrip) event.preventDefault();
    dragging(page, card, event);
  });
  page.addEventListener("keydown", async (event) => {
    const card = event.target;
    if (!(card instanceof HTMLElement) || !card.matches("[data-card][data-movable]")) return;
    if (!["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"].includes(event.key)) return;
    event.preventDefault();
    const wanted = keyboardMove(page, card, event.key, event.shiftKey);
    if (!wanted) return;
    await place(page, card, wanted.quadrant, wanted.influence, wanted.interest);
    card.focus();
  });
}

export function stakeholderGrids() {
  for (const grid of document.querySelectorAll("[data-stakeholder-grid]")) {
    const page = grid.closest(".grid-page") || document.body;
    if (page.dataset.gridReady) continue;
    page.dataset.gridReady = "1";
    setUp(page);
  }
}
