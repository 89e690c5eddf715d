"""sitemap.xml (an index of per-kind sitemaps) and the Google News sitemap."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from articles.models import Article, Byline, Column, Reporter, Section, SourcePage
from public import seo
from public.selectors import news_sitemap_articles


class _OnSiteUrl:
    """The site's host for Sitemap.get_urls: Django's views pass the request's, but every
    address search engines read is on SITE_URL, whatever Host the request came with (as canonical)."""

    @property
    def domain(self) -> str:
        return urlsplit(settings.SITE_URL).netloc


class _SiteSitemap(Sitemap):
    def get_urls(self, page=1, site=None, protocol=None):
        return super().get_urls(page=page, site=_OnSiteUrl(), protocol=urlsplit(settings.SITE_URL).scheme)


class ArticleSitemap(_SiteSitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = 10000  # per sitemap page; the index lists the pages

    def items(self) -> QuerySet[Article]:
        # Only what get_absolute_url and lastmod read: no bodies; the page's date is the URL's.
        return (
            Article.objects.published().only("pk", "slug", "published_at", "created_at", "updated_at", "source_page")
            .prefetch_related(Prefetch("source_page", queryset=SourcePage.objects.only("pk", "edition_date")))
            .order_by("pk")
        )

    def lastmod(self, item: Article):
        return item.updated_at


class _WithPublishedArticles(_SiteSitemap):
    """Sections, columns, reporters and pages that have at least one published article."""

    changefreq = "daily"
    model: type
    published = None  # an Exists() over published articles, per model

    def items(self) -> QuerySet:
        return self.model.objects.filter(self.published).order_by("pk")


class SectionSitemap(_WithPublishedArticles):
    model = Section
    published = Exists(Article.objects.published().filter(section=OuterRef("pk")))


class ColumnSitemap(_WithPublishedArticles):
    model = Column
    published = Exists(Article.objects.published().filter(column=OuterRef("pk")))


class ReporterSitemap(_WithPublishedArticles):
    model = Reporter
    published = Exists(Byline.objects.filter(Article.published_q("article"), reporter=OuterRef("pk")))


class SourcePageSitemap(_WithPublishedArticles):
    model = SourcePage
    published = Exists(Article.objects.published().filter(source_page=OuterRef("pk")))

    def items(self) -> QuerySet:
        # A page of an issue is addressed under it (SourcePage.get_absolute_url).
        return super().items().defer("raw_text", "parse_warnings").select_related("issue__publication")


SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "columns": ColumnSitemap,
    "reporters": ReporterSitemap,
    "pages": SourcePageSitemap,
}


@require_safe
@x_robots_tag
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """sitemap.xml: each kind's sitemap, page by page, on SITE_URL (Django's index names the request's host)."""
    items = []
    for section, kind in SITEMAPS.items():
        sitemap = kind()
        url = seo.absolute_url(reverse("public:sitemap_section", kwargs={"section": section}))
        lastmod = sitemap.get_latest_lastmod()
        items += [SitemapIndexItem(url if page == 1 else f"{url}?p={page}", lastmod)
                  for page in sitemap.paginator.page_range]
    return TemplateResponse(request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml")


def news_sitemap(request: HttpRequest) -> HttpResponse:
    """Google News sitemap: articles of the last two days, else the newest ones (see news_sitemap_articles)."""
    articles, recent = news_sitemap_articles()
    entries = [(seo.absolute_url(a.get_absolute_url()), a) for a in articles]
    return render(request, "public/news_sitemap.xml", {"entries": entries, "recent": recent},
                  content_type="application/xml; charset=utf-8")
