"""Other databases, and one-character queries everywhere: substring match.

Slow on a large table (no index can serve icontains), but exact: an article
matches when every term occurs in one of its searchable fields.
"""

from __future__ import annotations

from functools import reduce
from operator import and_, or_

import numpy as np
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from articles.models import Article
from search.services import SEARCHED_FIELDS

HEADLINE_FIELDS = ("kicker", "title", "subtitle")


class SearchBackend:
    vendor = "fallback"

    def filter(self, queryset: QuerySet, groups, *, fields: tuple[str, ...] = SEARCHED_FIELDS) -> QuerySet:
        for group in groups:
            queryset = queryset.filter(reduce(or_, (reduce(and_, (_anywhere(t, fields) for t in option))
                                                    for option in group)))
        return queryset

    def word_ids(self, terms, *, among: np.ndarray | None = None,
                 using: str = "default") -> list[tuple[np.ndarray, np.ndarray]]:
        """Per term (a tuple of words): the ids of every article (any status; or of those among
        these ids) with all its words, and of those with them in the headline, in one query a term
        (search.hitsets keeps them per term)."""
        articles = Article.objects.using(using)
        if among is not None:
            articles = articles.filter(pk__in=among.tolist())
        found = []
        for term in terms:
            in_headline = reduce(and_, (_anywhere(w, HEADLINE_FIELDS) for w in term))
            rows = np.array(articles.filter(*(_anywhere(w, SEARCHED_FIELDS) for w in term)).values_list(
                "pk", ExpressionWrapper(in_headline, output_field=BooleanField())),
                dtype=np.int64).reshape(-1, 2)
            found.append((rows[:, 0], rows[rows[:, 1] == 1, 0]))
        return found


def _anywhere(token: str, fields: tuple[str, ...]) -> Q:
    return reduce(or_, (Q(**{f"{field}__icontains": token}) for field in fields))
