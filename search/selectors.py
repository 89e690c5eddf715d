"""Reads for search."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from articles.models import Article


def search_filter(queryset: QuerySet[Article], query: str) -> QuerySet[Article]:
    """Restrict queryset to the articles matching query (any status)."""
    terms = query.split()
    for term in terms:
        queryset = queryset.filter(Q(title__icontains=term) | Q(kicker__icontains=term) | Q(subtitle__icontains=term) | Q(body__icontains=term))
    return queryset
