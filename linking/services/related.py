"""Related-article suggestions, and editors' decisions on them.

Candidates come from an inverted index, not from comparing every pair: the
newest articles that share one of the article's entities, tags or reporters
(the mention, tag and byline tables, each look-up capped). Only those are
scored, so the cost per article does not grow with the archive.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from taggit.models import TaggedItem

from articles.models import Article, Byline
from linking.models import Mention, Profile, RelatedLink
from linking.scoring import Features, rarity, score

CANDIDATES_PER_FEATURE = 100
MAX_CANDIDATES = 200
SUGGESTIONS_PER_ARTICLE = 10
MIN_SCORE = 0.2  # weaker pairs are not stored at all


def suggestions_refresh(*, article_ids: Iterable[int]) -> None:
    for article_id in article_ids:
        suggestions_refresh_one(article_id=article_id)


@transaction.atomic
def suggestions_refresh_one(*, article_id: int) -> list[RelatedLink]:
    """Score the article against its candidates and store the best as suggestions, both ways.

    Suggestions are symmetric, so the older article learns of the newer one
    too. Editors' decisions (accepted, pinned, rejected) keep their status;
    only their score and reasons are brought up to date.
    """
    features = _features([article_id]).get(article_id)
    if features is None:
        return []
    shared, hits = _candidates(article_id, features)
    rarities = {key: rarity(n) for key, n in hits.items()}
    others = _features([pk for pk, _ in shared.most_common(MAX_CANDIDATES)])
    scored = sorted(
        ((pk, *score(features, other, rarities=rarities)) for pk, other in others.items()),
        key=lambda row: (-row[1], row[0]),
    )
    best = [(pk, s, reasons) for pk, s, reasons in scored if s >= MIN_SCORE][:SUGGESTIONS_PER_ARTICLE]

    keep = {pk for pk, _, _ in best}
    RelatedLink.objects.filter(status=RelatedLink.Status.SUGGESTED).filter(
        Q(source_id=article_id) & ~Q(target_id__in=keep) | Q(target_id=article_id) & ~Q(source_id__in=keep)
    ).delete()
    links = [RelatedLink(source_id=article_id, target_id=pk, score=s, reasons=reasons) for pk, s, reasons in best]
    links += [RelatedLink(source_id=pk, target_id=article_id, score=s, reasons=reasons) for pk, s, reasons in best]
    return RelatedLink.objects.bulk_create(
        links, update_conflicts=True, unique_fields=["source", "target"], update_fields=["score", "reasons", "updated_at"]
    )


def _candidates(article_id: int, features: Features) -> tuple[Counter, dict[tuple[str, int], int]]:
    """(articles by the number of features they share, articles found per feature) from the inverted index."""
    content_type = ContentType.objects.get_for_model(Article)
    lookups = [
        (("entity", pk), Mention.objects.filter(entity_id=pk).order_by("-article_id").values_list("article_id", flat=True))
        for pk in features.entities
    ]
    lookups += [
        (("tag", pk), TaggedItem.objects.filter(tag_id=pk, content_type=content_type).order_by("-object_id").values_list("object_id", flat=True))
        for pk in features.tags
    ]
    lookups += [
        (("reporter", pk), Byline.objects.filter(reporter_id=pk).order_by("-article_id").values_list("article_id", flat=True))
        for pk in features.reporters
    ]
    shared: Counter = Counter()
    hits = {}
    for key, query in lookups:
        ids = [pk for pk in query[: CANDIDATES_PER_FEATURE + 1] if pk != article_id][:CANDIDATES_PER_FEATURE]
        hits[key] = len(ids)
        shared.update(ids)
    return shared, hits


def _features(article_ids: list[int]) -> dict[int, Features]:
    """Features of articles that have a profile, in four queries whatever their number."""
    features = {
        row["article_id"]: Features(
            terms=row["terms"],
            day=row["day"],
            column=(row["article__column_id"], row["article__column__name"]) if row["article__column_id"] else None,
        )
        for row in Profile.objects.filter(article_id__in=article_ids).values(
            "article_id", "terms", "day", "article__column_id", "article__column__name"
        )
    }
    if not features:
        return features
    for article_id, entity_id, name, kind in Mention.objects.filter(article_id__in=features).values_list(
        "article_id", "entity_id", "entity__name", "entity__kind"
    ):
        features[article_id].entities[entity_id] = (name, kind)
    content_type = ContentType.objects.get_for_model(Article)
    for article_id, tag_id, name in TaggedItem.objects.filter(content_type=content_type, object_id__in=features).values_list(
        "object_id", "tag_id", "tag__name"
    ):
        features[article_id].tags[tag_id] = name
    for article_id, reporter_id, name in Byline.objects.filter(article_id__in=features).values_list(
        "article_id", "reporter_id", "reporter__name"
    ):
        features[article_id].reporters[reporter_id] = name
    return features


@transaction.atomic
def link_decide(*, link: RelatedLink, status: str) -> RelatedLink:
    """An editor accepts, pins or rejects a suggestion (or changes their mind)."""
    link.status = status
    link.full_clean()
    link.save(update_fields=["status", "updated_at"])
    return link


@transaction.atomic
def link_add(*, source: Article, target: Article, status: str = RelatedLink.Status.ACCEPTED) -> RelatedLink:
    """An editor links two articles by hand; an existing suggestion for the pair is taken over."""
    link = RelatedLink.objects.filter(source=source, target=target).first() or RelatedLink(source=source, target=target)
    link.status = status
    link.by_hand = True
    link.full_clean()
    link.save()
    return link
