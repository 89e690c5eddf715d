from __future__ import annotations

from django.utils import timezone

from articles.models import Article
from public.selectors import NewestFirst


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
