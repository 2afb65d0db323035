// The scorecard's figure over time (web/scorecard/trend.html): a Chart.js line drawn from the
// table beside it, so that the chart and the table always show the same numbers and the table
// stays the accessible reading, with the days of activities and survey rounds (the list
// #trend-markers) drawn as thin vertical lines.
//
//   <canvas data-trend-source="TABLE-ID" data-trend-markers="LIST-ID" data-unit="%|">
//   <table id="TABLE-ID"> <tbody> <tr> <th data-day="YYYY-MM-DD"> <td data-value="N"> …
//   <ul id="LIST-ID"> <li data-day="YYYY-MM-DD" data-kind="activity|survey">label</li> …
//
// The x axis is days (a linear scale: no date adapter needed); its ticks are written with the
// page's language — Intl's "th" calendar is the Buddhist era, as the rest of the pages.
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

const DAY = 86_400_000;
const COLOURS = { activity: "rgba(11, 87, 164, 0.35)", survey: "rgba(164, 22, 26, 0.7)" };

function dayNumber(iso) {
  return Date.parse(`${iso}T00:00:00Z`) / DAY;
}

function readTable(table) {
  const rows = [...table.tBodies[0].rows];
  return rows
    .map((row) => ({ x: dayNumber(row.cells[0].dataset.day), value: row.cells[1].dataset.value }))
    .filter((point) => point.value !== undefined && point.value !== "")
    .map((point) => ({ x: point.x, y: Number(point.value) }));
}

function readMarkers(list) {
  if (!list) return [];
  return [...list.querySelectorAll("li[data-day]")].map((item) => ({
    x: dayNumber(item.dataset.day),
    kind: item.dataset.kind,
  }));
}

// Thin vertical lines at the marked days, under the line of the figure.
const markerLines = {
  id: "markerLines",
  beforeDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea, scales } = chart;
    ctx.save();
    for (const marker of options.markers || []) {
      const x = scales.x.getPixelForValue(marker.x);
      if (x < chartArea.left || x > chartArea.right) continue;
      ctx.strokeStyle = COLOURS[marker.kind] || COLOURS.activity;
      ctx.lineWidth = marker.kind === "survey" ? 2 : 1;
      ctx.setLineDash(marker.kind === "survey" ? [6, 4] : []);
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
    }
    ctx.restore();
  },
};

function draw(canvas, font) {
  const table = document.getElementById(canvas.dataset.trendSource);
  if (!(table instanceof HTMLTableElement)) return;
  const points = readTable(table);
  const markers = readMarkers(document.getElementById(canvas.dataset.trendMarkers));
  const unit = canvas.dataset.unit || "";
  const language = document.documentElement.lang || "th";
  const dates = new Intl.DateTimeFormat(language, { day: "numeric", month: "short", year: "2-digit", timeZone: "UTC" });
  const styles = getComputedStyle(document.documentElement);
  const text = styles.getPropertyValue("--phakhi-text").trim() || "#1b1b1b";
  const grid = styles.getPropertyValue("--phakhi-border").trim() || "#c9cdd2";
  const xs = points.map((point) => point.x);
  const span = xs.length ? [Math.min(...xs) - 7, Math.max(...xs) + 7] : [0, 1];
  const label = table.tHead.rows[0].cells[1].textContent.trim();
  new Chart(canvas, {
    type: "line",
    data: {
      datasets: [{ label, data: points, borderColor: "#0b57a4", backgroundColor: "#0b57a4", pointRadius: 4, tension: 0 }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      font: { family: font, size: 14 },
      color: text,
      scales: {
        x: {
          type: "linear",
          min: span[0],
          max: span[1],
          ticks: { color: text, font: { family: font }, maxTicksLimit: 6, callback: (value) => dates.format(new Date(value * DAY)) },
          grid: { color: "transparent" },
        },
        y: {
          beginAtZero: true,
          ...(canvas.dataset.max ? { suggestedMax: Number(canvas.dataset.max) } : {}),
          ticks: { color: text, font: { family: font }, callback: (value) => `${value}${unit}` },
          grid: { color: grid },
        },
      },
      plugins: {
        legend: { display: false },
        markerLines: { markers },
        tooltip: {
          titleFont: { family: font },
          bodyFont: { family: font },
          callbacks: {
            title: (items) => (items.length ? dates.format(new Date(items[0].parsed.x * DAY)) : ""),
            label: (item) => `${label}: ${item.parsed.y}${unit}`,
          },
        },
      },
    },
    plugins: [markerLines],
  });
  canvas.dataset.chartDrawn = "true";
}

async function drawAll() {
  for (const select of document.querySelectorAll("select[data-submit-on-change]")) {
    select.addEventListener("change", () => select.form?.requestSubmit());
  }
  const canvases = document.querySelectorAll("canvas[data-trend-source]");
  if (!canvases.length) return;
  const font = getComputedStyle(document.body).fontFamily;
  try {
    // Canvas text does not wait for web fonts: load Sarabun's Thai and Latin faces first.
    await Promise.all([document.fonts.load(`14px ${font}`, "กข"), document.fonts.load(`14px ${font}`, "Ab")]);
  } catch {
    // draw with what there is
  }
  for (const canvas of canvases) draw(canvas, font);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", drawAll);
else drawAll();
