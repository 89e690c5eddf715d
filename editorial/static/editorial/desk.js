// Open the source page at the article's own span, which may be far down a long page.
document.addEventListener("DOMContentLoaded", () => {
  const span = document.getElementById("span");
  if (span) span.scrollIntoView({ block: "start" });
});
