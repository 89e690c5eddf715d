from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article
from public.selectors import NewestFirst, _issues_with_stories


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


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plans, chosen without ANALYZE statistics")
def test_an_issue_with_stories_is_asked_of_its_pages_not_of_every_published_article():
    # With the readers' filter as conditions on status, SQLite read the public-status
    # index for each issue: every published article of the archive (1 s for a month at 100,000).
    plan = _issues_with_stories().filter(publication_id=1, edition_date__gte=date(2024, 8, 1)).explain()
    assert "articles_sourcepage_issue_id" in plan and "article_public_status_pub" not in plan
