"""Tags, entity mentions, entity suggestions and the scoring profile of articles.

Runs per batch of articles (one imported page) in a fixed number of queries,
whatever the batch size: jieba does the slow part, in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Prefetch, Q
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import Article, Byline
from articles.services.naming import unique_slugs
from linking import simhash
from linking.gazetteer import NameFinder
from linking.keywords import analyse
from linking.models import Alias, AutoTag, Entity, EntitySuggestion, Mention, Profile
from linking.names import unknown_names
from linking.services.rows import insert_rows
from text import words

# jieba tags many ordinary words as names; one seen twice in a story is worth an editor's look.
SUGGESTION_MIN_OCCURRENCES = 2


@dataclass
class _Extracted:
    article: Article
    text: str
    tags: list[str]
    mentions: dict[int, list[str]]  # entity id -> the names it was written as
    names: dict[str, str]  # unconfirmed name -> kind
    terms: dict[str, float]  # the TF-IDF term vector


def article_text(article: Article) -> str:
    """Headline stack and body, as the reader sees them."""
    return "\n".join(p for p in (article.kicker, article.title, article.subtitle, article.body) if p)


@transaction.atomic
def articles_extract(*, article_ids: Iterable[int]) -> list[int]:
    """(Re)extract tags, mentions, suggestions and profiles; returns the ids of the articles found."""
    articles = list(
        Article.objects.filter(pk__in=list(article_ids))
        .select_related("source_page")
        .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("reporter")))
    )
    if not articles:
        return []
    finder = gazetteer_finder()
    known = list(finder.names)
    extracted = []
    for article in articles:
        text = article_text(article)
        reporters = [b.reporter.name for b in article.bylines.all()]
        tagged = words.tagged(text)  # one segmentation for names, tags and the term vector
        names = unknown_names(tagged, known=known, exclude=reporters)
        tags, terms = analyse(tagged, exclude=reporters)
        extracted.append(
            _Extracted(
                article=article,
                text=text,
                tags=tags,
                mentions=finder.find(text),
                names={n: k for n, k in names.items() if text.count(n) >= SUGGESTION_MIN_OCCURRENCES},
                terms=terms,
            )
        )
    _write_tags(extracted)
    _write_mentions(extracted)
    _write_suggestions(extracted)
    _write_profiles(extracted)
    return [e.article.pk for e in extracted]


def gazetteer_finder() -> NameFinder:
    """Every entity name and alias, each leading to its entity's id."""
    names = dict(Entity.objects.values_list("name", "pk"))
    names.update(Alias.objects.values_list("name", "entity_id"))
    places = Entity.objects.filter(kind=Entity.Kind.PLACE).values_list("pk", flat=True)
    return NameFinder(names, places=set(places))


def _write_tags(extracted: list[_Extracted]) -> None:
    """Apply the new keyword tags, replacing only tags the extractor added itself.

    Tags an editor added are never touched; an extractor tag the editor took
    off is remembered (AutoTag.removed) and never put back.
    """
    content_type = ContentType.objects.get_for_model(Article)
    tags = tags_for_names(names={name for e in extracted for name in e.tags})
    ids = [e.article.pk for e in extracted]
    current: dict[int, set[int]] = {}
    for article_id, tag_id in TaggedItem.objects.filter(content_type=content_type, object_id__in=ids).values_list("object_id", "tag_id"):
        current.setdefault(article_id, set()).add(tag_id)
    auto: dict[int, dict[int, tuple[int, bool]]] = {}  # article -> tag -> (AutoTag id, removed)
    rows = AutoTag.objects.filter(article_id__in=ids).values_list("pk", "article_id", "tag_id", "removed")
    for pk, article_id, tag_id, removed in rows:
        auto.setdefault(article_id, {})[tag_id] = (pk, removed)

    untag, add, newly_removed = [], [], []
    for e in extracted:
        pk = e.article.pk
        on_article = current.get(pk, set())
        mine = auto.get(pk, {})
        wanted = {tags[name].pk for name in e.tags}
        live = {t for t, (_, removed) in mine.items() if not removed}
        dropped_by_editor = live - on_article
        newly_removed += [mine[t][0] for t in dropped_by_editor]
        refused = {t for t, (_, removed) in mine.items() if removed} | dropped_by_editor
        untag += [(pk, t) for t in (live & on_article) - wanted]
        add += [(pk, t) for t in wanted - on_article - refused]

    if untag:
        TaggedItem.objects.filter(_any(Q(object_id=a, tag_id=t) for a, t in untag), content_type=content_type).delete()
        AutoTag.objects.filter(_any(Q(article_id=a, tag_id=t) for a, t in untag)).delete()
    if newly_removed:
        AutoTag.objects.filter(pk__in=newly_removed).update(removed=True)
    if add:
        insert_rows(TaggedItem, ("content_type", "object_id", "tag"), ((content_type.pk, a, t) for a, t in add))
        insert_rows(AutoTag, ("article", "tag", "removed"), ((a, t, False) for a, t in add))


