"""Public URLs. Article URLs carry the date and slug for readers and search
engines, but only the id decides which article is shown."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path, register_converter

from public import corrections, editions, entities, feeds, sitemaps, views


class FixedDigits:
    """Zero-padded numbers such as "2024" and "03"; reverse() is given strings."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int | str) -> str:
        return str(value)


register_converter(FixedDigits, "digits")


class _Fixed:
    """A fixed-form part kept as the string it is (the view checks it), so the page
    cache scopes and reverse() see exactly what the address says."""

    regex: str

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return str(value)


class IsoDay(_Fixed):
    regex = "[0-9]{4}-[0-9]{2}-[0-9]{2}"


class IsoMonth(_Fixed):
    regex = "[0-9]{4}-[0-9]{2}"


class PageNumber(_Fixed):
    regex = "[0-9]{2,3}"  # 02, 12; 101 for the rare paper of more than 99 pages


register_converter(IsoDay, "isoday")
register_converter(IsoMonth, "isomonth")
register_converter(PageNumber, "pageno")

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "articles/<digits:year>/<digits:month>/<digits:day>/<int:pk>-<slug:slug>/",
        views.article_detail,
        name="detail",
    ),
    # Shortened links (no slug) redirect to the canonical URL.
    path("articles/<int:pk>/", views.article_detail, name="short"),
    path("sections/<slug:slug>/", views.section_detail, name="section"),
    path("columns/<slug:slug>/", views.column_detail, name="column"),
    path("reporters/<slug:slug>/", views.reporter_detail, name="reporter"),
    # Tag slugs keep Chinese characters (taggit's unicode slugs), so <str>.
    path("tags/<str:slug>/", views.tag_detail, name="tag"),
    path("pages/<str:ref>/", views.source_page_detail, name="source_page"),
    path("archive/<digits:year>/<digits:month>/", views.archive_month, name="archive_month"),
    path("archive/<digits:year>/<digits:month>/<digits:day>/", views.archive_day, name="archive_day"),
    path("entities/<slug:slug>/", entities.entity_detail, name="entity"),
    path("search/", views.search, name="search"),
    path("corrections/", corrections.corrections, name="corrections"),
    path("articles/<int:pk>/report/", corrections.report_error, name="report"),
    path("feeds/rss/", feeds.LatestArticlesFeed(), name="rss"),
    path("feeds/atom/", feeds.LatestArticlesAtomFeed(), name="atom"),
    path("sections/<slug:slug>/rss/", feeds.SectionFeed(), name="section_rss"),
    path("sections/<slug:slug>/atom/", feeds.SectionAtomFeed(), name="section_atom"),
    path("reporters/<slug:slug>/rss/", feeds.ReporterFeed(), name="reporter_rss"),
    path("reporters/<slug:slug>/atom/", feeds.ReporterAtomFeed(), name="reporter_atom"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap_index"),
    # Before sitemap-<section>.xml, which would take "news" for a section name.
    path("sitemap-news.xml", sitemaps.news_sitemap, name="news_sitemap"),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": sitemaps.SITEMAPS}, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots"),
    # The e-paper (数字报), last: a publication's slug takes any first path segment left.
    path("<slug:publication>/", editions.publication_front, name="publication"),
    path("<slug:publication>/<isomonth:month>/", editions.issue_calendar, name="issue_calendar"),
    path("<slug:publication>/<isoday:day>/", editions.issue_detail, name="issue"),
    path("<slug:publication>/<isoday:day>/<pageno:number>/", editions.edition_page, name="edition_page"),
]
