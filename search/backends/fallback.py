"""Other databases, and one-character queries everywhere: substring match.

Slow on a large table (no index can serve icontains), but exact: an article
matches when every term occurs in one of its searchable fields.
"""

from __future__ import annotations

from functools import reduce
from operator import and_, or_

import numpy as np
from django.db.models import Q, QuerySet

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

    def ids(self, groups, *, using: str = "default", headline: bool = False) -> np.ndarray:
        """Ids of every article (any status) matching, or matching in its headline."""
        matching = self.filter(Article.objects.using(using), groups, fields=HEADLINE_FIELDS if headline else SEARCHED_FIELDS)
        return np.fromiter(matching.values_list("pk", flat=True), dtype=np.int64)


def _anywhere(token: str, fields: tuple[str, ...]) -> Q:
    return reduce(or_, (Q(**{f"{field}__icontains": token}) for field in fields))
