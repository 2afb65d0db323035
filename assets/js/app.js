// Shared behaviour of every page: htmx (pages that update in place) and a few small helpers.
// The CSRF token reaches htmx requests through hx-headers on <body> (web/base.html).
import htmx from "htmx.org";

window.htmx = htmx;
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
