"""Reads for the export command: every article with its links, in a fixed number of queries.

Here, not in articles, because an export carries what linking adds (entities,
related articles) and the core imports no other app.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from articles.models import Article, Byline
from linking.models import Mention
from linking.selectors import RELATED_LIMIT, related_links_shown


def articles_for_export(*, status: str | None = None) -> QuerySet[Article]:
    """Articles in page order with everything an export row needs, in a fixed number of queries."""
    qs = (
        Article.objects.select_related("source_page__issue__publication", "column", "section")
        .prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("reporter")),
            # 转版: the later parts of a story, exported inside its first part.
            Prefetch("continuations", queryset=Article.objects.select_related("source_page")),
            "tags",
            Prefetch("entity_mentions", queryset=Mention.objects.select_related("entity").order_by("position")),
            # The links the article page shows, the same few for every article (a windowed prefetch).
            Prefetch("related_links", queryset=related_links_shown()[:RELATED_LIMIT], to_attr="related_shown"),
        )
        .order_by("source_page__file_name", "position")
    )
    return qs.filter(status=status) if status else qs
