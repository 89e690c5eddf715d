import pytest
from django.core.cache import cache
from django.utils import timezone

from articles.models import Article, Reporter
from articles.services.reporters import reporters_merge
from public import pagecache


def test_home_lists_published_only(client, published_article, make_article):
    make_article(title="尚未发布的稿件")
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "澎湃消费强引擎" in html
    assert "尚未发布的稿件" not in html


def test_published_article_200(client, published_article):
    response = client.get(published_article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "澎湃消费强引擎" in html
    assert "<h3>集聚发展</h3>" in html  # subhead block rendered as a heading
    assert "丁倩倩" in html


def test_draft_404(client, make_article):
    draft = make_article()
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"/articles/{draft.pk}/").status_code == 404


def test_missing_article_404(client, db):
    assert client.get("/articles/2024/01/01/999999-nothing/").status_code == 404


@pytest.mark.parametrize("wrong", ["/articles/2000/01/01/{pk}-{slug}/", "/articles/{date}/{pk}-old-slug/", "/articles/{pk}/"])
def test_non_canonical_url_redirects(client, published_article, wrong):
    a = published_article
    url = wrong.format(pk=a.pk, slug=a.slug, date=f"{timezone.localdate(a.published_at):%Y/%m/%d}")
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == a.get_absolute_url()


def test_html_is_escaped(client, make_article):
    article = make_article(title="<script>alert(1)</script>", status=Article.Status.PUBLISHED, published_at=timezone.now())
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_reporter_page(client, published_article, make_article):
    reporter = published_article.bylines.get().reporter
    response = client.get(reporter.get_absolute_url())
    assert response.status_code == 200
    assert "澎湃消费强引擎" in response.content.decode()
    assert client.get("/reporters/nobody/").status_code == 404


def test_home_query_count_does_not_grow_with_articles(client, published_article, make_article, django_assert_max_num_queries):
    from articles.models import Byline, Reporter

    # No issue to show (1); sections (1), the latest (1) with their bylines (1) and
    # edition dates (1), the menu (1).
    with django_assert_max_num_queries(6):
        client.get("/")
    for i in range(5):
        article = make_article(title=f"稿件{i}", status=Article.Status.PUBLISHED, published_at=timezone.now())
        Byline.objects.create(article=article, reporter=Reporter.objects.create(name=f"记者{i}", slug=f"jz-{i}"))
    with django_assert_max_num_queries(6):
        client.get("/")


def test_with_the_page_cache_off_the_home_reads_once_per_change_and_shows_a_publish_at_once(
    client, published_article, make_article, settings, django_assert_num_queries, monkeypatch
):
    settings.PAGE_CACHE_SECONDS = 0
    monkeypatch.setattr(pagecache, "_generations_shared", lambda: True)  # as with REDIS_URL
    assert client.get("/").status_code == 200
    with django_assert_num_queries(0):  # nothing changed: its reads are kept (the menu is cached)
        html = client.get("/").content.decode()
    assert published_article.title in html
    draft = make_article(title="还在审的稿件", status=Article.Status.IN_REVIEW)
    scheduled = make_article(title="定时发布的稿件", status=Article.Status.SCHEDULED)
    for unpublic in (draft, scheduled):
        unpublic.body = "改了正文"
        unpublic.save()
    html = client.get("/").content.decode()
    assert "还在审的稿件" not in html and "定时发布的稿件" not in html
    draft.status, draft.published_at = Article.Status.PUBLISHED, timezone.now()
    draft.save()
    assert "还在审的稿件" in client.get("/").content.decode()
    draft.status = Article.Status.UNPUBLISHED
    draft.save()
    assert "还在审的稿件" not in client.get("/").content.decode()


def test_admin_lists_load(admin_client, published_article):
    for url in ["/admin/articles/article/", "/admin/articles/sourcepage/", "/admin/articles/reporter/",
                "/admin/articles/column/", "/admin/articles/section/",
                f"/admin/articles/article/{published_article.pk}/change/"]:
        assert admin_client.get(url).status_code == 200, url


def _publish(make_article, **fields):
    fields.setdefault("status", Article.Status.PUBLISHED)
    fields.setdefault("published_at", timezone.now())
    return make_article(**fields)


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.SPIKED, Article.Status.SCHEDULED,
                                    Article.Status.IMPORTED, Article.Status.UNPUBLISHED])
