"""Cached public pages change as soon as what they show changes."""

from __future__ import annotations

from django.utils import timezone

from articles.models import Article, Byline, Reporter
from articles.signals import announce_changed
from public import pagecache


def _other_page():
    from articles.models import SourcePage

    return SourcePage.objects.create(file_name="001_other.txt", sha256="1" * 64, raw_text="体育新闻", outlet="青岛日报")


def test_second_visit_is_served_from_the_cache(client, published_article, django_assert_num_queries):
    url = published_article.get_absolute_url()
    first = client.get(url).content
    with django_assert_num_queries(0):
        assert client.get(url).content == first


def test_with_the_page_cache_off_every_visit_renders_and_the_cache_is_not_asked(client, published_article):
    from unittest import mock

    from django.test.utils import override_settings

    from public import pagecache

    url = published_article.get_absolute_url()
    with override_settings(PAGE_CACHE_SECONDS=0), mock.patch.object(pagecache, "cache", wraps=pagecache.cache) as cache:
        first = client.get(url).content
        published_article.title = "改过的标题"
        Article.objects.filter(pk=published_article.pk).update(title="改过的标题")  # no signal: only a render shows it
        assert client.get(url).content != first
    cache.get_many.assert_not_called()
    cache.set.assert_not_called()


def test_a_hit_is_the_page_as_rendered_headers_and_all(client, published_article, django_assert_num_queries):
    """Served before the middleware that adds them runs: the headers are stored with the page."""
    for url in (published_article.get_absolute_url(), "/hant" + published_article.get_absolute_url()):
        rendered = client.get(url)
        with django_assert_num_queries(0):
            hit = client.get(url)
        assert hit.content == rendered.content
        assert dict(hit.items()) == dict(rendered.items())
        assert {"Content-Security-Policy", "X-Frame-Options", "Content-Length"} <= set(dict(hit.items()))


def test_only_pages_are_looked_up(client, published_article, monkeypatch):
    looked_up = []
    get_many = pagecache.cache.get_many
    monkeypatch.setattr(pagecache.cache, "get_many", lambda keys: looked_up.append(keys) or get_many(keys))
    for url in ("/desk/", "/admin/", "/api/v1/articles"):
        client.get(url)
    client.post(published_article.get_absolute_url())  # 405: no page to serve
    assert looked_up == []
    client.get(published_article.get_absolute_url())
    assert looked_up


def test_after_a_bump_elsewhere_a_page_is_one_cache_read_again(client, published_article, monkeypatch, django_assert_num_queries):
    url = published_article.get_absolute_url()
    client.get(url)
    client.get(url)
    pagecache.bump(["tag:elsewhere"])  # the clock moves; this page's scopes do not
    reads = []
    get_many = pagecache.cache.get_many
    monkeypatch.setattr(pagecache.cache, "get_many", lambda keys: reads.append(keys) or get_many(keys))
    with django_assert_num_queries(0):
        client.get(url)  # the page and the clock, then its scopes: unchanged, so it is stored under this clock
        client.get(url)
    assert len(reads) == 3


def test_publishing_shows_the_article_on_cached_pages(client, published_article, make_article):
    client.get("/")
    draft = make_article(title="刚刚发布的稿件")
    assert "刚刚发布的稿件" not in client.get("/").content.decode()
    draft.status, draft.published_at = Article.Status.PUBLISHED, timezone.now()
    draft.save()
    assert "刚刚发布的稿件" in client.get("/").content.decode()


def test_edits_queryset_updates_and_signal_refresh_the_page(client, published_article, announcements):
    url = published_article.get_absolute_url()
    client.get(url)
    # A bulk update sends no post_save; the desk and the importer announce the change.
    with announcements(deliver=True):
        Article.objects.filter(pk=published_article.pk).update(subtitle="新的副题")
        announce_changed([published_article.pk])
    assert "新的副题" in client.get(url).content.decode()


