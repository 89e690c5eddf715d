"""Clean rendering (corpus/README.md "Clean rendering").

One column, no markup: per article its heading lines one per line (栏目,
引题, 主题 lines, ——副题, byline lines above the body), a blank line, then
each block on its own line with a blank line between blocks. One blank
line between articles: the sources here print no separator, so none is
invented. No ``#`` marks, no rules.
"""
from __future__ import annotations

from model import Article, Page


def heading_lines(a: Article) -> list[str]:
    lines = []
    if a.column:
        lines.append(a.column)
    if a.kicker:
        lines.append(a.kicker)
    lines.extend(a.title_lines)
    if a.subtitle:
        lines.append(("——" + a.subtitle) if a.subtitle_dash else a.subtitle)
    lines.extend(a.byline_lines)
    return lines


def article_chunks(a: Article) -> list[str]:
    """The article as blank-line separated chunks (heading chunk first)."""
    chunks = []
    head = heading_lines(a)
    if head:
        chunks.append("\n".join(head))
    chunks.extend(b.text for b in a.blocks)
    return chunks


def clean(page: Page) -> str:
    if page.text is not None:
        return page.text
    chunks = []
    for a in page.articles:
        chunks.extend(article_chunks(a))
    return "\n\n".join(chunks) + "\n"
