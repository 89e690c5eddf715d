"""The public site: only published articles are ever shown; drafts are 404s.

Every page view is wrapped in pagecache.cached_page, so a page renders once
per change (see public.pagecache).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from taggit.models import Tag

from articles.models import Article, Column, Reporter, SourcePage
from linking.rendering import link_first_mentions
from linking.selectors import mentions_for_display, other_names, related_for_display, tag_for_old_slug
from public import pagecache, scripts, seo
from public.citation import citation
from public.pagecache import cached_page
from public.selectors import (
    NewestFirst,
    article_bylines,
    article_for_page,
    article_tags,
    home_groups,
    issue_front,
    main_issue,
    page_headlines,
    publications_with_issues,
    published_articles,
    published_between,
    search_hits,
    section_with_descendants,
    SectionNewest,
)
from search.highlight import highlight, snippet
from search.selectors import DATE, RELEVANCE, SearchFilters, parse_query, search_results
from text.bodytext import text_to_blocks
from text.scripts import to_simplified, to_traditional

HOME_LATEST = 20
HOME_PER_SECTION = 6
PER_PAGE = 20


def public_page(view):
    """GET and HEAD only, served from the page cache."""
    return require_safe(cached_page(view))


def _feeds(kind: str, slug: str) -> tuple[str, str]:
    return reverse(f"public:{kind}_rss", args=[slug]), reverse(f"public:{kind}_atom", args=[slug])


def _page(request: HttpRequest, items: NewestFirst | SectionNewest | list[int], per_page: int = PER_PAGE) -> Page:
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def _published_or_404(queryset: QuerySet[Article]) -> QuerySet[Article]:
    """Columns, reporters, tags and pages are made by imports of drafts too: a page
    of one with nothing published yet would tell readers what is unpublished."""
    if not queryset.exists():
        raise Http404("nothing published here yet")
    return queryset


def _listing(request: HttpRequest, *, heading: str, queryset: QuerySet[Article] | None = None,
             articles: SectionNewest | None = None, **context) -> HttpResponse:
    """A page of the queryset's published articles, newest first (or of articles, already so)."""
    items = NewestFirst(queryset) if articles is None else articles
    context.update(heading=heading, page_obj=_page(request, items))
    return render(request, "public/listing.html", context)


@public_page
def home(request: HttpRequest) -> HttpResponse:
    """The main publication's latest issue as its front page shows it, then the sections;
    the newest articles instead when nothing published is in an issue."""
    # Read once per change: every change of a public article, its page or a section makes
    # a new generation of the home's scopes (public.pagecache), page cache on or off.
    context = pagecache.kept(("home", settings.NEWSROOM_MAIN_PUBLICATION), [pagecache.HOME], _home_reads)
    return render(request, "public/home.html", dict(context))


def _home_reads() -> dict:
    context: dict = {"groups": home_groups(per_section=HOME_PER_SECTION)}
    publications = publications_with_issues()
    issue = main_issue(publications)
    front = issue_front(issue) if issue is not None else None
    if front is None:
        context["latest"] = NewestFirst(published_articles())[:HOME_LATEST]  # includes articles with no section
    else:
        context["front"] = front
        context["other_publications"] = [p for p in publications if p.pk != issue.publication_id]
    return context


