"""articles.services.reporters: one person printed two ways becomes one reporter, and stays one."""

from __future__ import annotations

import dataclasses

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from articles.models import Article, Byline, Reporter, ReporterAlias, SourcePage
from articles.parsing import parse_page
from articles.parsing.decoding import decode_page
from articles.services.importing import page_import
from articles.services.naming import reporter_create
from articles.services.reporters import reporters_merge

PAGE = "# 港口建设迈出新步伐\n\n本报记者 林海\n\n本报讯 今年以来，我市港口建设进展顺利。"


def _article(title: str, *credits: tuple[Reporter, str]) -> Article:
    source, _ = SourcePage.objects.get_or_create(file_name="reporters.txt", defaults={"sha256": "2" * 64, "raw_text": ""})
    n = Article.objects.count()
    article = Article.objects.create(source_page=source, position=n + 1, span_start=n, span_end=n + 1, title=title, body="正文。")
    for position, (reporter, role) in enumerate(credits, start=1):
        Byline.objects.create(article=article, reporter=reporter, role=role, position=position)
    return article


@pytest.fixture
def namesakes(db) -> tuple[Reporter, Reporter]:
    return (Reporter.objects.create(name="林海", outlet="青岛日报", slug="linhai"),
            Reporter.objects.create(name="林海", outlet="", slug="linhai-2"))


def test_a_merge_moves_the_bylines_and_keeps_the_name_and_address_as_an_alias(namesakes, announcements):
    kept, other = namesakes
    first, second = _article("甲", (kept, "记者")), _article("乙", (other, "记者"))

    with announcements() as sent:
        reporters_merge(into=kept, others=[other])

    assert not Reporter.objects.filter(pk=other.pk).exists()
    assert list(second.bylines.values_list("reporter_id", flat=True)) == [kept.pk]
    assert list(first.bylines.values_list("reporter_id", flat=True)) == [kept.pk]
    assert list(ReporterAlias.objects.values_list("name", "outlet", "slug", "reporter_id")) == [("林海", "", "linhai-2", kept.pk)]
    assert sent == [[second.pk]]  # its lists, feeds and facets are the kept reporter's now


def test_an_article_crediting_both_in_one_role_keeps_one_byline(namesakes):
    kept, other = namesakes
    both = _article("甲", (kept, "记者"), (other, "记者"), (other, "摄影"))

    reporters_merge(into=kept, others=[other])

    assert list(both.bylines.order_by("position").values_list("reporter_id", "role")) == [(kept.pk, "记者"), (kept.pk, "摄影")]


def test_aliases_of_a_merged_reporter_follow_it_into_the_next_merge(db):
    a, b, c = (Reporter.objects.create(name=n, slug=s) for n, s in [("王浩", "wanghao"), ("王  浩", "wang-hao"), ("王浩然", "wanghaoran")])
    reporters_merge(into=b, others=[a])
    reporters_merge(into=c, others=[b])
    assert sorted(ReporterAlias.objects.filter(reporter=c).values_list("slug", flat=True)) == ["wang-hao", "wanghao"]


def test_a_desk_account_moves_to_the_kept_reporter_and_two_accounts_refuse(namesakes):
    kept, other = namesakes
    User = get_user_model()
    other.user = User.objects.create_user(username="linhai")
    other.save()
    reporters_merge(into=kept, others=[other])
    assert Reporter.objects.get(pk=kept.pk).user.username == "linhai"

    third = Reporter.objects.create(name="林海", outlet="大众日报", slug="linhai-3", user=User.objects.create_user(username="lin2"))
    with pytest.raises(ValidationError):
        reporters_merge(into=Reporter.objects.get(pk=kept.pk), others=[third])
    assert Reporter.objects.filter(pk=third.pk).exists()  # nothing half done


def test_a_later_import_credits_a_merged_name_to_the_kept_reporter(namesakes):
    kept, other = namesakes
    reporters_merge(into=kept, others=[other])
    page = parse_page(decode_page("a.txt", PAGE.encode()))
    assert [(p.name, p.outlet) for p in page.articles[0].bylines] == [("林海", "")]  # no paper named on the page

    result = page_import(page=dataclasses.replace(page, file_name="a.txt"))

    assert result.reporters_created == 0
    assert list(Byline.objects.values_list("reporter_id", flat=True)) == [kept.pk]
    assert Reporter.objects.filter(name="林海").count() == 1


def test_namesakes_are_the_reporters_sharing_a_name(namesakes):
    Reporter.objects.create(name="王浩", slug="wanghao")
    assert sorted(Reporter.objects.namesakes().values_list("slug", flat=True)) == ["linhai", "linhai-2"]


def test_a_merged_reporters_old_slug_is_never_given_to_another_reporter(namesakes):
    kept, other = namesakes
    reporters_merge(into=kept, others=[other])
    later = reporter_create(name="林海", outlet="大众日报")  # another person of that name
    assert later.slug not in ("linhai", "linhai-2")
    reporters_merge(into=kept, others=[later])  # and merging them keeps every old address
    assert sorted(kept.aliases.values_list("slug", flat=True)) == sorted(["linhai-2", later.slug])


def test_a_name_merged_before_follows_its_latest_merge(db):
    first, second = Reporter.objects.create(name="王浩", slug="wanghao"), Reporter.objects.create(name="王浩然", slug="wanghaoran")
    reporters_merge(into=first, others=[Reporter.objects.create(name="王 浩", slug="wang-hao")])
    again = Reporter.objects.create(name="王 浩", slug="wang-hao-2")  # an editor added the spelling again
    reporters_merge(into=second, others=[again])
    assert set(ReporterAlias.objects.filter(name="王 浩").values_list("reporter_id", flat=True)) == {second.pk}