def test_byline_changes_and_unpublishing_refresh_the_page(client, published_article):
    url = published_article.get_absolute_url()
    client.get(url)
    Byline.objects.create(article=published_article, reporter=Reporter.objects.create(name="王凯", slug="wk"), position=2)
    assert "王凯" in client.get(url).content.decode()
    published_article.status = Article.Status.UNPUBLISHED
    published_article.save()
    assert client.get(url).status_code == 404


def test_deleting_refreshes_the_page(client, published_article):
    url = published_article.get_absolute_url()
    client.get(url)
    published_article.delete()
    assert client.get(url).status_code == 404


def test_an_editors_decision_on_a_related_link_refreshes_the_page(client, published_article, make_article):
    from linking.models import RelatedLink
    from linking.services.related import link_decide

    # On another page: a story of the same page is shown anyway, in its 标题导航.
    target = make_article(title="相关的稿件", status=Article.Status.PUBLISHED, published_at=timezone.now(),
                          source_page=_other_page())
    link = RelatedLink.objects.create(source=published_article, target=target, score=0.1, reasons=["同一记者: 丁倩倩"])
    url = published_article.get_absolute_url()
    assert "相关的稿件" not in client.get(url).content.decode()  # a weak suggestion: not shown, page cached

    link_decide(link=link, status=RelatedLink.Status.PINNED)

    assert "相关的稿件" in client.get(url).content.decode()


def test_relinking_refreshes_the_page(client, published_article, monkeypatch):
    from linking.services import refresh

    url = published_article.get_absolute_url()
    client.get(url)
    # Extraction writes tags and mentions in bulk, which sends no save signals.
    monkeypatch.setattr(refresh, "articles_extract", lambda *, article_ids: list(article_ids))
    Article.objects.filter(pk=published_article.pk).update(subtitle="重新关联之后")

    refresh.articles_link(article_ids=[published_article.pk])

    assert "重新关联之后" in client.get(url).content.decode()


# --- invalidation by scope -----------------------------------------------------------

import pytest  # noqa: E402
from django.db import transaction  # noqa: E402

from articles.models import Section  # noqa: E402


@pytest.fixture
def sections(db):
    economy = Section.objects.create(name="经济", slug="jingji", position=1)
    sport = Section.objects.create(name="体育", slug="tiyu", position=2)
    local = Section.objects.create(name="青岛", slug="qingdao", parent=economy, position=3)
    return economy, sport, local


def _cached(client, django_assert_num_queries, *urls):
    """Each page renders now, and is then served with no query."""
    for url in urls:
        assert client.get(url).status_code == 200
    with django_assert_num_queries(0):
        for url in urls:
            assert client.get(url).status_code == 200


def _still_cached(client, django_assert_num_queries, *urls):
    with django_assert_num_queries(0):
        for url in urls:
            client.get(url)


def test_saving_a_draft_invalidates_nothing_public(client, published_article, make_article, sections, django_assert_num_queries):
    economy, _sport, local = sections
    published_article.section = local
    published_article.save()
    urls = ["/", published_article.get_absolute_url(), "/sections/jingji/", "/sections/qingdao/", "/reporters/ding-qianqian/"]
    _cached(client, django_assert_num_queries, *urls)
    clock = pagecache.cache.get(pagecache.CLOCK_KEY)

    draft = make_article(title="尚未发布的稿件", section=local)
    draft.body = "改了又改。"
    draft.status = Article.Status.IN_REVIEW
    draft.save()
    Byline.objects.create(article=draft, reporter=Reporter.objects.get(slug="ding-qianqian"), position=1)
    draft.tags.add("电商")
    with transaction.atomic():
        draft.save()
    draft.delete()

    assert pagecache.cache.get(pagecache.CLOCK_KEY) == clock  # nothing was bumped at all
    _still_cached(client, django_assert_num_queries, *urls)


def test_saving_a_page_of_drafts_bumps_nothing(client, published_article, make_article, django_assert_num_queries):
    """A re-import saves the page first: with none of its stories public, its views are 404s, cached nowhere."""
    urls = ["/", published_article.get_absolute_url()]
    _cached(client, django_assert_num_queries, *urls)
    clock = pagecache.cache.get(pagecache.CLOCK_KEY)
    page = _other_page()
    make_article(title="尚未发布的稿件", source_page=page)
    page.page_label = "A2"
    with django_assert_num_queries(2):  # the UPDATE, and which of its stories readers may have seen: one query
        page.save()
    assert pagecache.cache.get(pagecache.CLOCK_KEY) == clock
    _still_cached(client, django_assert_num_queries, *urls)