@public_page
def article_detail(request: HttpRequest, pk: int, **url_parts: object) -> HttpResponse:
    # Drafts 404 like missing articles, so their existence is not revealed.
    article = article_for_page(pk)
    if article is None:
        raise Http404("no such published article")
    canonical = article.get_absolute_url()
    if request.path != canonical:
        # Wrong date or an old slug after a headline change: send readers and
        # crawlers to the one canonical address.
        return redirect(canonical, permanent=True)
    # 转版: a story continued on another page is shown whole, both parts in printed order.
    parts = article.parts
    # Its page's 标题导航 and 上一篇/下一篇 change when a story on any of its pages does.
    pagecache.depends_on(*(f"page:{part.source_page_id}" for part in parts))
    headlines = page_headlines(article.source_page)
    at = next((i for i, a in enumerate(headlines) if a.pk == article.pk), None)  # None: taken down since it was read
    blocks = text_to_blocks(article.full_body)
    mentions = mentions_for_display(article=article)
    related = related_for_display(article=article)
    tags = article_tags(article)
    bylines = article_bylines(article)
    return render(request, "public/article_detail.html", {
        "article": article,
        "bylines": bylines,
        "parts": parts,
        "headlines": headlines,
        "previous": headlines[at - 1] if at else None,
        "following": headlines[at + 1] if at is not None and at + 1 < len(headlines) else None,
        # The first mention of each entity links to its page; the plain blocks
        # feed the meta description and JSON-LD, which must not carry markup.
        "blocks": link_first_mentions(blocks=blocks, mentions=mentions),
        "entities": [mention.entity for mention in mentions],
        "related": related,
        "tags": tags,
        # Read by the head's citation meta tags and the 引用本文 box.
        "cite": citation(article, bylines=bylines),
        "description": seo.description(article, blocks),
        "json_ld": seo.news_article_json_ld(article, blocks=blocks, tags=tags, bylines=bylines),
    })


@public_page
def section_detail(request: HttpRequest, slug: str) -> HttpResponse:
    sections = section_with_descendants(slug)
    if not sections:
        raise Http404("no such section")
    return _listing(request, heading=str(sections[0]), articles=SectionNewest(sections, per_page=PER_PAGE),
                    feeds=_feeds("section", slug))


@public_page
def column_detail(request: HttpRequest, slug: str) -> HttpResponse:
    column = get_object_or_404(Column, slug=slug)
    queryset = _published_or_404(published_articles().in_column(column))
    return _listing(request, heading=_("Column: %(name)s") % {"name": column.name}, queryset=queryset)


@public_page
def reporter_detail(request: HttpRequest, slug: str) -> HttpResponse:
    reporter = Reporter.objects.filter(slug=slug).first()
    if reporter is None:
        # A reporter merged into another on the desk: its old address keeps working.
        merged = Reporter.objects.merged_into(slug)
        if merged is None:
            raise Http404("no such reporter")
        return redirect("public:reporter", slug=merged.slug, permanent=True)
    queryset = _published_or_404(published_articles().by_reporter(reporter))
    return _listing(request, heading=reporter.name, queryset=queryset, reporter=reporter, feeds=_feeds("reporter", slug))


@public_page
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        # A renamed or merged tag: its old address keeps working.
        renamed = tag_for_old_slug(slug=slug)
        if renamed is None:
            raise Http404("no such tag")
        return redirect("public:tag", slug=renamed.slug, permanent=True)
    queryset = _published_or_404(published_articles().tagged(tag))
    return _listing(request, heading=_("Tag: %(name)s") % {"name": tag.name}, queryset=queryset)


@public_page
def source_page_detail(request: HttpRequest, ref: str) -> HttpResponse:
    """A printed page (版面): its published articles in printed order. ref is the id or the file name without .txt."""
    # isdigit() alone takes "²" (which int() refuses) and "１２" (a second address for page 12).
    is_id = ref.isascii() and ref.isdigit()
    lookup = {"pk": int(ref)} if is_id else {"file_name__in": [ref, f"{ref}.txt"]}
    page = get_object_or_404(SourcePage.objects.defer("raw_text").select_related("issue__publication"), **lookup)
    articles = _published_or_404(published_articles().on_page(page))
    if page.issue_id is not None and page.number:
        # The page now has its place in the e-paper, under its issue.
        return redirect(page.get_absolute_url(), permanent=True)
    return render(request, "public/source_page.html", {"source_page": page, "articles": articles})


@public_page
def archive_day(request: HttpRequest, year: int, month: int, day: int) -> HttpResponse:
    first = _date(year, month, day)
    queryset = published_between(first, _day_after(first))
    return _listing(request, heading=date_format(first, "DATE_FORMAT"), queryset=queryset)


@public_page
def archive_month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    first = _date(year, month, 1)
    following = _date(year + 1, 1, 1) if month == 12 else _date(year, month + 1, 1)
    return _listing(request, heading=date_format(first, "YEAR_MONTH_FORMAT"), queryset=published_between(first, following))


