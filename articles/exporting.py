"""Articles as plain JSON-ready dicts: our own export shape and IPTC ninjs 3.1."""

from __future__ import annotations

from django.conf import settings
from django.utils.html import escape

from articles.models import Article
from articles.warnings import warning_export
from text.bodytext import CAPTION, PARAGRAPH, SUBHEAD
from text.bodytext import text_to_blocks

NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"


def edition_of(article: Article) -> dict:
    """The printed edition the article appeared in: publication, edition date, 版次, 版名 (None when unknown)."""
    page = article.source_page
    issue = page.issue
    return {
        "publication": issue.publication.name if issue else None,
        "publication_slug": issue.publication.slug if issue else None,
        "edition_date": page.edition_date.isoformat() if page.edition_date else None,
        "page_number": page.number,
        "page_name": page.name or None,
    }


def article_export(article: Article) -> dict:
    """One article; expects the queryset from selectors.articles_for_export().

    A story continued on another page (转版) is exported whole in its first part
    (``body`` of every part, ``parts`` with each part's page and span); the later
    part's own row says which article it continues (``continuation_of``).
    """
    parts = article.parts
    blocks = [block for part in parts for block in text_to_blocks(part.body)]
    return {
        "source": article.source_page.file_name,
        "position": article.position,
        "span": [article.span_start, article.span_end],
        **edition_of(article),
        "parts": [
            {"source": p.source_page.file_name, "page_number": p.source_page.number, "position": p.position,
             "span": [p.span_start, p.span_end]}
            for p in parts
        ] if len(parts) > 1 else [],
        "continuation_of": article.continuation_of_id,
        "column": article.column.name if article.column_id else "",
        "kicker": article.kicker,
        "title": article.title,
        "subtitle": article.subtitle,
        "reporters": [
            {"name": b.reporter.name, "role": b.role, "url": b.reporter.get_absolute_url()}
            for b in article.bylines.all()
        ],
        "dateline": article.dateline,
        "dateline_date": article.dateline_date or None,
        "body": "\n\n".join(b.text for b in blocks if b.kind == PARAGRAPH),
        "subheads": [b.text for b in blocks if b.kind == SUBHEAD],
        "captions": [b.text for b in blocks if b.kind == CAPTION],
        "continued_from": article.continued_from,
        "continues_to": article.continues_to,
        "section": article.section.slug if article.section_id else None,
        "tags": sorted(t.name for t in article.tags.all()),
        "entities": [
            {"name": m.entity.name, "type": m.entity.kind, "url": m.entity.get_absolute_url()}
            for m in article.entity_mentions.all()
        ],
        "related": [link.target.get_absolute_url() for link in article.related_shown],
        "status": article.status,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "char_count": article.char_count,
        "slug": article.slug,
        "url": article.get_absolute_url(),
        "warnings": [warning_export(w) for w in article.warnings],  # code and params, and the text to read
    }


def article_ninjs(article: Article) -> dict:
    """One article as an IPTC ninjs 3.1 item; the print edition is in altIds (ninjs has no field for it)."""
    blocks = [block for part in article.parts for block in text_to_blocks(part.body)]
    edition = edition_of(article)
    base = settings.SITE_URL.rstrip("/")
    headlines = [{"role": "main", "value": article.display_title}]
    headlines += [{"role": role, "value": value} for role, value in
                  (("kicker", article.kicker), ("subtitle", article.subtitle), ("column", article.column.name if article.column_id else ""))
                  if value]
    item = {
        "uri": f"{base}/ninjs/articles/{article.pk}",
        "type": "text",
        "representationType": "full",
        "profile": "newsroom-print-article",
        "version": str(int(article.updated_at.timestamp())),
        "firstCreated": article.created_at.isoformat(),
        "versionCreated": article.updated_at.isoformat(),
        "pubStatus": "usable" if article.status == Article.Status.PUBLISHED else "withheld",
        "language": "zh-Hans",
        "headlines": headlines,
        "bodies": [
            {"role": "main", "contentType": "text/plain", "charCount": article.char_count,
             "value": "\n\n".join(b.text for b in blocks if b.kind == PARAGRAPH)},
            {"role": "structured", "contentType": "text/html", "value": _html(blocks)},
        ],
        "by": " ".join(f"{b.role} {b.reporter.name}" for b in article.bylines.all()),
        "slugline": article.slug,
        "infoSources": [{"name": edition["publication"] or article.source_page.outlet or article.source_page.file_name,
                         "role": "originator"}],
        "altIds": [{"role": "source-page", "value": f"{article.source_page.file_name}#{article.position}"}] + [
            {"role": role, "value": str(edition[key])}
            for role, key in (("publication", "publication_slug"), ("edition-date", "edition_date"),
                              ("page-number", "page_number"), ("page-name", "page_name"))
            if edition[key] is not None
        ],
    }
    people = [{"name": b.reporter.name, "rel": b.role, "uri": base + b.reporter.get_absolute_url()} for b in article.bylines.all()]
    if people:
        item["people"] = people
    tags = sorted(t.name for t in article.tags.all())
    if tags:
        item["subjects"] = [{"name": t, "rel": "keyword"} for t in tags]
    if article.dateline:
        item["descriptions"] = [{"role": "dateline", "value": article.dateline}]
    if article.published_at:
        item["contentCreated"] = article.published_at.isoformat()
    if article.status == Article.Status.PUBLISHED:
        item["renditions"] = [{"name": "web", "href": base + article.get_absolute_url(), "contentType": "text/html"}]
    return item


def _html(blocks) -> str:
    tags = {PARAGRAPH: "p", SUBHEAD: "h3", CAPTION: "figcaption"}
    return "".join(f"<{tags[b.kind]}>{escape(b.text)}</{tags[b.kind]}>" for b in blocks)