def test_publishing_invalidates_the_pages_that_show_it_and_no_others(client, published_article, make_article, sections, django_assert_num_queries):
    economy, sport, local = sections
    other = make_article(title="体育新闻", section=sport, status=Article.Status.PUBLISHED, published_at=timezone.now(),
                         source_page=_other_page())
    untouched = [other.get_absolute_url(), "/sections/tiyu/"]
    shown = ["/", "/sections/jingji/", "/sections/qingdao/", "/reporters/ding-qianqian/", "/search/?q=青岛",
             f"/pages/{published_article.source_page_id}/", "/tags/电商/",
             published_article.get_absolute_url(),  # its page's 标题导航 lists the new story
             "/archive/{0:%Y/%m/%d}/".format(timezone.localtime())]
    published_article.tags.add("电商")
    _cached(client, django_assert_num_queries, *[u for u in shown if "tags" not in u and "/pages/" not in u], *untouched)

    story = make_article(title="经济快讯：青岛港", section=local)
    Byline.objects.create(article=story, reporter=Reporter.objects.get(slug="ding-qianqian"), position=1)
    story.tags.add("电商")
    story.status, story.published_at = Article.Status.PUBLISHED, timezone.now()
    story.save()

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for url in shown:
        with CaptureQueriesContext(connection) as queries:
            content = client.get(url).content.decode()
        assert queries.captured_queries, f"{url} was served from the cache"
        # (search finds it once the index follows, on articles_changed)
        assert "search" in url or "经济快讯：青岛港" in content, url
    _still_cached(client, django_assert_num_queries, *untouched)


def test_unpublishing_takes_it_off_every_page_at_once(client, published_article, make_article, sections):
    economy, _sport, local = sections
    published_article.section = local
    published_article.tags.add("电商")
    published_article.save()
    reader = make_article(title="另一篇稿件", status=Article.Status.PUBLISHED, published_at=timezone.now())
    from linking.models import RelatedLink

    RelatedLink.objects.create(source=reader, target=published_article, score=0.9, reasons=["同一记者: 丁倩倩"],
                               status=RelatedLink.Status.PINNED)
    title = published_article.title
    pages = ["/", "/sections/jingji/", "/reporters/ding-qianqian/", "/tags/电商/", reader.get_absolute_url()]
    for url in pages:
        assert title in client.get(url).content.decode(), url

    published_article.status = Article.Status.UNPUBLISHED
    published_article.save()

    assert client.get(published_article.get_absolute_url()).status_code == 404
    for url in pages:
        response = client.get(url)
        assert response.status_code in (200, 404) and title not in response.content.decode(), url


def test_a_page_depends_on_the_articles_it_showed_wherever_they_move(client, published_article, sections, announcements):
    economy, sport, _local = sections
    published_article.section = economy
    published_article.save()
    assert published_article.title in client.get("/sections/jingji/").content.decode()
    # A queryset update sends no save signal; the desk announces it.
    with announcements(deliver=True):
        Article.objects.filter(pk=published_article.pk).update(section=sport)
        announce_changed([published_article.pk])
    assert published_article.title not in client.get("/sections/jingji/").content.decode()
    assert published_article.title in client.get("/sections/tiyu/").content.decode()


def test_a_page_rendered_across_a_bump_is_not_stored(client, published_article, monkeypatch):
    from public import views

    url = published_article.get_absolute_url()
    render = views.render

    def render_then_bump(*args, **kwargs):
        response = render(*args, **kwargs)
        pagecache.bump(["home"])  # another process published while this page rendered
        return response

    monkeypatch.setattr(views, "render", render_then_bump)
    client.get(url)  # starts the clock
    client.get(url)
    monkeypatch.setattr(views, "render", render)
    key = pagecache._key(client.get(url).wsgi_request)
    assert pagecache.cache.get(key) is not None  # only this one was stored


