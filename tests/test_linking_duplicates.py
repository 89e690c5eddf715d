"""linking.services.duplicates: near-duplicates found on import and flagged for review."""

from __future__ import annotations


import pytest

from articles.models import Article
from articles.services.importing import pages_import
from linking.models import NearDuplicate
from linking.services.duplicates import duplicate_review, duplicates_detect
from tests.seedpages import copy_seed, seed_name, seed_path

pytestmark = pytest.mark.django_db

# OCR-style slips: look-alike characters, as a re-scan of the same page would read them.
SLIPS = {"拉动作用": "拉劫作用", "集聚化发展": "集聚化發展", "存量竞争": "存最竞争", "快速崛起": "快速堀起"}


def rescanned_copy(tmp_path):
    text = seed_path("000").read_text(encoding="utf-8")
    for old, new in SLIPS.items():
        assert old in text
        text = text.replace(old, new, 1)
    target = tmp_path / "000_rescan.txt"
    target.write_text(text, encoding="utf-8")
    return target


def test_a_rescanned_page_s_articles_are_flagged_as_near_duplicates(tmp_path, announcements):
    original = copy_seed("000", tmp_path)
    with announcements(deliver=True):
        pages_import(paths=[original])
    assert not NearDuplicate.objects.exists()

    with announcements(deliver=True):
        pages_import(paths=[rescanned_copy(tmp_path)])

    pairs = {(d.article.source_page.file_name, d.duplicate_of.source_page.file_name, d.article.title == d.duplicate_of.title)
             for d in NearDuplicate.objects.select_related("article__source_page", "duplicate_of__source_page")}
    assert pairs == {("000_rescan.txt", seed_name("000"), True)}
    # Every article of the page has its twin flagged, and only its twin.
    assert NearDuplicate.objects.count() == Article.objects.filter(source_page__file_name="000_rescan.txt").count() == 6
    assert all(d.distance <= 7 for d in NearDuplicate.objects.all())


def test_detection_is_idempotent_and_reviewable(tmp_path, announcements):
    with announcements(deliver=True):
        pages_import(paths=[copy_seed("000", tmp_path), rescanned_copy(tmp_path)])
    ids = list(Article.objects.values_list("pk", flat=True))
    duplicates_detect(article_ids=ids)
    assert NearDuplicate.objects.count() == 6
    flag = NearDuplicate.objects.first()
    duplicate_review(duplicate=flag, status=NearDuplicate.Status.DISMISSED)
    duplicates_detect(article_ids=ids)
    flag.refresh_from_db()
    assert flag.status == NearDuplicate.Status.DISMISSED


def test_different_stories_are_not_flagged(tmp_path, announcements):
    with announcements(deliver=True):
        pages_import(paths=[copy_seed(p, tmp_path) for p in ("000", "001", "002")])
    assert not NearDuplicate.objects.exists()
