"""Text tables of scores: one section per split (dev, then test), a row per paper and a total."""

from __future__ import annotations

from .corpus import DEV, TEST
from .scoring import PageScore, Totals

COLUMNS = ("pages", "gold", "found", "correct", "split", "merged", "missed", "invented", "partial")


def _row(name: str, totals: Totals) -> list[str]:
    speed = f"{totals.pages_per_second:.1f}" if totals.seconds > 0 else "-"
    return [
        name,
        str(totals.pages),
        *(str(totals.counts[c]) for c in COLUMNS[1:]),
        f"{totals.pct_correct:.1f}",
        f"{totals.checks_passed}/{totals.checks_total}",
        f"{totals.pct_fields:.1f}",
        speed,
    ]


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]
        lines.append("  ".join(cells).rstrip())
        if n == 0 or n == len(rows) - 2:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def _section(title: str, scores: list[PageScore]) -> list[str]:
    papers = sorted({s.paper for s in scores})
    header = ["paper", *COLUMNS, "%correct", "fields", "%fields", "pages/s"]
    rows = [header] + [_row(p, Totals.of(s for s in scores if s.paper == p)) for p in papers]
    total = Totals.of(scores)
    rows.append(_row("total", total))
    lines = [f"== {title}: {total.pages} page(s) ==", *_table(rows)]
    fields = ", ".join(f"{name} {p}/{t}" for name, (p, t) in total.by_field.items())
    lines.append(f"fields: {fields}")
    items = ", ".join(
        f"{name} P {100 * c.precision:.1f} R {100 * c.recall:.1f} ({c.matched}/{c.found} found, {c.matched}/{c.gold} gold)"
        for name, c in total.items.items()
    )
    lines.append(f"items: {items}")
    problems = sum(len(s.problems) for s in scores)
    if problems:
        lines.append(f"{problems} key/parse problem(s) (dev pages: see --show-failures)")
    return lines


def format_report(scores: list[PageScore], warnings: list[str] = (), sides: tuple[str, ...] = (DEV, TEST)) -> str:
    """The dev section, then the test section (each printed even when empty), then parse speed."""
    lines: list[str] = [f"warning: {w}" for w in warnings]
    for side in sides:
        chosen = [s for s in scores if s.split == side]
        if lines:
            lines.append("")
        if chosen:
            lines.extend(_section(side, chosen))
        else:
            lines.append(f"== {side}: 0 page(s) ==")
    if scores:
        total = Totals.of(scores)
        lines.append("")
        lines.append(f"parse speed: {total.pages} page(s) in {total.seconds:.3f}s = {total.pages_per_second:.1f} pages/s")
    return "\n".join(lines)


class FailuresRefused(ValueError):
    """Failures of test pages are never shown: they are scored, not read while tuning."""


def format_failures(scores: list[PageScore]) -> str:
    """Every mismatch of the given dev pages; refuses (FailuresRefused) if any is a test page."""
    test = [s.id for s in scores if s.split != DEV]
    if test:
        raise FailuresRefused(f"refusing to show failures of {len(test)} test page(s), e.g. {test[0]}")
    lines: list[str] = []
    for score in scores:
        bad_gold = [(i, st) for i, st in enumerate(score.gold_status) if st != "correct"]
        bad_found = [(i, st) for i, st in enumerate(score.found_status) if st != "correct"]
        bad_fields = [a for a in score.articles if a.failed]
        if not (score.problems or bad_gold or bad_found or bad_fields):
            continue
        lines.append(f"## {score.id}  ({score.counts['correct']}/{score.counts['gold']} correct)")
        lines.extend(f"  problem: {p}" for p in score.problems)
        lines.extend(f"  gold {i + 1} {st}: {score.gold_titles[i]}" for i, st in bad_gold)
        lines.extend(f"  found {i + 1} {st}: {score.found_titles[i]}" for i, st in bad_found)
        for article in bad_fields:
            for check in article.failed:
                lines.append(f"  gold {article.gold_index + 1} {article.title}: {check.field}: expected {check.expected!r}, got {check.got!r}")
    return "\n".join(lines) if lines else "no failures"
