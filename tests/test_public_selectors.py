from __future__ import annotations

from django.utils import timezone

from articles.models import Article, Section
from articles.site_selectors import NewestFirst, section_with_descendants


def test_newest_first_merges_the_public_statuses(make_article):
    now = timezone.now()
    made = [
        make_article(title=f"稿件{i}", status=status, published_at=now - timezone.timedelta(hours=i))
        for i, status in enumerate([Article.Status.CORRECTED, Article.Status.PUBLISHED, Article.Status.CORRECTED,
                                    Article.Status.PUBLISHED, Article.Status.DRAFT])
    ]
    newest = NewestFirst(Article.objects.all())
    assert newest.count() == len(newest) == 4
    assert newest[0:4] == made[:4]
    assert newest[1:3] == made[1:3]


def test_section_with_descendants_at_any_depth(db):
    economy = Section.objects.create(name="经济", slug="a")
    finance = Section.objects.create(name="财经", slug="b", parent=economy)
    markets = Section.objects.create(name="市场", slug="c", parent=finance)
    Section.objects.create(name="体育", slug="d")
    assert section_with_descendants(economy) == [economy, finance, markets]
    assert section_with_descendants(finance) == [finance, markets]