def test_unpublished_articles_are_404_everywhere(client, make_article, status):
    article = make_article(title="不能公开的稿件", status=status, published_at=timezone.now())
    assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(f"/articles/{article.pk}/").status_code == 404
    for url in ["/", article.source_page.get_absolute_url(), f"{timezone.localdate():/archive/%Y/%m/%d/}"]:
        assert "不能公开的稿件" not in client.get(url).content.decode(), url


def test_article_page_shows_the_whole_headline_stack(client, published_article):
    from articles.models import Column, Section

    article = published_article
    article.column = Column.objects.create(name="强信心·稳经济", slug="qiang-xinxin")
    article.section = Section.objects.create(name="经济", slug="jingji-test")
    article.kicker, article.subtitle, article.dateline = "引题文字", "副题文字", "本报讯"
    article.body += "\n\n■ 图为港口。"
    article.save()
    article.tags.add("电商")
    html = client.get(article.get_absolute_url()).content.decode()
    for fragment in ["强信心·稳经济", "引题文字", "副题文字", "本报讯", "<figcaption>图为港口。</figcaption>",
                     'href="/reporters/ding-qianqian/"', 'href="/tags/%E7%94%B5%E5%95%86/"', "电商",
                     f'href="/pages/{article.source_page_id}/"', 'href="/sections/jingji-test/"']:
        assert fragment in html, fragment
    assert "相关报道" not in html  # nothing related until linking fills it


def test_corrected_article_shows_its_correction(client, make_article):
    article = _publish(make_article, status=Article.Status.CORRECTED, correction="原稿数字有误，已更正。")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "原稿数字有误，已更正。" in response.content.decode()


def test_article_page_query_count_is_constant(client, published_article, make_article, django_assert_max_num_queries):
    from articles.models import Byline, Reporter
    from linking.models import Entity, Mention, RelatedLink

    def page_with(n: int) -> str:
        for i in range(n):
            reporter = Reporter.objects.create(name=f"记者{n}{i}", slug=f"jizhe-{n}-{i}")
            Byline.objects.create(article=published_article, reporter=reporter, position=n * 10 + i)
            published_article.tags.add(f"标签{n}{i}")
            entity = Entity.objects.create(name=f"地点{n}{i}", kind=Entity.Kind.PLACE, slug=f"didian-{n}-{i}")
            Mention.objects.create(article=published_article, entity=entity, forms=[entity.name], position=n * 10 + i)
            target = _publish(make_article, title=f"相关{n}{i}")
            Byline.objects.create(article=target, reporter=reporter)
            RelatedLink.objects.create(source=published_article, target=target, status=RelatedLink.Status.ACCEPTED,
                                       score=0.5, reasons=[f"同一记者: {reporter.name}"])
        cache.clear()
        # Article with column, section and page; bylines; tags; entity mentions; its
        # page's headlines; related links with their articles; their bylines and
        # edition dates; the section menu.
        with django_assert_max_num_queries(10):
            response = client.get(published_article.get_absolute_url())
        assert response.status_code == 200
        return response.content.decode()

    assert "相关10" in page_with(1)
    html = page_with(6)
    assert "记者65" in html and "标签65" in html and 'href="/entities/didian-6-5/"' in html
    assert "相关60" in html
    assert "同一记者" not in html  # why a story is related is the editors' business, not the readers'


def test_the_article_page_renders_two_templates_and_no_includes(client, published_article):
    # Its repeated parts are tags (public.templatetags.story): an include is a
    # template and a context of its own, on the site's most read page.
    response = client.get(published_article.get_absolute_url())
    rendered = [t.name for t in response.templates if t.name != "public/_menu.html"]  # the menu: once per change
    assert rendered == ["public/article_detail.html", "public/base.html"]


def test_the_first_mention_of_an_entity_links_to_its_page(client, make_article):
    from linking.models import Entity, Mention

    article = _publish(make_article, body="崂山区茶园焕新。崂山区还有更多。")
    entity = Entity.objects.create(name="崂山区", kind=Entity.Kind.PLACE, slug="laoshanqu")
    Mention.objects.create(article=article, entity=entity, forms=["崂山区"], position=1)

    html = client.get(article.get_absolute_url()).content.decode()

    assert html.count('<a class="entity" href="/entities/laoshanqu/">崂山区</a>') == 1
    assert 'content="崂山区茶园焕新' in html  # the meta description carries no link markup


