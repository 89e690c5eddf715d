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
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


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
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.display_title[:110],  # Google's limit
        "description": description(article, blocks),
        "inLanguage": "zh-Hans",
        "mainEntityOfPage": absolute_url(article.get_absolute_url()),
        "url": absolute_url(article.get_absolute_url()),
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
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))


def _publisher(article: Article) -> str:
    """The newspaper it is printed in (its issue's publication), else the page's outlet, else the site."""
    page = article.source_page
    if page.issue_id is not None:
        return page.issue.publication.name
    return page.outlet or str(settings.SITE_NAME)
