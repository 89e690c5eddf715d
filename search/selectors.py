"""Reads for search: the same Chinese search for editors (any status) and readers (published).

A query is parsed into groups: every hit matches each group, by any one of
its alternatives, and an alternative is words that must all be in the hit.
A plain word is a group of one; a name the caller knows other names for
(黄岛区, also written 西海岸新区: public reads them from linking) is a group
of each name's words. Queries and the index are both in simplified
characters (text.scripts), so 青島 finds 青岛 and a traditional page is found
by either script.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import reduce
from operator import and_, or_

from django.db import connections
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import ExtractYear

from articles.models import Article, Byline
from search.analysis import MAX_QUERY_LENGTH, query_tokens
from search.backends import get_backend
from search.backends.fallback import SearchBackend as SubstringBackend
from text.scripts import to_simplified, to_traditional

RELEVANCE = "relevance"  # headline hits first, then newest
DATE = "date"  # newest first
SORTS = (RELEVANCE, DATE)
MAX_ALTERNATIVES = 8  # names per group: an entity with many aliases keeps the SQL bounded
FACET_SIZE = 10  # values shown per facet, the most frequent

Words = tuple[str, ...]


@dataclass(frozen=True)
class ParsedQuery:
    groups: tuple[tuple[Words, ...], ...]
    substring: bool  # one-character words only: matched as substrings, not in the index

    @property
    def words(self) -> list[str]:
        """Every word of every alternative, once: what is highlighted."""
        return list(dict.fromkeys(w for group in self.groups for option in group for w in option))

    def __bool__(self) -> bool:
        return bool(self.groups)


@dataclass(frozen=True)
class SearchFilters:
    """What a reader narrows hits to; an empty field does not narrow."""

    publication: str = ""  # Publication.slug
    date_from: date | None = None  # edition dates, both ends included
    date_to: date | None = None
    page: int | None = None  # 版次 (SourcePage.number)
    section: str = ""  # slugs: the article's own section, as its facet counts it
    column: str = ""
    reporter: str = ""

    def apply(self, queryset: QuerySet[Article], *, without: str = "") -> QuerySet[Article]:
        """queryset narrowed by every filter but the facet `without` (its own counts show every choice)."""
        f = self if not without else replace(self, **_CLEARED[without])
        if f.publication:
            queryset = queryset.filter(source_page__issue__publication__slug=f.publication)
        if f.date_from:
            queryset = queryset.filter(source_page__edition_date__gte=f.date_from)
        if f.date_to:
            queryset = queryset.filter(source_page__edition_date__lte=f.date_to)
        if f.page is not None:
            queryset = queryset.filter(source_page__number=f.page)
        if f.section:
            queryset = queryset.filter(section__slug=f.section)
        if f.column:
            queryset = queryset.filter(column__slug=f.column)
        if f.reporter:
            # A subquery, not a join: an article with two bylines is one hit.
            queryset = queryset.filter(pk__in=Byline.objects.filter(reporter__slug=f.reporter).values("article_id"))
        return queryset


NO_FILTERS = SearchFilters()
_CLEARED = {
    "publication": {"publication": ""},
    "year": {"date_from": None, "date_to": None},
    "page": {"page": None},
    "section": {"section": ""},
    "column": {"column": ""},
    "reporter": {"reporter": ""},
}


@dataclass(frozen=True)
class Facet:
    value: str  # as the filter takes it (a slug, a year, a page number)
    label: str
    count: int


def parse_query(query: str, *, alternatives: Mapping[str, Sequence[str]] | None = None) -> ParsedQuery:
    """Words of two or more characters go to the index; single characters
    (的, 区, A …) are dropped unless they are all the query has, in which
    case they are matched as substrings, so 岛 finds every article with 岛.

    alternatives: names in the query, each with the other names it may be
    found by ({"黄岛区": ["西海岸新区"]}); the longest name wins where two overlap.
    """
    query = to_simplified(query.strip()[:MAX_QUERY_LENGTH])
    names = {to_simplified(k): [to_simplified(v) for v in vs] for k, vs in (alternatives or {}).items() if k.strip()}
    name_groups: list[tuple[Words, ...]] = []
    rest = query
    if names:
        pattern = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
        for match in pattern.finditer(query):
            options = (_longer(query_tokens(name)) for name in dict.fromkeys([match.group(), *names[match.group()]]))
            group = tuple(dict.fromkeys(o for o in options if o))[:MAX_ALTERNATIVES]
            if group:
                name_groups.append(group)
        rest = pattern.sub(" ", query)  # a space: the words either side of a name stay apart
    tokens = query_tokens(rest)
    longer = _longer(tokens)
    if not longer and not name_groups:
        # Substrings are matched in the stored text, not the (simplified) index:
        # 岛 looks for 島 too, for pages printed in traditional characters.
        groups = tuple(tuple(dict.fromkeys([(t,), (to_traditional(t),)])) for t in tokens)
        return ParsedQuery(groups=groups, substring=True)
    return ParsedQuery(groups=tuple(((t,),) for t in longer) + tuple(name_groups), substring=False)


def _longer(tokens: Sequence[str]) -> Words:
    return tuple(t for t in tokens if len(t) > 1)


def _parsed(query: str | ParsedQuery) -> ParsedQuery:
    return query if isinstance(query, ParsedQuery) else parse_query(query)


def search_filter(queryset: QuerySet[Article], query: str | ParsedQuery) -> QuerySet[Article]:
    """Restrict queryset to the articles matching query (any status); nothing for an empty query."""
    parsed = _parsed(query)
    if not parsed:
        return queryset.none()
    backend = SubstringBackend() if parsed.substring else get_backend(connections[queryset.db])
    return backend.filter(queryset, parsed.groups)


def search_ranked(
    query: str | ParsedQuery, *, filters: SearchFilters = NO_FILTERS, sort: str = RELEVANCE
) -> QuerySet[int]:
    """Ids of every published article matching query and filters, in order: a
    lazy queryset, so a paginator counts them all and reads one page.

    The database sorts every hit: a count of all of them needs every hit read
    anyway, and a reader can page to the last one.
    """
    parsed = _parsed(query)
    if not parsed:
        return Article.objects.none().values_list("pk", flat=True)
    hits = filters.apply(search_filter(Article.objects.published(), parsed))
    newest = (F("published_at").desc(nulls_last=True), "-pk")
    if sort == DATE:
        return hits.order_by(*newest).values_list("pk", flat=True)
    return hits.annotate(title_hit=_title_hit(parsed)).order_by("-title_hit", *newest).values_list("pk", flat=True)


def search_facets(query: str | ParsedQuery, *, filters: SearchFilters = NO_FILTERS) -> dict[str, list[Facet]]:
    """How many published hits each publication, year, page, section, column and
    reporter has: one grouped query each, whatever the number of hits. Each
    facet is counted under the other facets' filters, not its own, so it
    still offers its other values once one is chosen."""
    parsed = _parsed(query)
    if not parsed:
        return {}
    matching = search_filter(Article.objects.published(), parsed)

    def among(facet: str) -> QuerySet[Article]:
        return filters.apply(matching, without=facet)

    years = (
        among("year").filter(source_page__edition_date__isnull=False)
        .annotate(year=ExtractYear("source_page__edition_date")).values("year")
        .annotate(n=Count("pk")).order_by("-year")[:FACET_SIZE]
    )
    reporters = (
        Byline.objects.filter(article__in=among("reporter").values("pk"))
        .values("reporter__slug", "reporter__name")
        .annotate(n=Count("article_id", distinct=True)).order_by("-n", "reporter__slug")[:FACET_SIZE]
    )
    return {
        "publication": _counts(among("publication"), "source_page__issue__publication__slug",
                               "source_page__issue__publication__name"),
        "year": [Facet(str(row["year"]), str(row["year"]), row["n"]) for row in years],
        "page": _counts(among("page"), "source_page__number", "source_page__number"),
        "section": _counts(among("section"), "section__slug", "section__name"),
        "column": _counts(among("column"), "column__slug", "column__name"),
        "reporter": [Facet(row["reporter__slug"], row["reporter__name"], row["n"]) for row in reporters],
    }


def _counts(queryset: QuerySet[Article], key: str, label: str) -> list[Facet]:
    rows = (
        queryset.filter(**{f"{key}__isnull": False}).values(*dict.fromkeys((key, label)))
        .annotate(n=Count("pk")).order_by("-n", key)[:FACET_SIZE]
    )
    return [Facet(str(row[key]), str(row[label]), row["n"]) for row in rows]


def _title_hit(parsed: ParsedQuery) -> Case:
    def in_headline(word: str) -> Q:
        if parsed.substring:
            return Q(title__icontains=word) | Q(kicker__icontains=word) | Q(subtitle__icontains=word)
        # Index rows hold " word word " so " 青岛 " matches the whole word only.
        return Q(search_entry__title__contains=f" {word} ")

    every_group = reduce(and_, (
        reduce(or_, (reduce(and_, map(in_headline, option)) for option in group)) for group in parsed.groups
    ))
    return Case(When(every_group, then=Value(1)), default=Value(0), output_field=IntegerField())
