"""One page scored against its key; pages summed; a corpus evaluated.

Totals: **% articles correct** = correct / gold articles (over all pages of
the group); **% field checks passed** = passed checks / (13 x correct
articles) — fields are checked on correct matches only, so a bad
segmentation lowers the first figure, not the second. **Parse speed** is
pages / seconds spent in ``read_page`` + ``parse_page`` (scoring excluded).
A page the parser rejects scores as if it found no article.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from articles.parsing import PageRecord, PageRejected, parse_page, read_page

from .fields import FIELD_CHECKS, ITEM_FIELDS, Check, ItemCounts, check_fields
from .segmentation import PageText, locate_gold, match_articles

COUNTS = ("gold", "found", "correct", "split", "merged", "missed", "invented", "partial")


@dataclass
class ArticleResult:
    gold_index: int  # 0-based in the key
    found_index: int  # 0-based in the record
    title: str
    checks: list[Check]

    @property
    def failed(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]


@dataclass
class PageScore:
    id: str
    paper: str
    split: str
    counts: dict[str, int]
    gold_status: list[str]
    found_status: list[str]
    gold_titles: list[str]
    found_titles: list[str]
    articles: list[ArticleResult] = field(default_factory=list)
    items: dict[str, ItemCounts] = field(default_factory=lambda: {n: ItemCounts() for n in ITEM_FIELDS})
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def checks_passed(self) -> int:
        return sum(c.ok for a in self.articles for c in a.checks)

    @property
    def checks_total(self) -> int:
        return sum(len(a.checks) for a in self.articles)


def score_page(key: dict, record: PageRecord | None, text: str, *, page_id: str = "", paper: str = "", split: str = "") -> PageScore:
    """Score the parser's record of a page (None: rejected) against the page's answer key."""
    gold = key.get("articles", [])
    found = record.articles if record is not None else []
    page = PageText(record.text if record is not None else text)
    located = locate_gold(page, gold)
    match = match_articles(located.regions, [page.to_norm(*a.span) for a in found])
    score = PageScore(
        id=page_id or key.get("page", ""),
        paper=paper or key.get("paper_slug", ""),
        split=split,
        counts=dict(match.counts),
        gold_status=match.gold_status,
        found_status=match.found_status,
        gold_titles=[a.get("title") or a.get("body_start", "") for a in gold],
        found_titles=[a.title or (a.paragraphs[0][:12] if a.paragraphs else "") for a in found],
        problems=list(located.problems),
    )
    for gi, fi in match.pairs:
        checks, items = check_fields(gold[gi], found[fi])
        score.articles.append(ArticleResult(gi, fi, score.gold_titles[gi], checks))
        for name, counts in items.items():
            score.items[name].add(counts)
    return score


@dataclass
class Totals:
    pages: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    checks_passed: int = 0
    checks_total: int = 0
    by_field: dict[str, list[int]] = field(default_factory=lambda: {n: [0, 0] for n in FIELD_CHECKS})
    items: dict[str, ItemCounts] = field(default_factory=lambda: {n: ItemCounts() for n in ITEM_FIELDS})
    seconds: float = 0.0

    @classmethod
    def of(cls, scores: Iterable[PageScore]) -> "Totals":
        totals = cls()
        for score in scores:
            totals.pages += 1
            totals.seconds += score.seconds
            for name in COUNTS:
                totals.counts[name] += score.counts.get(name, 0)
            for article in score.articles:
                for check in article.checks:
                    totals.by_field[check.field][0] += check.ok
                    totals.by_field[check.field][1] += 1
            totals.checks_passed += score.checks_passed
            totals.checks_total += score.checks_total
            for name, counts in score.items.items():
                totals.items[name].add(counts)
        return totals

    @property
    def pct_correct(self) -> float:
        gold = self.counts["gold"]
        return 100.0 * self.counts["correct"] / gold if gold else 100.0

    @property
    def pct_fields(self) -> float:
        return 100.0 * self.checks_passed / self.checks_total if self.checks_total else 100.0

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else float("inf")

    def as_dict(self) -> dict:
        return {
            "pages": self.pages,
            **self.counts,
            "pct_articles_correct": round(self.pct_correct, 2) if self.counts["gold"] else None,
            "checks_passed": self.checks_passed,
            "checks_total": self.checks_total,
            "pct_fields_passed": round(self.pct_fields, 2) if self.checks_total else None,
            "fields": {n: {"passed": p, "total": t} for n, (p, t) in self.by_field.items()},
            "items": {
                n: {"matched": c.matched, "found": c.found, "gold": c.gold,
                    "precision": round(c.precision, 4), "recall": round(c.recall, 4)}
                for n, c in self.items.items()
            },
            "seconds": round(self.seconds, 4),
            "pages_per_second": round(self.pages_per_second, 1) if self.seconds > 0 else None,
        }


def _parse(path: Path) -> tuple[PageRecord | None, str]:
    try:
        return parse_page(read_page(path)), ""
    except PageRejected as rejected:
        return None, rejected.reason
    except OSError as error:
        return None, f"cannot read the page text: {error}"


def evaluate(pages, parse: Callable[[Path], tuple[PageRecord | None, str]] = _parse) -> list[PageScore]:
    """Parse and score each CorpusPage; ``parse(path)`` gives (record or None, why rejected)."""
    scores = []
    for page in pages:
        began = time.perf_counter()
        record, rejected = parse(page.text_path)
        seconds = time.perf_counter() - began
        if record is not None:
            text = record.text
        else:
            try:
                text = page.text_path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
        score = score_page(page.key, record, text, page_id=page.id, paper=page.paper, split=page.split)
        if rejected:
            score.problems.insert(0, f"parser rejected the page: {rejected}")
        score.seconds = seconds
        scores.append(score)
    return scores
