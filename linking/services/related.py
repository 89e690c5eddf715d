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
from django.db import connection, transaction
from django.db.models import Q
from taggit.models import TaggedItem

from articles.models import Article, Byline
from linking.models import Mention, Profile, RelatedLink
from linking.scoring import Features, rarity, score, score_value

CANDIDATES_PER_FEATURE = 100
MAX_CANDIDATES = 200
SUGGESTIONS_PER_ARTICLE = 10
MIN_SCORE = 0.2  # weaker pairs are not stored at all


@transaction.atomic
def suggestions_refresh(*, article_ids: Iterable[int]) -> list[RelatedLink]:
    """Score each article against its candidates and store the best as suggestions, both ways.

    Suggestions are symmetric, so the older article learns of the newer one
    too. Editors' decisions (accepted, pinned, rejected) keep their status;
    only their score and reasons are brought up to date.

    The batch is one pass in a fixed number of queries: the features of the
    articles and of all their candidates are read once, each entity, tag and
    reporter is looked up in the inverted index once however many articles
    share it, and the links are written with one delete and one upsert. What
    is stored is what refreshing the articles one by one, in order, stores
    (a later article may drop a suggestion an earlier one made); scoring only
    reads features, which no refresh changes.
    """
    ids = list(dict.fromkeys(article_ids))
    features = _features(ids)
    ids = [pk for pk in ids if pk in features]
    if not ids:
        return []
    postings = _postings({key for pk in ids for key in _feature_keys(features[pk])})
    candidates = {}
    for pk in ids:
        shared, hits = _candidates(pk, features[pk], postings)
        candidates[pk] = ([other for other, _ in shared.most_common(MAX_CANDIDATES)], hits)
    missing = {other for chosen, _ in candidates.values() for other in chosen} - features.keys()
    features |= _features(list(missing))
    best = {}
    for pk in ids:
        chosen, hits = candidates[pk]
        rarities = {key: rarity(n) for key, n in hits.items()}
        ranked = sorted(
            ((other, score_value(features[pk], features[other], rarities=rarities)) for other in chosen if other in features),
            key=lambda row: (-row[1], row[0]),
        )
        kept = [other for other, value in ranked if value >= MIN_SCORE][:SUGGESTIONS_PER_ARTICLE]
        best[pk] = {other: score(features[pk], features[other], rarities=rarities) for other in kept}
    return _write_links(ids, best)


def suggestions_refresh_one(*, article_id: int) -> list[RelatedLink]:
    """One article's suggestions: a batch of one (the related-articles bench times this step)."""
    return suggestions_refresh(article_ids=[article_id])


def _write_links(ids: list[int], best: dict[int, dict[int, tuple[float, list[str]]]]) -> list[RelatedLink]:
    """Replay, in memory, each article's refresh in order; then one delete and one upsert.

    One article's refresh deletes the suggested links touching it that are
    not among its best, then upserts its best both ways (an existing link
    keeps its status). The replay starts from the stored links touching the
    batch; a stored link deleted by any step is deleted (and created again
    if a later step wants it), as the step-by-step writes would.
    """
    status: dict[tuple[int, int], str] = {}
    stored: dict[tuple[int, int], int] = {}
    touching: dict[int, set[tuple[int, int]]] = {}
    for pk, source, target, link_status in RelatedLink.objects.filter(
        Q(source_id__in=ids) | Q(target_id__in=ids)
    ).values_list("pk", "source_id", "target_id", "status"):
        status[source, target] = link_status
        stored[source, target] = pk
        touching.setdefault(source, set()).add((source, target))
        touching.setdefault(target, set()).add((source, target))
    deleted, upserts = [], {}
    for pk in ids:
        keep = best[pk]
        for pair in list(touching.get(pk, ())):
            other = pair[1] if pair[0] == pk else pair[0]
            if status.get(pair) == RelatedLink.Status.SUGGESTED and other not in keep:
                del status[pair]
                upserts.pop(pair, None)
                if pair in stored:
                    deleted.append(stored.pop(pair))
        for other, found in keep.items():
            for pair in ((pk, other), (other, pk)):
                status.setdefault(pair, RelatedLink.Status.SUGGESTED)
                upserts[pair] = found
                touching.setdefault(pk, set()).add(pair)
                touching.setdefault(other, set()).add(pair)
    if deleted:
        RelatedLink.objects.filter(pk__in=deleted).delete()
    return RelatedLink.objects.bulk_create(
        [RelatedLink(source_id=s, target_id=t, score=score_, reasons=reasons) for (s, t), (score_, reasons) in upserts.items()],
        update_conflicts=True,
        unique_fields=["source", "target"],
        update_fields=["score", "reasons", "updated_at"],
    )


