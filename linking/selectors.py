"""Reads: related articles, entity pages, mentions for linking, old tag slugs."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from taggit.models import Tag

from articles.models import Article, Byline
from linking.models import Entity, Mention, RelatedLink

RELATED_LIMIT = 5
SHOW_THRESHOLD = 0.4  # suggestions below this are for editors only, not readers


@dataclass(frozen=True)
class Related:
    """A related article as the page shows it, with why it is there."""

    article: Article
    reason: str


def related_links_shown() -> QuerySet[RelatedLink]:
    """Links readers see, best first: pinned, then accepted, then strong suggestions; published targets only."""
    return (
        RelatedLink.objects.filter(Article.published_q("target"))
        .filter(
            Q(status__in=[RelatedLink.Status.PINNED, RelatedLink.Status.ACCEPTED])
            | Q(status=RelatedLink.Status.SUGGESTED, score__gte=SHOW_THRESHOLD)
        )
        .annotate(
            rank=Case(
                When(status=RelatedLink.Status.PINNED, then=Value(0)),
                When(status=RelatedLink.Status.ACCEPTED, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .select_related("target__column")
        .order_by("rank", "-score", "pk")
    )


def related_for_display(*, article: Article, limit: int = RELATED_LIMIT) -> list[Related]:
    """The related articles of a page, in two queries (links with their articles, then bylines)."""
    links = (
        related_links_shown()
        .filter(source=article)
        .prefetch_related(Prefetch("target__bylines", queryset=Byline.objects.select_related("reporter")))[:limit]
    )
    return [Related(article=link.target, reason=link.reason) for link in links]


def entity_articles(*, entity: Entity) -> QuerySet[Article]:
    """Published articles that mention the entity, newest first, ready for an article list."""
    return Article.objects.published().for_listing().newest_first().filter(entity_mentions__entity=entity)


def mentions_for_display(*, article: Article) -> list[Mention]:
    """The article's entities in order of first mention, for linking_first_mentions()."""
    return list(Mention.objects.filter(article=article).select_related("entity").order_by("position"))


def tag_for_old_slug(*, slug: str) -> Tag | None:
    """The tag that used to have this slug before a rename or merge, for a redirect."""
    return Tag.objects.filter(old_slugs__slug=slug).first()
