// The participation dashboard's charts (web/participation/), drawn by Chart.js from the tables
// beside them, so that a chart and its table always show the same numbers and the table stays
// the accessible reading of the chart.
//
//   <canvas data-chart-source="TABLE-ID" data-chart-type="bar|stacked" role="img" aria-label="…">
//   <table id="TABLE-ID">
//     <thead> <th data-series="NAME" data-colour="#…">Series label</th> …   one dataset a column
//     <tbody> <tr [data-chart-skip]> <th data-chart-label="short label">…</th>
//             <td data-value="N"><a href="…">N</a></td> …                  a bar; its link opens
//
// "bar": grouped vertical bars; "stacked": horizontal bars, the series stacked. Text is drawn in
// the page's own font (Sarabun, assets/build.mjs), once it is loaded.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

function readTable(table) {
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
    return {
      label: cell.textContent.trim(),
      data: rows.map((row) => Number(row.cells[column].dataset.value || 0)),
      backgroundColor: cell.dataset.colour || "#0b57a4",
      borderWidth: 0,
    };
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
  const read = readTable(table);
  const { datasets, links } = read;
  const stacked = canvas.dataset.chartType === "stacked";
  const narrow = canvas.parentElement.clientWidth < 600;
  const labels = stacked && narrow ? read.labels.map((label) => wrapped(label, 14)) : read.labels;
  const styles = getComputedStyle(document.documentElement);
  const text = styles.getPropertyValue("--phakhi-text").trim() || "#1b1b1b";
  const grid = styles.getPropertyValue("--phakhi-border").trim() || "#c9cdd2";
  const chart = new Chart(canvas, {
    type: "bar",
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
          ticks: { color: text, font: { family: font }, precision: 0, autoSkip: false },
          grid: { color: stacked ? grid : "transparent" },
        },
        y: {
          stacked,
          beginAtZero: true,
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
