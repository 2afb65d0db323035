// The participation dashboard's charts (web/participation/), drawn by Chart.js from the tables
// beside them, so that a chart and its table always show the same numbers and the table stays
// the accessible reading of the chart.
//
//   <canvas data-chart-source="TABLE-ID" data-chart-type="bar|stacked|line" role="img" aria-label="…"
//           [data-chart-min="N" data-chart-max="N"]>
//   <table id="TABLE-ID">
//     <thead> <th data-series="NAME" data-colour="#…">Series label</th> …   one dataset a column
//     <tbody> <tr [data-chart-skip]> <th data-chart-label="short label">…</th>
//             <td data-value="N"><a href="…">N</a></td> …                  a bar; its link opens
//
// "bar": grouped vertical bars; "stacked": horizontal bars, the series stacked; "line": one line a
// series over the rows in order (the self-assessments over time), an empty data-value a gap the
// line spans. Text is drawn in the page's own font (Sarabun, assets/build.mjs), once it is loaded.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

function cellValue(cell, line) {
  const value = cell.dataset.value;
  if (line && (value === undefined || value === "")) return null;
  return Number(value || 0);
}

function readTable(table, line) {
  const headings = [...table.tHead.rows[table.tHead.rows.length - 1].cells];
  const series = headings
    .map((cell, column) => ({ cell, column }))
    .filter(({ cell }) => cell.dataset.series);
  const rows = [...table.tBodies[0].rows].filter((row) => !row.hasAttribute("data-chart-skip"));
  const labels = rows.map((row) => {
    const head = row.cells[0];
    return (head.dataset.chartLabel || head.textContent).trim();
  });
  const links = [];
  const datasets = series.map(({ cell, column }, index) => {
    links[index] = rows.map((row) => row.cells[column].querySelector("a")?.href ?? null);
    const colour = cell.dataset.colour || "#0b57a4";
    const data = rows.map((row) => cellValue(row.cells[column], line));
    if (line) {
      return {
        label: (cell.dataset.chartLabel || cell.textContent).trim(),
        data,
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: 2,
        pointRadius: 4,
        spanGaps: true,
      };
    }
    return { label: cell.textContent.trim(), data, backgroundColor: colour, borderWidth: 0 };
  });
  return { labels, datasets, links };
}

// A long category name (ภาคประชาชน ประชาสังคม และเอกชน) on lines of about ``width`` characters,
// broken at its spaces, so that a phone's narrow chart does not cut it off.
function wrapped(label, width) {
  const lines = [];
  for (const word of label.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + word.length < width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

function draw(canvas, font) {
  const table = document.getElementById(canvas.dataset.chartSource);
  if (!(table instanceof HTMLTableElement)) return;
  const line = canvas.dataset.chartType === "line";
  const read = readTable(table, line);
  const { datasets, links } = read;
  const stacked = canvas.dataset.chartType === "stacked";
  const min = canvas.dataset.chartMin === undefined ? undefined : Number(canvas.dataset.chartMin);
  const max = canvas.dataset.chartMax === undefined ? undefined : Number(canvas.dataset.chartMax);
  const narrow = canvas.parentElement.clientWidth < 600;
  const labels = stacked && narrow ? read.labels.map((label) => wrapped(label, 14)) : read.labels;
  const styles = getComputedStyle(document.documentElement);
  const text = styles.getPropertyValue("--phakhi-text").trim() || "#1b1b1b";
  const grid = styles.getPropertyValue("--phakhi-border").trim() || "#c9cdd2";
  const chart = new Chart(canvas, {
    type: line ? "line" : "bar",
    data: { labels, datasets },
    options: {
      indexAxis: stacked ? "y" : "x",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      font: { family: font, size: 14 },
      color: text,
      scales: {
        x: {
          stacked,
          beginAtZero: true,
          // Dates along a line skip when crowded; categories of bars are all named.
          ticks: { color: text, font: { family: font }, precision: 0, autoSkip: line },
          grid: { color: stacked ? grid : "transparent" },
        },
        y: {
          stacked,
          beginAtZero: min === undefined,
          min,
          max,
          ticks: { color: text, font: { family: font }, precision: 0, autoSkip: false },
          grid: { color: stacked ? "transparent" : grid },
        },
      },
      plugins: {
        legend: { position: "bottom", labels: { color: text, font: { family: font, size: 14 } } },
        tooltip: { titleFont: { family: font }, bodyFont: { family: font } },
      },
      onHover: (event, elements) => {
        const link = elements.length ? links[elements[0].datasetIndex][elements[0].index] : null;
        event.native.target.style.cursor = link ? "pointer" : "default";
      },
      onClick: (_event, elements) => {
        if (!elements.length) return;
        const link = links[elements[0].datasetIndex][elements[0].index];
        if (link) window.location.assign(link);
      },
    },
  });
  canvas.dataset.chartDrawn = "true";
  return chart;
}

async function drawAll() {
  const canvases = document.querySelectorAll("canvas[data-chart-source]");
  if (!canvases.length) return;
  const font = getComputedStyle(document.body).fontFamily;
  try {
    // Canvas text does not wait for web fonts: load Sarabun's Thai and Latin faces first.
    await Promise.all([
      document.fonts.load('14px "Sarabun"', "กขABC123"),
      document.fonts.load('600 14px "Sarabun"', "กขABC123"),
    ]);
  } catch {
    // No font API or the font failed: draw with whatever the page fell back to.
  }
  for (const canvas of canvases) draw(canvas, font);
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", drawAll);
} else {
  drawAll();
}
