// Hot zones (review page): drag on the page image to draw where the article is printed.
// The box is drawn through SVG attributes (the CSP allows no inline styles) in the
// image's own fractions, and fills the zone form's hidden x, y, w, h (4 decimals).
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("zone-form");
  const box = document.getElementById("zone-box");
  const svg = box && box.ownerSVGElement;
  if (!form || !svg) return;
  svg.parentElement.classList.add("drawable");
  const clamp = (v) => Math.min(1, Math.max(0, v));
  const round = (v) => Math.round(v * 10000) / 10000;
  const at = (event) => {
    const r = svg.getBoundingClientRect();
    return { x: clamp((event.clientX - r.left) / r.width), y: clamp((event.clientY - r.top) / r.height) };
  };
  let start = null;
  const draw = (a, b) => {
    const x = round(Math.min(a.x, b.x)), y = round(Math.min(a.y, b.y));
    // Rounded so that x + w and y + h never pass the page's edge.
    const w = Math.min(round(Math.abs(a.x - b.x)), round(1 - x)), h = Math.min(round(Math.abs(a.y - b.y)), round(1 - y));
    box.setAttribute("x", x);
    box.setAttribute("y", y);
    box.setAttribute("width", w);
    box.setAttribute("height", h);
    box.removeAttribute("hidden");
    return { x, y, w, h };
  };
  svg.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    start = at(event);
    svg.setPointerCapture(event.pointerId);
    draw(start, start);
  });
  svg.addEventListener("pointermove", (event) => {
    if (start) draw(start, at(event));
  });
  const finish = (event) => {
    if (!start) return;
    const zone = draw(start, at(event));
    start = null;
    if (zone.w <= 0 || zone.h <= 0) return; // a click, not a box
    for (const key of ["x", "y", "w", "h"]) form.elements[key].value = zone[key].toFixed(4);
    form.querySelector("button:not([name])").focus();
  };
  svg.addEventListener("pointerup", finish);
  svg.addEventListener("pointercancel", () => { start = null; });
});