def _feature_keys(features: Features) -> list[tuple[str, int]]:
    return (
        [("entity", pk) for pk in features.entities]
        + [("tag", pk) for pk in features.tags]
        + [("reporter", pk) for pk in features.reporters]
    )


POSTINGS_PER_QUERY = 100  # capped look-ups joined by UNION ALL in one query (SQLite allows 500)
_STAND_IN = -7_310_419  # an id no row has, to find the id's place among a compiled look-up's parameters


def _postings(keys: set[tuple[str, int]]) -> dict[tuple[str, int], list[int]]:
    """The newest articles (one more than the cap, for the article itself) with each entity, tag or reporter.

    Each look-up is its own capped, index-ordered query, as one article's
    would be; a batch joins them with UNION ALL, so a page of six articles
    sharing forty features asks the database three times, not forty. Django
    cannot slice the parts of a union on SQLite, hence the SQL is joined here
    from the compiled querysets.
    """
    content_type = ContentType.objects.get_for_model(Article)
    lookups = {
        "entity": lambda pk: Mention.objects.filter(entity_id=pk).order_by("-article_id").values_list("entity_id", "article_id"),
        "tag": lambda pk: TaggedItem.objects.filter(tag_id=pk, content_type=content_type)
        .order_by("-object_id")
        .values_list("tag_id", "object_id"),
        "reporter": lambda pk: Byline.objects.filter(reporter_id=pk).order_by("-article_id").values_list("reporter_id", "article_id"),
    }
    postings: dict[tuple[str, int], list[int]] = {key: [] for key in keys}
    for kind, lookup in lookups.items():
        pks = sorted(pk for key_kind, pk in keys if key_kind == kind)
        if not pks:
            continue
        # Every look-up of a kind is the same SQL but for the id: building and
        # compiling a queryset per id was most of this function's time, so the
        # SQL is compiled once, with a stand-in id whose parameter is then swapped.
        part, params = lookup(_STAND_IN)[: CANDIDATES_PER_FEATURE + 1].query.sql_with_params()
        slot = params.index(_STAND_IN)
        for start in range(0, len(pks), POSTINGS_PER_QUERY):
            chunk = pks[start: start + POSTINGS_PER_QUERY]
            sql = " UNION ALL ".join(f"SELECT * FROM ({part}) AS p{i}" for i in range(len(chunk)))
            with connection.cursor() as cursor:
                cursor.execute(sql, [pk if n == slot else param for pk in chunk for n, param in enumerate(params)])
                for pk, article_id in cursor.fetchall():
                    postings[kind, pk].append(article_id)
    for ids in postings.values():
        ids.sort(reverse=True)  # newest first, as each part's ORDER BY had them
    return postings


def _candidates(
    article_id: int, features: Features, postings: dict[tuple[str, int], list[int]]
) -> tuple[Counter, dict[tuple[str, int], int]]:
    """(articles by the number of features they share, articles found per feature) from the inverted index."""
    shared: Counter = Counter()
    hits = {}
    for key in _feature_keys(features):
        ids = [pk for pk in postings[key] if pk != article_id][:CANDIDATES_PER_FEATURE]
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