def _day_after(day: date) -> date:
    if day == date.max:  # 9999-12-31 has no following midnight to end its archive
        raise Http404("no such date")
    return day + timedelta(days=1)


def _date(year: int, month: int, day: int) -> date:
    """A day an archive can start or end on; any other is a 404."""
    try:
        value = date(year, month, day)
    except (ValueError, OverflowError):  # OverflowError: a year too large for C
        raise Http404("no such date") from None
    # Archives are bounded by local midnights, stored as UTC datetimes: the
    # midnight of date.min in a zone east of UTC falls before year 1.
    if value == date.min:
        raise Http404("no such date")
    return value


@public_page
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    # Other names of the entities named come from linking; search only ORs them.
    parsed = parse_query(query, alternatives=other_names(text=to_simplified(query)))
    filters = _search_filters(request)
    sort = DATE if request.GET.get("sort") == DATE else RELEVANCE
    results = search_results(parsed, filters=filters, sort=sort)  # one read of the index for hits and facets
    page_obj = _page(request, results.hits)  # a page of ids, in order
    # Traditional forms too: a page printed in traditional characters shows them.
    words = list(dict.fromkeys([*parsed.words, *map(to_traditional, parsed.words)]))
    hits = [
        {"article": hit.article, "reporters": hit.reporters, "title": highlight(hit.article.display_title, words),
         "snippet": highlight(snippet(hit.article.body, words), words)}
        for hit in search_hits(page_obj.object_list)
    ]
    return render(request, "public/search.html", {
        "query": query,
        "page_obj": page_obj,
        "hits": hits,
        "sort": sort,
        "facets": _facet_links(request, results.facets()),
        "filters": filters,
        "kept_params": _without(request, "page"),
    })


# The search page's filters: its query parameter, and what SearchFilters calls it.
SEARCH_PARAMS = {"publication": "publication", "year": "year", "ban": "page", "section": "section",
                 "column": "column", "reporter": "reporter"}


def _search_filters(request: HttpRequest) -> SearchFilters:
    """The filters in the query string; a value that is not a date or a number is ignored."""
    get = request.GET
    date_from, date_to = _iso_date(get.get("from", "")), _iso_date(get.get("to", ""))
    year = get.get("year", "")
    if year.isascii() and year.isdigit() and 1 <= int(year) <= 9999:
        date_from, date_to = date(int(year), 1, 1), date(int(year), 12, 31)
    ban = get.get("ban", "")
    return SearchFilters(
        publication=get.get("publication", ""),
        date_from=date_from,
        date_to=date_to,
        page=int(ban) if ban.isascii() and ban.isdigit() and len(ban) < 5 else None,
        section=get.get("section", ""),
        column=get.get("column", ""),
        reporter=get.get("reporter", ""),
    )


def _iso_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _without(request: HttpRequest, *names: str) -> str:
    """The query string without these parameters (and without the page number)."""
    params = request.GET.copy()
    for name in {"page", *names}:
        params.pop(name, None)
    return params.urlencode()


def _facet_links(request: HttpRequest, facets: dict) -> list[dict]:
    """Each facet with, per value, the address that filters by it (or stops filtering, if chosen)."""
    labels = {"publication": _("Newspaper"), "year": _("Year"), "page": _("Page"), "section": _("Section"),
              "column": _("Column"), "reporter": _("Reporter")}
    param_of = {field: param for param, field in SEARCH_PARAMS.items()}
    shown = []
    for name, values in facets.items():
        param = param_of[name]
        chosen = request.GET.get(param, "")
        others = _without(request, param, *(("from", "to") if name == "year" else ()))
        links = []
        for value in values:
            selected = value.value == chosen
            query = others if selected else "&".join(filter(None, [others, urlencode({param: value.value})]))
            links.append({"facet": value, "selected": selected, "url": f"?{query}"})
        if links:
            shown.append({"name": name, "label": labels[name], "values": links})
    return shown


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /desk/",
        "Disallow: /search/",  # endless query URLs; the sitemaps list every article
        f"Disallow: {scripts.PREFIX}search/",  # the same in traditional characters
        f"Sitemap: {seo.absolute_url(reverse('public:sitemap_index'))}",
        f"Sitemap: {seo.absolute_url(reverse('public:news_sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
