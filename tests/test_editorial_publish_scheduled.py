"""manage.py publish_scheduled: what cron runs to publish scheduled articles when they are due."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from articles.models import Article
from editorial import services
from editorial.models import Transition
from tests.desk import desk, fresh, page, signed  # noqa: F401  (fixtures)

S = Article.Status


def test_publishes_the_due_articles_and_leaves_the_others(desk, page, django_capture_on_commit_callbacks):
    chief = desk("chief")
    Article.objects.filter(pk__in=[a.pk for a in page]).update(status=S.APPROVED)
    signed(*page)
    services.article_schedule(article=fresh(page[0]), user=chief, when=timezone.now() + timedelta(hours=1))
    services.article_schedule(article=fresh(page[1]), user=chief, when=timezone.now() + timedelta(hours=1))
    # Their time has come: the scheduled moment is now in the past.
    Article.objects.filter(pk=page[0].pk).update(scheduled_at=timezone.now() - timedelta(minutes=1))
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", stdout=out)

    assert "published 1" in out.getvalue()
    assert fresh(page[0]).status == S.PUBLISHED and fresh(page[0]) in Article.objects.published()
    assert fresh(page[1]).status == S.SCHEDULED and fresh(page[2]).status == S.APPROVED
    assert Transition.objects.filter(article=page[0], to_status=S.PUBLISHED, user=None).exists()


def test_running_it_again_publishes_nothing_more(desk, page):
    Article.objects.filter(pk=page[0].pk).update(status=S.SCHEDULED, scheduled_at=timezone.now() - timedelta(minutes=1))
    signed(page[0])
    call_command("publish_scheduled", stdout=StringIO())
    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    assert "published 0" in out.getvalue()
    assert Transition.objects.count() == 1


def test_a_refused_article_does_not_stop_the_others(desk, page, monkeypatch):
    chief = desk("chief")
    Article.objects.filter(pk__in=[a.pk for a in page[:2]]).update(status=S.APPROVED)
    signed(*page[:2])
    for article in page[:2]:
        services.article_schedule(article=fresh(article), user=chief, when=timezone.now() + timedelta(hours=1))
    Article.objects.filter(pk__in=[a.pk for a in page[:2]]).update(scheduled_at=timezone.now() - timedelta(minutes=1))
    # The first one due can no longer be saved as it stands (a malformed dateline date).
    Article.objects.filter(pk=page[0].pk).update(dateline_date="not-a-day")

    published = services.scheduled_publish_due()

    assert published == [page[1].pk]
    assert fresh(page[0]).status == S.SCHEDULED and fresh(page[1]).status == S.PUBLISHED


def test_an_article_of_an_old_issue_goes_out_at_its_edition_time(desk, page):
    """Scheduled today, a story of a 2019 issue is still the 2019 edition's: the archive,
    lists and feeds order and select by published_at, which stands for the edition's time."""
    from datetime import date

    from articles.services.editions import publication_time

    SourcePage = type(page[0].source_page)
    SourcePage.objects.filter(pk=page[0].source_page_id).update(edition_date=date(2019, 3, 5))
    Article.objects.filter(pk=page[0].pk).update(status=S.SCHEDULED, scheduled_at=timezone.now() - timedelta(minutes=1))
    signed(page[0])
    call_command("publish_scheduled", stdout=StringIO())
    assert fresh(page[0]).published_at == publication_time(date(2019, 3, 5))
