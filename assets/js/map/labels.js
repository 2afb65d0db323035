// How the map writes actors' names: beside the node, on the side with room for the whole name,
// so a name near the right edge reads leftwards instead of running off the canvas; the actor
// at the centre of an ego view gets a ring.
const GAP = 3;
const HOVER_PADDING = 2;
export const EGO_RING = "#1b1b1b";

function font(settings) {
  return `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
}

// The x where the name starts: right of the node, or left of it where the right has no room;
// a name longer than either side is held inside the canvas.
function placement(context, data, settings, width) {
  const textWidth = context.measureText(data.label).width;
  const right = data.x + data.size + GAP;
  const left = data.x - data.size - GAP - textWidth;
  const x = right + textWidth <= width || left < 0 ? right : left;
  return { x: Math.max(0, Math.min(x, width - textWidth)), textWidth };
}

// `width()` gives the canvas's width in CSS pixels (the drawing context's own is scaled).
export function labelDrawers(width) {
  function drawLabel(context, data, settings) {
    // A node whose centre has left the canvas (the map panned) keeps its name to itself.
    if (!data.label || data.x < 0 || data.x > width()) return;
    context.font = font(settings);
    context.fillStyle = settings.labelColor.color || "#000";
    const { x } = placement(context, data, settings, width());
    context.fillText(data.label, x, data.y + settings.labelSize / 3);
  }

  function drawHover(context, data, settings) {
    context.font = font(settings);
    const size = settings.labelSize;
    if (data.ego) {
      context.beginPath();
      context.arc(data.x, data.y, data.size + 5, 0, Math.PI * 2);
      context.lineWidth = 3;
      context.strokeStyle = EGO_RING;
      context.stroke();
    }
    context.fillStyle = "#fff";
    context.shadowBlur = 8;
    context.shadowColor = "#000";
    context.beginPath();
    context.arc(data.x, data.y, data.size + HOVER_PADDING, 0, Math.PI * 2);
    context.fill();
    if (typeof data.label === "string") {
      const { x, textWidth } = placement(context, data, settings, width());
      const height = size + 2 * HOVER_PADDING;
      context.fillRect(x - HOVER_PADDING, data.y - height / 2, textWidth + 2 * HOVER_PADDING, height);
    }
    context.shadowBlur = 0;
    drawLabel(context, data, settings);
  }

  return { defaultDrawNodeLabel: drawLabel, defaultDrawNodeHover: drawHover };
}
