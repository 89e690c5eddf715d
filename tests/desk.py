"""Fixtures for the editorial desk tests: the real groups from fixtures/groups.json and a user per role.

Test modules import the fixtures they use: ``from tests.desk import desk, ...``.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from articles.models import Article, Byline, Reporter, SourcePage
from editorial.levels import levels_for
from editorial.models import SignOff

ROLE_GROUPS = {"reporter": "记者", "editor": "编辑", "director": "部门主任", "chief": "主编"}

# A page of three articles whose spans partition the text, as the importer leaves them.
PAGE_PARTS = [
    "第一篇标题\n\n第一篇第一段，讲青岛电商。\n\n第一篇第二段，讲直播基地。\n\n第一篇第三段，讲跨境电商。\n\n",
    "第二篇标题\n\n第二篇第一段，讲港口。\n\n第二篇第二段，讲航运。\n\n",
    "第三篇标题\n\n第三篇第一段，讲农业。\n\n第三篇第二段，讲渔业。\n",
]
PAGE_BODIES = [
    "第一篇第一段，讲青岛电商。\n\n第一篇第二段，讲直播基地。\n\n第一篇第三段，讲跨境电商。",
    "第二篇第一段，讲港口。\n\n第二篇第二段，讲航运。",
    "第三篇第一段，讲农业。\n\n第三篇第二段，讲渔业。",
]


@pytest.fixture
def desk(db):
    """The groups as `make run` loads them, and a factory of staff users by role."""
    # tests/conftest.py loads the groups into the test database once; a
    # transactional test's flush removes them, so load them again after one.
    if Group.objects.filter(name__in=ROLE_GROUPS.values()).count() < len(ROLE_GROUPS):
        call_command("loaddata", "fixtures/groups.json", verbosity=0)
    User = get_user_model()

    def make(role: str, username: str | None = None, password: str | None = None):
        # No password unless asked: hashing one costs more than the rest of a test.
        username = username or role
        if role == "superuser":
            return User.objects.create_superuser(username=username, password=password)
        user = User.objects.create_user(username=username, password=password, is_staff=True)
        if role in ROLE_GROUPS:
            user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
        return user

    return make


@pytest.fixture
def page(db) -> list[Article]:
    """Three imported articles on one page, each with a byline."""
    source = SourcePage.objects.create(
        file_name="100_desk.txt", sha256="1" * 64, raw_text="".join(PAGE_PARTS), outlet="青岛日报"
    )
    reporter = Reporter.objects.create(name="丁倩倩", outlet="青岛日报", slug="ding-qianqian")
    articles, start = [], 0
    for position, (part, body) in enumerate(zip(PAGE_PARTS, PAGE_BODIES, strict=True), start=1):
        article = Article(
            source_page=source, position=position, span_start=start, span_end=start + len(part),
            title=part.split("\n", 1)[0], body=body, status=Article.Status.IMPORTED,
        )
        article.full_clean()
        article.save()
        Byline.objects.create(article=article, reporter=reporter, role="记者", position=1)
        articles.append(article)
        start += len(part)
    return articles


def fresh(article: Article) -> Article:
    return Article.objects.get(pk=article.pk)


def signed(*articles: Article, levels: int | None = None) -> None:
    """Give articles a standing sign-off of their first `levels` review levels (all by default),
    as if the desk had signed them: for tests that start from an approved article."""
    for article in articles:
        for level in levels_for(article)[:levels]:
            SignOff.objects.create(article=article, level=level.key)
