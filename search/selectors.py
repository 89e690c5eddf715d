"""Reads for search: the same Chinese search for editors (any status) and readers (published)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import reduce
from operator import and_

from django.db import connections
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from articles.models import Article
from search.analysis import query_tokens
from search.backends import get_backend
from search.backends.fallback import SearchBackend as SubstringBackend

MAX_RESULTS = 300  # readers page through at most this many hits (15 pages) (editors' search_filter is not capped)
_NEVER = datetime.min.replace(tzinfo=UTC)  # sorts articles without a date last


@dataclass(frozen=True)
class ParsedQuery:
    words: list[str]  # every hit contains all of them; also what is highlighted
    substring: bool  # one-character words only: matched as substrings, not in the index

    def __bool__(self) -> bool:
        return bool(self.words)


def parse_query(query: str) -> ParsedQuery:
    """Words of two or more characters go to the index; single characters
    (的, 区, A …) are dropped unless they are all the query has, in which
    case they are matched as substrings, so 岛 finds every article with 岛."""
    tokens = query_tokens(query.strip())
    longer = [t for t in tokens if len(t) > 1]
    return ParsedQuery(words=longer or tokens, substring=not longer)


def search_filter(queryset: QuerySet[Article], query: str) -> QuerySet[Article]:
    """Restrict queryset to the articles matching query (any status); nothing for an empty query."""
    parsed = parse_query(query)
    if not parsed:
        return queryset.none()
    backend = SubstringBackend() if parsed.substring else get_backend(connections[queryset.db])
    return backend.filter(queryset, parsed.words)


def search_ranked(query: str) -> list[int]:
    """Ids of the published articles matching query, best first: headline hits, then newest.

    At most MAX_RESULTS, the most recently added: they are found walking the
    primary key backwards, which stops after MAX_RESULTS even when most of
    the archive contains the word (青岛) instead of reading every match, and
    only those few are ranked, here in Python.
    """
    parsed = parse_query(query)
    if not parsed:
        return []
    hits = (
        search_filter(Article.objects.published(), query)
        .annotate(title_hit=_title_hit(parsed))
        .order_by("-pk")
        .values_list("pk", "published_at", "title_hit")[:MAX_RESULTS]
    )
    ranked = sorted(hits, key=lambda hit: (hit[2], hit[1] or _NEVER, hit[0]), reverse=True)
    return [pk for pk, _, _ in ranked]


def _title_hit(parsed: ParsedQuery) -> Case:
    if parsed.substring:
        in_headline = [Q(title__icontains=w) | Q(kicker__icontains=w) | Q(subtitle__icontains=w) for w in parsed.words]
    else:
        # Index rows hold " word word " so " 青岛 " matches the whole word only.
        in_headline = [Q(search_entry__title__contains=f" {w} ") for w in parsed.words]
    return Case(When(reduce(and_, in_headline), then=Value(1)), default=Value(0), output_field=IntegerField())
