"""Article segmentation: where the gold articles lie, and how the found ones match them.

Answer keys give no offsets, so the gold articles are first **located** in the
page text (``locate_gold``). Everything is measured in *normalised
characters*: the page text with whitespace removed and full-width forms
folded (``normalise.norm``), so blank lines and spaces never count.

Locating, for the gold articles in printed order, with a cursor that starts
at the top of the page:

- the *anchor* is the first of the article's title, kicker, subtitle,
  body_start and first caption that occurs at or after the cursor (its first
  such occurrence); the cursor moves past it. A title that cannot be found is
  reported as a key problem (the article is still located by the next field);
- the article *starts* at its column or kicker when one of them occurs between
  the cursor and the anchor (at most 300 characters before it), else at the
  anchor;
- the gold region runs from its start to the next gold article's start (the
  last one to the end of the page). The regions partition the page from the
  first headline on: text a renderer moved (a byline at the end, a caption
  inside a sentence, columns out of order) stays in its article's region;
  page headers above the first article belong to no article.

A gold article none of whose anchors is found is *unlocated* (a key
problem): it has no region and counts as missed. An answer key must list
every article of the page: text of an article left out of the key falls in
the region of the gold article before it.

Matching (``match_articles``), with ``ov(g, f)`` the normalised characters
shared by gold region g and the found article's span f, and |g|, |f| their
sizes:

- f *lies in* g when ov(g, f) > |f|/2; g *lies in* f when ov(g, f) > |g|/2
  (each lies in at most one other, being a majority);
- **correct**: g and f lie in each other, no other found lies in g and no
  other gold lies in f (a clean one-to-one match);
- **split** (a gold): not correct, and two or more found articles lie in it;
- **merged** (a found): not correct, and two or more gold articles lie in it;
- **missed** (a gold): no found article lies in it and it lies in none;
- **invented** (a found): it lies in no gold and no gold lies in it;
- the rest are boundary errors, reported but not counted above: a gold that
  is *partial* (one piece found, or mostly swallowed by a found article that
  is mainly another's) or lies in a merged article (*in_merge*), and a found
  *fragment* (one piece of a split or partial gold).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .normalise import norm

LOOKBACK = 300  # how far before the anchor a column or kicker may stand


@dataclass
class Located:
    regions: list[tuple[int, int] | None]  # per gold article, [start, end) in normalised characters
    problems: list[str] = field(default_factory=list)


class PageText:
    """The page text normalised, with the map back to original offsets."""

    def __init__(self, text: str):
        chars: list[str] = []
        offsets: list[int] = []
        for offset, ch in enumerate(text):
            folded = norm(ch)
            if folded:
                chars.append(folded)
                offsets.append(offset)
        self.text = "".join(chars)
        self.offsets = offsets

    def to_norm(self, start: int, end: int) -> tuple[int, int]:
        """An original [start, end) span as a normalised one."""
        return bisect.bisect_left(self.offsets, start), bisect.bisect_left(self.offsets, end)


def _anchors(article: dict) -> list[str]:
    names = [norm(article.get(n)) for n in ("title", "kicker", "subtitle", "body_start")]
    names += [norm(c) for c in (article.get("captions") or [])[:1]]
    return [a for a in names if a]


def locate_gold(page: PageText, articles: list[dict]) -> Located:
    text = page.text
    cursor = 0
    starts: list[int | None] = []
    problems: list[str] = []
    for number, article in enumerate(articles, start=1):
        label = article.get("title") or article.get("body_start") or ""
        pos, anchor = -1, ""
        for candidate in _anchors(article):
            pos = text.find(candidate, cursor)
            if pos >= 0:
                anchor = candidate
                break
        if pos < 0:
            problems.append(f"gold article {number} ({label!r}) not found in the page text")
            starts.append(None)
            continue
        title = norm(article.get("title"))
        if title and anchor != title:
            problems.append(f"gold article {number}: title {label!r} not found in the page text; located by {anchor[:12]!r}")
        start = pos
        for name in ("column", "kicker"):
            head = norm(article.get(name))
            if head and head != anchor:
                at = text.rfind(head, max(cursor, pos - LOOKBACK - len(head)), pos)
                if at >= 0:
                    start = min(start, at)
        starts.append(start)
        cursor = pos + len(anchor)
    regions: list[tuple[int, int] | None] = []
    for i, start in enumerate(starts):
        if start is None:
            regions.append(None)
            continue
        later = [s for s in starts[i + 1:] if s is not None]
        regions.append((start, later[0] if later else len(text)))
    return Located(regions, problems)


@dataclass
class Match:
    gold_status: list[str]  # correct, split, in_merge, partial, missed
    found_status: list[str]  # correct, merged, fragment, invented
    pairs: list[tuple[int, int]]  # (gold index, found index) of correct matches
    counts: dict[str, int]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_articles(gold: list[tuple[int, int] | None], found: list[tuple[int, int]]) -> Match:
    """Match gold regions to found spans (both in normalised characters)."""
    f_in: list[int | None] = [None] * len(found)  # the gold each found lies in
    g_in: list[int | None] = [None] * len(gold)  # the found each gold lies in
    for gi, g in enumerate(gold):
        if g is None:
            continue
        for fi, f in enumerate(found):
            ov = _overlap(g, f)
            if ov and ov * 2 > (f[1] - f[0]):
                f_in[fi] = gi
            if ov and ov * 2 > (g[1] - g[0]):
                g_in[gi] = fi
    inside_g = [[fi for fi in range(len(found)) if f_in[fi] == gi] for gi in range(len(gold))]
    inside_f = [[gi for gi in range(len(gold)) if g_in[gi] == fi] for fi in range(len(found))]

    pairs = [
        (gi, fi)
        for gi, fi in enumerate(g_in)
        if fi is not None and f_in[fi] == gi and inside_g[gi] == [fi] and inside_f[fi] == [gi]
    ]
    matched_g = {gi for gi, _ in pairs}
    matched_f = {fi for _, fi in pairs}

    found_status = []
    for fi in range(len(found)):
        if fi in matched_f:
            found_status.append("correct")
        elif len(inside_f[fi]) >= 2:
            found_status.append("merged")
        elif f_in[fi] is None and not inside_f[fi]:
            found_status.append("invented")
        else:
            found_status.append("fragment")
    gold_status = []
    for gi in range(len(gold)):
        if gi in matched_g:
            gold_status.append("correct")
        elif len(inside_g[gi]) >= 2:
            gold_status.append("split")
        elif not inside_g[gi] and g_in[gi] is None:
            gold_status.append("missed")
        elif g_in[gi] is not None and found_status[g_in[gi]] == "merged":
            gold_status.append("in_merge")
        else:
            gold_status.append("partial")

    counts = {
        "gold": len(gold),
        "found": len(found),
        "correct": len(pairs),
        "split": gold_status.count("split"),
        "merged": found_status.count("merged"),
        "missed": gold_status.count("missed"),
        "invented": found_status.count("invented"),
        "partial": gold_status.count("partial"),
    }
    return Match(gold_status, found_status, pairs, counts)
