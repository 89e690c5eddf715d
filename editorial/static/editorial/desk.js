// Open the source page at the article's own span, which may be far down a long page;
// when the page image is shown above the text, it comes first (its box marks the article).
document.addEventListener("DOMContentLoaded", () => {
  const span = document.getElementById("span");
  if (span && !document.getElementById("zone")) span.scrollIntoView({ block: "start" });
});

// 校对: selecting a passage of the body fills the mark form with its character range
// in the stored body (the first occurrence of the selected text).
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("mark-form");
  const data = document.getElementById("body-text");
  const body = document.getElementById("body");
  if (!form || !data || !body) return;
  const text = JSON.parse(data.textContent);
  body.addEventListener("mouseup", () => {
    const selected = window.getSelection().toString().trim();
    const start = selected ? text.indexOf(selected) : -1;
    if (start < 0) return;
    form.elements.start.value = start;
    form.elements.end.value = start + selected.length;
    form.elements.query.focus();
  });
});
