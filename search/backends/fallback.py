"""Other databases, and one-character queries everywhere: substring match.

Slow on a large table (no index can serve icontains), but exact: an article
matches when every term occurs in one of its searchable fields.
"""

from __future__ import annotations

from functools import reduce
from operator import and_, or_

from django.db.models import Q, QuerySet

from search.services import SEARCHED_FIELDS


class SearchBackend:
    vendor = "fallback"

    def filter(self, queryset: QuerySet, groups) -> QuerySet:
        for group in groups:
            queryset = queryset.filter(reduce(or_, (reduce(and_, map(_anywhere, option)) for option in group)))
        return queryset


def _anywhere(token: str) -> Q:
    return reduce(or_, (Q(**{f"{field}__icontains": token}) for field in SEARCHED_FIELDS))
