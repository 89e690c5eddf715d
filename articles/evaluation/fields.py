"""Field checks on correctly matched articles.

Every check compares ``norm()`` of both sides (see ``normalise``), and every
check counts, also when both sides are empty (an empty gold field means the
parser must find nothing there). The 13 checks per matched article:

- ``column``, ``kicker``, ``title``, ``subtitle``, ``dateline``,
  ``continued_from``, ``continues_to``: equal strings;
- ``reporters``: the multisets of (name, role) pairs are equal (the outlet is
  not compared; order is not compared). Precision and recall of the pairs are
  summed separately over all matched articles;
- ``dateline_date``: (month, day) equal; the key's ``YYYY-MM-DD`` and
  ``--MM-DD`` give both, ``---DD`` the day only (month must then be absent),
  "" neither. The year is not compared: the parser does not report one;
- ``body_start`` / ``body_end``: the first / last 12 normalised characters of
  the found body (paragraphs only, joined) equal the key's, normalised;
- ``subheads``, ``captions``: equal as multisets (order ignored: columns
  printed out of order make the order ambiguous). Per-item precision and
  recall are summed separately, like reporters.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .normalise import norm

FIELD_CHECKS = (
    "column", "kicker", "title", "subtitle", "reporters", "dateline", "dateline_date",
    "body_start", "body_end", "subheads", "captions", "continued_from", "continues_to",
)
STRING_FIELDS = ("column", "kicker", "title", "subtitle", "dateline", "continued_from", "continues_to")
ITEM_FIELDS = ("reporters", "subheads", "captions")
BODY_CHARS = 12

_FULL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH_DAY = re.compile(r"^--(\d{2})-(\d{2})$")
_DAY = re.compile(r"^---(\d{2})$")


def gold_month_day(value: str) -> tuple[int | None, int | None]:
    value = (value or "").strip()
    if not value:
        return (None, None)
    if m := _FULL.match(value) or _MONTH_DAY.match(value):
        return (int(m.group(m.lastindex - 1)), int(m.group(m.lastindex)))
    if m := _DAY.match(value):
        return (None, int(m.group(1)))
    raise ValueError(f"dateline_date {value!r} is not YYYY-MM-DD, --MM-DD or ---DD")


@dataclass
class Check:
    field: str
    ok: bool
    expected: object
    got: object


@dataclass
class ItemCounts:
    """Items matched (true positives), found, and in the key: for precision and recall."""

    matched: int = 0
    found: int = 0
    gold: int = 0

    def add(self, other: "ItemCounts") -> None:
        self.matched += other.matched
        self.found += other.found
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0


def _items(expected: Counter, got: Counter) -> ItemCounts:
    return ItemCounts(sum((expected & got).values()), sum(got.values()), sum(expected.values()))


# The —— that joins a 引题 or 副题 to its title is typography: keys copy it as
# printed, the parser drops it, and neither way is a different headline.
_DASHED = ("kicker", "subtitle")


def _headline_part(name: str, value: str | None) -> str:
    text = norm(value)
    return text.strip("—-") if name in _DASHED else text


def found_fields(article) -> dict[str, object]:
    """The parser's ArticleRecord in the key's terms, normalised."""
    body = norm(article.body)
    return {
        **{name: _headline_part(name, getattr(article, name)) for name in STRING_FIELDS},
        "reporters": Counter((norm(b.name), norm(b.role)) for b in article.bylines),
        "dateline_date": (article.dateline_month, article.dateline_day),
        "body_start": body[:BODY_CHARS],
        "body_end": body[-BODY_CHARS:],
        "subheads": Counter(norm(s) for s in article.subheads),
        "captions": Counter(norm(c) for c in article.captions),
    }


def gold_fields(article: dict) -> dict[str, object]:
    """A key article, normalised the same way."""
    return {
        **{name: _headline_part(name, article.get(name)) for name in STRING_FIELDS},
        "reporters": Counter((norm(r.get("name")), norm(r.get("role"))) for r in article.get("reporters") or []),
        "dateline_date": gold_month_day(article.get("dateline_date", "")),
        "body_start": norm(article.get("body_start")),
        "body_end": norm(article.get("body_end")),
        "subheads": Counter(norm(s) for s in article.get("subheads") or []),
        "captions": Counter(norm(c) for c in article.get("captions") or []),
    }


def _show(value: object) -> object:
    if isinstance(value, Counter):
        return sorted(value.elements())
    return value


def check_fields(gold: dict, found) -> tuple[list[Check], dict[str, ItemCounts]]:
    expected, got = gold_fields(gold), found_fields(found)
    checks = [Check(name, expected[name] == got[name], _show(expected[name]), _show(got[name])) for name in FIELD_CHECKS]
    items = {name: _items(expected[name], got[name]) for name in ITEM_FIELDS}
    return checks, items