def test_a_renamed_tags_old_address_redirects(client, published_article):
    from taggit.models import Tag

    from linking.models import OldTagSlug

    tag = Tag.objects.create(name="直播电商", slug="zhibodianshang")
    published_article.tags.add(tag)
    OldTagSlug.objects.create(tag=tag, slug="dianshang-zhibo")

    response = client.get("/tags/dianshang-zhibo/")

    assert response.status_code == 301 and response["Location"] == "/tags/zhibodianshang/"
    assert client.get("/tags/no-such-tag/").status_code == 404


def test_home_groups_articles_by_section_and_latest(client, make_article):
    from articles.models import Section

    economy = Section.objects.create(name="经济", slug="jingji-x", position=1)
    finance = Section.objects.create(name="财经", slug="caijing-x", parent=economy, position=2)
    _publish(make_article, title="财经新闻", section=finance)
    _publish(make_article, title="没有版块的新闻")
    html = client.get("/").content.decode()
    assert html.index("最新") < html.index("没有版块的新闻")
    assert 'href="/sections/jingji-x/"' in html and "财经新闻" in html


def test_section_page_includes_subsections(client, make_article):
    from articles.models import Section

    economy = Section.objects.create(name="经济", slug="jingji-x")
    finance = Section.objects.create(name="财经", slug="caijing-x", parent=economy)
    _publish(make_article, title="财经新闻", section=finance)
    _publish(make_article, title="其他新闻")
    html = client.get("/sections/jingji-x/").content.decode()
    assert "财经新闻" in html and "其他新闻" not in html
    assert client.get("/sections/nothing/").status_code == 404


def test_section_pages_list_newest_first_across_subsections_in_constant_queries(client, make_article,
                                                                                    django_assert_num_queries):
    from articles.models import Section

    economy = Section.objects.create(name="经济", slug="jingji-x")
    subsections = [Section.objects.create(name=f"子版块{i}", slug=f"zi-{i}", parent=economy) for i in range(2)]
    now = timezone.now()

    def file(n: int, sections: list, batch: str) -> list[Article]:
        made = []
        for i in range(n):
            status = Article.Status.CORRECTED if i % 3 == 0 else Article.Status.PUBLISHED
            made.append(_publish(make_article, title=f"经济稿件{batch}{i}号", section=sections[i % len(sections)],
                                 status=status, published_at=now - timezone.timedelta(minutes=i)))
            make_article(title=f"经济草稿{i}", section=sections[i % len(sections)])  # never listed
        return made

    made = file(25, [economy, *subsections], "甲")

    def listed(page: int) -> list[str]:
        cache.clear()
        # Every section, the page's among them with its subsections (1), the count (1),
        # the page's articles with their edition dates (1), their bylines (1), the menu (1).
        with django_assert_num_queries(5):
            html = client.get(f"/sections/jingji-x/?page={page}").content.decode()
        assert "经济草稿" not in html
        return [a.title for a in made if a.title in html]

    assert listed(1) == [a.title for a in made[:20]]
    assert listed(2) == [a.title for a in made[20:]]
    more = [Section.objects.create(name=f"新子版块{i}", slug=f"xin-zi-{i}", parent=subsections[0]) for i in range(3)]
    made = sorted(made + file(30, more, "乙"), key=lambda a: (a.published_at, a.pk), reverse=True)
    assert listed(1) == [a.title for a in made[:20]]
    assert listed(3) == [a.title for a in made[40:]]


def test_column_and_tag_pages(client, make_article):
    from articles.models import Column

    column = Column.objects.create(name="强信心", slug="qiang")
    article = _publish(make_article, title="栏目稿件", column=column)
    article.tags.add("跨境电商")
    assert "栏目稿件" in client.get("/columns/qiang/").content.decode()
    assert "栏目稿件" in client.get("/tags/跨境电商/").content.decode()
    assert client.get("/tags/nothing/").status_code == 404


