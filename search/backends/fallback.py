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

    def word_ids(self, words, *, using: str = "default") -> list[tuple[np.ndarray, np.ndarray]]:
        """Per word: the ids of every article (any status) with it, and of those with it in
        the headline, in one query a word (search.hitsets keeps them per word)."""
        found = []
        for word in words:
            rows = np.array(Article.objects.using(using).filter(_anywhere(word, SEARCHED_FIELDS)).values_list(
                "pk", ExpressionWrapper(_anywhere(word, HEADLINE_FIELDS), output_field=BooleanField())),
                dtype=np.int64).reshape(-1, 2)
            found.append((rows[:, 0], rows[rows[:, 1] == 1, 0]))
        return found


def _anywhere(token: str, fields: tuple[str, ...]) -> Q:
    return reduce(or_, (Q(**{f"{field}__icontains": token}) for field in fields))