def test_a_bump_inside_a_transaction_is_repeated_on_commit(published_article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with transaction.atomic():
            published_article.subtitle = "改过的副题"
            published_article.save()
    assert len(callbacks) == 1
    before = pagecache.cache.get(pagecache._gen_key(f"article:{published_article.pk}"))
    callbacks[0]()
    assert pagecache.cache.get(pagecache._gen_key(f"article:{published_article.pk}")) != before


# --- an edition's date changes -------------------------------------------------------


def _import_as(tmp_path, announcements, publication: str, day: str):
    from articles.services.editions import EditionOptions
    from articles.services.importing import pages_import
    from tests.seedpages import flat_copy

    with announcements(deliver=True):  # the import's announcement, after its commit
        pages_import(paths=[flat_copy("001", tmp_path)], publish=True,
                     edition_options=EditionOptions(publication=publication, date=day, page="1"))


def _gone_from(client, url: str, title: str) -> bool:
    response = client.get(url)
    return response.status_code == 404 or title not in response.content.decode()


def test_a_redated_page_leaves_the_archive_day_it_was_of_even_where_no_story_of_it_was_listed(
    client, tmp_path, announcements, make_article
):
    """Its stories were on the day's second page: the first counted them (下一页) without loading them."""
    from datetime import date, timedelta

    from articles.services.editions import publication_time
    from public.views import PER_PAGE

    _import_as(tmp_path, announcements, "qingdao-wanbao", "2019-03-05")
    later = publication_time(date(2019, 3, 5)) + timedelta(hours=1)  # listed before the page's stories
    for n in range(PER_PAGE):
        make_article(title=f"当天的另一篇稿件{n}", status=Article.Status.PUBLISHED, published_at=later)
    day = "/archive/2019/03/05/"
    assert 'rel="next"' in client.get(day).content.decode()

    _import_as(tmp_path, announcements, "qingdao-wanbao", "2019-03-06")

    assert 'rel="next"' not in client.get(day).content.decode()  # the day has one page of stories now


def test_a_redated_page_leaves_the_cached_views_of_its_old_date(db, client, tmp_path, announcements):
    """A re-import gives the page another date: its old issue, printed page and archive day stop showing its stories."""
    _import_as(tmp_path, announcements, "qingdao-wanbao", "2019-03-05")
    story = Article.objects.published().filter(source_page__file_name="001.txt").order_by("position").first()
    old = ["/qingdao-wanbao/2019-03-05/", "/qingdao-wanbao/2019-03-05/01/", "/archive/2019/03/05/"]
    for url in old:
        assert story.title in client.get(url).content.decode(), url

    _import_as(tmp_path, announcements, "qingdao-wanbao", "2019-03-06")

    assert all(_gone_from(client, url, story.title) for url in old)
    assert story.title in client.get("/qingdao-wanbao/2019-03-06/01/").content.decode()


def test_a_page_moved_to_another_papers_issue_leaves_the_old_papers_front_and_calendar(db, client, tmp_path, announcements):
    """They list its issues by date only (no story loaded): the page's state before the move names them."""
    from articles.models import Issue, Publication, SourcePage

    _import_as(tmp_path, announcements, "qingdao-wanbao", "2019-03-05")
    front, calendar = "/qingdao-wanbao/", "/qingdao-wanbao/2019-03/"
    assert client.get(front).status_code == 200
    assert "/qingdao-wanbao/2019-03-05/" in client.get(calendar).content.decode()

    # An editor files the page under the paper it was really printed in (the admin saves it so).
    page = SourcePage.objects.get(file_name="001.txt")
    other = Publication.objects.create(name="青岛日报", slug="qingdao-ribao")
    page.issue = Issue.objects.create(publication=other, edition_date=page.edition_date)
    page.save()

    assert client.get(front).status_code == 404  # nothing of it is published any more
    assert _gone_from(client, calendar, "/qingdao-wanbao/2019-03-05/")
    assert client.get("/qingdao-ribao/2019-03-05/01/").status_code == 200


def test_a_page_printing_only_a_continued_part_is_refreshed_when_saved(db, client, django_assert_num_queries):
    """Its own stories are drafts, but it prints the later part of a published story
    (转版): its view and its issue's are public, and a new 版名 shows at once."""
    from datetime import date, datetime, time
    from zoneinfo import ZoneInfo

    from articles.models import Issue, Publication, SourcePage

    day = date(2024, 8, 6)
    issue = Issue.objects.create(publication=Publication.objects.create(name="青岛日报", slug="qingdao-ribao"), edition_date=day)
    front, second = (
        SourcePage.objects.create(file_name=f"qingdao-ribao/{day}/0{n}.txt", sha256=str(n) * 64, raw_text="版面原文",
                                  outlet="青岛日报", edition_date=day, issue=issue, number=n, name="要闻")
        for n in (1, 2)
    )
    lead = Article.objects.create(source_page=front, position=1, span_start=0, span_end=10, title="青岛港开通新航线", body="正文。", continues_to="第二版",
                                  status=Article.Status.PUBLISHED, published_at=datetime.combine(day, time(6), tzinfo=ZoneInfo("Asia/Shanghai")))
    Article.objects.create(source_page=second, position=1, span_start=0, span_end=4, title="", body="接上。", continuation_of=lead, status=Article.Status.DRAFT)
    urls = [second.get_absolute_url(), issue.get_absolute_url()]
    _cached(client, django_assert_num_queries, *urls)

    second.name = "城市"
    second.save()

    for url in urls:
        assert "城市" in client.get(url).content.decode(), url


def test_a_kept_read_is_built_once_per_generation_of_its_scopes_and_notes_what_it_loaded(published_article):
    built = []

    def build():
        built.append(1)
        return list(Article.objects.filter(pk=published_article.pk))

    def use() -> set[int]:
        rendering = pagecache._Rendering()
        token = pagecache._rendering.set(rendering)
        try:
            assert pagecache.kept(("test",), [pagecache.HOME], build)[0].pk == published_article.pk
        finally:
            pagecache._rendering.reset(token)
        return rendering.shown

    # Used again, it is not read again, and the page rendering still depends on its articles.
    assert use() == {published_article.pk} and use() == {published_article.pk}
    assert len(built) == 1
    pagecache.bump(["section:other"])  # not one of its scopes
    use()
    assert len(built) == 1
    pagecache.bump([pagecache.HOME])
    use()
    pagecache.invalidate()  # all
    use()
    assert len(built) == 3


def test_nothing_is_kept_by_a_cache_that_keeps_nothing(published_article, settings):
    from django.core.cache import caches

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    built = []
    from unittest import mock

    with mock.patch.object(pagecache, "cache", caches["default"]):
        for _ in range(2):
            pagecache.kept(("test",), [pagecache.HOME], lambda: built.append(1))
    assert len(built) == 2


def test_a_kept_read_lives_a_minute_at_most_when_no_bump_reaches_it(published_article, monkeypatch, settings):
    settings.PAGE_CACHE_SECONDS = 0
    monkeypatch.setattr(pagecache, "_generations_shared", lambda: True)
    built, now = [], [1000.0]
    monkeypatch.setattr(pagecache.time, "monotonic", lambda: now[0])
    for seconds in (0, pagecache.KEPT_SECONDS - 1, pagecache.KEPT_SECONDS + 1):
        now[0] = 1000.0 + seconds
        pagecache.kept(("minute",), [pagecache.HOME], lambda: built.append(1))
    assert len(built) == 2


def test_with_a_per_process_cache_and_the_page_cache_off_nothing_is_kept(published_article, monkeypatch, settings):
    # Another process's unpublish would bump only its own generations: read every time.
    settings.PAGE_CACHE_SECONDS = 0
    monkeypatch.setattr(pagecache, "_generations_shared", lambda: False)
    built = []
    for _ in range(2):
        pagecache.kept(("per-process",), [pagecache.HOME], lambda: built.append(1))
    assert len(built) == 2
