"""linking.services.tags: rename and merge, with old slugs kept."""

from __future__ import annotations

import pytest
from taggit.models import Tag

from linking.models import AutoTag, OldTagSlug
from linking.selectors import tag_for_old_slug
from linking.services.tags import tag_rename, tags_merge

pytestmark = pytest.mark.django_db


def test_renaming_keeps_the_old_slug_redirecting():
    tag = Tag.objects.create(name="电商", slug="dianshang")
    tag_rename(tag=tag, name="电子商务", slug="dianzi-shangwu")
    tag.refresh_from_db()
    assert (tag.name, tag.slug) == ("电子商务", "dianzi-shangwu")
    assert tag_for_old_slug(slug="dianshang") == tag


def test_a_name_change_alone_keeps_the_slug():
    tag = Tag.objects.create(name="电商", slug="dianshang")
    tag_rename(tag=tag, name="电子商务")
    assert not OldTagSlug.objects.exists()


def test_renaming_back_does_not_redirect_a_live_slug():
    tag = Tag.objects.create(name="电商", slug="dianshang")
    tag_rename(tag=tag, name="电子商务", slug="dianzi-shangwu")
    tag_rename(tag=tag, name="电商", slug="dianshang")
    assert list(OldTagSlug.objects.values_list("slug", flat=True)) == ["dianzi-shangwu"]


def test_merging_moves_articles_and_redirects(make_article):
    one, both = make_article(title="甲"), make_article(title="乙")
    one.tags.add("网络零售")
    both.tags.add("网络零售", "电商")
    AutoTag.objects.create(article=both, tag=Tag.objects.get(name="网络零售"))
    AutoTag.objects.create(article=both, tag=Tag.objects.get(name="电商"))
    into = Tag.objects.get(name="电商")
    old = Tag.objects.get(name="网络零售")
    old_slug = old.slug

    tags_merge(into=into, others=[old])

    assert list(one.tags.names()) == ["电商"]
    assert list(both.tags.names()) == ["电商"]
    assert not Tag.objects.filter(name="网络零售").exists()
    assert tag_for_old_slug(slug=old_slug) == into
    assert list(AutoTag.objects.values_list("tag__name", flat=True)) == ["电商"]


def test_merging_carries_earlier_redirects_along():
    a = Tag.objects.create(name="电商", slug="dianshang")
    b = Tag.objects.create(name="网商", slug="wangshang")
    tag_rename(tag=b, name="网商", slug="wangshang-2")
    tags_merge(into=a, others=[b])
    assert tag_for_old_slug(slug="wangshang") == a
    assert tag_for_old_slug(slug="wangshang-2") == a
