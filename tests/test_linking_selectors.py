"""linking.selectors: what readers see, in a bounded number of queries."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Byline, Reporter
from linking.models import RelatedLink
from linking.selectors import SHOW_THRESHOLD, entity_articles, mentions_for_display, related_for_display, tag_for_old_slug
from linking.services.tags import tag_rename
from tests.linkingdata import gazetteer  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(make_article):
    """An article and ten others, with links of every kind from the first."""
    reporter = Reporter.objects.create(name="黄飞", slug="huang-fei")
    main = make_article(title="主稿", status=Article.Status.PUBLISHED, published_at=timezone.now())
    others = [make_article(title=f"稿件{i}", status=Article.Status.PUBLISHED, published_at=timezone.now()) for i in range(10)]
    for other in others:
        Byline.objects.create(article=other, reporter=reporter, position=1)
    return main, others


def add(source, target, status=RelatedLink.Status.SUGGESTED, score=0.9, reasons=("同一记者: 黄飞",)):
    return RelatedLink.objects.create(source=source, target=target, status=status, score=score, reasons=list(reasons))


def test_pinned_then_accepted_then_the_best_suggestions(page):
    main, others = page
    add(main, others[0], score=0.95)
    add(main, others[1], RelatedLink.Status.ACCEPTED, score=0.1)
    add(main, others[2], RelatedLink.Status.PINNED, score=0.2)
    add(main, others[3], score=0.6)
    add(main, others[4], RelatedLink.Status.REJECTED, score=0.99)
    add(main, others[5], score=SHOW_THRESHOLD - 0.01)

    shown = related_for_display(article=main)

    assert [r.article for r in shown] == [others[2], others[1], others[0], others[3]]
    assert shown[0].reason == "同一记者: 黄飞"


def test_only_published_targets_are_shown(page):
    main, others = page
    others[0].status = Article.Status.UNPUBLISHED
    others[0].save()
    add(main, others[0], RelatedLink.Status.PINNED)
    add(main, others[1])
    assert [r.article for r in related_for_display(article=main)] == [others[1]]


def test_the_limit_holds(page):
    main, others = page
    for other in others:
        add(main, other)
    assert len(related_for_display(article=main, limit=3)) == 3


def test_related_for_display_takes_two_queries_whatever_the_count(page, django_assert_num_queries):
    main, others = page
    for other in others:
        add(main, other)
    with django_assert_num_queries(2):
        shown = related_for_display(article=main, limit=10)
        for item in shown:  # what an article list item reads
            item.article.get_absolute_url(), item.article.column, [b.reporter.name for b in item.article.bylines.all()]
    assert len(shown) == 10


def test_entity_articles_lists_published_mentions_only(gazetteer, make_article):
    from linking.models import Entity
    from linking.services.refresh import articles_link

    published = make_article(title="崂山茶园", body="崂山区茶园。", status=Article.Status.PUBLISHED, published_at=timezone.now())
    draft = make_article(title="崂山民宿", body="崂山区民宿。")
    articles_link(article_ids=[published.pk, draft.pk])
    assert list(entity_articles(entity=Entity.objects.get(name="崂山区"))) == [published]
    assert [m.entity.name for m in mentions_for_display(article=draft)] == ["崂山区"]


def test_a_renamed_tag_is_found_by_its_old_slug():
    tag = Tag.objects.create(name="电商", slug="dianshang")
    tag_rename(tag=tag, name="电子商务", slug="dianzi-shangwu")
    found = tag_for_old_slug(slug="dianshang")
    assert found == tag
    # Where /tags/dianshang/ redirects to.
    assert reverse("public:tag", kwargs={"slug": found.slug}) == "/tags/dianzi-shangwu/"
    assert tag_for_old_slug(slug="nothing") is None


def test_other_names_of_the_names_in_a_query(db):
    from linking.models import Alias, Entity
    from linking.selectors import other_names

    west = Entity.objects.create(name="西海岸新区", kind=Entity.Kind.PLACE, slug="xihaian")
    Alias.objects.create(entity=west, name="黄岛区")
    Alias.objects.create(entity=west, name="黄岛")
    Entity.objects.create(name="崂山区", kind=Entity.Kind.PLACE, slug="laoshan")
    assert other_names(text="黄岛区旅游") == {"黄岛区": ["西海岸新区", "黄岛", "黄岛区"]}  # the longest name, not 黄岛
    assert other_names(text="西海岸新区和崂山区") == {"西海岸新区": ["西海岸新区", "黄岛", "黄岛区"], "崂山区": ["崂山区"]}
    assert other_names(text="济南") == {}
    assert other_names(text="") == {}
