// The drawn map as a picture to send to the workshop's LINE group (worksheet 3: ส่งในไลน์กลุ่ม):
// the graph as @sigma/export-image draws it, under a title (the project's name and the date in
// the page's era) and above a legend of the tie levels in the workshop's words and the sectors'
// colours. A phone offers its share sheet (Web Share API with files); elsewhere it downloads.
import { drawOnCanvas } from "@sigma/export-image";

import { edgeSize } from "./graph.js";
import { labelDrawers } from "./labels.js";

const WIDTH = 1200; // CSS pixels of the picture's graph (times the screen's pixel ratio)
const HEIGHT = 900;
const INK = "#1f1f1f";
const MUTED = "#555555";
const EDGE = "#4d4d4d";
const ALL_LABELS = 300; // actors: up to this many, the picture names every one

function font(size, weight = 400) {
  return `${weight} ${size}px ${getComputedStyle(document.body).fontFamily}`;
}

// Rows of legend entries laid out left to right, wrapping at the picture's width.
function legendRows(ctx, entries, width, unit) {
  const rows = [[]];
  let x = 0;
  for (const entry of entries) {
    const w = 3 * unit + ctx.measureText(entry.label).width + 2 * unit;
    if (x + w > width && rows[rows.length - 1].length) {
      rows.push([]);
      x = 0;
    }
    rows[rows.length - 1].push({ ...entry, x });
    x += w;
  }
  return rows;
}

export async function mapPicture(renderer, { title, subtitle, levels, sectors, levelsTitle, sectorsTitle }) {
  await document.fonts.ready;
  // A workshop's map is small: every actor is named on the picture sent to the group (the
  // screen leaves out labels that would overlap).
  const named = renderer.getGraph().order <= ALL_LABELS;
  const sigmaSettings = {
    ...labelDrawers(() => WIDTH), // names placed within the picture's width, not the screen's
    ...(named ? { labelDensity: 100, labelGridCellSize: 40, labelRenderedSizeThreshold: 0 } : {}),
  };
  const graph = await drawOnCanvas(renderer, { width: WIDTH, height: HEIGHT, backgroundColor: "#ffffff", sigmaSettings });
  const ratio = graph.width / WIDTH;
  const unit = 12 * ratio;
  const pad = 2 * unit;
  const width = graph.width;
  const probe = document.createElement("canvas").getContext("2d");
  probe.font = font(15 * ratio);
  const levelRows = legendRows(probe, levels, width - 2 * pad, unit);
  const sectorRows = legendRows(probe, sectors, width - 2 * pad, unit);
  const line = 2.2 * unit;
  const head = pad + 2.6 * unit + 2 * unit;
  const legendHeight = pad + (levelRows.length + sectorRows.length + 2) * line;

  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = head + graph.height + legendHeight;
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = "top";
  ctx.fillStyle = INK;
  ctx.font = font(26 * ratio, 700);
  ctx.fillText(title, pad, pad, width - 2 * pad);
  ctx.fillStyle = MUTED;
  ctx.font = font(16 * ratio);
  ctx.fillText(subtitle, pad, pad + 2.8 * unit, width - 2 * pad);
  ctx.drawImage(graph, 0, head);
  ctx.strokeStyle = "#d0d0d0";
  ctx.lineWidth = ratio;
  ctx.strokeRect(0, head, width, graph.height);

  let y = head + graph.height + pad / 2;
  ctx.textBaseline = "middle";
  const heading = (text) => {
    ctx.fillStyle = INK;
    ctx.font = font(15 * ratio, 700);
    ctx.fillText(text, pad, y + line / 2);
    y += line;
    ctx.font = font(15 * ratio);
  };
  heading(levelsTitle);
  for (const row of levelRows) {
    for (const entry of row) {
      const x = pad + entry.x;
      ctx.strokeStyle = EDGE;
      ctx.lineWidth = edgeSize(entry.value) * ratio * 1.5;
      ctx.beginPath();
      ctx.moveTo(x, y + line / 2);
      ctx.lineTo(x + 2.4 * unit, y + line / 2);
      ctx.stroke();
      ctx.fillStyle = INK;
      ctx.fillText(entry.label, x + 3 * unit, y + line / 2);
    }
    y += line;
  }
  heading(sectorsTitle);
  for (const row of sectorRows) {
    for (const entry of row) {
      const x = pad + entry.x;
      ctx.fillStyle = entry.colour;
      ctx.beginPath();
      ctx.arc(x + 1.2 * unit, y + line / 2, 0.7 * unit, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = INK;
      ctx.fillText(entry.label, x + 3 * unit, y + line / 2);
    }
    y += line;
  }
  return canvas;
}

// Share the picture where the browser can share files (a phone's share sheet: LINE among
// others), else download it. Returns "shared", "downloaded" or "cancelled".
export async function sharePicture(canvas, { fileName, title, text }) {
  const blob = await new Promise((resolve, reject) => {
    canvas.toBlob((result) => (result ? resolve(result) : reject(new Error("no picture"))), "image/png");
  });
  const file = new File([blob], `${fileName}.png`, { type: "image/png" });
  if (navigator.canShare && navigator.canShare({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title, text });
      return "shared";
    } catch (error) {
      if (error && error.name === "AbortError") return "cancelled";
      // Not allowed here (no user gesture left, say): download instead.
    }
  }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  return "downloaded";
}