def _any(conditions: Iterable[Q]) -> Q:
    return Q(*conditions, _connector=Q.OR)


def tags_for_names(*, names: set[str]) -> dict[str, Tag]:
    """The tags of these names, creating missing ones with pinyin slugs (/tags/zhibo-dianshang/)."""
    tags = {t.name: t for t in Tag.objects.filter(name__in=names)}
    missing = sorted(names - tags.keys())
    if not missing:
        return tags
    new = [Tag(name=name, slug=slug) for name, slug in unique_slugs(Tag, missing).items()]
    # Another import may create the same tag at the same moment: keep whichever won.
    Tag.objects.bulk_create(new, ignore_conflicts=True)
    tags.update((t.name, t) for t in Tag.objects.filter(name__in=missing))
    return tags


def _write_mentions(extracted: list[_Extracted]) -> None:
    Mention.objects.filter(article_id__in=[e.article.pk for e in extracted]).delete()
    forms_field = Mention._meta.get_field("forms")
    insert_rows(
        Mention,
        ("article", "entity", "forms", "position"),
        (
            (e.article.pk, entity_id, forms_field.get_db_prep_save(forms, connection), i)
            for e in extracted
            for i, (entity_id, forms) in enumerate(e.mentions.items())
        ),
    )


def _write_suggestions(extracted: list[_Extracted]) -> None:
    """Offer unconfirmed names to editors, with the articles they appear in."""
    through = EntitySuggestion.articles.through
    through.objects.filter(article_id__in=[e.article.pk for e in extracted]).delete()
    kinds = {name: kind for e in extracted for name, kind in e.names.items()}
    if not kinds:
        return
    # A name suggested before keeps its row (and an editor's decision on it).
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    insert_rows(
        EntitySuggestion, ("name", "kind", "status", "created_at"),
        ((name, kind, EntitySuggestion.Status.PENDING.value, now) for name, kind in kinds.items()),
        conflict=("name",),
    )
    ids = dict(EntitySuggestion.objects.filter(name__in=kinds).values_list("name", "pk"))
    insert_rows(
        through, ("entitysuggestion", "article"),
        ((ids[name], e.article.pk) for e in extracted for name in e.names),
        conflict=("entitysuggestion", "article"),
    )


def _write_profiles(extracted: list[_Extracted]) -> None:
    bands = [f"band{i}" for i in range(simhash.BANDS)]
    terms_field = Profile._meta.get_field("terms")
    rows = []
    for e in extracted:
        fingerprint = simhash.simhash(e.text)
        rows.append((
            e.article.pk,
            terms_field.get_db_prep_save(e.terms, connection),
            simhash.to_signed(fingerprint),
            connection.ops.adapt_datefield_value(article_day(e.article)),
            *simhash.bands(fingerprint),
        ))
    insert_rows(
        Profile, ("article", "terms", "simhash", "day", *bands), rows,
        conflict=["article"], update=["terms", "simhash", "day", *bands],
    )


def article_day(article: Article) -> date:
    """When the story ran: publishing date, else the dateline or edition date, else import date."""
    if article.published_at:
        return timezone.localdate(article.published_at)
    if article.dateline_date and not article.dateline_date.startswith("--"):
        return date.fromisoformat(article.dateline_date)
    if article.source_page.edition_date:
        return article.source_page.edition_date
    return timezone.localdate(article.created_at)
