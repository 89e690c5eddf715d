"""Minimal public pages: only published articles are ever shown."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from articles.bodytext import text_to_blocks
from articles.models import Article, Byline, Reporter

HOME_LIMIT = 30


def _published() -> QuerySet[Article]:
    # Everything a listing shows, in a fixed number of queries.
    return (
        Article.objects.published()
        .select_related("column", "section")
        .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("reporter")))
        .order_by("-published_at", "-pk")
    )


def home(request: HttpRequest) -> HttpResponse:
    articles = _published()[:HOME_LIMIT]
    return render(request, "articles/home.html", {"articles": articles})


def article_detail(request: HttpRequest, pk: int, **url_parts: object) -> HttpResponse:
    # Drafts 404 like missing articles, so their existence is not revealed.
    article = get_object_or_404(_published(), pk=pk)
    canonical = article.get_absolute_url()
    if request.path != canonical:
        # Wrong date or an old slug after a headline change: send readers and
        # crawlers to the one canonical address.
        return redirect(canonical, permanent=True)
    return render(
        request,
        "articles/article_detail.html",
        {"article": article, "blocks": text_to_blocks(article.body)},
    )


def reporter_detail(request: HttpRequest, slug: str) -> HttpResponse:
    reporter = get_object_or_404(Reporter, slug=slug)
    articles = _published().filter(bylines__reporter=reporter).distinct()[:HOME_LIMIT]
    return render(request, "articles/reporter_detail.html", {"reporter": reporter, "articles": articles})