def test_source_page_lists_its_articles_in_printed_order(client, make_article):
    second = _publish(make_article, title="第二篇", position=2)
    first = _publish(make_article, title="第一篇", position=1)
    for url in [f"/pages/{first.source_page_id}/", "/pages/000_test/"]:
        html = client.get(url).content.decode()
        assert html.index("第一篇") < html.index("第二篇"), url
    assert second.source_page.get_absolute_url() == f"/pages/{second.source_page_id}/"
    assert client.get("/pages/nothing/").status_code == 404


def test_archive_by_day_and_month(client, make_article):
    from datetime import datetime

    moment = timezone.make_aware(datetime(2023, 10, 10, 0, 30))  # local time: the day starts in Asia/Shanghai
    _publish(make_article, title="十月十日", published_at=moment)
    _publish(make_article, title="十月九日", published_at=moment - timezone.timedelta(hours=1))
    day = client.get("/archive/2023/10/10/").content.decode()
    assert "十月十日" in day and "十月九日" not in day
    month = client.get("/archive/2023/10/").content.decode()
    assert "十月十日" in month and "十月九日" in month
    assert client.get("/archive/2023/02/30/").status_code == 404


@pytest.mark.parametrize("url", [
    "/pages/²/",  # a digit to str.isdigit(), not to int()
    "/archive/9999/12/", "/archive/9999/12/31/",  # the last month and day have no following day
    "/archive/0001/01/", "/archive/0001/01/01/",  # their local midnight is before UTC's year 1
    "/archive/99999999999/01/", "/archive/99999999999/01/01/",  # too large for a date at all
    "/archive/2023/13/", "/archive/2023/00/01/",
    f"/archive/{'9' * 5000}/01/",  # more digits than int() converts
    "/articles/99999999999999999999/", "/articles/2023/10/10/99999999999999999999-x/",  # past any id column
    f"/articles/{'9' * 5000}/01/01/1-x/",
])
def test_odd_urls_are_404_not_500(client, published_article, url):
    assert client.get(url).status_code == 404


def test_a_printed_page_id_is_ascii_digits(client, published_article):
    # "１２" (full width) is a digit to str.isdigit() and int(); the page has one address.
    full_width = str(published_article.source_page_id).translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    assert client.get(f"/pages/{full_width}/").status_code == 404
    assert client.get(f"/pages/{published_article.source_page_id}/").status_code == 200


def test_search_page_paginates_and_highlights(client, make_article):
    from search.services import index_articles

    articles = [_publish(make_article, title=f"<青岛>电商{i}") for i in range(25)]
    index_articles(article_ids=[a.pk for a in articles])
    html = client.get("/search/", {"q": "电商"}).content.decode()
    assert "共 25 篇" in html
    assert "&lt;青岛&gt;<mark>电商</mark>" in html
    assert 'page=2' in html
    second = client.get("/search/", {"q": "电商", "page": 2}).content.decode()
    assert second.count('class="item"') == 5
    assert client.get("/search/", {"q": "x" * 10000}).status_code == 200
    assert client.get("/search/").status_code == 200


def test_security_headers_and_csp(client, published_article):
    response = client.get(published_article.get_absolute_url())
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    html = response.content.decode()
    assert "<style" not in html and "style=" not in html
    # The only script is the JSON-LD data block.
    assert html.count("<script") == html.count('<script type="application/ld+json">') == 1


