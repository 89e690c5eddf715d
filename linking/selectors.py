"""Reads: related articles, entity pages, mentions for linking, old tag slugs, other names for search."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from taggit.models import Tag

from articles.models import Article, Byline
from articles.prepared import Prepared
from linking.gazetteer import NameFinder
from linking.models import Alias, Entity, Mention, RelatedLink

RELATED_LIMIT = 5
LONGEST_NAME = 20  # characters: names longer than this are not looked for in a query
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


def _related_for_display(source: int, limit: int) -> QuerySet[RelatedLink]:
    return (
        related_links_shown()
        .filter(source=source)
        # Each one's page for its edition's date (Article.url_date), without the page's text.
        .select_related("target__source_page")
        .defer("target__source_page__raw_text", "target__source_page__parse_warnings")
        .prefetch_related(Prefetch("target__bylines", queryset=Byline.objects.select_related("reporter")))[:limit]
    )


# Compiled once (articles.prepared): on the article page, compiling this query
# cost more CPU than the database took to answer it.
_RELATED_SHOWN = Prepared(lambda source: _related_for_display(source, RELATED_LIMIT), "source")


def related_for_display(*, article: Article, limit: int = RELATED_LIMIT) -> list[Related]:
    """The related articles of a page, in two queries (links with their articles and
    edition dates, then bylines): what an article list shows of each."""
    links = _RELATED_SHOWN(source=article.pk) if limit == RELATED_LIMIT else _related_for_display(article.pk, limit)
    return [Related(article=link.target, reason=link.reason) for link in links]


def entity_articles(*, entity: Entity) -> QuerySet[Article]:
    """Published articles that mention the entity, newest first, ready for an article list."""
    return Article.objects.published().for_listing().newest_first().filter(entity_mentions__entity=entity)


_MENTIONS = Prepared(
    lambda article: Mention.objects.filter(article=article).select_related("entity").order_by("position"), "article",
)


def mentions_for_display(*, article: Article) -> list[Mention]:
    """The article's entities in order of first mention, for linking_first_mentions()."""
    return _MENTIONS(article=article.pk)


def tag_for_old_slug(*, slug: str) -> Tag | None:
    """The tag that used to have this slug before a rename or merge, for a redirect."""
    return Tag.objects.filter(old_slugs__slug=slug).first()


def other_names(*, text: str) -> dict[str, list[str]]:
    """The entity names and aliases written in text (a reader's query), each with
    every name of its entity, its own name first: {"黄岛区": ["西海岸新区", "黄岛区"]}.

    Looks up only the substrings of text (a query is short), by the unique
    name indexes: three queries, whatever the size of the gazetteer.
    """
    text = text[:100]
    candidates = {text[i:j] for i in range(len(text)) for j in range(i + 2, min(len(text), i + LONGEST_NAME) + 1)}
    if not candidates:
        return {}
    entity_of = dict(Entity.objects.filter(name__in=candidates).values_list("name", "pk"))
    entity_of.update(Alias.objects.filter(name__in=candidates).values_list("name", "entity_id"))
    found = NameFinder(entity_of).find(text)  # the longest name wins where two overlap
    if not found:
        return {}
    names = {pk: [name] for pk, name in Entity.objects.filter(pk__in=found).values_list("pk", "name")}
    for entity_id, name in Alias.objects.filter(entity_id__in=found).order_by("name").values_list("entity_id", "name"):
        names[entity_id].append(name)
    return {form: names[pk] for pk, forms in found.items() for form in forms}
