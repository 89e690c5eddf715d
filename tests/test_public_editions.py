"""The e-paper (数字报): publication fronts, issues with their 往期 calendar, printed pages."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import timezone

from articles.models import Article, Issue, Publication, Section, SourcePage
from public import pagecache
from articles.signals import announce_changed

pytestmark = pytest.mark.django_db

TZ = ZoneInfo("Asia/Shanghai")


def _publication(name: str = "青岛日报", slug: str = "qingdao-ribao") -> Publication:
    return Publication.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def _page(publication: Publication, day: date, number: int, name: str = "要闻") -> SourcePage:
    issue = Issue.objects.get_or_create(publication=publication, edition_date=day)[0]
    return SourcePage.objects.create(
        file_name=f"{publication.slug}/{day}/{number:02d}-{name}.txt", sha256=f"{publication.pk}{day}{number}".ljust(64, "0"),
        raw_text="版面原文", outlet=publication.name, edition_date=day, page_label=f"第{number}版",
        issue=issue, number=number, name=name,
    )


def _story(page: SourcePage, title: str, *, position: int | None = None, published: bool = True, **fields) -> Article:
    position = position if position is not None else page.articles.count() + 1
    article = Article(
        source_page=page, position=position, span_start=0, span_end=10, title=title, body=f"{title}的正文。",
        status=Article.Status.PUBLISHED if published else Article.Status.DRAFT,
        published_at=datetime.combine(page.edition_date, time(6), tzinfo=TZ) if published else None, **fields,
    )
    article.full_clean()
    article.save()
    return article


@pytest.fixture
def paper():
    """青岛日报 of 2024-08-06: 第01版 要闻 (two stories and a draft), 第02版 要闻, 第03版 only
    drafts, 第04版 城市; and an earlier issue, 2024-07-26."""
    pub = _publication()
    day = date(2024, 8, 6)
    front = _page(pub, day, 1, "要闻")
    second = _page(pub, day, 2, "要闻")
    drafts = _page(pub, day, 3, "经济")
    city = _page(pub, day, 4, "城市")
    stories = {
        "lead": _story(front, "青岛港开通新航线", position=2, kicker="向海图强", subtitle="全年新增航线十条"),
        "front2": _story(front, "崂山茶园迎来采摘季", position=5),
        "draft": _story(front, "还没发布的稿件", position=3, published=False),
        "second": _story(second, "西海岸新区举办招聘会"),
        "drafts_only": _story(drafts, "整版都是草稿", published=False),
        "city": _story(city, "市民文化节开幕"),
    }
    earlier = _page(pub, date(2024, 7, 26), 1, "要闻")
    stories["earlier"] = _story(earlier, "七月的头条")
    return {"publication": pub, "pages": {1: front, 2: second, 3: drafts, 4: city}, "stories": stories, "day": day}


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


# --- the issue -----------------------------------------------------------------------


def test_issue_lists_every_page_in_page_order_with_its_published_headlines(client, paper):
    html = _html(client, "/qingdao-ribao/2024-08-06/")
    assert html.index("第01版 · 要闻") < html.index("第02版 · 要闻") < html.index("第04版 · 城市")
    assert html.index("向海图强") < html.index("青岛港开通新航线") < html.index("崂山茶园迎来采摘季")
    assert "西海岸新区举办招聘会" in html and "市民文化节开幕" in html
    # Drafts are never shown, and a page of drafts only is not listed at all.
    assert "还没发布的稿件" not in html and "整版都是草稿" not in html and "第03版" not in html
    assert 'href="/qingdao-ribao/2024-08-06/02/"' in html


def test_issue_with_nothing_published_is_a_chinese_404(client, paper):
    Article.objects.filter(source_page__issue__edition_date=date(2024, 7, 26)).update(status=Article.Status.DRAFT)
    response = client.get("/qingdao-ribao/2024-07-26/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "页面不存在" in html and 'role="search"' in html and 'action="/search/"' in html
    assert client.get("/qingdao-ribao/2024-08-07/").status_code == 404
    assert client.get("/qingdao-ribao/2024-02-30/").status_code == 404  # no such day
    assert client.get("/nobody/2024-08-06/").status_code == 404


def test_calendar_links_only_the_days_with_a_published_issue(client, paper):
    pub = paper["publication"]
    _story(_page(pub, date(2024, 8, 9), 1), "草稿一期", published=False)  # an issue of drafts only
    _story(_page(pub, date(2024, 10, 1), 1), "十月的头条")
    html = _html(client, "/qingdao-ribao/2024-08-06/")
    calendar = html[html.index('class="issue-calendar"'):]
    assert "往期" in html and "2024年8月" in calendar
    assert 'href="/qingdao-ribao/2024-08-06/" aria-current="date">6<' in calendar
    assert 'href="/qingdao-ribao/2024-08-09/"' not in calendar and '<span class="no-issue">9</span>' in calendar
    # The nearest months with issues, skipping the empty September.
    assert 'rel="prev" href="/qingdao-ribao/2024-07/"' in calendar
    assert 'rel="next" href="/qingdao-ribao/2024-10/"' in calendar

    july = _html(client, "/qingdao-ribao/2024-07/")
    assert 'href="/qingdao-ribao/2024-07-26/"' in july and 'rel="prev"' not in july
    assert 'rel="next" href="/qingdao-ribao/2024-08/"' in july
    assert client.get("/qingdao-ribao/2024-09/").status_code == 404  # no issue that month
    assert client.get("/qingdao-ribao/2024-13/").status_code == 404


def test_with_the_page_cache_off_the_calendar_is_read_once_per_change_and_shows_a_publish_at_once(
    client, paper, settings, django_assert_num_queries, announcements, monkeypatch
):
    settings.PAGE_CACHE_SECONDS = 0
    monkeypatch.setattr(pagecache, "_generations_shared", lambda: True)  # as with REDIS_URL
    url, new_day = "/qingdao-ribao/2024-08-06/", 'href="/qingdao-ribao/2024-08-09/"'
    _html(client, url)
    with django_assert_num_queries(3):  # the issue, its pages, its stories: the calendar and the menu are kept
        _html(client, url)
    hant = _html(client, "/hant" + url)  # its own addresses, under /hant/
    assert 'href="/hant/qingdao-ribao/2024-07/"' in hant
    page = _page(paper["publication"], date(2024, 8, 9), 1)
    story = _story(page, "新一期的头条", published=False)
    scheduled = _story(page, "定时的稿件", published=False)
    scheduled.status = Article.Status.SCHEDULED
    scheduled.save()
    story.subtitle = "改了副题"
    story.save()
    assert new_day not in _html(client, url) and "新一期的头条" not in _html(client, "/")
    story.status, story.published_at = Article.Status.PUBLISHED, datetime(2024, 8, 9, 6, tzinfo=TZ)
    story.save()
    assert new_day in _html(client, url)
    assert "新一期的头条" in _html(client, "/") and "定时的稿件" not in _html(client, "/")  # the newest issue's front
    with announcements(deliver=True):  # taken down as the desk's bulk actions do: an update, then its announcement
        Article.objects.filter(pk=story.pk).update(status=Article.Status.UNPUBLISHED)
        announce_changed([story.pk])
    assert new_day not in _html(client, url)
    home = _html(client, "/")
    assert "新一期的头条" not in home and "青岛港开通新航线" in home


# --- the printed page ----------------------------------------------------------------


def test_page_shows_its_stories_in_printed_order_with_their_headline_stacks(client, paper):
    html = _html(client, "/qingdao-ribao/2024-08-06/01/")
    stories = html[html.index('class="list printed-stories"'):]
    assert stories.index("向海图强") < stories.index("青岛港开通新航线") < stories.index("全年新增航线十条")
    assert stories.index("全年新增航线十条") < stories.index("崂山茶园迎来采摘季")
    assert f'href="{paper["stories"]["lead"].get_absolute_url()}"' in stories
    assert "还没发布的稿件" not in html
    # The issue's page list, this page marked.
    assert 'aria-current="page"><a href="/qingdao-ribao/2024-08-06/01/">第01版 · 要闻</a>' in html


def test_page_shows_its_staff_lines_as_printed_one_a_line(client, paper):
    SourcePage.objects.filter(pk=paper["pages"][1].pk).update(credits="本版编辑：张三 <b>美编</b>：李四\n本版摄影 王五")
    html = _html(client, "/qingdao-ribao/2024-08-06/01/")
    assert '<p class="page-credits">本版编辑：张三 &lt;b&gt;美编&lt;/b&gt;：李四<br>本版摄影 王五</p>' in html
    assert 'class="page-credits"' not in _html(client, "/qingdao-ribao/2024-08-06/02/")


def test_previous_and_next_page_at_the_edges_skip_pages_with_nothing_published(client, paper):
    first = _html(client, "/qingdao-ribao/2024-08-06/01/")
    assert 'rel="prev"' not in first and 'rel="next" href="/qingdao-ribao/2024-08-06/02/"' in first
    second = _html(client, "/qingdao-ribao/2024-08-06/02/")
    assert 'rel="prev" href="/qingdao-ribao/2024-08-06/01/"' in second
    assert 'rel="next" href="/qingdao-ribao/2024-08-06/04/"' in second  # 第03版 has only drafts
    last = _html(client, "/qingdao-ribao/2024-08-06/04/")
    assert 'rel="prev" href="/qingdao-ribao/2024-08-06/02/"' in last and 'rel="next"' not in last


def test_a_page_of_drafts_only_is_404_and_a_long_number_redirects(client, paper):
    assert client.get("/qingdao-ribao/2024-08-06/03/").status_code == 404
    assert client.get("/qingdao-ribao/2024-08-06/09/").status_code == 404
    response = client.get("/qingdao-ribao/2024-08-06/002/")
    assert response.status_code == 301 and response["Location"] == "/qingdao-ribao/2024-08-06/02/"


def test_page_with_a_picture_shows_a_hot_zone_per_story_and_the_pdf(client, paper):
    page = paper["pages"][1]
    page.image.save("01.jpg", ContentFile(b"\xff\xd8\xff"), save=False)
    page.pdf.save("01.pdf", ContentFile(b"%PDF-1.4"), save=False)
    page.save()
    lead = paper["stories"]["lead"]
    lead.zone = {"x": 0.05, "y": 0.1, "w": 0.6, "h": 0.25}
    lead.save()

    html = _html(client, "/qingdao-ribao/2024-08-06/01/")
    assert f'<img src="{page.image.url}"' in html and page.image.url.startswith("/media/pages/qingdao-ribao/2024-08-06/")
    zones = html[html.index('<svg class="zones"'):html.index("</svg>")]
    assert (f'<a href="{lead.get_absolute_url()}"><title>青岛港开通新航线</title>'
            '<rect x="0.050000" y="0.100000" width="0.600000" height="0.250000"/></a>') in zones
    assert zones.count("<rect") == 1  # a story without a zone has no box
    assert f'href="{page.pdf.url}" download>下载本版 PDF</a>' in html

    plain = _html(client, "/qingdao-ribao/2024-08-06/02/")
    assert "<svg" not in plain and "<img" not in plain and "PDF" not in plain


def test_an_issue_printing_only_a_part_continued_from_another_issue_is_a_404(client, paper):
    lead = paper["stories"]["lead"]
    lead.continues_to = "次日"
    lead.save()
    other = _page(paper["publication"], date(2024, 8, 7), 1)
    _story(other, "", position=1, continuation_of=lead, published=False)
    for url in ("/qingdao-ribao/2024-08-07/", "/qingdao-ribao/2024-08-07/01/"):
        assert client.get(url).status_code == 404, url
    assert 'href="/qingdao-ribao/2024-08-07/"' not in _html(client, "/qingdao-ribao/2024-08-06/")


def test_a_continued_part_leads_to_its_story_from_the_page_it_is_printed_on(client, paper):
    lead = paper["stories"]["lead"]
    lead.continues_to = "第二版"
    lead.save()
    part = _story(paper["pages"][2], "", position=1, continuation_of=lead, published=False)
    part.zone = {"x": 0, "y": 0, "w": 1, "h": 0.2}
    part.save()

    html = _html(client, "/qingdao-ribao/2024-08-06/02/")
    stories = html[html.index('class="list printed-stories"'):]
    assert "上接前版" in stories and f'href="{lead.get_absolute_url()}">青岛港开通新航线</a>' in stories
    # Not a second headline in the issue's overview, and never a story of its own.
    issue = _html(client, "/qingdao-ribao/2024-08-06/")
    assert issue.count("青岛港开通新航线") == 1
    assert client.get(f"/articles/{part.pk}/").status_code == 404


def test_a_page_printing_only_continued_parts_is_left_off_the_fronts(client, paper):
    lead = paper["stories"]["lead"]
    _story(paper["pages"][3], "", position=1, continuation_of=lead, published=False)  # 第03版: drafts and the part

    for url in ("/", "/qingdao-ribao/"):
        html = _html(client, url)  # a front lists a page's own stories: 第03版 would list none
        assert "第03版" not in html and html.count("青岛港开通新航线") == 1 and "整版都是草稿" not in html
    assert "第03版" in _html(client, "/qingdao-ribao/2024-08-06/")  # the issue's pages: it prints the part


def test_the_old_page_address_redirects_to_the_page_in_its_issue(client, paper):
    page = paper["pages"][2]
    response = client.get(f"/pages/{page.pk}/")
    assert response.status_code == 301 and response["Location"] == "/qingdao-ribao/2024-08-06/02/"
    assert client.get(f"/pages/{paper['pages'][3].pk}/").status_code == 404  # drafts only: not revealed
    sitemap = _html(client, "/sitemap-pages.xml")
    assert "/qingdao-ribao/2024-08-06/02/</loc>" in sitemap and "/qingdao-ribao/2024-08-06/03/" not in sitemap


# --- fronts --------------------------------------------------------------------------


def test_home_is_the_latest_issue_front_page_first(client, paper):
    html = _html(client, "/")
    lead = html[html.index('class="lead-story"'):]
    assert lead.index("向海图强") < lead.index("青岛港开通新航线") < lead.index("全年新增航线十条")
    # 头版头条 big, then the front page's others, then each page's headlines by 版.
    assert html.index('class="lead-story"') < html.index("崂山茶园迎来采摘季") < html.index("第02版 · 要闻")
    assert html.index("第02版 · 要闻") < html.index("西海岸新区举办招聘会") < html.index("第04版 · 城市")
    assert "还没发布的稿件" not in html and "第03版" not in html and "七月的头条" not in html
    assert 'href="/qingdao-ribao/2024-08/">往期</a>' in html


def test_several_publications_each_have_a_front_and_the_home_links_the_others(client, paper):
    wanbao = _publication("青岛晚报", "qingdao-wanbao")
    _story(_page(wanbao, date(2024, 8, 1), 1, "城区"), "晚报头条")
    _publication("没有发布的报", "meiyou")

    html = _html(client, "/")
    assert "青岛港开通新航线" in html and "晚报头条" not in html  # the newest issue's publication
    assert 'href="/qingdao-wanbao/">青岛晚报</a>' in html and "没有发布的报" not in html
    assert "晚报头条" in _html(client, "/qingdao-wanbao/")
    assert client.get("/meiyou/").status_code == 404
    assert client.get("/nobody/").status_code == 404
    with override_settings(NEWSROOM_MAIN_PUBLICATION="qingdao-wanbao"):
        main = _html(client, "/?wanbao")  # another address: not the page cached above
    assert "晚报头条" in main and 'href="/qingdao-ribao/">青岛日报</a>' in main


# --- the article page ----------------------------------------------------------------


def test_article_page_links_its_edition_neighbours_and_page_headlines(client, paper):
    lead, other = paper["stories"]["lead"], paper["stories"]["front2"]
    html = _html(client, lead.get_absolute_url())
    edition = html[html.index('class="meta edition-line"'):]
    assert edition.startswith('class="meta edition-line"><a href="/qingdao-ribao/2024-08-06/">青岛日报</a> · ')
    assert '2024年8月6日</time> · <a href="/qingdao-ribao/2024-08-06/01/">第01版 · 要闻</a>' in edition
    assert 'rel="prev"' not in html and f'rel="next" href="{other.get_absolute_url()}">下一篇：崂山茶园迎来采摘季' in html
    headlines = html[html.index('class="page-headlines"'):]
    assert headlines.index("青岛港开通新航线") < headlines.index("崂山茶园迎来采摘季")
    assert "还没发布的稿件" not in html

    last = _html(client, other.get_absolute_url())
    assert f'rel="prev" href="{lead.get_absolute_url()}">上一篇：青岛港开通新航线' in last and 'rel="next"' not in last


def test_the_edition_date_wins_over_a_hand_set_publishing_time(client, paper):
    lead = paper["stories"]["lead"]
    Article.objects.filter(pk=lead.pk).update(published_at=datetime(2024, 8, 9, 15, 30, tzinfo=TZ))
    lead.refresh_from_db()
    url = "/articles/2024/08/06/{}-{}/".format(lead.pk, lead.slug)

    html = _html(client, url)
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["datePublished"] == "2024-08-06T06:00:00+08:00"
    assert 'content="2024-08-06T06:00:00+08:00"' in html  # article:published_time
    assert "8月9日" not in html
    assert client.get(f"/articles/{lead.pk}/")["Location"] == url
    assert url in _html(client, "/qingdao-ribao/2024-08-06/")
    lead.section = Section.objects.create(name="要闻", slug="yaowen")
    lead.save()
    listing = _html(client, "/sections/yaowen/")
    assert f'href="{url}"' in listing and "2024年8月6日" in listing and "8月9日" not in listing
    assert url in _html(client, "/sitemap-articles.xml")
    news = _html(client, "/sitemap-news.xml")
    assert "<news:publication_date>2024-08-06T06:00:00+08:00</news:publication_date>" in news
    assert "Tue, 06 Aug 2024 06:00:00 +0800" in _html(client, "/feeds/rss/")


def test_untitled_photo_news_is_listed_by_its_opening_at_no_more_cost(client, paper, django_assert_num_queries):
    photo = _story(paper["pages"][2], "栈桥")
    Article.objects.filter(pk=photo.pk).update(title="", body="■图为市民在栈桥观海。\n记者 王涛 摄")
    for url, queries in (("/qingdao-ribao/2024-08-06/", 5), ("/qingdao-ribao/2024-08-06/02/", 4)):
        cache.clear()  # the menu's sections too
        with django_assert_num_queries(queries):
            assert ">图为市民在栈桥观海。<" in _html(client, url)


# --- what it costs, and the cache ----------------------------------------------------


def _grow(paper, n: int) -> None:
    """n more stories on every page, n more pages, n more issues."""
    pub = paper["publication"]
    for i in range(n):
        for page in paper["pages"].values():
            _story(page, f"{page.number}版加稿{i}", position=100 + i)
        extra = _page(pub, paper["day"], 10 + i, f"专版{i}")
        _story(extra, f"专版稿件{i}")
        _story(_page(pub, date(2024, 7, 1 + i), 1), f"往期稿件{i}")


@pytest.mark.parametrize("url, queries", [
    # The issue (1), its pages (1) and printed stories (1), other publications (1),
    # the sections (1) and the menu (1).
    ("/", 6),
    # The issue, pages, stories, the month's days with the months before and after (1), the menu.
    ("/qingdao-ribao/2024-08-06/", 5),
    ("/qingdao-ribao/2024-08-06/02/", 4),
])
def test_edition_pages_cost_the_same_for_one_or_many_stories_pages_and_issues(
    client, paper, django_assert_num_queries, url, queries
):
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    _grow(paper, 4)
    cache.clear()  # a fresh render, not the cached page
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def _file_in_every_section(paper, n: int) -> None:
    """n published stories and a draft in every section, subsections too, on page 02, with a corrected one."""
    page = paper["pages"][2]
    for section in Section.objects.all():
        for i in range(n):
            story = _story(page, f"{section.slug}稿件{i}", position=200 + i, section=section)
            if i == 0:
                Article.objects.filter(pk=story.pk).update(status=Article.Status.CORRECTED)
        _story(page, f"{section.slug}的草稿", position=300, section=section, published=False)


def test_home_costs_the_same_for_many_sections_stories_pages_and_issues(client, paper, django_assert_num_queries):
    from django.core.management import call_command

    call_command("loaddata", "fixtures/sections.json", verbosity=0)  # nine sections, two of them subsections
    _file_in_every_section(paper, 1)
    # The issue, its pages and printed stories (3), other publications (1), the sections (1),
    # every section's latest (1), the menu (1): one query per section and status was 25.
    with django_assert_num_queries(7):
        html = _html(client, "/")
    assert "jingji稿件0" in html and "caijing稿件0" in html and "的草稿" not in html
    for i in range(3):
        Section.objects.create(name=f"新栏目{i}", slug=f"xin-{i}", parent=Section.objects.get(slug="jingji") if i else None)
    _file_in_every_section(paper, 8)
    _grow(paper, 4)
    cache.clear()
    with django_assert_num_queries(7):
        html = _html(client, "/")
    assert "xin-2稿件7" in html and "的草稿" not in html


def test_article_page_costs_the_same_however_full_its_page(client, paper, django_assert_num_queries):
    url = paper["stories"]["lead"].get_absolute_url()
    # The article with its section, page, issue and publication; bylines; tags;
    # mentions; the page's headlines; related links; the menu.
    with django_assert_num_queries(7):
        client.get(url)
    _grow(paper, 4)
    cache.clear()
    with django_assert_num_queries(7):
        assert "1版加稿3" in client.get(url).content.decode()


def test_publishing_on_a_page_refreshes_its_cached_views_and_a_draft_does_not(client, paper, django_assert_num_queries):
    # Every page of the issue lists the issue's pages, so each is refreshed; other issues are not.
    urls = ["/qingdao-ribao/2024-08-06/", "/qingdao-ribao/2024-08-06/02/", "/qingdao-ribao/2024-08/", "/qingdao-ribao/",
            paper["stories"]["second"].get_absolute_url(), "/qingdao-ribao/2024-08-06/04/"]
    elsewhere = ["/qingdao-ribao/2024-07-26/01/", paper["stories"]["city"].get_absolute_url()]
    for url in urls + elsewhere + urls[:1]:  # the first page since the cache started is not stored
        _html(client, url)
    draft = _story(paper["pages"][2], "新来的稿件", published=False)
    draft.subtitle = "改了副题"
    draft.save()
    for url in urls + elsewhere:
        with django_assert_num_queries(0, info=url):
            assert "新来的稿件" not in client.get(url).content.decode()

    draft.status, draft.published_at = Article.Status.PUBLISHED, timezone.now()
    draft.save()
    shown = [u for u in urls if not u.endswith(("2024-08/", "/04/"))]  # the calendar and page 04 list no headline of page 02
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            html = _html(client, url)
        assert queries.captured_queries, f"{url} was served from the cache"
        assert url not in shown or "新来的稿件" in html, url
    for url in elsewhere:
        with django_assert_num_queries(0, info=url):
            client.get(url)


def test_renaming_a_publication_refreshes_its_pages(client, paper):
    urls = ["/qingdao-ribao/2024-08-06/", "/qingdao-ribao/2024-08-06/01/", "/"]
    for url in urls:
        _html(client, url)
    pub = paper["publication"]
    pub.name = "青岛日报社"
    pub.save()
    for url in urls:
        assert "青岛日报社" in _html(client, url), url


def test_a_new_page_picture_refreshes_the_cached_page_view(client, paper):
    url = "/qingdao-ribao/2024-08-06/02/"
    assert "<img" not in _html(client, url)
    page = paper["pages"][2]
    page.image.save("02.png", ContentFile(b"\x89PNG"), save=True)
    assert "<img" in _html(client, url)


def test_server_error_page_is_chinese_and_reads_no_database(rf, django_assert_num_queries):
    from django.views.defaults import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "服务器错误" in html and 'action="/search/"' in html and "site.css" in html
