// Shared behaviour of every page: htmx (pages that update in place) and a few small helpers.
// The CSRF token reaches htmx requests through hx-headers on <body> (web/base.html).
import htmx from "htmx.org";
import { activityForms } from "./activities.js";
import { actorPickers } from "./picker.js";
import { stakeholderGrids } from "./stakeholders.js";

window.htmx = htmx;
// Under the Content-Security-Policy (no inline styles or scripts, no eval): htmx adds no <style>
// for its request indicators (no page uses them; a page that does styles .htmx-indicator in
// app.css) and never evaluates code from attributes.
htmx.config.includeIndicatorStyles = false;
htmx.config.allowEval = false;
document.documentElement.classList.add("js");

// <form data-confirm="…"> asks before it is sent (removing a member, ending a tie…).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// <select data-autosubmit> sends its form when changed (a filter that needs no button).
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field instanceof HTMLSelectElement && field.hasAttribute("data-autosubmit") && field.form) {
    field.form.requestSubmit();
  }
});

// <button data-copy-target="ID" data-copy-status="ID2" data-copied="…"> copies that field's text
// (an API token) to the clipboard and says so in #ID2; where the browser refuses, the text is
// selected instead.
document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-copy-target]") : null;
  if (!(button instanceof HTMLElement)) return;
  const field = document.getElementById(button.dataset.copyTarget);
  if (!(field instanceof HTMLInputElement)) return;
  const status = document.getElementById(button.dataset.copyStatus ?? "");
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    if (status) status.textContent = button.dataset.copied;
  } catch {
    document.execCommand("copy");
  }
});

// Fields that name an actor suggest actors while one types (assets/js/picker.js).
actorPickers();
activityForms();

// Worksheet 1's grid: drag or arrow-key cards between quadrants (assets/js/stakeholders.js).
stakeholderGrids();
