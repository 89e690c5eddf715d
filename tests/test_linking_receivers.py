"""linking.receivers: importing a page tags and links its articles."""

from __future__ import annotations


import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from articles.services.importing import pages_import
from articles.signals import announce_changed
from linking.models import Mention, Profile, RelatedLink
from tests.linkingdata import gazetteer  # noqa: F401 (a fixture)
from tests.seedpages import copy_seed

pytestmark = pytest.mark.django_db


def test_an_imported_page_is_tagged_and_linked(gazetteer, tmp_path, announcements):
    with announcements(deliver=True):
        pages_import(paths=[copy_seed("000", tmp_path)], publish=True)
    articles = Article.objects.all()
    assert articles.count() == 6
    assert Profile.objects.count() == 6
    assert all(a.tags.count() >= 3 for a in articles)
    assert Mention.objects.filter(entity__name="市商务局").exists()
    assert RelatedLink.objects.exists()


def test_an_editorial_change_is_relinked(gazetteer, make_article, announcements):
    article = make_article(title="茶园", body="茶园民宿。")
    article.body = "崂山区茶园民宿。"
    article.save()
    with announcements(deliver=True):
        announce_changed([article.pk])
    assert list(Mention.objects.filter(article=article).values_list("entity__name", flat=True)) == ["崂山区"]


def test_the_receiver_s_queries_grow_with_articles_not_with_the_archive(gazetteer, tmp_path, announcements):
    """Per page: a fixed batch for extraction and duplicates, plus a bounded number per article."""
    with announcements(deliver=True):
        pages_import(paths=[copy_seed(p, tmp_path) for p in ("002", "003", "004")])
    page = copy_seed("000", tmp_path)
    with CaptureQueriesContext(connection) as whole, announcements(deliver=True):
        pages_import(paths=[page])
    articles = 6
    importer = 100  # tests/test_services_importing.py measures the importer alone at 96
    per_article = 30  # suggestions: features, capped index look-ups, upsert
    assert len(whole) <= importer + 25 + articles * per_article
