"""What search engines and link previews read: canonical URLs, descriptions, JSON-LD."""

from __future__ import annotations

import json

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from taggit.models import Tag

from articles.models import Article, Byline
from text.bodytext import PARAGRAPH, Block

DESCRIPTION_LENGTH = 120

# JSON inside <script> must not be able to close the element or open a comment.
# Replaced one after another (no replacement holds another's character):
# str.translate with a mapping looks up every character of a non-ASCII text
# on its own, about 0.2 ms for an article's JSON-LD; three replace() calls
# cost a microsecond.
_SCRIPT_ESCAPES = (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026"))


def absolute_url(path: str) -> str:
    """SITE_URL + path: one canonical host whatever Host a request came with."""
    return settings.SITE_URL.rstrip("/") + path


def description(article: Article, blocks: list[Block]) -> str:
    """The subtitle, else the opening of the first paragraph."""
    if article.subtitle:
        return article.subtitle
    first = next((b.text for b in blocks if b.kind == PARAGRAPH), "")
    return first[:DESCRIPTION_LENGTH] + ("…" if len(first) > DESCRIPTION_LENGTH else "")


def news_article_json_ld(article: Article, *, blocks: list[Block], tags: list[Tag], bylines: list[Byline]) -> SafeString:
    """schema.org NewsArticle, every byline a Person, ready to sit in <script type="application/ld+json">."""
    url = absolute_url(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.display_title[:110],  # Google's limit
        "description": description(article, blocks),
        "inLanguage": "zh-Hans",
        "mainEntityOfPage": url,
        "url": url,
        # The edition's time when printed in one (Article.published_on), not when it went online.
        "datePublished": article.published_on.isoformat() if article.published_on else None,
        "dateModified": article.updated_at.isoformat(),
        "author": [
            {"@type": "Person", "name": b.reporter.name, "url": absolute_url(b.reporter.get_absolute_url())}
            for b in bylines
        ],
        "publisher": {"@type": "Organization", "name": _publisher(article)},
        "articleSection": article.section.name if article.section_id else None,
        "keywords": [t.name for t in tags],
    }
    if article.subtitle:
        data["alternativeHeadline"] = article.subtitle
    data = {key: value for key, value in data.items() if value not in (None, [])}
    text = json.dumps(data, ensure_ascii=False)
    for character, escaped in _SCRIPT_ESCAPES:
        text = text.replace(character, escaped)
    return mark_safe(text)  # noqa: S308 (the characters that could end the script element escaped)


def _publisher(article: Article) -> str:
    """The newspaper it is printed in (its issue's publication), else the page's outlet, else the site."""
    page = article.source_page
    if page.issue_id is not None:
        return page.issue.publication.name
    return page.outlet or str(settings.SITE_NAME)
