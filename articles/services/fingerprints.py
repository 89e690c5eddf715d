"""Fingerprints of an article's imported content, and how alike two printed texts are.

The importer stores the fingerprint of what it wrote. If an article's current
fingerprint still matches, no editor has touched it and a re-import may
overwrite it; if not, the editor's version wins.

Which stored article a newly parsed one *is* is decided by ``match_score``:
how much of the printed text they share, how alike their headlines are, and
how close they stand on the page. Headlines alone cannot decide it: a page
may print one headline twice, and a corrected headline is still the same story.
"""

from __future__ import annotations

import hashlib
import json
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from articles.parsing.records import ArticleRecord
from text.bodytext import blocks_to_text

if TYPE_CHECKING:
    from articles.models import Article

_IMPORTED_FIELDS = ("column", "kicker", "title", "subtitle", "dateline", "continued_from", "continues_to")


def record_content(record: ArticleRecord) -> dict:
    return {
        "column": record.column,
        "kicker": record.kicker,
        "title": record.title,
        "subtitle": record.subtitle,
        "dateline": record.dateline,
        "continued_from": record.continued_from,
        "continues_to": record.continues_to,
        "body": blocks_to_text(record.blocks),
        "bylines": [[b.name, b.role] for b in record.bylines],
    }


def article_content(article: Article) -> dict:
    """The same shape as record_content; expects bylines prefetched with their reporters."""
    content = {name: getattr(article, name) for name in _IMPORTED_FIELDS if name != "column"}
    content["column"] = article.column.name if article.column_id else ""
    content["body"] = article.body
    content["bylines"] = [[b.reporter.name, b.role] for b in article.bylines.all()]
    return content


def fingerprint(content: dict) -> str:
    payload = json.dumps(content, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def import_key(record: ArticleRecord) -> str:
    """What identifies an article across re-imports of its page: its title, or for
    untitled photo news the opening of its text. Positions shift when a page changes."""
    if record.title:
        return f"t:{record.title}"
    return f"b:{record.body[:24]}"


# A pair below both thresholds is not the same article, however close it stands.
TEXT_MATCH = 0.4
TITLE_MATCH = 0.8
_SHINGLE = 3


def shingles(text: str) -> frozenset[str]:
    """The overlapping 3-character pieces of text, ignoring whitespace (line
    breaks move when a page is set again; the words do not)."""
    compact = "".join(text.split())
    if len(compact) <= _SHINGLE:
        return frozenset([compact]) if compact else frozenset()
    return frozenset(compact[i : i + _SHINGLE] for i in range(len(compact) - _SHINGLE + 1))


def text_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two shingle sets: 1.0 for the same text, 0.0 for nothing shared."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def containment(part: frozenset[str], whole: frozenset[str]) -> float:
    """How much of part's text is found in whole's."""
    return len(part & whole) / len(part) if part else 0.0


def title_similarity(a: str, b: str) -> float:
    if not (a and b):
        return 0.0  # untitled photo news is told apart by its text alone
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def match_score(*, title_a: str, text_a: frozenset[str], position_a: int,
                title_b: str, text_b: frozenset[str], position_b: int) -> float | None:
    """How surely a and b are the same article, or None if they are not.

    Text counts most (it survives a corrected headline), the headline next (it
    survives a rewritten body); the distance on the page only breaks ties, such
    as two articles printed under one headline."""
    text = text_similarity(text_a, text_b)
    title = title_similarity(title_a, title_b)
    if text < TEXT_MATCH and title < TITLE_MATCH:
        return None
    return text + title / 2 + 0.1 / (1 + abs(position_a - position_b))
