from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.models import Article, Byline, Reporter, Section

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_clean_fills_empty_slug(make_article):
    article = make_article()
    assert article.slug == "qingdao-dianshang-jubian-pengpai-xiaofei-qiang-yinqing"


def test_clean_keeps_given_slug(make_article):
    assert make_article(slug="custom").slug == "custom"


def test_new_article_is_draft(make_article):
    assert make_article().status == Article.Status.DRAFT
    assert Article.Status.PUBLISHED.label == "已发布"


def test_url_uses_local_publishing_date(make_article):
    # 2024-03-01 23:30 UTC is already 2 March in Shanghai.
    published = datetime(2024, 3, 1, 23, 30, tzinfo=ZoneInfo("UTC"))
    article = make_article(status=Article.Status.PUBLISHED, published_at=published)
    assert article.get_absolute_url() == f"/articles/2024/03/02/{article.pk}-{article.slug}/"


def test_url_falls_back_to_created_date(make_article):
    article = make_article()
    day = article.created_at.astimezone(SHANGHAI).date()
    assert article.get_absolute_url().startswith(f"/articles/{day:%Y/%m/%d}/{article.pk}-")


def test_url_is_what_reverse_gives_under_each_prefix_and_urlconf(make_article, settings):
    from django.test import override_settings
    from django.urls import NoReverseMatch, reverse, set_script_prefix

    article = make_article()

    def reversed_() -> str:
        day = article.url_date
        return reverse("public:detail", kwargs={"year": f"{day:%Y}", "month": f"{day:%m}", "day": f"{day:%d}",
                                                "pk": article.pk, "slug": article.slug})

    assert article.get_absolute_url() == reversed_()
    set_script_prefix("/hant/")  # the traditional-character site (public.scripts)
    try:
        assert article.get_absolute_url() == reversed_() and reversed_().startswith("/hant/articles/")
    finally:
        set_script_prefix("/")
    with override_settings(ROOT_URLCONF="bench.served_urls"):
        assert article.get_absolute_url() == reversed_()
    article.slug = "不是slug"  # no address takes it: reverse() says so, not a made-up address
    with pytest.raises(NoReverseMatch):
        article.get_absolute_url()


def test_display_title_for_photo_news(make_article):
    article = make_article(title="", body="■ 市民在公园赏花。")
    assert str(article) == "市民在公园赏花。"
    assert article.slug  # from the body when there is no title


@pytest.mark.parametrize("value", ["2024-10-10", "--10-10", ""])
def test_dateline_date_accepts_iso_and_yearless(make_article, value):
    make_article(dateline_date=value)


def test_dateline_date_rejects_other_formats(make_article):
    with pytest.raises(ValidationError):
        make_article(dateline_date="10月10日")


def test_reporter_unique_per_outlet_and_url(db):
    Reporter.objects.create(name="王伟", outlet="青岛日报", slug="wang-wei")
    Reporter.objects.create(name="王伟", outlet="新华社", slug="wang-wei-2")
    with pytest.raises(IntegrityError), transaction.atomic():
        Reporter.objects.create(name="王伟", outlet="青岛日报", slug="wang-wei-3")
    assert Reporter.objects.get(slug="wang-wei").get_absolute_url() == "/reporters/wang-wei/"


def test_bylines_ordered_and_unique_position(make_article):
    article = make_article()
    a = Reporter.objects.create(name="甲", slug="jia")
    b = Reporter.objects.create(name="乙", slug="yi")
    Byline.objects.create(article=article, reporter=b, position=2)
    Byline.objects.create(article=article, reporter=a, position=1)
    assert [x.reporter.name for x in article.bylines.all()] == ["甲", "乙"]
    with pytest.raises(IntegrityError), transaction.atomic():
        Byline.objects.create(article=article, reporter=a, position=1)


def test_source_page_is_protected(make_article, source_page):
    from django.db.models import ProtectedError

    make_article()
    with pytest.raises(ProtectedError):
        source_page.delete()


def test_tags(make_article):
    article = make_article()
    article.tags.add("电商", "消费")
    assert sorted(t.name for t in article.tags.all()) == ["消费", "电商"]


def test_fixtures_load_twice_without_duplicates(db):
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    for _ in range(2):
        call_command("loaddata", "fixtures/sections.json", "fixtures/groups.json", verbosity=0)
    assert Section.objects.count() == 9
    assert str(Section.objects.get(slug="caijing")) == "经济 › 财经"
    assert set(Group.objects.values_list("name", flat=True)) == {"记者", "编辑", "部门主任", "主编"}
    assert Group.objects.get(name="编辑").permissions.filter(codename="change_article").exists()


def test_ensure_editor_is_idempotent(db, monkeypatch, capsys):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    monkeypatch.setenv("NEWSROOM_EDITOR_PASSWORD", "s3cret-Passw0rd")
    call_command("ensure_editor")
    user = get_user_model().objects.get(username="editor")
    assert user.is_staff and user.check_password("s3cret-Passw0rd")
    assert user.groups.filter(name="主编").exists()
    assert "密码：" not in capsys.readouterr().out  # chosen password is never echoed

    monkeypatch.setenv("NEWSROOM_EDITOR_PASSWORD", "another-Passw0rd")
    call_command("ensure_editor")
    assert "已存在" in capsys.readouterr().out
    user.refresh_from_db()
    assert user.check_password("s3cret-Passw0rd")


def test_ensure_editor_prints_generated_password(db, monkeypatch, capsys):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    monkeypatch.delenv("NEWSROOM_EDITOR_PASSWORD", raising=False)
    call_command("ensure_editor")
    line = next(l for l in capsys.readouterr().out.splitlines() if l.startswith("密码："))
    assert get_user_model().objects.get(username="editor").check_password(line.removeprefix("密码："))


def test_reverse_cached_gives_reverse_s_address_per_script_prefix():
    from django.urls import NoReverseMatch, reverse, set_script_prefix

    from articles.models import reverse_cached

    plain = reverse("public:section", kwargs={"slug": "yaowen"})
    assert reverse_cached("public:section", slug="yaowen") == plain
    set_script_prefix("/hant/")
    try:
        assert reverse_cached("public:section", slug="yaowen") == "/hant" + plain
    finally:
        set_script_prefix("/")
    assert reverse_cached("public:section", slug="yaowen") == plain
    with pytest.raises(NoReverseMatch):
        reverse_cached("public:section", slug="不是地址")
