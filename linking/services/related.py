"""Related-article suggestions, and editors' decisions on them.

Candidates come from an inverted index, not from comparing every pair: the
newest articles that share one of the article's entities, tags or reporters
(the mention, tag and byline tables, each look-up capped). Only those are
scored, so the cost per article does not grow with the archive.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import Article, Byline, Column, Reporter
from linking.models import Entity, Mention, Profile, RelatedLink
from linking.scoring import Features, rarity, score, score_value

CANDIDATES_PER_FEATURE = 100
MAX_CANDIDATES = 200
SUGGESTIONS_PER_ARTICLE = 10
MIN_SCORE = 0.2  # weaker pairs are not stored at all


@transaction.atomic
def suggestions_refresh(*, article_ids: Iterable[int]) -> int:
    """Score each article against its candidates and store the best as suggestions, both ways; returns the links written.

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
        return 0
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


def suggestions_refresh_one(*, article_id: int) -> int:
    """One article's suggestions: a batch of one (the related-articles bench times this step)."""
    return suggestions_refresh(article_ids=[article_id])


def _write_links(ids: list[int], best: dict[int, dict[int, tuple[float, list[str]]]]) -> int:
    """Replay, in memory, each article's refresh in order; then one delete and one upsert; returns the links upserted.

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
    _upsert_links(upserts)
    return len(upserts)


def _upsert_links(links: dict[tuple[int, int], tuple[float, list[str]]]) -> None:
    """Insert each (source, target) link as a suggestion, or update its score and reasons if it exists.

    What bulk_create(update_conflicts=True) wrote, in one statement run for
    every row by the driver: Django building a model instance and the SQL
    of a thousand rows (a batch's links both ways) cost more than the writes.
    """
    if not links:
        return
    column = {f.name: connection.ops.quote_name(f.column) for f in RelatedLink._meta.concrete_fields}
    columns = ", ".join(column[name] for name in _LINK_FIELDS)
    updated = ", ".join(f"{column[name]} = excluded.{column[name]}" for name in ("score", "reasons", "updated_at"))
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {_table(RelatedLink)} ({columns}) VALUES ({', '.join(['%s'] * len(_LINK_FIELDS))})"
            f" ON CONFLICT ({column['source']}, {column['target']}) DO UPDATE SET {updated}",
            [
                (s, t, RelatedLink.Status.SUGGESTED.value, score_, json.dumps(reasons), False, now)
                for (s, t), (score_, reasons) in links.items()
            ],
        )


_LINK_FIELDS = ("source", "target", "status", "score", "reasons", "by_hand", "updated_at")


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
    """Features of articles that have a profile: six reads, each one query per IDS_PER_QUERY ids.

    In SQL of our own: a batch reads the features of a thousand candidates
    or more, and Django preparing each id of the IN lists one by one, then
    converting each row, took longer than the database took to answer.
    """
    features: dict[int, Features] = {}
    if not article_ids:
        return features
    profile, article, column = (_table(m) for m in (Profile, Article, Column))
    for article_id, terms, day, column_id, column_name in _select(
        f"SELECT p.article_id, p.terms, p.day, a.column_id, c.name FROM {profile} p"
        f" JOIN {article} a ON a.id = p.article_id LEFT JOIN {column} c ON c.id = a.column_id"
        " WHERE p.article_id IN ({ids})",
        article_ids,
    ):
        features[article_id] = Features(
            terms=_decoded_terms(article_id, terms),
            day=date.fromisoformat(day) if isinstance(day, str) else day,
            column=(column_id, column_name) if column_id else None,
        )
    if not features:
        return features
    ids = list(features)
    # Entities and tags are read as ids, their names once per entity or tag: joining
    # the names to each of a batch's thousands of rows cost as much again.
    mentioned = _select(
        f"SELECT article_id, entity_id FROM {_table(Mention)} WHERE article_id IN ({{ids}})"
        " ORDER BY position",  # each article's in the order the ORM read them
        ids,
    )
    entities = {pk: (name, kind) for pk, name, kind in _select(
        f"SELECT id, name, kind FROM {_table(Entity)} WHERE id IN ({{ids}})", list({e for _, e in mentioned})
    )}
    # Names are a statement apart from the ids: an entity or tag deleted in
    # between (READ COMMITTED) is left out, as the join it replaced left it out.
    for article_id, entity_id in mentioned:
        if entity_id in entities:
            features[article_id].entities[entity_id] = entities[entity_id]
    tagged_ids = _select(
        f"SELECT object_id, tag_id FROM {_table(TaggedItem)} WHERE content_type_id = %s AND object_id IN ({{ids}})",
        ids,
        ContentType.objects.get_for_model(Article).pk,
    )
    tag_names = dict(_select(f"SELECT id, name FROM {_table(Tag)} WHERE id IN ({{ids}})", list({t for _, t in tagged_ids})))
    for article_id, tag_id in tagged_ids:
        if tag_id in tag_names:
            features[article_id].tags[tag_id] = tag_names[tag_id]
    byline, reporter = _table(Byline), _table(Reporter)
    for article_id, reporter_id, name in _select(
        f"SELECT b.article_id, b.reporter_id, r.name FROM {byline} b JOIN {reporter} r ON r.id = b.reporter_id"
        " WHERE b.article_id IN ({ids}) ORDER BY b.position",
        ids,
    ):
        features[article_id].reporters[reporter_id] = name
    return features


# The term vectors decoded lately, by article: {id: (the JSON as stored, decoded)}.
# The newest stories are everyone's candidates, so a worker reads the same
# vectors batch after batch; decoding them was a third of reading features.
# Reused only while the stored text is the same, so a refreshed profile is decoded anew.
_TERMS: dict[int, tuple[str, dict[str, float]]] = {}
TERMS_REMEMBERED = 20_000  # ~40 terms each: some tens of MB at most


def _decoded_terms(article_id: int, stored: str | dict) -> dict[str, float]:
    if not isinstance(stored, str):  # a driver that decodes JSON itself
        return stored
    seen = _TERMS.get(article_id)
    if seen is not None and seen[0] == stored:
        return seen[1]
    if len(_TERMS) >= TERMS_REMEMBERED:
        _TERMS.clear()
    terms = json.loads(stored)
    _TERMS[article_id] = (stored, terms)
    return terms


IDS_PER_QUERY = 900  # SQLite allows 32,766 parameters; more per query gains nothing


def _select(sql: str, ids: list[int], *params) -> list[tuple]:
    """Rows of sql for these ids, its {ids} placeholder filled IDS_PER_QUERY ids at a time, after params."""
    rows = []
    with connection.cursor() as cursor:
        for start in range(0, len(ids), IDS_PER_QUERY):
            chunk = ids[start: start + IDS_PER_QUERY]
            cursor.execute(sql.replace("{ids}", ", ".join(["%s"] * len(chunk))), [*params, *chunk])
            rows += cursor.fetchall()
    return rows


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


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