def test_robots_txt(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Disallow: /search/" in text and "Disallow: /hant/search/" in text
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in text


def test_listings_merge_published_and_corrected_newest_first(client, make_article):
    from datetime import datetime

    now = timezone.make_aware(datetime(2023, 10, 10, 12, 0))
    _publish(make_article, title="最早", published_at=now - timezone.timedelta(hours=3))
    _publish(make_article, title="更正过的", status=Article.Status.CORRECTED, published_at=now - timezone.timedelta(hours=2))
    _publish(make_article, title="最新", published_at=now - timezone.timedelta(hours=1))
    html = client.get("/archive/2023/10/").content.decode()
    assert html.index("最新") < html.index("更正过的") < html.index("最早")


def test_tags_reporters_columns_and_pages_with_only_drafts_are_404(client, make_article):
    from articles.models import Byline, Column, Reporter

    column = Column.objects.create(name="未发布栏目", slug="weifabu")
    draft = make_article(title="草稿", column=column)
    draft.tags.add("未公开话题")
    reporter = Reporter.objects.create(name="新记者", slug="xin-jizhe")
    Byline.objects.create(article=draft, reporter=reporter)

    for url in ["/tags/未公开话题/", "/reporters/xin-jizhe/", "/columns/weifabu/", draft.source_page.get_absolute_url()]:
        assert client.get(url).status_code == 404, url

    draft.status, draft.published_at = Article.Status.PUBLISHED, timezone.now()
    draft.save()
    for url in ["/tags/未公开话题/", "/reporters/xin-jizhe/", "/columns/weifabu/", draft.source_page.get_absolute_url()]:
        assert client.get(url).status_code == 200, url


@pytest.fixture
def old_issue_imported_today(tmp_path, make_article):
    """A 2019 page imported and published today, beside a 2023 story published a year ago;
    both carry the reporter 记者甲 and the tag 旧闻."""
    from datetime import datetime
    from pathlib import Path

    from articles.models import Byline, Reporter
    from articles.services.importing import pages_import
    from tests.seedpages import seed_path

    target = tmp_path / "qingdao-wanbao" / "2019-03-05" / "01-城区.txt"
    target.parent.mkdir(parents=True)
    target.write_bytes(Path(seed_path("001")).read_bytes())
    pages_import(paths=[target], publish=True)
    old = Article.objects.published().filter(source_page__file_name__endswith="2019-03-05/01-城区.txt").order_by("position")
    assert old.exists()
    newer = _publish(make_article, title="二〇二三年的稿件",
                     published_at=timezone.make_aware(datetime(2023, 10, 11, 6)))
    reporter = Reporter.objects.create(name="记者甲", slug="jizhe-jia")
    for article in [*old, newer]:
        Byline.objects.get_or_create(article=article, reporter=reporter, defaults={"position": 9})
        article.tags.add("旧闻")
    return old.first(), newer


def test_lists_date_an_old_issue_imported_today_by_its_edition(client, old_issue_imported_today):
    old, newer = old_issue_imported_today
    today = client.get(f"{timezone.localdate():/archive/%Y/%m/%d/}").content.decode()
    assert old.display_title not in today
    for url in ["/archive/2019/03/05/", "/archive/2019/03/"]:
        html = client.get(url).content.decode()
        assert old.display_title in html and 'datetime="2019-03-05"' in html, url
    # Newest edition first, whenever each was imported.
    for url in ["/reporters/jizhe-jia/", "/tags/旧闻/"]:
        html = client.get(url).content.decode()
        assert html.index(newer.display_title) < html.index(old.display_title), url
        assert "2019年3月5日" in html, url


def test_feeds_and_sitemaps_date_an_old_issue_imported_today_by_its_edition(client, old_issue_imported_today):
    old, newer = old_issue_imported_today
    rss = client.get("/reporters/jizhe-jia/rss/").content.decode()
    assert rss.index(newer.display_title[:8]) < rss.index(old.display_title[:8])
    assert "05 Mar 2019" in rss
    news = client.get("/sitemap-news.xml").content.decode()
    assert "2019-03-05T06:00:00+08:00" in news
    assert timezone.localdate().isoformat() not in news  # nothing was published today


def test_a_page_outside_any_issue_never_shows_its_file_name(client, make_article):
    article = _publish(make_article, title="无版次的稿件")
    page = article.source_page
    page.file_name = "000_39ff26a37397bb84.txt"
    page.save()
    for url in [f"/pages/{page.pk}/", article.get_absolute_url()]:
        html = client.get(url).content.decode()
        assert "无版次的稿件" in html and "39ff26a37397bb84" not in html, url


def test_a_merged_reporters_old_address_redirects_to_the_kept_one(client, db):
    kept = Reporter.objects.create(name="林海", outlet="青岛日报", slug="linhai")
    reporters_merge(into=kept, others=[Reporter.objects.create(name="林海", slug="linhai-2")])

    response = client.get("/reporters/linhai-2/")
    assert response.status_code == 301 and response["Location"].endswith("/reporters/linhai/")
    assert client.get("/reporters/nobody/").status_code == 404


def test_a_merged_reporters_feed_goes_on_as_the_kept_reporters(client, published_article):
    kept = published_article.bylines.get().reporter
    reporters_merge(into=kept, others=[Reporter.objects.create(name=kept.name, slug="merged-away")])
    feed = client.get("/reporters/merged-away/rss/")
    assert feed.status_code == 200 and published_article.title in feed.content.decode()
