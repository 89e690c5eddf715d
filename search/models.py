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


class FacetEntry(models.Model):
    """What search narrows and counts hits by, copied from each article, its page and its issue.

    A narrow row per article, written with its index row (search.services),
    so the search page counts and groups every hit without joining the wide
    article table: the rows are read once per process into arrays
    (search.columns) and only the rows of a later generation after that.
    Ids are plain integers, not foreign keys: this is a copy, refreshed
    whenever the article is announced as changed, not a relation to keep.
    """

    article = models.OneToOneField(
        Article, verbose_name=_("article"), primary_key=True, on_delete=models.CASCADE, related_name="search_facets"
    )
    generation = models.BigIntegerField(_("generation"), db_index=True)  # IndexGeneration.value when written
    public = models.BooleanField(_("public"))  # Article.published_q(): readers may see it
    published_at = models.DateTimeField(_("published at"), null=True)
    publication_id = models.BigIntegerField(_("publication"), null=True)
    edition_date = models.DateField(_("edition date"), null=True)
    page = models.PositiveSmallIntegerField(_("page number"), null=True)
    section_id = models.BigIntegerField(_("section"), null=True)
    column_id = models.BigIntegerField(_("column"), null=True)

    class Meta:
        verbose_name = _("facet entry")
        verbose_name_plural = _("facet entries")

    def __str__(self) -> str:
        return f"facet entry for article {self.article_id}"


class IndexGeneration(models.Model):
    """One row: bumped by every write of facet entries and every delete of an article, so a process sees in one
    cheap read whether its copy (search.columns) is current. `stamp` is random
    per write: a generation number seen again after a rollback is not taken for
    the same state."""

    value = models.BigIntegerField(_("generation"), default=0)
    stamp = models.BigIntegerField(_("stamp"), default=0)
    # The generation of the newest delete of an article: its facet entry went by
    # cascade, leaving no row to read, so a copy older than this asks which are left.
    removed = models.BigIntegerField(_("last removal"), default=0)

    class Meta:
        verbose_name = _("index generation")
        verbose_name_plural = _("index generations")

    def __str__(self) -> str:
        return f"search index generation {self.value}"
