"""The search index: one row of segmented words per article.

`title` and `body` hold the words from search.analysis, separated by
spaces, so each database's own full-text machinery can treat a space as the
only word boundary. The vendor-specific parts are created by the migration:
a weighted tsvector column with a GIN index on PostgreSQL, an FTS5 table kept
in step by triggers on SQLite (see search.backends).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class IndexEntry(models.Model):
    article = models.OneToOneField(
        Article, verbose_name=_("article"), primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    # Both start and end with a space, so " word " matches exactly one whole word.
    title = models.TextField(_("headline terms"))  # kicker, title, subtitle: ranked higher
    body = models.TextField(_("body terms"))  # body with subheads and captions, dateline

    class Meta:
        verbose_name = _("index entry")
        verbose_name_plural = _("index entries")

    def __str__(self) -> str:
        return f"index entry for article {self.article_id}"
