// The respondent's pages of a network survey (phakhi/web/templates/web/survey_respond/), on a
// phone. The list of partners — hundreds of members — filters as one types, in the page itself:
// each row's text (name, kind, province) and the typed text are brought to one comparable form,
// the rules of phakhi.core.thai (which the server applies when it filters the list for a browser
// without scripts): a title typed or not, spaces, dots, Thai digits, marks typed twice.
// The count of partners ticked follows the ticks.

const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;
const MARKS = /[\s.\-'’,()]+/g;
const THAI_DIGIT = /[\u0e50-\u0e59]/g;
// PyThaiNLP's normalize, as phakhi.core.thai applies it: a doubled sara e is sara ae, a tone mark
// typed before an upper or lower vowel goes after it, nikhahit + sara aa is sara am, and a vowel
// or sign typed twice counts once.
const TONES = "\u0e48-\u0e4b";
const ABOVE_BELOW = "\u0e31\u0e34-\u0e37\u0e38-\u0e3a\u0e47";
const REORDER = [
  [/\u0e40\u0e40/g, "\u0e41"],
  [new RegExp(`([${TONES}\u0e4c]+)([${ABOVE_BELOW}]+)`, "g"), "$2$1"],
  [new RegExp(`\u0e4d([${TONES}]*)\u0e32`, "g"), "$1\u0e33"],
];
const REPEATED = /([\u0e30-\u0e3a\u0e40-\u0e45\u0e47\u0e4c-\u0e4e])\1+/g;
const REPEATED_TONES = new RegExp(`[${TONES}]+([${TONES}])`, "g");

export function searchKey(text) {
  let key = text.normalize("NFC").replace(INVISIBLE, "");
  key = key.replace(THAI_DIGIT, (digit) => String(digit.charCodeAt(0) - 0x0e50));
  for (const [pattern, replacement] of REORDER) key = key.replace(pattern, replacement);
  key = key.replace(REPEATED, "$1").replace(REPEATED_TONES, "$1");
  return key.toLowerCase().replace(MARKS, "");
}

function countText(element, count) {
  if (count === 0) return element.dataset.zero;
  if (count === 1) return element.dataset.one;
  return element.dataset.many.replace("%(count)s", String(count));
}

function partnerList(form) {
  const input = form.querySelector("[data-survey-filter]");
  const button = form.querySelector("[data-survey-search]");
  const none = form.querySelector("[data-survey-none]");
  const count = form.querySelector("[data-survey-count]");
  const rows = Array.from(form.querySelectorAll(".survey-partners li"));
  const keys = rows.map((row) => searchKey(row.textContent));

  function filter() {
    const key = searchKey(input.value);
    let shown = 0;
    rows.forEach((row, n) => {
      const match = !key || keys[n].includes(key);
      row.hidden = !match;
      if (match) shown += 1;
    });
    none.hidden = shown > 0;
  }

  function counted() {
    const ticked = form.querySelectorAll("input[type=checkbox][name=p]:checked").length;
    const hidden = form.querySelectorAll("input[type=hidden][name=p]").length;
    count.textContent = countText(count, ticked + hidden);
  }

  if (input && button) {
    input.addEventListener("input", filter);
    // Searching happens as one types: the button (and Enter) only filter, without a new page.
    form.addEventListener("submit", (event) => {
      if (event.submitter === button || (!event.submitter && document.activeElement === input)) {
        event.preventDefault();
        filter();
      }
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        filter();
      }
    });
    if (input.value) filter();
  }
  if (count) form.addEventListener("change", counted);
}

document.querySelectorAll("[data-survey-partners]").forEach(partnerList);
