// The activity form (web/activities/form.html): the fieldset of ITA's o25 items shows only
// when the IAP2 level planned or achieved is a consultation (2) or higher — or when something
// is already written in it, which is never hidden. Without JavaScript it always shows.

const O25_FROM_LEVEL = 2;

function setUp(form) {
  const fieldset = form.querySelector("[data-o25]");
  const levels = [form.elements.namedItem("iap2_planned"), form.elements.namedItem("iap2_achieved")];
  if (!fieldset || levels.some((field) => !(field instanceof HTMLSelectElement))) return;
  const written = () =>
    Array.from(fieldset.querySelectorAll("textarea")).some((box) => box.value.trim() !== "");
  const update = () => {
    const highest = Math.max(...levels.map((field) => Number(field.value) || 0));
    fieldset.hidden = highest < O25_FROM_LEVEL && !written();
  };
  levels.forEach((field) => field.addEventListener("change", update));
  update();
}

export function activityForms() {
  document.querySelectorAll("form[data-activity-form]").forEach(setUp);
}
