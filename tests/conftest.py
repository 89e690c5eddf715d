"""Shared test data builders."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from articles.models import Article, Byline, Reporter, SourcePage


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    # Django tests SQLite in memory, where threads share one connection and never
    # contend for the file lock the server's processes and threads do; a file per
    # run tests the real thing, as PostgreSQL tests do, and keeps parallel runs apart.
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.sqlite3")


@pytest.fixture(autouse=True)
def empty_cache():
    # Public pages are cached (articles.pagecache); the cache outlives each
    # test's database rollback, so every test starts with an empty one.
    cache.clear()


@pytest.fixture
def source_page(db) -> SourcePage:
    return SourcePage.objects.create(
        file_name="000_test.txt",
        sha256="0" * 64,
        raw_text="青岛电商“聚变”，澎湃消费强引擎\n\n正文。",
        outlet="青岛日报",
    )


@pytest.fixture
def make_article(source_page):
    def make(**fields) -> Article:
        fields.setdefault("position", Article.objects.filter(source_page=source_page).count() + 1)
        fields.setdefault("span_start", 0)
        fields.setdefault("span_end", 10)
        fields.setdefault("title", "青岛电商“聚变”，澎湃消费强引擎")
        fields.setdefault("body", "青岛的线上消费在消费市场恢复中表现出极强的拉动作用。\n\n## 集聚发展\n\n第二段。")
        article = Article(source_page=source_page, **fields)
        article.full_clean()  # fills the slug, as a form would
        article.save()
        return article

    return make


@pytest.fixture
def published_article(make_article) -> Article:
    article = make_article(status=Article.Status.PUBLISHED, published_at=timezone.now())
    reporter = Reporter.objects.create(name="丁倩倩", outlet="青岛日报/观海新闻", slug="ding-qianqian")
    Byline.objects.create(article=article, reporter=reporter, role="记者", position=1)
    return article
