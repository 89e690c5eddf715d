"""One fingerprint for an article's imported content, from a parser record or from the database.

The importer stores the fingerprint of what it wrote. If an article's current
fingerprint still matches, no editor has touched it and a re-import may
overwrite it; if not, the editor's version wins.
"""

from __future__ import annotations

import hashlib
import json
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
